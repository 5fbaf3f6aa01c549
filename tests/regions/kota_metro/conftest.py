"""Fixtures for the Kota Metro region plugin tests."""

import pytest

from regions.kota_metro import pelita_region_info, pelita_seed_data


@pytest.fixture(scope="session")
def renstra():
    """The seeded Renstra 2021-2026 document."""
    documents = {d.key: d for d in pelita_seed_data(pelita_region_info()).documents}
    return documents["renstra-2021-2026"]


@pytest.fixture(scope="session")
def items(renstra):
    """Items of the Renstra by key."""
    return {item.key: item for item in renstra.items}


@pytest.fixture(scope="session")
def tables(renstra):
    """Side tables of the Renstra by key."""
    return {table.key: table for table in renstra.tables}
