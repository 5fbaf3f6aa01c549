"""Benchmark: saving a Renja of 200 rows through the authoring service.

Run: ``python -m benchmarks.authoring``. Builds a throw-away SQLite database with
Kota Metro seeded, then creates a draft Renja 2025 from its Renstra 2021-2026 and saves 200
rows: every program / kegiatan / sub kegiatan of the Renstra (each copied with its indicators,
2025 target and pagu), then typed rows up to 200, each with a pagu and row fields, and runs
the consistency checks once. Prints the time of the save (rows + checks) and per row.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROWS = 200


def main() -> None:
    from flask_migrate import upgrade
    from sqlalchemy import select

    from core.app import create_app, plugins
    from core.errors import Invalid
    from core.extensions import db
    from core.models import PlanDocument, PlanItem, Region
    from core.planning import authoring, checking
    from core.services.seeding import seed_all

    folder = Path(tempfile.mkdtemp(prefix="pelita-bench-"))
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH": str(folder),
                      "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}", "REGIONS": ["prov_lampung", "kota_metro"],
                      "RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
        seed_all(plugins())
    with app.test_request_context():
        region = db.session.scalar(select(Region).where(Region.code == "18.72"))
        renstra = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == region.id,
                                                               PlanDocument.doc_type == "renstra",
                                                               PlanDocument.status == "approved"))
        sources = db.session.scalars(select(PlanItem).where(
            PlanItem.document_id == renstra.id, PlanItem.level.in_(authoring.CODED_LEVELS))
            .order_by(PlanItem.position)).all()[:ROWS]
        start = time.perf_counter()
        renja = authoring.create_document(region, doc_type="renja", year=2025, based_on=renstra.id)
        fields = {"lokasi": "Kota Metro", "sumber_dana": "APBD", "prakiraan_maju_target": "1",
                  "prakiraan_maju_pagu": "1000000"}
        copied = 0
        for source in sources:
            try:
                authoring.create_item(renja, {"implements_item_id": source.id, "fields": fields})
                copied += 1
            except Invalid:  # a code the list in force does not hold: refused, as for a planner
                pass
        for n in range(ROWS - copied):
            item = authoring.create_item(renja, {"level": "sasaran", "name": f"Sasaran {n + 1}", "fields": fields})
            authoring.set_budget(item, 2025, "1000000", None)
        save = time.perf_counter() - start
        findings = checking.refresh(renja)
        elapsed = time.perf_counter() - start
        db.session.rollback()
    print(f"rows: {ROWS} ({copied} copied from the Renstra, {ROWS - copied} typed; "
          f"{len(sources) - copied} Renstra rows refused: codes not in the list in force)")
    print(f"save: {save:.3f} s ({save / ROWS * 1000:.2f} ms per row); with checks: {elapsed:.3f} s "
          f"({len(findings)} findings); aim: under 0.3 s")


if __name__ == "__main__":
    main()
