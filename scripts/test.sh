#!/usr/bin/env bash
# Set up and run every test: the whole suite on SQLite, then again on PostgreSQL
# (PELITA_TEST_PG, default the server on 127.0.0.1:5432 as user postgres), browser tests
# included (Debian's chromium, installed by setup). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
. .venv/bin/activate
export PELITA_TEST_PG=${PELITA_TEST_PG:-postgresql+psycopg://postgres@127.0.0.1:5432}

echo "== tests on SQLite =="
PELITA_TEST_DB=sqlite python -m pytest -q -p no:cacheprovider "$@"
echo "== tests on PostgreSQL ($PELITA_TEST_PG) =="
PELITA_TEST_DB=postgresql python -m pytest -q -p no:cacheprovider "$@"
