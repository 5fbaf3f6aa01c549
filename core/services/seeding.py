"""Former name of :mod:`core.services.importing` (``flask seed``, scripts and tests use it)."""

from core.services.importing import SeedError, SeedReport, fingerprint, import_regions, seed_all  # noqa: F401
