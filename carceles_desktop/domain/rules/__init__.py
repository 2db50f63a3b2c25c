"""Pure rules of the domain, free of files, databases and Qt.

Identity numbers, search text, the pay split, the redemption estimate, serial numbers and
the Spanish calendar live here so that each rule can be tested alone (with Hypothesis
where a property can be stated) and reused by services, imports, documents and the UI.
"""
