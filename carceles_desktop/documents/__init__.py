"""PDF documents: plain frozen data in, PDF bytes out.

Each document has an input snapshot (``*_data.py`` and :mod:`.data`) filled by a service
before rendering, and a renderer that only lays that snapshot out: it computes no
business value (pretix's invoice renderer works the same way).  Nothing here touches the
database, Qt or a session; labels printed on the page are Spanish legal text kept in
:mod:`.labels`.
"""
