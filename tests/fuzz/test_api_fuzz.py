"""Schemathesis against ``openapi.json``: generated requests to every operation, authenticated.

Bounded (``PELITA_FUZZ_EXAMPLES`` examples per operation, default 15) so that CI runs it on
both databases; asserts no server error and every response conforming to its schema.
Writes go to this module's own database.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance

EXAMPLES = int(os.environ.get("PELITA_FUZZ_EXAMPLES", "15"))


@pytest.fixture(scope="module")
def fuzz_app(make_app):
    return make_app(seed=True, users=True)


@pytest.fixture(scope="module")
def token(fuzz_app):
    result = fuzz_app.test_cli_runner().invoke(args=["users", "token", "admin"], catch_exceptions=False)
    return result.output.strip().splitlines()[-1]


def test_no_server_error_and_every_answer_as_described(fuzz_app, token):
    # Driven without schemathesis' pytest plugin (which does not support this pytest yet):
    # one hypothesis run per operation, every failure collected and reported together.
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzz_app)
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    failures, operations = {}, 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=checks)

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collected, then reported with the operation
            failures[operation.label] = f"{type(exc).__name__}: {str(exc)[:1500]}"
    print(f"fuzzed {operations} operations x {EXAMPLES} examples")
    assert operations >= 10
    assert failures == {}
