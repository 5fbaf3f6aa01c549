"""The organisation chart of section 2.1 (lines 207-688), as data with source lines.

Each unit names the line of its printed heading and the line ranges of its printed task
text (*mempunyai tugas ...* and the numbered *fungsi*); the task lines are read from the
source copy as printed, so nothing is retyped.
"""

from __future__ import annotations

import re
from datetime import date

from core.specs import OrgChart, SourceRef, UnitSpec

from .source import SOURCE_FILE, line

TABLE = "2.1 Tugas Pokok, Fungsi dan Struktur Organisasi"

#: (code, name, kind, parent, heading line, task line ranges (inclusive), English name)
UNITS = (
    ("kadis", "Kepala Dinas", "kepala", None, 245, ((247, 256),), "Head of Agency"),
    ("sekretariat", "Sekretariat (Sekretaris)", "sekretariat", "kadis", 268, ((270, 286),), "Secretariat"),
    ("subbag-umum", "Sub Bagian Umum dan Perlengkapan", "subbagian", "sekretariat", 290, ((292, 312),),
     "General Affairs and Supplies Sub-division"),
    ("subbag-pep", "Sub Bagian Perencanaan, Evaluasi dan Pelaporan", "subbagian", "sekretariat", 314,
     ((316, 332),), "Planning, Evaluation and Reporting Sub-division"),
    ("subbag-keuangan", "Sub Bagian Keuangan", "subbagian", "sekretariat", 334, ((336, 351),),
     "Finance Sub-division"),
    ("bid-pfm", "Bidang Penanganan Fakir Miskin", "bidang", "kadis", 605, ((607, 622),),
     "Poverty Handling Division"),
    ("seksi-pfm-perdesaan", "Seksi Penanganan Fakir Miskin Perdesaan", "seksi", "bid-pfm", 626,
     ((628, 644),), "Rural Poverty Section"),
    ("seksi-pfm-perkotaan", "Seksi Penanganan Fakir Miskin Perkotaan", "seksi", "bid-pfm", 646,
     ((648, 657),), "Urban Poverty Section"),
    # Heading, task sentence and fungsi 1-3 are lost at the page break (lines 658-661); the
    # name is as printed in fungsi 9-10 (lines 667-668).
    ("seksi-pfm-pesisir", "Seksi Penanganan Fakir Miskin Pesisir, Pulau-pulau Kecil dan Perbatasan "
     "Antar-Negara", "seksi", "bid-pfm", 662, ((662, 669),),
     "Coastal, Small Islands and Border Poverty Section"),
    ("bid-dayasos", "Bidang Pemberdayaan Sosial", "bidang", "kadis", 524, ((526, 540),),
     "Social Empowerment Division"),
    ("seksi-perorangan-keluarga", "Seksi Pemberdayaan Perorangan dan Keluarga", "seksi", "bid-dayasos",
     544, ((546, 559),), "Individual and Family Empowerment Section"),
    ("seksi-kelembagaan", "Seksi Pemberdayaan Masyarakat dan Kelembagaan Sosial", "seksi",
     "bid-dayasos", 561, ((563, 578),), "Community and Social Institutions Empowerment Section"),
    ("seksi-kesetiakawanan", "Seksi Pemberdayaan Potensi Kesetiakawanan dan Restorasi Sosial", "seksi",
     "bid-dayasos", 580, ((582, 603),), "Solidarity and Social Restoration Section"),
    ("bid-rehsos", "Bidang Rehabilitasi Sosial", "bidang", "kadis", 440, ((442, 459),),
     "Social Rehabilitation Division"),
    ("seksi-anak-lansia", "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia", "seksi", "bid-rehsos", 464,
     ((466, 482),), "Children and Elderly Rehabilitation Section"),
    ("seksi-disabilitas", "Seksi Rehabilitasi Sosial Penyandang Disabilitas", "seksi", "bid-rehsos", 484,
     ((486, 502),), "Persons with Disabilities Rehabilitation Section"),
    ("seksi-tuna-sosial", "Seksi Rehabilitasi Sosial, Tuna Sosial dan Korban Perdagangan Orang", "seksi",
     "bid-rehsos", 504, ((506, 522),), "Social Deviance and Trafficking Victims Rehabilitation Section"),
    ("bid-linjamsos", "Bidang Perlindungan dan Jaminan Sosial", "bidang", "kadis", 353, ((355, 372),),
     "Social Protection and Security Division"),
    ("seksi-bencana-alam", "Seksi Perlindungan Sosial Korban Bencana Alam", "seksi", "bid-linjamsos", 376,
     ((378, 395),), "Natural Disaster Victims Protection Section"),
    ("seksi-bencana-sosial", "Seksi Perlindungan Sosial Korban Bencana Sosial", "seksi", "bid-linjamsos",
     397, ((399, 416),), "Social Disaster Victims Protection Section"),
    ("seksi-jsk", "Seksi Jaminan Sosial Keluarga", "seksi", "bid-linjamsos", 418, ((420, 438),),
     "Family Social Security Section"),
    ("uptd-psbrh", "UPTD Panti Sosial Bina Remaja Harapan (PSBRH)", "uptd", "kadis", 673, (),
     "Technical Unit: Harapan Youth Social Home"),
    ("uptd-pstw", "UPTD Panti Sosial Tresna Werdha (PSTW)", "uptd", "kadis", 674, (),
     "Technical Unit: Tresna Werdha Elderly Social Home"),
    ("uptd-pstw-bs", "UPTD Panti Sosial Tresna Werdha Bengkulu Selatan", "uptd", "kadis", 675, (),
     "Technical Unit: Tresna Werdha Elderly Social Home, Bengkulu Selatan"),
    ("jabfung", "Kelompok Jabatan Fungsional", "fungsional", "kadis", 677, ((679, 688),),
     "Functional Positions Group"),
)

