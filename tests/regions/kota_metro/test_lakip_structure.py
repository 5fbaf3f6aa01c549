"""LAKIP 2023 and PK 2023 of Kota Metro: documents, item counts, keys, parents, codes."""

import re
from collections import Counter
from pathlib import Path

import pytest

from core.services.seeding import validate_document
from core.specs import ITEM_LEVELS
from regions.kota_metro.importer import lakip as lakip_module
from regions.kota_metro.importer.lakip import realisation_rows, cmp_rows, lakip_documents, renstra_rows
from regions.kota_metro.importer.lakip_layout import ROWS
from regions.kota_metro.importer.lakip_text import cells

SEED = Path("/work/shared/seeds/001_3aabf0c976021ff8.txt")
COPY = Path(lakip_module.__file__).parent / "source" / "lakip_2023.txt"


@pytest.fixture(scope="module")
def pk():
    return lakip_documents()[0]


@pytest.fixture(scope="module")
def lakip():
    return lakip_documents()[1]


def test_source_copy_is_the_unchanged_seed():
    if SEED.exists():  # the shared seeds are not shipped with the package
        assert COPY.read_bytes() == SEED.read_bytes()
    assert len(COPY.read_text(encoding="utf-8").split("\n")) == 1620


def test_documents_metadata(pk, lakip):
    assert (pk.key, pk.type, pk.year, pk.number_style) == ("pk-2023", "pk", 2023, "id")
    assert (lakip.key, lakip.type, lakip.year) == ("lakip-2023", "lakip", 2023)
    assert lakip.nomenclature_version == "kmdn050-5889-2021"
    assert lakip.number_style == "id"
    assert pk.source_file == lakip.source_file == "lakip_2023.txt"


def test_documents_are_cached_and_valid(pk, lakip):
    assert lakip_documents() is lakip_documents()
    validate_document(pk)
    validate_document(lakip)


def test_item_counts_per_level(lakip):
    # Line 607: "7 (Tujuh) Program ,15 kegiatan dan 46 Sub Kegiatan".
    counts = Counter(item.level for item in lakip.items)
    assert counts == {
        "tujuan": 1, "sasaran": 1, "urusan": 1,
        "program": 7, "kegiatan": 15, "sub_kegiatan": 46,
        "rekening": 582,
    }


def test_pk_items(pk):
    assert [(i.key, i.level) for i in pk.items] == [("tujuan:1", "tujuan"), ("sasaran:1", "sasaran")]


def test_keys_unique_levels_known_and_parents_exist(pk, lakip):
    for document in (pk, lakip):
        keys = [item.key for item in document.items]
        assert len(keys) == len(set(keys))
        seen = set()
        for item in document.items:
            assert item.level in ITEM_LEVELS
            assert item.parent_key is None or item.parent_key in seen, item.key
            seen.add(item.key)


def test_hierarchy_levels(lakip):
    by_key = {item.key: item for item in lakip.items}
    expected_parent_level = {
        "sasaran": "tujuan", "program": "urusan", "kegiatan": "program", "sub_kegiatan": "kegiatan",
    }
    for item in lakip.items:
        if item.level in expected_parent_level:
            assert by_key[item.parent_key].level == expected_parent_level[item.level], item.key
        if item.level == "rekening":
            assert by_key[item.parent_key].level in ("rekening", "sub_kegiatan"), item.key


def test_codes_are_dotted_and_follow_the_parent(lakip):
    by_key = {item.key: item for item in lakip.items}
    for item in lakip.items:
        if item.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        assert item.printed_code is None  # the LAKIP prints no codes
        assert dict(item.extra)["code_note"].startswith("no code printed in the LAKIP")
        if item.code is None:
            continue
        parent = by_key[item.parent_key]
        if parent.code and item.level != "program":
            assert item.code.startswith(parent.code + "."), item.key
    assert by_key["sub_kegiatan:1.06.04.2.01.01"].name == "Penyediaan permakanan"  # line 572
    # line 588
    assert by_key["kegiatan:1.06.05.2.02"].name == "Pengelolaan data fakir miskin cakupan Daerah Kabupaten / Kota"


def test_the_one_item_without_a_code_says_why(lakip):
    item = next(i for i in lakip.items if i.key == "sub_kegiatan:lakip-row-10")
    assert item.code is None
    assert item.name == "Koordinasi dan Pelaksanaan Akuntansi SKPD"  # line 541
    # Tabel 3.2 line 999 names the same row differently.
    assert dict(item.extra)["tabel_3.2_name_printed"] == "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD"
    assert "1.06.01.2.02.04" in dict(item.extra)["code_note"]


def _words(text):
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def test_layout_lines_print_the_item_names():
    """Every line the alignment names prints (a spelling of) the item's 3.2 name."""
    first = realisation_rows()
    cmp, t13 = cmp_rows(), renstra_rows()
    for row in ROWS:
        name = first[row.no][1][3]
        printed = []
        if row.cmp_line:
            printed.append(cmp[row.cmp_line][3 if row.level == "program" else 4])
        if row.renstra_line:
            printed.append(t13[row.renstra_line][0 if row.level == "program" else 1])
        if row.budget_line and row.no != 10:  # row 10: two different names, see its test
            printed.append(next(c for c in cells(row.budget_line) if c))
        for text in printed:
            a, b = _words(name), _words(text)
            assert len(a & b) / len(a | b) >= 0.4, (row.no, name, text)
