"""Former name of :mod:`core.services.importing` (``flask seed``, scripts and tests use it)."""

from core.services.importing import (  # noqa: F401
    SeedError,
    SeedReport,
    fingerprint,
    import_regions,
    parents_first,
    seed_all,
    validate_document,
)
