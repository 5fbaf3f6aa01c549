"""number-reading: values with two possible readings are reported with the reading chosen."""

from __future__ import annotations

from core.checks import CheckContext, run_checks
from core.plugins import PluginRegistry
from core.specs import BudgetSpec, DocumentSpec, IndicatorSpec, ItemSpec, SourceRef, TargetSpec


def findings(document):
    return [f for f in run_checks(document, CheckContext(nomenclature=None)) if f.check == "number-reading"]


def test_ambiguous_values_are_reported_with_the_reading_taken():
    item = ItemSpec(
        key="k1", level="kegiatan", name="Penyediaan Jasa Surat Menyurat", source=SourceRef("Lampiran I", 1137),
        indicators=(IndicatorSpec(text="Jumlah surat", targets=(TargetSpec(2019, "6,000"), TargetSpec(2020, "7")),
                                  source=SourceRef("Lampiran I", 1137)),),
        budgets=(BudgetSpec(2021, "pagu", "1.500.000"),),
    )
    en = findings(DocumentSpec(key="d", type="evaluasi", title="E", source_file="x", number_style="en", items=(item,)))
    assert [(f.printed, f.expected, f.year, f.source_line) for f in en] == [("6,000", "6000", 2019, 1137)]
    idn = findings(DocumentSpec(key="d", type="evaluasi", title="E", source_file="x", number_style="id", items=(item,)))
    assert [(f.printed, f.expected) for f in idn] == [("6,000", "6")]


def test_lampung_barat_lampiran_i_reports_its_comma_values():
    registry = PluginRegistry(["prov_lampung", "lampung_barat"])
    evaluation = next(d for d in registry.call("pelita_seed_data", "18.04").documents
                      if d.key == "evaluasi-renja-2019")
    printed = {f.printed for f in findings(evaluation)}
    assert "6,000" in printed  # 004 line 1137: "6,000" letters, read as six thousand (en style)