VALID_FROM = date(2016, 11, 29)
NOTE = (
    "Typology A (line 217). Chart per Peraturan Gubernur Bengkulu No.54 Tahun 2016 (lines 213, 239), "
    "implementing Peraturan Daerah Provinsi Bengkulu No. 8 tahun 2016 'Tanggal 29 November 2016' "
    "(line 213); the Pergub's own date is not printed, so valid_from is the Perda's printed date. "
    "The organisation chart figure itself is not in the text. Line 265-266 lists two UPTD "
    "(PSBRH, PSTW) under the Kepala Dinas; line 675 lists a third (PSTW Bengkulu Selatan). "
    "No sub-units of the UPTD are printed. The heading of the third Seksi of Bidang Penanganan "
    "Fakir Miskin is lost at a page break (lines 658-661); its name is taken from its fungsi "
    "(line 667). Printed copy errors kept in the tasks: line 442 names Bidang Perlindungan dan "
    "Jaminan Sosial in the Rehabilitasi Sosial task; line 488-502 repeat the Anak dan Lanjut Usia "
    "fungsi for Seksi Disabilitas; line 422 names Seksi Bencana Sosial for Jaminan Sosial Keluarga."
)


_ENUMERATED = re.compile(r"^(\d+|[a-z])\. ")


def _tasks(ranges) -> tuple[str, ...]:
    out: list[str] = []
    for first, last in ranges:
        for number in range(first, last + 1):
            text = line(number).strip()
            if text.startswith("- "):
                text = text[2:].strip()
            if not text or text == "-":
                continue
            # A sentence cut by a page break (e.g. lines 546/548) continues on an
            # unnumbered line starting in lower case: join it to the entry it belongs to.
            continues = text[0].islower() and not _ENUMERATED.match(text)
            if out and continues and not out[-1].endswith((".", ";", ":")):
                out[-1] = f"{out[-1]} {text}"
            else:
                out.append(text)
    return tuple(out)


def org_chart() -> OrgChart:
    """The chart as section 2.1 prints it."""
    units = tuple(
        UnitSpec(code=code, name=name, kind=kind, parent_code=parent, tasks=_tasks(ranges),
                 name_en=name_en, source=SourceRef(TABLE, heading, line(heading).strip()))
        for code, name, kind, parent, heading, ranges, name_en in UNITS
    )
    return OrgChart(valid_from=VALID_FROM, units=units, source_document=SOURCE_FILE,
                    typology="A", note=NOTE)
