"""Access to the plugin's unchanged copy of the seed document, line by line."""

from __future__ import annotations

import functools
from importlib import resources

#: File name of the copy in ``source/`` (see ``source/PROVENANCE.md``).
SOURCE_FILE = "renja_2021_dinas_sosial_lampung_barat.txt"


@functools.cache
def source_lines() -> tuple[str, ...]:
    """All lines of the source copy, without line ends; index 0 is line 1."""
    text = resources.files(__package__).joinpath("source").joinpath(SOURCE_FILE).read_text("utf-8")
    return tuple(text.split("\n"))


def line(number: int) -> str:
    """The text of 1-based line ``number``."""
    return source_lines()[number - 1]


def cells(number: int) -> list[str]:
    """The tab-separated cells of line ``number``, each stripped of surrounding spaces."""
    return [cell.strip() for cell in line(number).split("\t")]


def is_blank(number: int) -> bool:
    """Whether line ``number`` holds nothing but whitespace."""
    return not line(number).strip()
