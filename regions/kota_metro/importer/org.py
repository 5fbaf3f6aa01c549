"""The organisation chart of Dinas Sosial Kota Metro, from Renstra 2021-2026 section 2.1.

The chart itself is data (``org_chart.toml``: units, parents, tasks as printed, line numbers);
this module turns it into a :class:`core.specs.OrgChart`.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path

from core.specs import OrgChart, SourceRef, UnitSpec

from .source_text import RENSTRA_FILE

ORG_CHART_FILE = Path(__file__).parent / "org_chart.toml"
ORG_TABLE = "2.1 Tugas, Fungsi dan Struktur Organisasi Perangkat Daerah"

NOTE = (
    "Units and tasks as printed in Renstra 2021-2026 section 2.1 (lines 361-757); the chart "
    "itself (line 754-755, 'STRUKTUR ORGANISASI DINAS SOSIAL KOTA METRO (Type C)') was an image "
    "and is not in the text. Legal basis printed: Perda Kota Metro 24/2016 as amended by Perda "
    "9/2019 (line 365; line 752 calls Perda 24/2016 an amendment of Perda 12/2010) and Perwali "
    "31/2016 (line 367); no day or month is printed, so valid_from is the Renstra period start "
    "(2021-01-01), not a legal date. The Dinas's own tugas (line 367) and fungsi (lines 373-378) "
    "are printed for the agency as a whole and are not attached to a unit. No UPTD and no "
    "Kelompok Jabatan Fungsional are described (line 377 and 414 mention 'UPT' in passing only). "
    "Line 462 names the first Bidang 'Perlindungan, Jaminan Sosial dan Perlindungan Fakir Miskin' "
    "and line 447 calls it 'Bidang sosial'; its heading (line 445) is used."
)


@cache
def org_chart() -> OrgChart:
    """The chart, valid from the Renstra period start (no legal date is printed)."""
    with ORG_CHART_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    units = tuple(
        UnitSpec(
            code=unit["code"],
            name=unit["name"],
            kind=unit["kind"],
            parent_code=unit.get("parent"),
            tasks=tuple(task["text"] for task in unit["tasks"]),
            name_en=unit.get("name_en"),
            source=SourceRef(table=ORG_TABLE, line=unit["line"], row=unit["number"]),
        )
        for unit in data["unit"]
    )
    return OrgChart(
        valid_from=date(2021, 1, 1),
        units=units,
        source_document=RENSTRA_FILE,
        typology="C",
        note=NOTE,
    )


def task_lines() -> dict[str, list[tuple[tuple[int, ...], str]]]:
    """Per unit code, each task's source line(s) and text (for tracing a task to the seed)."""
    with ORG_CHART_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return {
        unit["code"]: [(tuple(task["lines"]), task["text"]) for task in unit["tasks"]]
        for unit in data["unit"]
    }
