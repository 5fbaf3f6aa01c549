"""The number style chosen per document reads the printed cells as the document means them."""

from decimal import Decimal

from core.numbers import parse_printed

from lampung_barat_helpers import by_key


def _parse(document, printed):
    return parse_printed(printed, document.number_style)


def test_renja_money_reads_with_dot_thousands(renja):
    item = by_key(renja)["kegiatan:1.06.01.01.15.05"]  # line 1208: 475.000 / 504.000
    values = {b.year: _parse(renja, b.printed) for b in item.budgets}
    assert values[2021].value == Decimal("475000")
    assert values[2022].value == Decimal("504000")
    assert "thousands" in values[2021].note
    assert _parse(renja, "5.694.430.455").value == Decimal("5694430455")  # line 1312


def test_renja_side_tables_read_with_id_style(renja):
    assert _parse(renja, "34.384").value == Decimal("34384")  # fakir miskin 2019, line 276
    assert _parse(renja, "10,71").value == Decimal("10.71")  # SPM, line 791


def test_evaluation_counts_read_with_comma_thousands(evaluasi):
    ind = by_key(evaluasi)["kegiatan:1.06.01.01"].indicators[0]  # line 1137
    assert _parse(evaluasi, ind.end_target).value == Decimal("6000")
    assert [(t.year, _parse(evaluasi, t.printed).value) for t in ind.targets] == [
        (2022, Decimal("6000")), (2019, Decimal("1000")), (2020, Decimal("2000"))]
    assert "thousands (en style)" in _parse(evaluasi, "1,000").note


def test_every_budget_parses_as_money(renja, evaluasi):
    for document in (renja, evaluasi):
        for item in document.items:
            for budget in item.budgets:
                assert _parse(document, budget.printed).is_number, (item.key, budget.printed)
    bidang = by_key(evaluasi)["bidang_urusan:1.06"]  # line 139, mixed separators in one sentence
    assert [_parse(evaluasi, b.printed).value for b in bidang.budgets] == [
        Decimal("6627182650"), Decimal("6258855530")]
