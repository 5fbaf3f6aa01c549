"""Column types shared by the models."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.types import TypeDecorator


class ExactDecimal(TypeDecorator):
    """A ``Decimal`` column that never passes through float.

    PostgreSQL stores NUMERIC exactly. SQLite has no decimal type (it would store a float),
    so there the value is kept as its canonical text and read back as ``Decimal``.
    """

    impl = Numeric(28, 6)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(28, 6, asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"ExactDecimal takes Decimal, not {type(value).__name__}")
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return Decimal(value)
        # PostgreSQL pads to the column scale (94.740000): drop the padding, not the value.
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()
