"""Kota Metro's Renja 2025, authored through the authoring services (the demo data has none):
a program, a kegiatan and a sub kegiatan of the code list Metro uses for 2025, each with an
indicator, its 2025 target and its 2025 pagu. Call inside an app context."""

from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument, Region
from core.planning import authoring
from core.services import nomenclature as nomenclature_service

TARGETS = {"program": "80", "kegiatan": "75", "sub_kegiatan": "120 Orang"}
PAGU = {"program": "900000000", "kegiatan": "600000000", "sub_kegiatan": "600000000"}


def metro() -> Region:
    return db.session.scalar(select(Region).where(Region.code == "18.72"))


def chain(region: Region, year: int = 2025) -> tuple[str, str, str]:
    """A program, one of its kegiatan and one of its sub kegiatan in the list ``region`` uses."""
    version = authoring.nomenclature_for(region, year)
    codes = {}
    for entry in nomenclature_service.items_of(version, "kabkota"):
        codes.setdefault(entry.level, set()).add(entry.code)
    for sub in sorted(codes.get("sub_kegiatan", ())):
        if not sub.startswith("1.06"):
            continue
        keg = sub.rsplit(".", 1)[0]
        prog = ".".join(keg.split(".")[:3])
        if keg in codes.get("kegiatan", ()) and prog in codes.get("program", ()):
            return prog, keg, sub
    raise AssertionError("no social-affairs program chain in Metro's 2025 code list")


def author_metro_renja() -> dict:
    """The draft Renja 2025 of Kota Metro: ``{"document", "items": {level: item}, "indicators": {level: ind}}``."""
    region = metro()
    renstra = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == region.id,
                                                           PlanDocument.doc_type == "renstra",
                                                           PlanDocument.status == "approved"))
    document = authoring.create_document(region, doc_type="renja", year=2025, based_on=renstra.id,
                                         title="Renja Dinas Sosial Kota Metro 2025")
    items, indicators, parent = {}, {}, None
    for level, code in zip(("program", "kegiatan", "sub_kegiatan"), chain(region)):
        item = authoring.create_item(document, {"level": level, "code": code,
                                                "parent_id": parent.id if parent else None})
        indicator = authoring.create_indicator(item, {"text": f"Capaian {level.replace('_', ' ')}",
                                                      "unit": "Orang" if level == "sub_kegiatan" else "%"})
        authoring.set_target(indicator, 2025, None, TARGETS[level], None)
        authoring.set_budget(item, 2025, PAGU[level], None)
        items[level], indicators[level], parent = item, indicator, item
    return {"document": document, "items": items, "indicators": indicators}
