"""Benchmarks that go through the database (issue 16): ``python -m core.bench.province``."""
