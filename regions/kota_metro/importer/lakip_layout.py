"""How the LAKIP 2023 tables line up: one row per program, kegiatan and sub kegiatan.

The LAKIP prints no codes, and its four item tables print the same items under varying
names, in different layouts: the realisation table of 3.2 (rows numbered 1-68, the first
printing and the backbone here), the 2022-vs-2023 table of 3.3 (two unaligned lists side by
side), Tabel 1.3 of 3.4 (program and kegiatan cells in one row) and the budget Tabel 3.2 of
3.9. Aligning them by fuzzy name matching would guess; this module states the alignment,
line by line, as read from the source, so every attachment can be checked against the text
(the tests compare the printed names at these lines).

Codes: the LAKIP prints none. Programs 02-07 take the code of the same-named item in the
Renstra 2021-2026 Tabel 6.1 (``renstra_2021_2026.txt``, line given); the Program Penunjang
(01), which that Tabel 6.1 prints without codes, takes the code of the same-named item in the
kab/kota nomenclature list of Kepmendagri 900.1.15.5-1317/2023 (the 050-5889 successor),
written in the 2-digit sub kegiatan form of 050-5889 (``...2.01.0001`` -> ``...2.01.01``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One item of the LAKIP and the lines where each table prints it.

    ``no`` is the printed NO of the 3.2 realisation table. ``budget_line`` is the item's row
    in Tabel 3.2; ``cmp_line`` the row of the 2023 side of the 3.3 table that names it;
    ``renstra_line`` the Tabel 1.3 row that names it. None: that table does not print it.
    """

    no: int
    level: str
    code: str | None
    budget_line: int | None
    cmp_line: int | None
    renstra_line: int | None
    code_source: str


_RENSTRA = "code of the same-named item in Renstra 2021-2026 Tabel 6.1 (renstra_2021_2026.txt line {})"
_NOMENKLATUR = (
    "code of the same-named item in the kab/kota list of Kepmendagri 900.1.15.5-1317/2023 ({}), "
    "in the 2-digit form of 050-5889; {}"
)


def _r(line: int) -> str:
    return _RENSTRA.format(line)


def _n(code_2023: str, why: str = "the Renstra prints no code for the Program Penunjang") -> str:
    return _NOMENKLATUR.format(code_2023, why)


P, K, S = "program", "kegiatan", "sub_kegiatan"

