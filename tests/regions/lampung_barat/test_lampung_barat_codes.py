"""Code normalisation of the two printed code shapes."""

import pytest

from regions.lampung_barat.importer import codes


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        (["1", "6", "1", "1"], "1.06.01.01"),  # Lampiran I line 1137
        (["1", "6", "16", "14"], "1.06.16.14"),  # line 1167
        (["1", "6"], "1.06"),  # line 1135
        (["1", "6", "1", "1", "15", "1"], "1.06.01.01.15.01"),  # Renja table line 1200
    ],
)
def test_normalise(segments, expected):
    assert codes.normalise(segments) == expected


def test_split_dotted_and_spaced():
    assert codes.split_dotted("1.6.1.1.16.17") == ["1", "6", "1", "1", "16", "17"]  # line 1241
    assert codes.split_dotted("1 6") == ["1", "6"]  # line 1192


def test_normalise_rejects_non_codes():
    with pytest.raises(ValueError):
        codes.normalise(["1", "TOTAL"])
    with pytest.raises(ValueError):
        codes.normalise([])
