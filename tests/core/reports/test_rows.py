"""Rows: allowed value types, kinds, and grouping into consecutive runs."""

from decimal import Decimal

import pytest

from core.reports.rows import Row, iter_groups


def test_float_is_refused():
    with pytest.raises(TypeError, match="value of 'rp' is float"):
        Row({"rp": 1413000000.0})


def test_bool_and_other_types_are_refused():
    with pytest.raises(TypeError, match="'ok' is bool"):
        Row({"ok": True})
    with pytest.raises(TypeError, match="'l' is list"):
        Row({"l": [1]})


def test_allowed_values_and_kind():
    row = Row({"a": Decimal("1.5"), "b": 3, "c": "50 org", "d": None}, kind="total")
    assert row.kind == "total" and row.notes == {}
    with pytest.raises(ValueError, match="unknown row kind 'sum'"):
        Row({}, kind="sum")
    with pytest.raises(ValueError, match="negative level"):
        Row({}, level=-1)


def test_groups_are_consecutive_runs_and_row_group_wins():
    rows = [
        Row({"p": "1.06.02"}), Row({"p": "1.06.02"}),
        Row({"p": "1.06.04"}, group="Rehabilitasi"), Row({"p": "1.06.04"}),
        Row({"p": "1.06.02"}),
    ]
    groups = [(key, len(run)) for key, run in iter_groups(rows, "p")]
    assert groups == [("1.06.02", 2), ("Rehabilitasi", 1), ("1.06.04", 1), ("1.06.02", 1)]


def test_without_group_by_rows_without_group_form_one_run():
    rows = [Row({}), Row({}), Row({}, group="G"), Row({})]
    assert [(key, len(run)) for key, run in iter_groups(rows, None)] == [
        (None, 2), ("G", 1), (None, 1)
    ]
