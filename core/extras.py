"""The ``extra`` keys core reads: the contract between region importers and core.

An item's ``extra`` (:attr:`core.specs.ItemSpec.extra`) holds the columns a document prints
that have no field of their own, as ``(name, printed text)`` pairs. Most are the region's own
and core never reads them; the names below are the ones core *does* read. A region that
prints such a figure stores it under exactly this name (import the constant or call the
function, never repeat the string), and the checks and report row sources find it.

Keys with a year are functions of the year (``iku_budget(2023)``), so any year works.
Every entry says what the value is and which check (:mod:`core.checks.builtin`) or row
source (:mod:`core.reports.sources`) reads it.
"""

from __future__ import annotations

# --- IKU (indikator kinerja utama) of a LAKIP -------------------------------------------

#: Printed numerator of the IKU formula. Read by: check ``ratio-recompute``; row source ``iku_table``
#: (an item carrying it is a row of the IKU table).
IKU_NUMERATOR = "iku_numerator_printed"
#: Printed denominator of the IKU formula. Read by: check ``ratio-recompute``; row source ``iku_table``.
IKU_DENOMINATOR = "iku_denominator_printed"
#: Printed result of the IKU formula. Read by: check ``ratio-recompute``; row source ``iku_table``
#: (named in the note where it differs from the computed result).
IKU_RESULT = "iku_result_printed"


def iku_budget(year: int) -> str:
    """Printed pagu anggaran of the IKU's programs in ``year``.

    Read by: check ``printed-total`` (against the budget table's total); row source
    ``iku_table`` (column ``anggaran``, for the report's year).
    """
    return f"iku_pagu_anggaran_{year}_printed"


def iku_budget_realised(year: int) -> str:
    """Printed realisation of that pagu in ``year``. Read by: check ``printed-total``; row
    source ``iku_table`` (column ``realisasi``)."""
    return f"iku_realisasi_pagu_anggaran_{year}_printed"


# --- absorption and totals ---------------------------------------------------------------

#: Printed absorption (serapan, %) of a budget table's top item. Read by: check
#: ``ratio-recompute``; row source ``budget_realisation`` (named in the total row's note).
ABSORPTION = "serapan_printed"
#: A printed capaian that the document's closing chapter gives for the same ratio. Read by:
#: check ``ratio-recompute``.
CLOSING_ACHIEVEMENT = "penutup_capaian_printed"


def table_total(table: str, kind: str) -> str:
    """Printed total of ``kind`` (``anggaran``, ``realisasi``) of the printed ``table``
    (e.g. ``tabel_3.2``). Read by: check ``printed-total``."""
    return f"{table}_total_{kind}_printed"


# --- cumulative figures and rates of an evaluation (Lampiran I style) --------------------


def realised_up_to(year: int) -> str:
    """Printed realisation accumulated up to ``year`` (s/d). Read by: check
    ``cumulative-recompute``; row source ``lampiran_evaluation`` (column 5, ``year`` being
    the one before the report's)."""
    return f"realisasi_sd_{year}"


def estimated_up_to(year: int) -> str:
    """Printed estimate of the realisation accumulated up to ``year``. Read by: check
    ``cumulative-recompute``."""
    return f"perkiraan_realisasi_sd_{year}"


def realisation_rate(year: int) -> str:
    """Printed realisation rate (tingkat realisasi, %) of ``year``. Read by: check
    ``ratio-recompute``; row source ``lampiran_evaluation`` (column 8's note)."""
    return f"tingkat_realisasi_{year}"


def renstra_rate_up_to(year: int) -> str:
    """Printed rate of the Renstra reached up to ``year``. Read by: check ``ratio-recompute``;
    row source ``lampiran_evaluation`` (column 11's note, ``year`` being the one after the
    report's)."""
    return f"tingkat_capaian_renstra_sd_{year}"


# --- other columns the program tables show -----------------------------------------------

#: Printed code of the urusan a row belongs to. Read by: row source ``realisation_table``.
URUSAN = "urusan_printed"
#: Location of an activity. Read by: row source ``program_table``.
LOCATION = "lokasi"
#: Source of funds. Read by: row source ``program_table``.
FUNDING_SOURCE = "sumber_dana"
#: A remark printed beside a row. Read by: row source ``program_table``.
REMARK = "catatan"
#: ``"no..."`` on a misi the agency does not serve (listed in the plan, not in its tables).
#: Read by: row sources ``goals_table`` and others, through ``_not_served``.
SERVED_BY_AGENCY = "served_by_dinas"


# --- how a printed row was read ----------------------------------------------------------

#: Set on an item whose printed row admits no reading that reproduces its own printed total
#: (e.g. a Renstra row whose five yearly Rp add up to its end-of-period Rp in no placement of
#: its cells). The value says what was printed and what the stored reading sums to. Read by:
#: check ``no-reading-fits`` (which then stands for the row's period-total finding).
READING_NO_FIT = "reading_no_fit"
#: Set on an item whose cells were placed by the reading its printed total arbitrates (not
#: the default column order): says which cells were left out as repetitions. Informational.
READING_CHOSEN = "reading_chosen"
