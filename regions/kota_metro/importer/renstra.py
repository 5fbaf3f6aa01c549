"""The Renstra Dinas Sosial Kota Metro 2021-2026 as a :class:`core.specs.DocumentSpec`.

Which calendar year is "Tahun 1" of Tabel 6.1? Tabel 6.1 heads its columns only "Kondisi
kinerja awal RPJMD (Tahun 0)", "Tahun 1" ... "Tahun 5" and "Kondisi kinerja pada akhir
periode RPJMD". The document fixes them elsewhere:

* Tabel 4.2 (line 1192), Tabel 7.1 (line 1227) and Tabel 7.2 (lines 1234-1235) have the same
  layout (initial condition, five yearly targets, final condition) and head it 2020 | 2021
  2022 2023 2024 2025 | 2026; Tabel 7.2 says "Kondisi Kinerja pada Awal RPJMD (2020)".
* Sub kegiatan 1.06.04.2.01.08 (line 1334) prints baseline "4.120 org" and Tahun 1 "4.723 org":
  the PKH recipients of 2020 stage 4 (Tabel 2.1, line 514: 4.120) and of 2021 stage 2
  (line 520: 4.723).
* The document is dated "Metro, Oktober 2021" (line 21) and its Tahun 1 Rp are exact
  budget figures (2.637.458.000, 83.677.222), i.e. the 2021 budget already in execution.

So Tahun 0 = 2020 (baseline_year), Tahun 1..5 = 2021..2025, and the end-of-period column
carries no year (targets in ``end_target``, Rp as ``BudgetSpec(year=None)``).

The text of chapter VI cites Permendagri 13/2006 (line 1214) but Tabel 6.1 prints the
five-level codes of Kepmendagri 050-3708/050-5889 (e.g. ``1 06 04 2.01 01``), so the
document's nomenclature is ``kmdn050-5889-2021``.

Items, in order: goals (:mod:`.goals`), then Tabel 6.1 (:mod:`.tabel61`, whose docstring says
which line ranges are which printing). Tables: both printings of Tabel 6.1, Tabel 2.7 (two
printings) and Tabel 2.8 (:mod:`.history`).
"""

from __future__ import annotations

from functools import cache

from core.specs import DocumentSpec

from . import goals, history, tabel61
from .source_text import RENSTRA_FILE

DOCUMENT_KEY = "renstra-2021-2026"

NOTES = (
    "Tahun 0 of Tabel 6.1 is 2020 and Tahun 1-5 are 2021-2025: Tabel 4.2/7.1/7.2 head the same "
    "columns 2020, 2021-2025, 2026 (lines 1192, 1227, 1235), and the PKH counts of Tabel 2.1 "
    "(4.120 in 2020, line 514; 4.723 in 2021, line 520) are the baseline and Tahun 1 of line 1334.",
    "Tabel 6.1 is printed twice (lines 1262-1391 and 1393-1522), each in eight parts. Items take "
    "each part from the printing with more printed cells (parts 1-6 and 8 from printing 1, part 7, "
    "lines 1494-1509, from printing 2); both printings are carried whole as tables "
    "tabel-6.1-printing-1 and tabel-6.1-printing-2.",
    "The support program (lines 1275-1299) is printed without codes; its levels and codes are "
    "reconstructed from the row order and Kepmendagri 900.1.15.5-1317/2023 names (code_note on "
    "each item).",
    "Chapter VI cites Permendagri 13/2006 and 21/2011 (line 1214), but the codes printed in "
    "Tabel 6.1 follow Kepmendagri 050-5889/2021.",
    "The 'Kondisi akhir' column of Tabel 4.2, 7.1 and 7.2 is headed 2026; it is carried as "
    "end_target and as the 2026 target.",
)


@cache
def renstra() -> DocumentSpec:
    """The Renstra 2021-2026 with its items and side tables (pure; parsed once)."""
    goal_items = goals.items(tabel61.goal_labels())
    plan_items = tabel61.items(goals.SASARAN_KEY)
    return DocumentSpec(
        key=DOCUMENT_KEY,
        type="renstra",
        title="Rencana Strategis Dinas Sosial Kota Metro Tahun 2021-2026",
        source_file=RENSTRA_FILE,
        number_style="id",
        period_start=2021,
        period_end=2026,
        status="approved",
        nomenclature_version="kmdn050-5889-2021",
        items=goal_items + plan_items,
        tables=tabel61.printing_tables() + history.tables(),
        notes=NOTES,
    )
