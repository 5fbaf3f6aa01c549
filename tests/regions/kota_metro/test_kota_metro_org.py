"""Organisation chart from Renstra section 2.1 (source lines 361-757)."""

from datetime import date

import pytest

from regions.kota_metro import pelita_org_chart
from regions.kota_metro.importer.org import task_lines
from regions.kota_metro.importer.source_text import line


@pytest.fixture(scope="module")
def chart():
    return pelita_org_chart(None)


@pytest.fixture(scope="module")
def units(chart):
    return {unit.code: unit for unit in chart.units}


def test_chart_header(chart):
    assert chart.typology == "C"  # line 755 "(Type C)"
    assert chart.valid_from == date(2021, 1, 1)  # no legal date printed: Renstra period start
    assert "Renstra period start" in chart.note
    assert chart.source_document == "renstra_2021_2026.txt"


def test_units_kinds_and_parents(units):
    expected = {
        # code: (kind, parent, heading line)
        "kepala-dinas": ("kepala", None, 384),
        "sekretariat": ("sekretariat", "kepala-dinas", 396),
        "subbag-perencanaan-keuangan": ("subbagian", "sekretariat", 419),
        "subbag-umum-kepegawaian": ("subbagian", "sekretariat", 431),
        "bidang-linjamsos-pfm": ("bidang", "kepala-dinas", 445),
        "seksi-linjamsos": ("seksi", "bidang-linjamsos-pfm", 464),
        "seksi-pfm": ("seksi", "bidang-linjamsos-pfm", 542),
        "seksi-datin-pengaduan": ("seksi", "bidang-linjamsos-pfm", 663),
        "bidang-rehabilitasi-pemberdayaan": ("bidang", "kepala-dinas", 679),
        "seksi-anak-keluarga-lansia": ("seksi", "bidang-rehabilitasi-pemberdayaan", 697),
        "seksi-disabilitas-ketunaan-ktk-kpo": ("seksi", "bidang-rehabilitasi-pemberdayaan", 716),
        "seksi-pemberdayaan-sosial": ("seksi", "bidang-rehabilitasi-pemberdayaan", 732),
    }
    assert {code: (u.kind, u.parent_code, u.source.line) for code, u in units.items()} == expected


def test_unit_names_as_printed(units):
    assert units["bidang-linjamsos-pfm"].name == "Bidang Perlindungan, Jaminan Sosial dan Penanganan Fakir Miskin"  # 445
    assert units["seksi-datin-pengaduan"].name == "Seksi Pelayanan Data, Informasi dan Pengaduan Masyarakat"  # 663
    assert units["subbag-perencanaan-keuangan"].name == "Sub Bagian Perencanaan dan Keuangan"  # 419
    for code, unit in units.items():
        assert unit.name in line(unit.source.line), code
        assert unit.name_en, code


def test_every_parent_exists(units):
    for unit in units.values():
        assert unit.parent_code is None or unit.parent_code in units


def test_task_counts(units):
    counts = {code: len(unit.tasks) for code, unit in units.items()}
    assert counts == {
        "kepala-dinas": 7,  # 388-394 a-g
        "sekretariat": 14,  # 398 tugas, 400-406 a-f, 408, 410-415 a-f
        "subbag-perencanaan-keuangan": 8,  # 421 + 423-429 a-g
        "subbag-umum-kepegawaian": 10,  # 433 + 435-443 a-i
        "bidang-linjamsos-pfm": 11,  # 447 + 451-460 a-j
        "seksi-linjamsos": 9,  # 466 + 470-478 a-h
        "seksi-pfm": 9,  # 544 + 549-556 a-h
        "seksi-datin-pengaduan": 9,  # 665 + 669-677 a-h
        "bidang-rehabilitasi-pemberdayaan": 9,  # 681 + 685-693 a-h
        "seksi-anak-keluarga-lansia": 10,  # 699 + 703-714 a-i
        "seksi-disabilitas-ketunaan-ktk-kpo": 10,  # 718 + 722-730 a-i
        "seksi-pemberdayaan-sosial": 11,  # 734 + 739-748 a-j
    }


def test_specific_tasks(units):
    assert units["kepala-dinas"].tasks[0] == "merumuskan program kerja Dinas dalam mendukung melaksanakan program dan fungsi dinas;"  # 388
    assert units["seksi-pemberdayaan-sosial"].tasks[5] == "Peningkatan dan pemeliharaan sarana dan prasarana taman makam pahlawan"  # 743
    # 704 wrapped onto 706 by the conversion: one task
    assert units["seksi-anak-keluarga-lansia"].tasks[2] == (
        "Melaksanakan upaya-upaya preventif melalui sosialisasi maupun penyebaran informasi "
        "dalam pelayanan terhadap anak, keluarga dan lanjut usia."
    )


def test_every_task_is_printed_at_its_lines(units):
    for code, tasks in task_lines().items():
        assert tuple(text for _, text in tasks) == units[code].tasks
        for numbers, text in tasks:
            printed = " ".join(line(n).strip() for n in numbers)
            assert text in printed, (code, numbers)
