"""Shared fixtures for the Lampung Barat region plugin tests."""

import pytest

from regions.lampung_barat.importer.seed import seed_data


@pytest.fixture(scope="module")
def renja():
    """The seeded Renja 2021 document."""
    return seed_data().documents[0]


@pytest.fixture(scope="module")
def evaluasi():
    """The seeded Lampiran I evaluation document."""
    return seed_data().documents[1]

