"""Load each nomenclature version's items from the reference CSVs in ``data/``.

Pure and cached: the files are read once per process and every call returns the same
immutable tuples. Nothing here is typed by hand except the English names
(``data/names_en.csv``); see ``data/PROVENANCE.md`` for where each list comes from.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .model import JURISDICTIONS, LEVELS, VERSIONS, NomenclatureItemSpec, get_version
from .names import normalise_name

DATA_DIR = Path(__file__).parent / "data"

PMDN13_CSV = "sosial_1.06_permendagri13_2006_simcan.csv"
PMDN90_CSV = "sosial_1.06_permendagri90_2019_kep050-3708_2020_simcan.csv"
KMDN900_CSV = "sosial_1.06_kepmendagri_900.1.15.5-1317_2023_kabkota.csv"
KMDN900_KINERJA_CSV = "sosial_1.06_kepmendagri_900.1.15.5-1317_2023_kabkota_kinerja.csv"
CROSSWALK_CSV = "sosial_1.06_kabkota_crosswalk_050-3708_to_900.1.15.5-1317_DERIVED.csv"
NAMES_EN_CSV = "names_en.csv"

#: Provenance prefix of the items kmdn050-5889-2021 takes over from its predecessor.
INHERITED = "inherited from pmdn90-2019"


def read_csv(name: str) -> list[dict[str, str]]:
    """Read one CSV of ``data/`` into a list of row dicts."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def names_en() -> dict[str, str]:
    """Return the English name of every Indonesian name, keyed by the exact Indonesian name."""
    return {row["name"]: row["name_en"] for row in read_csv(NAMES_EN_CSV)}


@lru_cache(maxsize=1)
def _names_en_normalised() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, name_en in names_en().items():  # the first printing of a name wins
        out.setdefault(normalise_name(name), name_en)
    return out


def english_name(name: str) -> str | None:
    """Return the English name for ``name`` (exact, then normalised match), or None."""
    found = names_en().get(name)
    if found is None:
        found = _names_en_normalised().get(normalise_name(name))
    return found


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _item(version: str, jurisdiction: str, row: dict[str, str], **extra) -> NomenclatureItemSpec:
    return NomenclatureItemSpec(
        version=version,
        jurisdiction=jurisdiction,
        code=row["code"],
        level=row["level"],
        name=row["name"],
        name_en=english_name(row["name"]),
        indikator=_blank(row.get("indicator")),
        satuan=_blank(row.get("satuan")),
        provenance=row["source"],
        **extra,
    )


def _pmdn90_jurisdiction(source: str) -> str:
    if "jns_pemda=1" in source:
        return "provinsi"
    if "jns_pemda=2" in source:
        return "kabkota"
    raise ValueError(f"row without jns_pemda in {PMDN90_CSV}: {source}")


def _load_pmdn13() -> tuple[NomenclatureItemSpec, ...]:
    return tuple(_item("pmdn13-2006", "all", row) for row in read_csv(PMDN13_CSV))


def _load_pmdn90() -> tuple[NomenclatureItemSpec, ...]:
    return tuple(
        _item("pmdn90-2019", _pmdn90_jurisdiction(row["source"]), row)
        for row in read_csv(PMDN90_CSV)
    )


def _load_kmdn050() -> tuple[NomenclatureItemSpec, ...]:
    return tuple(
        replace(item, version="kmdn050-5889-2021", provenance=f"{INHERITED}; {item.provenance}")
        for item in load_items("pmdn90-2019")
    )


def _load_kmdn900() -> tuple[NomenclatureItemSpec, ...]:
    kinerja = {row["code"]: row["kinerja"] for row in read_csv(KMDN900_KINERJA_CSV)}
    return tuple(
        _item("kmdn900-1317-2023", "kabkota", row, kinerja=_blank(kinerja.get(row["code"])))
        for row in read_csv(KMDN900_CSV)
    )


_LOADERS = {
    "pmdn13-2006": _load_pmdn13,
    "pmdn90-2019": _load_pmdn90,
    "kmdn050-5889-2021": _load_kmdn050,
    "kmdn900-1317-2023": _load_kmdn900,
}


