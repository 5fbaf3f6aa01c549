"""Hooks of the Provinsi Bengkulu plugin: region info, nomenclature, seed caching, numbers."""

from decimal import Decimal

import regions.prov_bengkulu as plugin
from core.numbers import parse_printed
from core.specs import NomenclatureUse


def test_region_info():
    info = plugin.pelita_region_info()
    assert (info.code, info.name, info.level) == ("17", "Provinsi Bengkulu", "provinsi")
    assert info.agency_name == "Dinas Sosial Provinsi Bengkulu"
    assert info.parent_code is None
    assert info.name_en and info.agency_name_en
    assert plugin.REGION_CODE == info.code


def test_nomenclature_uses():
    info = plugin.pelita_region_info()
    assert plugin.pelita_nomenclature_uses(info) == (NomenclatureUse("kmdn050-5889-2021", 2021, None),)


def test_seed_data_is_cached_and_carries_the_amendment_and_what_it_amends():
    info = plugin.pelita_region_info()
    first = plugin.pelita_seed_data(info)
    assert plugin.pelita_seed_data(info) is first
    original, doc = first.documents
    # The original is cited (line 153) but not among the sources: identity only, no items.
    assert (original.key, original.version, original.items, original.nomenclature_version) == (
        "renstra-2021-2026", 1, (), None)
    assert any("Nomor 35 Tahun 2021" in note for note in original.notes)
    assert doc.key == "renstra-2021-2026-p1"
    assert (doc.type, doc.version, doc.amends) == ("renstra", 2, "renstra-2021-2026")
    assert (doc.period_start, doc.period_end) == (2021, 2026)
    assert doc.nomenclature_version == "kmdn050-5889-2021"
    assert doc.number_style == "en"
    assert any("Nomor 35 Tahun 2021" in note for note in doc.notes)
    assert any("050-5889" in note for note in doc.notes)


def test_source_copy_is_unchanged_seed_length():
    from regions.prov_bengkulu.importer.source import line, lines

    assert len([ln for ln in lines()]) >= 1384
    assert line(1197) == "Tabel 6.1"  # seed line 1197
    assert line(1326).split("\t")[5] == "20,745,000,000"  # seed line 1326


def test_number_style_en_parses_this_documents_printing():
    # seed line 1326: comma thousands
    assert parse_printed("20,745,000,000", "en").value == Decimal("20745000000")
    assert parse_printed("112,245,000,000", "en").value == Decimal("112245000000")
    # seed line 1214: decimal comma percentage, unambiguous by shape
    assert parse_printed("85,98", "en").value == Decimal("85.98")
    # seed line 1242: 69,5
    assert parse_printed("69,5", "en").value == Decimal("69.5")
    # seed line 1248: dot thousands in the same table
    assert parse_printed("95.000.000", "en").value == Decimal("95000000")
    # seed line 1320: "1,000" families per year is ambiguous; en style reads thousands
    parsed = parse_printed("1,000", "en")
    assert parsed.value == Decimal("1000") and parsed.note
    # seed line 1205: a predicate stays text
    assert parse_printed("BB", "en").status == "text"
