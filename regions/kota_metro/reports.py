"""Kota Metro's own report tables, in the layout its Renstra 2021-2026 and LAKIP 2023 print.

* Renstra Tabel 6.1 (``renstra_2021_2026.txt`` lines 1262-1268): code, program, indicator,
  initial condition, years 1-5 (2021-2025) and the end of the period, each Target and Rp,
  and the responsible unit: 17 numbered columns.
* Renstra Tabel 4.2 (lines 1186-1194): tujuan, sasaran and their indicators, 2020 to 2026.
* Renstra Tabel 5.1 (lines 1202-1208): tujuan, sasaran, strategies and policy directions.
* Renstra Tabel 7.1 (lines 1222-1228) and 7.2 (lines 1230-1243): the indicators, their
  initial condition, targets 2021-2025 and final condition (2026).
* LAKIP 2023 realisation table (section 3.2, ``lakip_2023.txt`` lines 527-528) with the
  capaian the document does not print, computed.
* LAKIP 2023 Tabel 3.2 (lines 906-910): anggaran and realisasi down to account lines (the
  document heads the realisation column "Rencana"), with the absorption computed.
* LAKIP 2023 IKU achievement (section 3.5, line 779; computation lines 823-833): the IKU
  recomputed from 13.415 / 14.460, its capaian and predicate (Tabel 3.1 scale), the money.
* LAKIP 2023 comparison with 2022 (section 3.3, from line 613) and Tabel 1.3, comparison
  with the Renstra (from line 700), as the document prints them (kept as printed tables:
  the two years' lists do not align item by item).
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.reports.layout import Column, Layout


def N_(message: str) -> str:
    """Mark ``message`` as a msgid."""
    return message


def _year(label: str, year: int) -> Column:
    return Column(f"year_{year}", label, children=(
        Column(f"target_{year}", N_("Target"), format="number", width=7),
        Column(f"rp_{year}", N_("Rp"), format="money", width=13),
    ))


RENSTRA_6_1 = Layout(
    id="kota-metro-renstra-6.1",
    title=N_("Table 6.1 Plan of programs, activities, sub-activities and funding"),
    columns=(
        Column("code", N_("Code"), width=13),
        Column("name", N_("Mission / goal / target / regional development program"), width=34),
        Column("indicator", N_("Performance indicator (goal / impact / outcome)"), width=28),
        Column("baseline", N_("Initial performance (year 0)"), format="number", width=8),
        Column("framework", N_("Program performance targets and funding framework"), children=(
            _year(N_("Year 1"), 2021), _year(N_("Year 2"), 2022), _year(N_("Year 3"), 2023),
            _year(N_("Year 4"), 2024), _year(N_("Year 5"), 2025),
            Column("end", N_("Performance at the end of the period"), children=(
                Column("target_end", N_("Target"), format="number", width=7),
                Column("rp_end", N_("Rp"), format="money", width=13),
            )),
        )),
        Column("responsible", N_("Responsible unit"), width=12),
    ),
    indent_key="name",
    page="F4",
    doc_types=("renstra",),
    source="program_table",
)

RENSTRA_4_2 = Layout(
    id="kota-metro-renstra-4.2",
    title=N_("Table 4.2 Medium-term vision, missions, goals and targets"),
    columns=(
        Column("tujuan", N_("Goal"), width=26),
        Column("tujuan_indicator", N_("Goal indicator"), width=26),
        Column("sasaran", N_("Strategic target"), width=26),
        Column("sasaran_indicator", N_("Strategic target indicator"), width=26),
        Column("baseline", N_("Initial condition (2020)"), format="number", width=9),
        Column("targets", N_("Target in year"), children=tuple(
            Column(f"target_{year}", str(year), format="number", width=8) for year in range(2021, 2026)
        )),
        Column("target_end", N_("Final condition (2026)"), format="number", width=9),
    ),
    numbering_row=False,
    doc_types=("renstra",),
    source="goals_table:Tabel 4.2",
)

def _indicator_columns(first_label: str) -> tuple[Column, ...]:
    return (
        Column("no", N_("No"), format="integer", width=4),
        Column("indicator", first_label, width=40),
        Column("baseline", N_("Initial condition (2020)"), format="number", width=9),
        Column("targets", N_("Target in year"), children=tuple(
            Column(f"target_{year}", str(year), format="number", width=8) for year in range(2021, 2026)
        )),
        Column("target_end", N_("Final condition (2026)"), format="number", width=9),
    )


RENSTRA_5_1 = Layout(
    id="kota-metro-renstra-5.1",
    title=N_("Table 5.1 Vision, missions, goals, strategies and policy directions"),
    columns=(
        Column("tujuan", N_("Goal"), width=25),
        Column("sasaran", N_("Strategic target"), width=25),
        Column("strategi", N_("Strategy"), width=30),
        Column("arah_kebijakan", N_("Policy direction"), width=30),
    ),
    numbering_row=False,
    doc_types=("renstra",),
    source="strategy_table",
)

RENSTRA_7_1 = Layout(
    id="kota-metro-renstra-7.1",
    title=N_("Table 7.1 Key performance indicators of the office"),
    columns=_indicator_columns(N_("Indicator")),
    numbering_row=False,
    doc_types=("renstra",),
    source="indicator_table:Tabel 7.1",
)

RENSTRA_7_2 = Layout(
    id="kota-metro-renstra-7.2",
    title=N_("Table 7.2 Performance achievement indicators of the office"),
    columns=_indicator_columns(N_("Aspect / focus / affair / regional development performance indicator")),
    numbering_row=False,
    doc_types=("renstra",),
    source="indicator_table:Tabel 7.2",
)

LAKIP_REALISATION = Layout(
    id="kota-metro-lakip-realisation",
    title=N_("Performance realisation of the year"),
    columns=(
        Column("no", N_("No"), format="integer", width=4),
        Column("urusan", N_("Government affair"), width=8),
        Column("opd", N_("Implementing agency"), width=12),
        Column("name", N_("Program / activity / sub-activity"), width=32),
        Column("indicator", N_("Performance indicator"), width=32),
        Column("target", N_("Performance target"), format="number", width=9),
        Column("realisation", N_("Realisation"), format="number", width=9),
        Column("capaian", N_("Achievement (%)"), format="percent", width=9),
    ),
    numbering_row=True,
    indent_key="name",
    doc_types=("lakip",),
    source="realisation_table",
)

LAKIP_BUDGET = Layout(
    id="kota-metro-lakip-3.2",
    title=N_("Table 3.2 Budget realisation of the year"),
    columns=(
        Column("name", N_("Activity"), width=50),
        Column("anggaran", N_("Budget"), format="money", width=16),
        Column("realisasi", N_("Realisation"), format="money", width=16),
        Column("serapan", N_("Absorption (%)"), format="percent", width=10),
    ),
    indent_key="name",
    orientation="portrait",
    doc_types=("lakip",),
    source="budget_realisation",
)

LAKIP_IKU = Layout(
    id="kota-metro-lakip-iku",
    title=N_("Achievement of the key performance indicators (IKU)"),
    columns=(
        Column("no", N_("No"), format="integer", width=4),
        Column("indicator", N_("Strategic target indicator"), width=30),
        Column("unit", N_("Unit"), width=8),
        Column("target", N_("Target"), format="number", width=9),
        Column("numerator", N_("PPKS handled"), format="integer", width=10),
        Column("denominator", N_("All PPKS"), format="integer", width=10),
        Column("realisation", N_("Realisation"), format="percent", width=10),
        Column("capaian", N_("Achievement (%)"), format="percent", width=10),
        Column("predicate", N_("Predicate"), width=12),
        Column("anggaran", N_("Budget ceiling"), format="money", width=15),
        Column("realisasi", N_("Budget realisation"), format="money", width=15),
        Column("serapan", N_("Absorption (%)"), format="percent", width=10),
    ),
    doc_types=("lakip",),
    source="iku_table",
)

LAKIP_COMPARISON = Layout(
    id="kota-metro-lakip-2022-2023",
    title=N_("Comparison of the performance realisation of last year and this year"),
    columns=(
        Column("program_prev", N_("Program 2022"), width=20),
        Column("name_prev", N_("Activity / sub-activity 2022"), width=26),
        Column("realisation_prev", N_("Performance realisation 2022"), format="number", width=10),
        Column("program", N_("Program 2023"), width=20),
        Column("name", N_("Activity / sub-activity 2023"), width=26),
        Column("realisation", N_("Performance realisation 2023"), format="number", width=10),
    ),
    doc_types=("lakip",),
    source="printed_table:perbandingan-2022-2023",
)

LAKIP_RENSTRA = Layout(
    id="kota-metro-lakip-1.3",
    title=N_("Table 1.3 Performance realisation of the year compared with the Renstra"),
    columns=(
        Column("program", N_("Program"), width=26),
        Column("name", N_("Activity"), width=30),
        Column("realisation", N_("Performance realisation 2023"), format="number", width=11),
        Column("renstra_target", N_("Renstra target 2023"), format="money", width=15),
        Column("renstra_realisation", N_("Renstra realisation 2023"), format="money", width=15),
    ),
    orientation="portrait",
    doc_types=("lakip",),
    source="printed_table:tabel-1.3",
)

LAYOUTS = (RENSTRA_6_1, RENSTRA_4_2, RENSTRA_5_1, RENSTRA_7_1, RENSTRA_7_2, LAKIP_REALISATION, LAKIP_BUDGET,
           LAKIP_IKU, LAKIP_COMPARISON, LAKIP_RENSTRA)


@hookimpl
def pelita_report_layouts(region):
    """Kota Metro's Renstra Tabel 6.1 and 4.2, LAKIP realisation table and Tabel 3.2."""
    return LAYOUTS