@lru_cache(maxsize=None)
def load_items(version: str) -> tuple[NomenclatureItemSpec, ...]:
    """Return every item of ``version`` in source order; raise KeyError for an unknown one."""
    get_version(version)
    items = _LOADERS[version]()
    _check(items)
    return items


def _check(items: Iterable[NomenclatureItemSpec]) -> None:
    seen: set[tuple[str, str, str]] = set()
    for item in items:
        if item.level not in LEVELS or item.jurisdiction not in JURISDICTIONS:
            raise ValueError(f"bad level or jurisdiction: {item}")
        if item.key in seen:
            raise ValueError(f"duplicate nomenclature item {item.key}")
        seen.add(item.key)


def items_for(version: str, jurisdiction: str) -> tuple[NomenclatureItemSpec, ...]:
    """Return the items of ``version`` that apply to ``jurisdiction``.

    Items for ``"all"`` apply to both a provinsi and a kab/kota; asking for ``"all"``
    returns every item of the version.
    """
    if jurisdiction not in JURISDICTIONS:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}")
    items = load_items(version)
    if jurisdiction == "all":
        return items
    return tuple(i for i in items if i.jurisdiction in (jurisdiction, "all"))


def jurisdictions(version: str) -> frozenset[str]:
    """Return the jurisdictions ``version`` has a list for (``"all"`` covers both)."""
    found = {i.jurisdiction for i in load_items(version)}
    if "all" in found:
        found |= {"provinsi", "kabkota"}
    return frozenset(found)


def has_list(version: str, jurisdiction: str) -> bool:
    """Tell whether the reference data holds a list of ``version`` for ``jurisdiction``."""
    return jurisdiction in jurisdictions(version)


@lru_cache(maxsize=None)
def _index(version: str) -> dict[tuple[str, str], NomenclatureItemSpec]:
    return {(i.jurisdiction, i.code): i for i in load_items(version)}


def find_item(version: str, jurisdiction: str, code: str) -> NomenclatureItemSpec | None:
    """Return the item of ``version`` with ``code`` for ``jurisdiction``, or None."""
    index = _index(version)
    return index.get((jurisdiction, code)) or index.get(("all", code))


def amend(
    items: Iterable[NomenclatureItemSpec], extra_items: Iterable[NomenclatureItemSpec]
) -> tuple[NomenclatureItemSpec, ...]:
    """Add or override items of a version with items found in another source.

    Each extra item must carry its own provenance (a seed's printing, with file and line):
    nothing is invented here. An extra item with the key ``(jurisdiction, code)`` of an
    existing one replaces it in place and its provenance records what it replaced; others
    are appended. Extra items take the version of ``items``. Returns a new tuple.
    """
    base = list(items)
    version = base[0].version if base else None
    position = {(i.jurisdiction, i.code): n for n, i in enumerate(base)}
    for extra in extra_items:
        if not extra.provenance.strip():
            raise ValueError(f"amending item {extra.code} has no provenance")
        if extra.level not in LEVELS or extra.jurisdiction not in JURISDICTIONS:
            raise ValueError(f"bad level or jurisdiction: {extra}")
        version = version or extra.version
        key = (extra.jurisdiction, extra.code)
        if key in position:
            old = base[position[key]]
            base[position[key]] = replace(
                extra,
                version=version,
                name_en=extra.name_en or english_name(extra.name),
                provenance=f"amended: {extra.provenance} (replaces: {old.provenance})",
            )
        else:
            position[key] = len(base)
            base.append(
                replace(
                    extra,
                    version=version,
                    name_en=extra.name_en or english_name(extra.name),
                    provenance=f"added: {extra.provenance}",
                )
            )
    return tuple(base)


def all_versions() -> tuple[str, ...]:
    """Return the codes of all known versions, oldest first."""
    return tuple(sorted(VERSIONS, key=lambda c: VERSIONS[c].issued_year))
