"""Sub kegiatan of the cascading table (lines 995-1102), cell by cell.

The conversion broke this table badly: column counts vary from 3 to 14 per row, several
sub kegiatan share one cell (line 996, 1039, 1064, 1066), names and indicators wrap across
page breaks (1025-1029, 1052-1054), and a few cells of the park rows (1038) land on 1039.
Each sub kegiatan is therefore written out here with references to the cells that print it:

* ``"996:8"`` is cell 8 (0-based) of line 996;
* ``"996:8/1"`` is the second statement of that cell, split at the starts in :data:`SPLITS`;
* ``"1052:3+1054:3"`` joins a wrapped cell with its continuation.

``same`` names the Tabel 6.1 row printing the same sub kegiatan (chosen by reading; where the
wording differs, the cascading wording travels as an extra).
"""

from __future__ import annotations

from dataclasses import dataclass

from .source import cells

TABLE = "Tabel Cascading"

#: Cells holding several statements, with the printed start of each.
SPLITS = {
    (996, 8): ("Penyediaan Perumahan", "Penyediaan Sandang"),
    (996, 9): ("Jumlah permukiman", "Jumlah sandang"),
    (1039, 8): ("Penyusunan Dokumen Perencanaan", "Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
    (1064, 2): ("Perencanaan Pengelolaan", "Pengolahan Data"),
    (1064, 3): ("Jumlah Dokumen Rencana", "Jumlah Laporan Hasil"),
    (1066, 2): ("Peningkatan Sarana", "Pengadaan Pakaian", "Pendaftaran dan", "Kordinasi dan",
                "Monitoring,", "Pendidikan dan", "Sosialisasi"),
    (1066, 3): ("Jumlah Unit", "Jumlah Paket", "Jumlah Dokumen Pendaftaran", "Jumlah Dokumen Hasil",
                "Jumlah Dokumen Monitoring", "Jumlah Pegawai", "Jumlah Orang"),
}


@dataclass(frozen=True)
class CascadingSub:
    """One sub kegiatan as the cascading table prints it."""

    key: str
    name: str  # cell reference
    parent: str
    indicators: tuple[str, ...] = ()  # cell references
    unit: str | None = None  # cell reference of the penanggung jawab
    same: str | None = None  # key of the Tabel 6.1 item printing the same sub kegiatan
    urusan: str | None = None  # cell reference of the Urusan column (lines 996-1003)


def _s(line, name, parent, ind=None, unit=None, same=None, urusan=None, part=None):
    key = f"cas-sub:{line}" if part is None else f"cas-sub:{line}.{part}"
    return CascadingSub(key, name, parent, tuple(ind or ()), unit, same, urusan)


def _block(lines, name_cell, parent, same=None, unit_cell=None):
    """Rows of one shape: name, indicator next to it, penanggung jawab at ``unit_cell``."""
    same = same or {}
    return [
        _s(ln, f"{ln}:{name_cell}", parent, [f"{ln}:{name_cell + 1}"],
           f"{ln}:{unit_cell if unit_cell is not None else name_cell + 2}", same.get(ln))
        for ln in lines
    ]


SUBS: tuple[CascadingSub, ...] = tuple([
    # Disabilitas (kegiatan 6.1:1262), 12-column rows with Urusan and Penanggung Jawab.
    _s(996, "996:8/0", "6.1:1262", ["996:9/0"], "996:11", urusan="996:10", part=1),
    _s(996, "996:8/1", "6.1:1262", ["996:9/1"], "996:11", "6.1:1264", "996:10", part=2),
    *[_s(ln, f"{ln}:8", "6.1:1262", [f"{ln}:9"], f"{ln}:11", same, f"{ln}:10")
      for ln, same in ((997, "6.1:1265"), (998, "6.1:1266"), (999, None), (1000, None),
                       (1001, None), (1002, None), (1003, None))],
    # 1005-1013: no kegiatan cell; 1007 and 1010 match the PMKS-lainnya rows 1298-1299 and
    # 1011 names PMKS lainnya, so the block hangs under kegiatan 6.1:1297.
    *_block(range(1005, 1014), 0, "6.1:1297", {1007: "6.1:1298", 1010: "6.1:1299"}),
    # 1015 prints an indicator with no name: kept only in the table copy.
    # Gelandangan dan pengemis (kegiatan 6.1:1301).
    *_block(range(1017, 1025), 4, "6.1:1301",
            {1017: "6.1:1305", 1018: "6.1:1307", 1019: "6.1:1308", 1020: "6.1:1309",
             1021: "6.1:1310", 1022: "6.1:1311", 1023: "6.1:1313", 1024: "6.1:1314"}),
    # Migrant workers: name and indicator wrap onto line 1029 (cells 5 and 6).
    _s(1025, "1025:4+1029:5", "6.2:1172", ["1025:5+1029:6"], "1025:6"),
    # Bencana (kegiatan cas:1030).
    *_block(range(1030, 1035), 5, "cas:1030", {1034: "6.1:1325"}),
    _s(1036, "1036:5", "6.1:1316", ["1036:6"], "1036:7"),
    # Taman Makam Pahlawan: three names in cells 8-10 of line 1038, one indicator (cell 11);
    # the Pengamanan indicator is printed on line 1039 cell 11.
    _s(1038, "1038:8", "6.1:1255", ["1038:11"], "1038:12", "6.1:1257", part=1),
    _s(1038, "1038:9", "6.1:1255", [], "1038:12", "6.1:1256", part=2),
    _s(1038, "1038:10", "6.1:1255", ["1039:11"], "1038:12", "6.1:1258", part=3),
    # Perencanaan (kegiatan 6.1:1208).
    _s(1039, "1039:8/0", "6.1:1208", [], "1039:12", "6.1:1209", part=1),
    _s(1039, "1039:8/1", "6.1:1208", [], "1039:12", "6.1:1211", part=2),
    _s(1040, "1040:8", "6.1:1208", ["1040:11"], "1040:12", part=1),
    _s(1040, "1040:9", "6.1:1208", ["1041:11"], "1041:12", part=2),
    _s(1040, "1040:10", "6.1:1208", ["1042:11"], "1042:12", part=3),
    *_block((1044, 1045), 3, "6.1:1208", {1044: "6.1:1212", 1045: "6.1:1213"}),
    # Keuangan (kegiatan 6.1:1214); 1052 wraps onto 1054 across a page break.
    *_block((1046, 1047, 1048, 1049, 1050, 1051), 3, "6.1:1214",
            {1046: "6.1:1215", 1047: "6.1:1216", 1048: "6.1:1217", 1050: "6.1:1219", 1051: "6.1:1220"}),
    _s(1052, "1052:3+1054:3", "6.1:1214", ["1052:4+1054:4"], "1052:5", "6.1:1221"),
    _s(1055, "1055:3", "6.1:1214", ["1055:4"], "1055:6", "6.1:1222"),
    # Barang milik daerah (kegiatan 6.1:1223); penanggung jawab in cell 6 where printed.
    *_block(range(1056, 1063), 3, "6.1:1223", {1056: "6.1:1224"}, unit_cell=6),
    # Pendapatan (kegiatan cas:1064) and kepegawaian (cas:1066): several subs per cell.
    _s(1064, "1064:2/0", "cas:1064", ["1064:3/0"], "1064:4", part=1),
    _s(1064, "1064:2/1", "cas:1064", ["1064:3/1"], "1064:4", part=2),
    _s(1065, "1065:2", "cas:1064", ["1065:3"], "1065:4"),
    *[_s(1066, f"1066:2/{i}", "cas:1066", [f"1066:3/{i}"], "1066:4", part=i + 1) for i in range(7)],
    # Umum (kegiatan cas:1068).
    *_block(range(1068, 1079), 2, "cas:1068",
            {1069: "6.1:1226", 1070: "6.1:1227", 1071: "6.1:1228", 1072: "6.1:1232",
             1073: "6.1:1230", 1074: "6.1:1231", 1075: "6.1:1229"}),
    # Pengadaan (kegiatan cas:1080): 1081-1088 print each sub twice, with two indicators.
    _s(1080, "1080:2", "cas:1080", ["1080:3"], "1080:4"),
    *[_s(ln, f"{ln}:2", "cas:1080", [f"{ln}:1", f"{ln}:3"], f"{ln}:4") for ln in range(1081, 1089)],
    # Jasa (kegiatan cas:1090) and pemeliharaan (kegiatan 6.1:1236).
    *_block(range(1090, 1094), 2, "cas:1090", {1091: "6.1:1234", 1093: "6.1:1235"}),
    *_block(range(1094, 1100), 2, "6.1:1236", {1094: "6.1:1237", 1098: "6.1:1238", 1099: "6.1:1239"}),
    *_block((1101, 1102), 0, "6.1:1236", {1101: "6.1:1240"}),
])


def _clean(text: str) -> str:
    return text.replace("<p>", "").replace("</p>", "").strip()


def _split(text: str, starts: tuple[str, ...]) -> list[str]:
    positions = []
    for start in starts:
        index = text.find(start, positions[-1] + 1 if positions else 0)
        if index < 0:
            raise ValueError(f"{start!r} not found in {text!r}")
        positions.append(index)
    bounds = positions + [len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


def resolve(ref: str | None) -> str | None:
    """The printed text a cell reference points to (joined or split as the reference says)."""
    if ref is None:
        return None
    pieces = []
    for part in ref.split("+"):
        where, _, which = part.partition("/")
        line, cell = (int(n) for n in where.split(":"))
        row = cells(line)
        text = _clean(row[cell]) if cell < len(row) else ""
        if which:
            text = _split(text, SPLITS[(line, cell)])[int(which)]
        pieces.append(text)
    return " ".join(p for p in pieces if p) or None


def line_of(ref: str) -> int:
    """The first line a cell reference points to."""
    return int(ref.split(":")[0])
