"""Tests of the report engine (core/reports)."""
