"""The item hierarchy of the Renstra: which printed row is which level, under which parent.

Tabel 6.1 prints no codes and no level column, so levels and parents come from the printed
order and wording, written out here line by line. Where Tabel 6.1 lost a kegiatan row at a
page break, its sub kegiatan hang under the kegiatan as printed in the cascading table
(lines 995-1102) or in the kegiatan list of section 6.2 (lines 1163-1191).
"""

from __future__ import annotations

P = "program"
K = "kegiatan"
S = "sub_kegiatan"

#: Items printed only outside Tabel 6.1: key -> (level, parent key, table, line, cell index of the name).
EXTRA_ITEMS = {
    # Program and kegiatan printed only in the cascading table / section 6.2.
    "cas:1026": (P, "sasaran-1.1", "Tabel Cascading", 1026, 4),
    "6.2:1172": (K, "cas:1026", "6.2 Kegiatan", 1172, 0),
    "cas:1030": (K, "6.1:1323", "Tabel Cascading", 1030, 3),
    "6.2:1165": (K, "6.1:1260", "6.2 Kegiatan", 1165, 0),
    "6.2:1168": (K, "6.1:1260", "6.2 Kegiatan", 1168, 0),
    "cas:1064": (K, "6.1:1207", "Tabel Cascading", 1064, 0),
    "cas:1066": (K, "6.1:1207", "Tabel Cascading", 1066, 0),
    "cas:1068": (K, "6.1:1207", "Tabel Cascading", 1068, 0),
    "cas:1080": (K, "6.1:1207", "Tabel Cascading", 1080, 0),
    "cas:1090": (K, "6.1:1207", "Tabel Cascading", 1090, 0),
}

#: Tabel 6.1 data lines: line -> (level, parent key). Tujuan/sasaran rows are merged into the
#: Tabel 4.2 items (see TUJUAN_SASARAN_61).
TABEL_61 = {
    1207: (P, "sasaran-2.1"),
    1208: (K, "6.1:1207"),
    **{ln: (S, "6.1:1208") for ln in (1209, 1211, 1212, 1213)},
    1214: (K, "6.1:1207"),
    **{ln: (S, "6.1:1214") for ln in (1215, 1216, 1217, 1219, 1220, 1221, 1222)},
    1223: (K, "6.1:1207"),
    1224: (S, "6.1:1223"),
    # 1226-1232: their kegiatan row (Administrasi Umum Perangkat Daerah) is lost at the page
    # break at line 1225; the cascading table prints it at line 1068.
    **{ln: (S, "cas:1068") for ln in range(1226, 1233)},
    # 1234-1235: kegiatan row lost at line 1233; cascading table line 1090.
    1234: (S, "cas:1090"),
    1235: (S, "cas:1090"),
    1236: (K, "6.1:1207"),
    **{ln: (S, "6.1:1236") for ln in range(1237, 1241)},
    1244: (P, "sasaran-1.2"),
    1245: (K, "6.1:1244"),
    1246: (S, "6.1:1245"),
    1248: (K, "6.1:1244"),
    **{ln: (S, "6.1:1248") for ln in range(1249, 1253)},
    # 1253: Tabel 6.1 prints it after sasaran 1.2 (line 1243); the cascading table (line 1038)
    # puts it under sasaran 2.1 "Meningkatnya Capaian Kinerja OPD": the explicit link wins.
    1253: (P, "sasaran-2.1"),
    1255: (K, "6.1:1253"),
    **{ln: (S, "6.1:1255") for ln in (1256, 1257, 1258)},
    1260: (P, "sasaran-1.1"),
    1262: (K, "6.1:1260"),
    **{ln: (S, "6.1:1262") for ln in range(1263, 1267)},
    # 1268-1281: anak terlantar (1275, 1281 say so); the kegiatan row is lost at line 1267 and
    # section 6.2 lists it at line 1165.
    **{ln: (S, "6.2:1165") for ln in (1268, 1269, 1270, 1271, 1272, 1274, 1275, 1276, 1277,
                                     1278, 1280, 1281)},
    1282: (K, "6.1:1260"),
    **{ln: (S, "6.1:1282") for ln in (1283, 1284, 1286, 1287, 1288, 1289, 1290, 1291, 1292,
                                     1293, 1294, 1296)},
    1297: (K, "6.1:1260"),
    1298: (S, "6.1:1297"),
    1299: (S, "6.1:1297"),
    1301: (K, "6.1:1260"),
    **{ln: (S, "6.1:1301") for ln in (1302, 1303, 1304, 1305, 1307, 1308, 1309, 1310, 1311,
                                     1313, 1314)},
    1315: (P, "sasaran-1.1"),
    1316: (K, "6.1:1315"),
    1317: (S, "6.1:1316"),
    1319: (K, "6.1:1315"),
    **{ln: (S, "6.1:1319") for ln in (1320, 1321, 1322)},
    1323: (P, "sasaran-1.1"),
    # 1325: its kegiatan row is lost at line 1324; cascading table line 1030.
    1325: (S, "cas:1030"),
}

#: Tabel 6.1 rows that repeat a tujuan or sasaran of Tabel 4.2.
TUJUAN_SASARAN_61 = {1205: "tujuan-2", 1206: "sasaran-2.1", 1242: "tujuan-1",
                     1243: "sasaran-1.2", 1259: "sasaran-1.1"}

#: Cascading-table printings of items that Tabel 6.1 also prints:
#: (line, cell index of the name, cell index of the indicator or None, item key).
CASCADING_SAME = (
    (996, 0, 1, "tujuan-1"),
    (996, 2, 3, "sasaran-1.1"),
    (996, 4, 5, "6.1:1260"),
    (996, 6, 7, "6.1:1262"),
    (1014, 0, 1, "6.1:1301"),
    (1029, 0, None, "6.1:1323"),
    (1035, 0, 1, "6.1:1315"),
    (1035, 3, 4, "6.1:1316"),
    (1035, 5, 6, "6.1:1317"),
    (1038, 0, 1, "tujuan-2"),
    (1038, 2, 3, "sasaran-2.1"),
    (1038, 4, 5, "6.1:1253"),
    (1038, 6, 7, "6.1:1255"),
    (1039, 4, 5, "6.1:1207"),
    (1039, 6, 7, "6.1:1208"),
    (1056, 0, 1, "6.1:1223"),
    (1094, 0, 1, "6.1:1236"),
)
#: Indicator cells of cascading-only items: key -> (line, cell index).
CASCADING_INDICATORS = {
    # The program's indicator is on line 1027 (cell 4); 1026 cell 5 is the kegiatan's.
    "cas:1026": (1027, 4),
    "cas:1030": (1030, 4),
    "cas:1064": (1064, 1),
    "cas:1066": (1066, 1),
    "cas:1068": (1068, 1),
    "cas:1080": (1080, 1),
    "cas:1090": (1090, 1),
}
# Line 1030 also prints the bencana program's indicator in its cell 1 (its name is on 1029).
CASCADING_PROGRAM_BENCANA_INDICATOR = (1030, 1)

#: The migrant-worker kegiatan (section 6.2 line 1172) as the cascading table prints it,
#: wrapped over a page break: name 1027 cell 5 + 1029 cell 3, indicator 1026 cell 5 + 1029 cell 4.
CASCADING_MIGRAN_KEGIATAN = ("6.2:1172", "1027:5+1029:3", "1026:5+1029:4")
