"""Services: one module per use-case family. No Qt.

Every public function takes the acting user (:class:`~.actor.Actor`) and a unit of work
opened by the caller, checks permission, validates input, writes the audit entry, and
raises a typed error from :mod:`carceles_desktop.errors`.
"""
