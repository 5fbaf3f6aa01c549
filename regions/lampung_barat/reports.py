"""Kabupaten Lampung Barat's own report tables.

* The Renja 2021 table "Rencana Program dan Kegiatan Dinas Sosial" (``004`` seed lines
  1186-1190): code, item, indicator, then 2021 location, target, pagu, source of funds,
  notes, and the 2022 forward estimate (target, pagu): 10 numbered columns.
* Lampiran I of the Renja evaluation 2019 (lines 1124-1134): code, item, indicator,
  Renstra target 2022, realisation to 2018, 2019 target, realisation and rate, 2020 target,
  realisation to 2020 and rate against the Renstra: 11 numbered columns, the two rates
  computed and compared with the printed ones.
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.reports.layout import Column, Layout


def N_(message: str) -> str:
    """Mark ``message`` as a msgid."""
    return message


RENJA_2021 = Layout(
    id="lampung-barat-renja-2021",
    title=N_("Plan of programs and activities of the Social Services Office"),
    columns=(
        Column("code", N_("Code"), width=14),
        Column("name", N_("Affair / program / activity"), width=32),
        Column("indicator", N_("Program / activity performance indicator (outcome / output)"), width=30),
        Column("plan_2021", N_("Plan for 2021"), children=(
            Column("lokasi", N_("Location"), width=10),
            Column("target_2021", N_("Target"), format="number", width=8),
            Column("rp_2021", N_("Funds needed / indicative ceiling"), format="money", width=14),
            Column("sumber_dana", N_("Source of funds"), width=12),
        )),
        Column("catatan", N_("Important notes"), width=8),
        Column("plan_2022", N_("Forward estimate for 2022"), children=(
            Column("target_2022", N_("Target"), format="number", width=8),
            Column("rp_2022", N_("Funds needed / indicative ceiling"), format="money", width=14),
        )),
    ),
    indent_key="name",
    page="F4",
    doc_types=("renja",),
    source="program_table",
)

LAMPIRAN_I = Layout(
    id="lampung-barat-lampiran-1",
    title=N_("Appendix I Summary of the Renja evaluation and Renstra achievement"),
    columns=(
        Column("code", N_("Code"), width=10),
        Column("name", N_("Affair / program / activity"), width=30),
        Column("indicator", N_("Program (outcome) / activity (output) indicator"), width=28),
        Column("target_end", N_("Renstra target 2022"), format="number", width=9),
        Column("realised_before", N_("Realisation up to 2018"), format="number", width=9),
        Column("last_year", N_("Target and realisation of last year (2019)"), children=(
            Column("target", N_("Renja target 2019"), format="number", width=9),
            Column("realisation", N_("Realisation 2019"), format="number", width=9),
            Column("rate", N_("Realisation rate (%)"), format="percent", width=9),
        )),
        Column("target_next", N_("Renja target 2020"), format="number", width=9),
        Column("realised_next", N_("Realisation up to 2020"), format="number", width=9),
        Column("renstra_rate", N_("Achievement of the Renstra target (%)"), format="percent", width=9),
    ),
    page="F4",
    doc_types=("evaluasi",),
    source="lampiran_evaluation",
)

LAYOUTS = (RENJA_2021, LAMPIRAN_I)


@hookimpl
def pelita_report_layouts(region):
    """Lampung Barat's Renja 2021 table and Lampiran I of the 2019 evaluation."""
    return LAYOUTS
