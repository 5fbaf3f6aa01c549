"""A stored document rebuilt as specs equals what the plugin seeded (nothing lost in storage)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.app import plugins
from core.extensions import db
from core.models import PlanDocument, Region
from core.services.snapshot import document_spec


def seeded_specs(code):
    return {d.key: d for d in plugins().call("pelita_seed_data", code).documents}


@pytest.mark.parametrize("code", ["18.72", "18.04", "17"])
def test_round_trip_keeps_every_printed_value(app, code):
    for key, original in seeded_specs(code).items():
        document = db.session.scalar(select(PlanDocument).join(Region).where(
            Region.code == code, PlanDocument.key == key))
        stored = document_spec(document)
        assert [i.key for i in stored.items] == [i.key for i in original.items]
        for before, after in zip(original.items, stored.items):
            assert (after.level, after.name, after.code, after.printed_code, after.parent_key) == (
                before.level, before.name, before.code, before.printed_code, before.parent_key)
            assert dict(after.extra) == dict(before.extra)
            assert sorted((b.year or 0, b.kind, b.printed) for b in after.budgets) == sorted(
                (b.year or 0, b.kind, b.printed) for b in before.budgets)
            assert [(i.text, i.baseline, i.end_target) for i in after.indicators] == [
                (i.text, i.baseline, i.end_target) for i in before.indicators]
            for ind_after, ind_before in zip(after.indicators, before.indicators):
                assert sorted((t.year, t.quarter or 0, t.printed) for t in ind_after.targets) == sorted(
                    (t.year, t.quarter or 0, t.printed) for t in ind_before.targets)
                assert sorted((r.year, r.quarter or 0, r.printed) for r in ind_after.realisations) == sorted(
                    (r.year, r.quarter or 0, r.printed) for r in ind_before.realisations)
        def table_rows(tables):
            return {t.key: [(tuple(cells), ref.line) for cells, ref in t.rows] for t in tables}

        assert table_rows(stored.tables) == table_rows(original.tables)
