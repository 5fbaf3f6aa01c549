"""URL converters that refuse what the database could not hold.

An id beyond the database's integer range is no id at all: it answers 404 like any unknown
id, instead of reaching the database (PostgreSQL refuses it with an error).
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

MAX_DB_INTEGER = 2**31 - 1


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` limited to 0..2**31-1, the range of an INTEGER primary key."""

    def __init__(self, url_map, fixed_digits=0, min=0, max=MAX_DB_INTEGER, signed=False):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
