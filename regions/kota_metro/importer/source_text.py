"""The plugin's copy of its source document, read line by line.

Every ``SourceRef.line`` of this plugin is a 1-based line number in
``source/renstra_2021_2026.txt``, a byte-for-byte copy of the seed (see ``source/PROVENANCE.md``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

SOURCE_DIR = Path(__file__).parent / "source"
RENSTRA_FILE = "renstra_2021_2026.txt"


@cache
def renstra_lines() -> tuple[str, ...]:
    """The Renstra's lines; index 0 holds line 1."""
    text = (SOURCE_DIR / RENSTRA_FILE).read_text(encoding="utf-8")
    return tuple(text.split("\n"))


def line(number: int) -> str:
    """Line ``number`` (1-based) of the Renstra, without its newline."""
    return renstra_lines()[number - 1]


def cells(number: int) -> list[str]:
    """The tab-separated cells of line ``number``, each stripped of surrounding spaces."""
    return [cell.strip() for cell in line(number).split("\t")]


def expect(number: int, prefix: str) -> str:
    """Line ``number``, after checking it starts with ``prefix`` (guards the fixed line numbers)."""
    text = line(number)
    if not text.startswith(prefix):
        raise ValueError(f"line {number} of {RENSTRA_FILE} should start with {prefix!r}: {text[:80]!r}")
    return text
