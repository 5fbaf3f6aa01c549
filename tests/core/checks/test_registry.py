from core.checks import BUILTIN_CHECKS, Check, CheckContext, Finding, run_checks

from .helpers import document, item


def boom(document, context):
    yield Finding(check="boom", severity="info", message="before the crash", source_line=1)
    raise RuntimeError("kaput")


def late(document, context):
    return [Finding(check="late", severity="info", message="no line"),
            Finding(check="late", severity="warning", message="line 2", source_line=2)]


def test_builtin_ids_are_unique_and_documented():
    ids = [c.id for c in BUILTIN_CHECKS]
    assert len(ids) == len(set(ids))
    assert {"pagu-sum", "period-total", "printed-total", "ratio-recompute",
            "cumulative-recompute", "code-format", "unit-drift", "target-without-pagu",
            "pagu-without-target", "duplicate-items", "printing-differs"} <= set(ids)
    assert all(c.title and c.description and c.run.__doc__ for c in BUILTIN_CHECKS)


def test_a_crashing_check_yields_one_finding_and_the_others_still_run():
    doc = document(
        item("p", "program", line=5, budgets=[("pagu", 2021, "3")]),
        item("k", parent="p", line=6, budgets=[("pagu", 2021, "2")]),
    )
    found = run_checks(doc, CheckContext(nomenclature=None),
                       extra_checks=[Check("boom", "Boom", "Explodes", boom)])
    crashed = [f for f in found if f.check == "check-crashed"]
    assert len(crashed) == 1
    assert crashed[0].severity == "error" and crashed[0].params["check"] == "boom"
    assert "kaput" in crashed[0].params["error"]
    assert any(f.check == "pagu-sum" and f.item_key == "p" for f in found)


def test_findings_are_sorted_by_line_then_check_with_lineless_last():
    doc = document(
        item("p", "program", line=3, budgets=[("pagu", 2021, "3")]),
        item("k", parent="p", line=4, budgets=[("pagu", 2021, "2")]),
    )
    found = run_checks(doc, CheckContext(nomenclature=None),
                       extra_checks=[Check("late", "Late", "Late", late)])
    assert [(f.source_line, f.check) for f in found] == [
        (2, "late"), (3, "pagu-sum"), (None, "code-format"), (None, "late")]