#: The 68 rows of the 3.2 realisation table (lines 531-605), in printed order.
ROWS: tuple[Row, ...] = (
    Row(1, P, "1.06.01", 912, 618, 705, _n("1.06.01")),
    Row(2, K, "1.06.01.2.01", 913, 618, 705, _n("1.06.01.2.01")),
    Row(3, S, "1.06.01.2.01.01", 914, 619, 706, _n("1.06.01.2.01.0001")),
    Row(4, S, "1.06.01.2.01.02", 926, 620, 707, _n("1.06.01.2.01.0002")),
    Row(5, S, "1.06.01.2.01.03", 937, 621, 708, _n("1.06.01.2.01.0003")),
    Row(6, K, "1.06.01.2.02", 948, 622, 709, _n("1.06.01.2.02")),
    Row(7, S, "1.06.01.2.02.01", 950, 625, 710, _n("1.06.01.2.02.0001")),
    Row(8, S, "1.06.01.2.02.02", 980, 626, 711, _n("1.06.01.2.02.0002")),
    Row(9, S, "1.06.01.2.02.03", 987, 627, 712, _n("1.06.01.2.02.0003")),
    # Same slot in every table, but two official names: lines 541/628/713 print
    # "Koordinasi dan Pelaksanaan Akuntansi SKPD" (1.06.01.2.02.0004) with a year-end-report
    # indicator, Tabel 3.2 line 999 prints "Koordinasi dan Penyusunan Laporan Keuangan Akhir
    # Tahun SKPD" (1.06.01.2.02.0005). Kept as one item, both names, no code.
    Row(10, S, None, 999, 628, 713, "ambiguous: 1.06.01.2.02.04 by the name at lines 541/628/713, "
        "1.06.01.2.02.05 by the name at Tabel 3.2 line 999; left unset"),
    Row(11, S, "1.06.01.2.02.07", 1011, 629, 714, _n("1.06.01.2.02.0007")),
    Row(12, K, "1.06.01.2.06", 1022, 630, 715, _n("1.06.01.2.06")),
    Row(13, S, "1.06.01.2.06.01", 1023, 631, 716, _n("1.06.01.2.06.0001")),
    Row(14, S, "1.06.01.2.06.02", 1030, 632, 718, _n("1.06.01.2.06.0002")),
    Row(15, S, "1.06.01.2.06.04", 1042, 633, 719, _n("1.06.01.2.06.0004")),
    Row(16, S, "1.06.01.2.06.05", 1056, 634, 720, _n("1.06.01.2.06.0005")),
    Row(17, S, "1.06.01.2.06.06", 1064, 635, 721, _n("1.06.01.2.06.0006")),
    Row(18, S, "1.06.01.2.06.09", 1070, 636, 722, _n("1.06.01.2.06.0009")),
    Row(19, K, "1.06.01.2.08", 1076, 637, 723, _n("1.06.01.2.08")),
    Row(20, S, "1.06.01.2.08.01", 1077, 640, 724, _n("1.06.01.2.08.0001")),
    Row(21, S, "1.06.01.2.08.02", 1084, 641, 725, _n("1.06.01.2.08.0002")),
    Row(22, K, "1.06.01.2.09", 1092, 642, 726, _n("1.06.01.2.09")),
    Row(23, S, "1.06.01.2.09.01", 1093, 643, 727, _n("1.06.01.2.09.0001")),
    Row(24, S, "1.06.01.2.09.06", 1103, 644, 729, _n("1.06.01.2.09.0006")),
    Row(25, S, "1.06.01.2.09.09", 1112, 645, 730, _n("1.06.01.2.09.0009")),
    Row(26, P, "1.06.02", 1118, 646, 731, _r(1300)),
    Row(27, K, "1.06.02.2.02", 1119, 646, 731, _r(1306)),
    Row(28, S, "1.06.02.2.02.01", 1120, 647, 732, _r(1307)),
    Row(29, K, "1.06.02.2.03", 1138, 648, 733, _r(1308)),
    Row(30, S, "1.06.02.2.03.01", 1139, 650, 734, _r(1309)),
    Row(31, S, "1.06.02.2.03.02", 1152, 651, 735, _r(1310)),
    Row(32, S, "1.06.02.2.03.04", 1164, 652, 737, _r(1312)),
    Row(33, P, "1.06.03", 1178, 653, 738, _r(1313)),
    Row(34, K, "1.06.03.2.01", 1179, 653, 738, _r(1319)),
    Row(35, S, "1.06.03.2.01.01", 1180, 654, 739, _n(
        "1.06.03.2.01.0001", "the Renstra lists no sub kegiatan under this kegiatan")),
    Row(36, P, "1.06.04", 1186, 655, 740, _r(1320)),
    Row(37, K, "1.06.04.2.01", 1187, 655, 740, _r(1321)),
    Row(38, S, "1.06.04.2.01.01", 1188, 656, 741, _r(1322)),
    Row(39, S, "1.06.04.2.01.02", 1206, 657, 742, _r(1323)),
    Row(40, S, "1.06.04.2.01.03", 1215, 659, 743, _r(1324)),
    Row(41, S, "1.06.04.2.01.05", 1230, 660, 744, _r(1326)),
    Row(42, S, "1.06.04.2.01.06", 1250, 661, 745, _r(1327)),
    Row(43, S, "1.06.04.2.01.08", 1271, 662, 746, _r(1334)),
    Row(44, S, "1.06.04.2.01.10", 1293, 663, 747, _r(1335)),
    Row(45, S, "1.06.04.2.01.12", 1311, 664, 748, _r(1337)),
    Row(46, K, "1.06.04.2.02", 1328, 665, 749, _r(1338)),
    Row(47, S, "1.06.04.2.02.02", 1329, 668, 752, _r(1340)),
    Row(48, S, "1.06.04.2.02.14", 1346, 669, 753, _r(1357)),
    Row(49, P, "1.06.05", 1374, 672, 754, _r(1358)),
    # Rows 50-51 have no budget in Tabel 3.2 (the program there holds only kegiatan 2.02).
    Row(50, K, "1.06.05.2.01", None, 672, 754, _r(1359)),
    Row(51, S, "1.06.05.2.01.01", None, 673, 755, _r(1360)),
    Row(52, K, "1.06.05.2.02", 1376, 674, 756, _r(1368)),
    Row(53, S, "1.06.05.2.02.01", 1377, 675, 757, _r(1369)),
    Row(54, S, "1.06.05.2.02.02", 1393, 678, 758, _r(1370)),
    Row(55, S, "1.06.05.2.02.03", 1409, 679, 759, _r(1371)),
    Row(56, S, "1.06.05.2.02.04", 1432, 680, 760, _r(1372)),
    Row(57, P, "1.06.06", 1454, 682, 761, _r(1373)),
    Row(58, K, "1.06.06.2.01", 1455, 682, 761, _r(1374)),
    Row(59, S, "1.06.06.2.01.01", 1456, 683, 762, _r(1375)),
    Row(60, S, "1.06.06.2.01.02", 1474, 684, 763, _r(1376)),
    Row(61, S, "1.06.06.2.01.03", 1484, 685, 765, _r(1377)),
    Row(62, S, "1.06.06.2.01.05", 1501, 686, 766, _r(1384)),
    Row(63, K, "1.06.06.2.02", 1518, 688, 767, _r(1385)),
    Row(64, S, "1.06.06.2.02.02", 1519, 689, 768, _r(1387)),
    Row(65, P, "1.06.07", 1532, 690, 769, _r(1388)),
    Row(66, K, "1.06.07.2.01", 1533, 690, 769, _r(1389)),
    Row(67, S, "1.06.07.2.01.02", 1534, 691, 770, _r(1390)),
    Row(68, S, "1.06.07.2.01.03", 1548, 692, 771, _r(1391)),
)

