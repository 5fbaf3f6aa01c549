"""Feature plugin: the national report layouts every region has, after its own.

* :data:`EVALUATION_86`: the Renja evaluation table of Permendagri 86/2017, columns 1-16,
  columns 5-15 each split into kinerja (K) and Rupiah (Rp); 12-15 computed by
  :func:`core.achievement.evaluation_renja`.
* :data:`PERJANJIAN_KINERJA`: a Perjanjian Kinerja table (sasaran and programs, indicator,
  the year's target and money).

A region layout with the id of a national one replaces it (:func:`core.reports.registry.region_layouts`).
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.reports.layout import Column, Layout


def N_(message: str) -> str:
    """Mark ``message`` as a msgid (layouts carry msgids; renderers translate)."""
    return message


def _k_rp(number: int, key: str, label: str, k_format: str = "number", rp_format: str = "money") -> Column:
    return Column(key, label, children=(
        Column(f"{key}_k", N_("K"), format=k_format, width=8),
        Column(f"{key}_rp", N_("Rp"), format=rp_format, width=12),
    ))


EVALUATION_86 = Layout(
    id="permendagri86-renja-evaluation",
    title=N_("Evaluation of the results of the Renja implementation (Permendagri 86/2017)"),
    columns=(
        Column("no", N_("(1) No"), format="integer", width=4),
        Column("code", N_("(2) Code"), width=12),
        Column("name", N_("(3) Affair / program / activity"), width=28),
        Column("indicator", N_("(4) Program (outcome) / activity (output) indicator"), width=26),
        _k_rp(5, "c5", N_("(5) Renstra target at the end of the period")),
        _k_rp(6, "c6", N_("(6) Realisation up to last year")),
        _k_rp(7, "c7", N_("(7) Renja target of the year")),
        Column("quarters", N_("Realisation in quarter"), children=(
            _k_rp(8, "c8", N_("(8) I")),
            _k_rp(9, "c9", N_("(9) II")),
            _k_rp(10, "c10", N_("(10) III")),
            _k_rp(11, "c11", N_("(11) IV")),
        )),
        _k_rp(12, "c12", N_("(12) Realisation of the year")),
        _k_rp(13, "c13", N_("(13) Achievement of the year (%)"), "percent", "percent"),
        _k_rp(14, "c14", N_("(14) Realisation up to this year")),
        _k_rp(15, "c15", N_("(15) Achievement of the Renstra (%)"), "percent", "percent"),
        Column("responsible", N_("(16) Responsible unit"), width=14),
    ),
    numbering_row=False,
    indent_key="name",
    page="F4",
    doc_types=("renja", "evaluasi", "lakip", "renstra"),  # a Renstra: one year of it (?year=)
    source="evaluation_86",
)

PERJANJIAN_KINERJA = Layout(
    id="perjanjian-kinerja",
    title=N_("Performance agreement (Perjanjian Kinerja)"),
    columns=(
        Column("no", N_("No"), format="integer", width=4),
        Column("name", N_("Strategic target / program"), width=40),
        Column("indicator", N_("Performance indicator"), width=40),
        Column("target", N_("Target"), format="number", width=10),
        Column("anggaran", N_("Budget (Rp)"), format="money", width=16),
    ),
    page="A4",
    orientation="portrait",
    doc_types=("pk", "renja", "lakip"),
    source="performance_agreement",
)

#: The layouts every region has, after its own.
NATIONAL_LAYOUTS: tuple[Layout, ...] = (EVALUATION_86, PERJANJIAN_KINERJA)


@hookimpl
def pelita_national_layouts():
    """The Permendagri 86/2017 evaluation and the Perjanjian Kinerja."""
    return NATIONAL_LAYOUTS
