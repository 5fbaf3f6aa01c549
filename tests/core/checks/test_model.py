from decimal import Decimal

import pytest

from core.checks import CheckContext, Finding
from core.nomenclature import check_code


def make(**changes):
    base = dict(check="pagu-sum", severity="error", message="%(printed)s vs %(expected)s",
                params={"printed": "1.000", "expected": "900", "expected_value": Decimal(900)},
                item_key="a", year=2021, printed="1.000", expected="900", source_line=5)
    base.update(changes)
    return Finding(**base)


def test_fingerprint_is_stable_and_ignores_computed_values():
    assert make().fingerprint == make().fingerprint
    # The computed value, message and line may change between runs: same finding.
    assert make(expected="901", source_line=6, message="x").fingerprint == make().fingerprint


@pytest.mark.parametrize("change", [
    {"check": "period-total"}, {"item_key": "b"}, {"table_key": "t"}, {"year": 2022},
    {"printed": "1.001"}, {"locator": "anggaran"},
])
def test_fingerprint_changes_with_what_was_found(change):
    assert make(**change).fingerprint != make().fingerprint


def test_render_fills_the_msgid():
    assert make().render() == "1.000 vs 900"


def test_unknown_severity_is_refused():
    with pytest.raises(ValueError):
        make(severity="fatal")


def test_findings_hash_and_compare_without_params():
    assert make() == make(params={})
    assert len({make(), make()}) == 1


def test_context_defaults():
    context = CheckContext()
    assert context.jurisdiction == "kabkota"
    assert context.nomenclature is check_code
    assert context.period_total_is_sum is False