#: Tabel 1.3 rows that print a program cell and a kegiatan cell: whose are the numbers?
#: The "target Renstra 2023" column equals the Renstra's 2023 Rp of the program for these
#: rows (Renstra lines 1300 510.000.000, 1313 80.000.000, 1320 1.557.000.000, 1358
#: 663.000.000, 1373 198.000.000), so the values go to the program ...
RENSTRA_VALUES_OF_PROGRAM = {731: 26, 738: 33, 740: 36, 754: 49, 761: 57}
#: ... while at 705 (26.000.000, Renstra line 1407) and 769 (450.000.000, Renstra line 1389)
#: they are the kegiatan's: the values go to the row's kegiatan, the program cell is a label.

#: Tabel 1.3: a row wrapped over two lines (kegiatan name and the last amount on 751).
RENSTRA_CONTINUATIONS = {749: 751}

#: 3.3 table: rows wrapped over two lines (line -> continuation line), joined cell by cell.
CMP_CONTINUATIONS = {622: 624, 637: 639, 665: 667, 675: 677}

#: 3.3 table, 2022 side: which 2023 item each 2022 row reports on (None: a 2022 item that the
#: 2023 tables do not have; it stays in the "perbandingan-2022-2023" table only).
CMP_2022_ITEM: dict[int, int | None] = {
    618: 2, 619: 3, 620: 4,
    622: None,  # Koordinasi dan penyusunan laporan capaian kinerja dan ikhtisar realisasi kinerja SKPD
    630: None,  # Evaluasi Kinerja Perangkat Daerah
    631: 6, 632: 7, 633: 8, 634: 9,
    635: 10,  # "Koordinasi dan Pelaksanaan Akuntansi SKPD", the first printing of row 10
    636: None,  # "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD" (see row 10)
    637: 11,
    640: None,  # Kegiatan Administrasi Kepegawaian Perangkat Daerah
    641: None,  # Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya
    642: 12, 643: 13, 644: 14, 645: 15, 646: 16, 647: 17, 648: 18,
    650: 19, 651: 20, 652: 21, 653: 22,
    654: None,  # Kendaraan Dinas Operasional atau Lapangan (2.09.02; 2023 has 2.09.01)
    655: 24, 656: 25, 657: 27, 659: 28, 660: 29, 661: 30, 662: 31,
    663: None,  # Sumber Kesejahteraan Sosial Keluarga (2.03.03; not in the 2023 tables)
    664: 32, 665: 37, 668: 38, 669: 40, 670: 41, 671: 43, 672: 44, 673: 45, 674: 46, 675: 47,
    678: None,  # Pemberian Pelayanan Reunifikasi Keluarga (2.02.12; not in the 2023 tables)
    679: 48, 680: 52, 681: 53, 682: 55, 683: 58, 684: 59, 685: 60, 686: 63, 688: 64,
    689: 66, 690: 67, 691: 68,
}

#: First and last line of each item table.
REALISASI_LINES = (531, 605)
CMP_LINES = (618, 692)
RENSTRA_LINES = (705, 771)
BUDGET_LINES = (911, 1587)
