"""The organisation chart of section 2.1 (seed lines 207-688)."""

from datetime import date

import pytest

from core.specs import UNIT_KINDS
from regions.prov_bengkulu.importer.org_chart import org_chart


@pytest.fixture(scope="module")
def chart():
    return org_chart()


@pytest.fixture(scope="module")
def units(chart):
    return {u.code: u for u in chart.units}


def test_chart_header(chart):
    assert chart.typology == "A"  # seed line 217
    assert chart.valid_from == date(2016, 11, 29)  # seed line 213
    assert "No.54 Tahun 2016" in chart.note


def test_unit_counts_by_kind(chart):
    kinds = [u.kind for u in chart.units]
    assert len(chart.units) == 25
    assert kinds.count("kepala") == 1
    assert kinds.count("sekretariat") == 1
    assert kinds.count("subbagian") == 3  # seed lines 290, 314, 334
    assert kinds.count("bidang") == 4
    assert kinds.count("seksi") == 12
    assert kinds.count("uptd") == 3  # seed lines 673-675
    assert kinds.count("fungsional") == 1
    assert all(k in UNIT_KINDS for k in kinds)


def test_parents(units):
    assert units["kadis"].parent_code is None
    for code in ("sekretariat", "bid-pfm", "bid-dayasos", "bid-rehsos", "bid-linjamsos",
                 "uptd-psbrh", "uptd-pstw", "uptd-pstw-bs", "jabfung"):
        assert units[code].parent_code == "kadis"
    assert {c for c, u in units.items() if u.parent_code == "sekretariat"} == {
        "subbag-umum", "subbag-pep", "subbag-keuangan"}
    assert {c for c, u in units.items() if u.parent_code == "bid-pfm"} == {
        "seksi-pfm-perdesaan", "seksi-pfm-perkotaan", "seksi-pfm-pesisir"}
    assert {c for c, u in units.items() if u.parent_code == "bid-rehsos"} == {
        "seksi-anak-lansia", "seksi-disabilitas", "seksi-tuna-sosial"}
    assert all(u.parent_code is None or u.parent_code in units for u in units.values())


def test_uptd_names_and_sources(units):
    assert units["uptd-psbrh"].source.line == 673
    assert "PSBRH" in units["uptd-psbrh"].name
    assert units["uptd-pstw"].source.line == 674
    assert units["uptd-pstw-bs"].name.endswith("Bengkulu Selatan")  # seed line 675


def test_tasks_as_printed(units):
    # seed line 247
    assert units["kadis"].tasks[0].startswith("Kepala Dinas mempunyai tugas melaksanakan urusan")
    # seed line 369 (a page-break "-" line 364 is skipped, the list continues)
    assert "12. Pelaksanaan tugas lain yang diberikan Kepala Dinas." in units["bid-linjamsos"].tasks
    # seed line 442: the printed copy error is kept
    assert units["bid-rehsos"].tasks[0].startswith("Kepala Bidang Perlindungan dan Jaminan Sosial")
    # seed line 595
    assert any("Taman Makam Pahlawan Nasional Balai Buntar" in t for t in units["seksi-kesetiakawanan"].tasks)
    assert units["jabfung"].tasks[-1] == "l. Perawat Ahli Muda"  # seed line 688
    assert units["seksi-pfm-pesisir"].tasks[0].startswith("4. Penyiapan bahan pelaksanaan")  # seed line 662
    assert not any(t == "-" for u in units.values() for t in u.tasks)
    # seed lines 546 + 548: a task sentence cut by a page break is joined
    assert units["seksi-perorangan-keluarga"].tasks[0].endswith(
        "penyiapan bahan perumusan dan pelaksanaan kebijakan, penyusunan norma, standar, prosedur dan "
        "kriteria, pemberian bimbingan teknis dan supervisi serta pemantauan, evaluasi dan pelaporan "
        "pemberdayaan perorangan dan keluarga.")
