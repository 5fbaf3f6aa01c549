"""Benchmark: moving 30 regions' plans of the full bidang 1.06 list to the 2023 list.

Run: ``python -m core.nomenclature.bench_migrate``. Each region's plan is the whole
Kepmendagri 050-3708/2020 kab/kota list (program, kegiatan, sub kegiatan); the decisions use
the derived crosswalk to Kepmendagri 900.1.15.5-1317/2023 and, where it says nothing, names.
Prints the time for all 30 regions and per region.
"""

from __future__ import annotations

import time
from collections import Counter

from core.nomenclature.crosswalk import load_derived_crosswalk
from core.nomenclature.loader import items_for
from core.nomenclature.migrate import PlanItemRef, RowRef, decide

REGIONS = 30


def main() -> None:
    source = items_for("pmdn90-2019", "kabkota")
    target = items_for("kmdn900-1317-2023", "kabkota")
    rows = {r.from_code: RowRef(r.from_code, r.to_codes, r.kind, r.confidence, r.basis)
            for r in load_derived_crosswalk().rows if r.from_code}
    plans = [[PlanItemRef(f"{region}:{i.code}", i.level, i.code, i.name) for i in source if i.level != "bidang_urusan"]
             for region in range(REGIONS)]
    start = time.perf_counter()
    outcome = Counter()
    for plan in plans:
        outcome.update(d.status for d in decide(plan, rows, target, source))
    elapsed = time.perf_counter() - start
    items = sum(len(p) for p in plans)
    print(f"regions: {REGIONS}, items per plan: {len(plans[0])}, items: {items}")
    print(f"decisions: {dict(outcome)}")
    print(f"total: {elapsed:.2f} s, per region: {elapsed / REGIONS * 1000:.1f} ms")


if __name__ == "__main__":
    main()
