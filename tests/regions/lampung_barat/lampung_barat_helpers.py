"""Small helpers shared by the Lampung Barat tests."""


def by_key(document):
    """The document's items by key."""
    return {item.key: item for item in document.items}


def extras(item):
    """An item's extras as a dict (names are unique per item)."""
    return dict(item.extra)


def table(document, key):
    """The document's printed table with ``key``."""
    return next(t for t in document.tables if t.key == key)
