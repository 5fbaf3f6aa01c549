"""The plugin's hooks: region info, org chart, nomenclature uses, seed data."""

import hashlib
from datetime import date
from importlib import resources

import regions.lampung_barat as plugin
from core.plugins import validate_nomenclature_uses, validate_org_chart
from core.services.seeding import validate_document
from core.specs import NomenclatureUse
from regions.lampung_barat.importer.source_text import SOURCE_FILE, line, source_lines


def test_region_info():
    info = plugin.pelita_region_info()
    assert plugin.REGION_CODE == info.code == "18.04"
    assert info.name == "Kabupaten Lampung Barat"
    assert info.level == "kabupaten"
    assert info.parent_code == "18"
    assert info.agency_name == "Dinas Sosial Kabupaten Lampung Barat"
    assert info.name_en == "West Lampung Regency"
    assert info.agency_name_en


def test_source_copy_is_the_unchanged_seed():
    data = resources.files("regions.lampung_barat.importer").joinpath("source").joinpath(SOURCE_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == (
        "506e208fc7418a409af736ad52e2ea37d0a6a85aebe0f7e030f4e0e907d0ebce"
    )
    assert data.count(b"\n") == 1318
    assert line(1186) == "Rencana Program dan Kegiatan Dinas Sosial"
    assert len(source_lines()) == 1319  # 1318 line ends


def test_org_chart_carries_only_what_is_stated():
    chart = plugin.pelita_org_chart(plugin.pelita_region_info())
    validate_org_chart("lampung_barat", chart)
    assert [(u.code, u.kind) for u in chart.units] == [("kepala", "kepala")]
    kepala = chart.units[0]
    assert kepala.name == "Kepala Dinas Sosial Kabupaten Lampung Barat"
    assert kepala.tasks == ()
    assert kepala.source.line == 29
    assert line(29) == "Kepala Dinas Sosial"
    assert chart.typology is None
    assert chart.valid_from == date(2020, 4, 1)  # "Liwa, April 2020", line 28
    assert line(28) == "Liwa, April 2020"
    # The note says precisely what is and is not stated, with the lines.
    for fragment in ("no organisation chart", "line 22", "line 895", "line 108", "1193-1194",
                     "no Bidang or Seksi is carried", "Sub Bagian or UPTD"):
        assert fragment in chart.note
    assert "semua Bidang, Seksi dan Staf" in line(22)


def test_nomenclature_uses():
    uses = plugin.pelita_nomenclature_uses(plugin.pelita_region_info())
    validate_nomenclature_uses("lampung_barat", uses)
    assert NomenclatureUse("pmdn13-2006", 2019, 2021) in uses
    assert NomenclatureUse("pmdn13-2006", 2017, 2018) in uses
    assert len(uses) == 2


def test_seed_data_documents():
    data = plugin.pelita_seed_data(plugin.pelita_region_info())
    assert data is plugin.pelita_seed_data(None)  # cached: parsed once
    renja, evaluasi = data.documents
    assert (renja.key, renja.type, renja.year, renja.number_style) == ("renja-2021", "renja", 2021, "id")
    assert (evaluasi.key, evaluasi.type, evaluasi.year, evaluasi.number_style) == (
        "evaluasi-renja-2019", "evaluasi", 2019, "en")
    assert (evaluasi.period_start, evaluasi.period_end) == (2017, 2022)
    for document in data.documents:
        assert document.nomenclature_version == "pmdn13-2006"
        assert document.source_file == SOURCE_FILE
        validate_document(document)  # core's own structural checks
