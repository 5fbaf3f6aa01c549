"""The two documents this plugin seeds: the Renja 2021 and its Lampiran I evaluation.

Number style. The Renja 2021 table prints money with dot thousands (``298.366.800``, line 1195)
and the Bab II tables use dot thousands and comma decimals (``34.384`` people, line 276;
``10,71`` %, line 791), so the Renja document is ``id``. Lampiran I prints its only grouped
numbers with commas: ``6,000 | 1,000 | 1,000 | 100% | 2,000 | 4,000`` for letters sent and
received (line 1137). Read as decimals they would be one letter with three decimal places; the
Renja 2021 plans ``1000 Surat`` for the same kegiatan (line 1201), so ``1,000`` is one thousand
and the evaluation document is ``en`` (core flags each such ambiguous cell in its parse note).
"""

from __future__ import annotations

import functools

from core.specs import DocumentSpec, SeedData

from . import evaluasi, program_lists, renja, side_tables
from .source_text import SOURCE_FILE

NOMENCLATURE = "pmdn13-2006"

RENJA_NOTES = (
    "Rancangan awal (initial draft) of the Renja 2021, signed Liwa, April 2020 (lines 18, 28, 928).",
    "Codes of the Renja 2021 table keep the organisation segments: 1.6.1.1.15.1 -> "
    "1.06.01.01.15.01 (urusan.bidang.organisasi.sub unit.program.kegiatan); programs 15-24 are "
    "the region's own sequence, not the national Permendagri 13 numbers used in Lampiran I.",
    "The table prints no target for 2022 on kegiatan rows (column 9 is empty on every kegiatan line).",
    "'null' in the catatan column (lines 1201, 1202, 1207, 1253) is carried as printed.",
)

EVALUASI_NOTES = (
    "Lampiran I of the Renja 2021 (lines 1124-1184): evaluation of Renja 2019 and Renstra "
    "achievement s/d 2020; the Renstra period is read from the RPJMD 2017-2022 (lines 84, 113) "
    "and the target column 'Renstra ... Tahun 2022' (line 1131).",
    "Realisations 2018 and 2020 are cumulative ('s/d'); the 2020 value is an estimate ('perkiraan', "
    "line 1131). Both are also kept as extras realisasi_sd_2018 / perkiraan_realisasi_sd_2020.",
    "Lines 1137-1145 print 7 value cells for 8 columns; column 5 is taken as not printed (cells_note).",
    "The table prints no rows for Program 1 6 15 (Pemberdayaan Fakir Miskin) nor for kegiatan "
    "1 6 6 3 onwards, although Bab II reports them for 2019; no money columns are printed.",
)


@functools.cache
def seed_data() -> SeedData:
    """Both documents, parsed once from the plugin's source copy."""
    renja_doc = DocumentSpec(
        key="renja-2021",
        type="renja",
        title="Rencana Kerja (Renja) Dinas Sosial Kabupaten Lampung Barat Tahun 2021",
        source_file=SOURCE_FILE,
        number_style="id",
        year=2021,
        status="draft",
        nomenclature_version=NOMENCLATURE,
        items=tuple(renja.tujuan_sasaran_items() + renja.table_items()),
        tables=(renja.totals_table(), *side_tables.tables(), *program_lists.tables()),
        notes=RENJA_NOTES,
    )
    evaluasi_doc = DocumentSpec(
        key="evaluasi-renja-2019",
        type="evaluasi",
        title=(
            "Rekapitulasi evaluasi hasil pelaksanaan Renja Perangkat Daerah dan pencapaian "
            "Renstra Perangkat Daerah s/d Tahun 2020 (Lampiran I Renja 2021)"
        ),
        source_file=SOURCE_FILE,
        number_style="en",
        period_start=2017,
        period_end=2022,
        year=2019,
        status="draft",
        nomenclature_version=NOMENCLATURE,
        items=tuple(evaluasi.items()),
        tables=(evaluasi.budget_table(),),
        notes=EVALUASI_NOTES,
    )
    return SeedData(documents=(renja_doc, evaluasi_doc))
