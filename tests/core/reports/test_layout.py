"""Layout validation: every error names the layout and the column."""

import pytest

from core.reports.layout import Column, Layout, LayoutError


def make(columns, **options):
    return Layout(id="t-1", title="Judul", columns=columns, **options)


def test_valid_layout_exposes_leaves_and_page_size(layout):
    assert len(layout.leaves) == 17
    assert layout.leaves[0].key == "kode"
    assert layout.page_size_mm == (330, 215)  # F4 landscape
    assert make((Column("a", "A"),), page="A4", orientation="portrait").page_size_mm == (210, 297)


def test_duplicate_leaf_key():
    with pytest.raises(LayoutError, match=r"layout 't-1', column 'rp': duplicate key"):
        make((Column("g", "G", children=(Column("rp", "Rp"),)), Column("rp", "Rp")))


def test_group_key_may_not_repeat_a_leaf_key():
    with pytest.raises(LayoutError, match=r"column 'x': duplicate key"):
        make((Column("x", "G", children=(Column("x", "X"),)),))


@pytest.mark.parametrize("label", ["", "   "])
def test_empty_label(label):
    with pytest.raises(LayoutError, match=r"layout 't-1', column 'b': empty label"):
        make((Column("a", "A"), Column("b", label)))


def test_empty_label_in_a_nested_column():
    with pytest.raises(LayoutError, match=r"column 'deep': empty label"):
        make((Column("g", "G", children=(Column("h", "H", children=(Column("deep", ""),)),)),))


def test_unknown_format():
    with pytest.raises(LayoutError, match=r"layout 't-1', column 'a': unknown format 'currency'"):
        make((Column("a", "A", format="currency"),))


def test_unknown_align_and_bad_width():
    with pytest.raises(LayoutError, match=r"column 'a': unknown align 'middle'"):
        make((Column("a", "A", align="middle"),))
    with pytest.raises(LayoutError, match=r"column 'a': width must be positive"):
        make((Column("a", "A", width=0),))


def test_missing_key():
    with pytest.raises(LayoutError, match=r"layout 't-1': column labelled 'A' has no key"):
        make((Column("", "A"),))


def test_page_orientation_title_and_columns():
    with pytest.raises(LayoutError, match=r"layout 't-1': unknown page 'A3'"):
        make((Column("a", "A"),), page="A3")
    with pytest.raises(LayoutError, match=r"unknown orientation 'sideways'"):
        make((Column("a", "A"),), orientation="sideways")
    with pytest.raises(LayoutError, match=r"layout 't-1': empty title"):
        Layout(id="t-1", title="", columns=(Column("a", "A"),))
    with pytest.raises(LayoutError, match=r"layout 't-1': no columns"):
        make(())


def test_columns_and_children_must_be_tuples():
    with pytest.raises(LayoutError, match=r"layout 't-1': columns must be a tuple"):
        make([Column("a", "A")])
    with pytest.raises(LayoutError, match=r"column 'g': children must be a tuple"):
        make((Column("g", "G", children=[Column("a", "A")]),))


def test_indent_key_must_be_a_leaf():
    with pytest.raises(LayoutError, match=r"indent_key 'g' is not a leaf column"):
        make((Column("g", "G", children=(Column("a", "A"),)),), indent_key="g")


def test_column_defaults():
    money = Column("rp", "Rp", format="money")
    assert money.effective_align == "right" and money.is_numeric
    assert Column("n", "Nama").effective_align == "left"
    assert Column("n", "Nama", align="center").effective_align == "center"
    assert Column("n", "Nama", width=30).effective_width == 30
