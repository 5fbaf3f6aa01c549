"""Fill translation catalogs from a reviewed table of Indonesian texts.

English is the source language of the msgids, so the ``en`` catalog's msgstr is the msgid.
The Indonesian texts live in ``translations/id*.tsv`` (msgid<TAB>text, one file per area),
reviewed by people;
this script writes them into ``translations/id/LC_MESSAGES/messages.po``. Run after
``scripts/i18n.sh extract``; a test fails while any msgid lacks a text in either catalog.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "translations"


def load_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for path in sorted(ROOT.glob("id*.tsv")):
        with open(path, newline="", encoding="utf-8") as f:
            table.update({row[0]: row[1] for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if row})
    return table


def fill(locale: str, table: dict[str, str]) -> list[str]:
    path = ROOT / locale / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as f:
        catalog = read_po(f, locale=locale)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        text = message.id if locale == "en" else table.get(message.id)
        if text is None:
            missing.append(message.id)
            continue
        message.string = text
        message.flags.discard("fuzzy")
    with open(path, "wb") as f:
        write_po(f, catalog, width=100, omit_header=False)
    return missing


if __name__ == "__main__":
    table = load_table()
    missing = fill("id", table)
    fill("en", table)
    for msgid in missing:
        print(f"no Indonesian text for: {msgid!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)
