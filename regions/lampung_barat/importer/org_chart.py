"""What the Renja 2021 document states about the organisation of the Dinas Sosial.

The document has no organisation chart, names no Sekretariat, Sub Bagian, Bidang, Seksi or
UPTD, states no tasks per unit and has no responsible-unit column in any table. The one unit it
names is the Kepala Dinas, who signs it; everything else it says is recorded in :data:`NOTE`.
"""

from __future__ import annotations

from datetime import date

from core.specs import OrgChart, SourceRef, UnitSpec

from .source_text import SOURCE_FILE

UNITS = (
    UnitSpec(
        code="kepala",
        name="Kepala Dinas Sosial Kabupaten Lampung Barat",
        kind="kepala",
        name_en="Head of the Social Affairs Office of West Lampung Regency",
        source=SourceRef("Kata Pengantar (signature)", 29, "Kepala Dinas Sosial"),
    ),
)

NOTE = (
    "The Renja 2021 (rancangan awal, Liwa, April 2020) states no organisation chart and no typology. "
    "It names only the Kepala Dinas Sosial, who signs it (lines 28-34, 1115-1122, 1314-1318; "
    "EDI YUSUF, S.Sos, M.H, Pembina Utama Muda IV.c). It mentions 'semua Bidang, Seksi dan Staf' "
    "of the Dinas without naming any (line 22), so no Bidang or Seksi is carried; it names no "
    "Sekretariat, Sub Bagian or UPTD. It states the task of the Dinas as a whole, not per unit: "
    "'melaksanakan pelayanan bidang Kesejahteraan sosial dalam bentuk penanganan Penyandang "
    "Masalah Kesejahteraan Sosial' (line 895), and cites Perda Kabupaten Lampung Barat 9/2011 "
    "amending Perda 12/2008 on the Organisasi dan Tata Kerja Dinas Daerah (line 108) without "
    "quoting it. The Renja 2021 table prints the organisation codes '1 6 1 Dinas Sosial' and "
    "'1.6.1.1 Dinas Sosial' (lines 1193-1194); no table has a responsible-unit column except the "
    "SPM tables, which name 'Dinas Sosial' itself (lines 823-867). 'sekretariat PPKH' and 'kantor "
    "PKH' appear only as offices whose bills are paid (lines 1202, 1225), not as units of the "
    "Dinas, and are not carried. Valid from: the signature month (April 2020, line 28); the day "
    "is not printed."
)


def org_chart() -> OrgChart:
    """The organisation as the document states it: the Kepala Dinas and a precise note."""
    return OrgChart(
        valid_from=date(2020, 4, 1),
        units=UNITS,
        source_document=SOURCE_FILE,
        typology=None,
        note=NOTE,
    )
