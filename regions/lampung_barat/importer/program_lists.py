"""The program and kegiatan lists of Bab III 3.3 (lines 934-1013) and Bab IV (lines 1028-1103).

They print no codes, targets or money: they are kept as printed tables (one row per program
or kegiatan line) so that they can be compared with the Renja 2021 table, which they do not
match exactly (e.g. "DAK Bidang Sosial" and "Pembentukan Kampung Siaga Bencana" are listed
but have no row in the table).
"""

from __future__ import annotations

import re

from core.specs import SourceRef, TableSpec

from .source_text import is_blank, line

COLUMNS = ("kelompok", "program", "huruf", "kegiatan")

_GROUP = re.compile(r"^([AB])\.\s+(Program dan Kegiatan.*?)\s*:?$")
_PROGRAM = re.compile(r"^(\d+)\.\s+(Program.*?)(?:,?\s*memiliki(?: kegiatan yaitu :)?)?$")
#: Lines 965-966 and 992-993: "memiliki" / "kegiatan yaitu :" wrapped onto their own line.
_CONTINUATION = re.compile(r"^(?:memiliki )?kegiatan yaitu :$")
_KEGIATAN = re.compile(r"^-?\s*(?:([a-z])[.)]\s+)?(.+)$")

LISTS = (
    ("bab3-program-kegiatan", "Program dan Kegiatan (Bab III 3.3)", 934, 1013),
    ("bab4-program-kegiatan", "Program dan Kegiatan (Bab IV 1.1)", 1028, 1103),
)


def classify(number: int) -> str:
    """What a line of a list is: blank, kelompok, program, continuation or kegiatan."""
    text = line(number).strip()
    if not text:
        return "blank"
    if _GROUP.match(text):
        return "kelompok"
    if _PROGRAM.match(text):
        return "program"
    if _CONTINUATION.match(text):
        return "continuation"
    return "kegiatan"


def _table(key: str, title: str, first: int, last: int) -> TableSpec:
    rows = []
    group = program = ""
    for number in range(first, last + 1):
        if is_blank(number):
            continue
        text = line(number).strip()
        kind = classify(number)
        if kind == "kelompok":
            group = _GROUP.match(text)[2]
        elif kind == "program":
            number_, program = _PROGRAM.match(text).groups()
            rows.append(((group, f"{number_}. {program}", "", ""), SourceRef(title, number, number_)))
        elif kind == "kegiatan":
            letter, name = _KEGIATAN.match(text).groups()
            rows.append(((group, program, letter or "", name), SourceRef(title, number, letter)))
    return TableSpec(key, title, COLUMNS, tuple(rows))


def tables() -> tuple[TableSpec, ...]:
    """Both printed lists, Bab III first."""
    return tuple(_table(*spec) for spec in LISTS)
