"""Provinsi Bengkulu's own report tables, in the layout of its Perubahan Renstra 2021-2026.

* Tabel 6.1 (``source`` text lines 1197-1204): item, indicator, unit, capaian 2020, target
  2021, then 2022-2026 and the end of the period, each Target and Rp, and the unit; with
  the yearly totals the document prints (line 1326) as a total row, computed from the
  programs and compared with the printed ones.
* Tabel 7.1 (from line 1336): the same columns for the indicators of Tabel 7.1, with its
  printed totals (line 1358).
* The cascading table (from line 996), as the document prints it (kept as a printed table).
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.reports.layout import Column, Layout


def N_(message: str) -> str:
    """Mark ``message`` as a msgid."""
    return message


def _columns() -> tuple[Column, ...]:
    years = tuple(
        Column(f"year_{year}", str(year), children=(
            Column(f"target_{year}", N_("Target"), format="number", width=7),
            Column(f"rp_{year}", N_("Rp"), format="money", width=13),
        ))
        for year in range(2022, 2027)
    )
    return (
        Column("name", N_("Goal / target / program / activity / sub-activity"), width=32),
        Column("indicator", N_("Performance indicator"), width=28),
        Column("unit", N_("Unit"), width=7),
        Column("baseline", N_("Achievement 2020"), format="number", width=8),
        Column("target_2021", N_("Performance target 2021"), format="number", width=8),
        Column("framework", N_("Program performance targets and funding framework"), children=years + (
            Column("end", N_("Performance at the end of the period"), children=(
                Column("target_end", N_("Target"), format="number", width=7),
                Column("rp_end", N_("Rp"), format="money", width=14),
            )),
        )),
        Column("responsible", N_("Responsible unit"), width=12),
    )


RENSTRA_6_1 = Layout(
    id="bengkulu-renstra-6.1",
    title=N_("Table 6.1 Plan of programs, activities and funding"),
    columns=_columns(),
    indent_key="name",
    page="F4",
    doc_types=("renstra",),
    source="program_table_totals:Tabel 6.1;tabel-6.1-totals",
)

RENSTRA_7_1 = Layout(
    id="bengkulu-renstra-7.1",
    title=N_("Table 7.1 Performance indicators aligned with the RPJMD"),
    columns=_columns(),
    indent_key="name",
    page="F4",
    doc_types=("renstra",),
    source="program_table_totals:Tabel 7.1;tabel-7.1-totals",
)

CASCADING = Layout(
    id="bengkulu-cascading",
    title=N_("Cascading of the regional agency"),
    columns=(
        Column("tujuan", N_("Agency goal"), width=16),
        Column("tujuan_indicator", N_("Agency goal indicator"), width=16),
        Column("sasaran", N_("Agency target"), width=16),
        Column("sasaran_indicator", N_("Agency target indicator"), width=16),
        Column("program", N_("Program"), width=16),
        Column("program_indicator", N_("Program indicator"), width=16),
        Column("kegiatan", N_("Activity"), width=16),
        Column("kegiatan_indicator", N_("Activity indicator"), width=16),
        Column("sub_kegiatan", N_("Sub-activity"), width=16),
        Column("sub_kegiatan_indicator", N_("Sub-activity indicator"), width=16),
        Column("urusan", N_("Government affair"), width=8),
        Column("responsible", N_("Responsible unit"), width=10),
    ),
    numbering_row=False,
    page="F4",
    doc_types=("renstra",),
    source="printed_table:tabel-cascading",
)

LAYOUTS = (RENSTRA_6_1, RENSTRA_7_1, CASCADING)


@hookimpl
def pelita_report_layouts(region):
    """Bengkulu's Renstra Tabel 6.1 and 7.1 with their yearly totals, and its cascading."""
    return LAYOUTS
