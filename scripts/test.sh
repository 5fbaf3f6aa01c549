#!/usr/bin/env bash
# Set up and run every test: the whole suite on SQLite, then again on PostgreSQL
# (PELITA_TEST_PG, default the server on 127.0.0.1:5432 as user postgres), browser tests
# included (Debian's chromium, installed by setup). Extra arguments go to pytest.
#
# Tests run in random order (pytest-randomly), with a new seed per backend, printed:
# replay a failure with PELITA_TEST_SEED=N scripts/test.sh (or pytest -p randomly
# --randomly-seed=N ...); PELITA_TEST_SEED=none runs in file order.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
. .venv/bin/activate
export PELITA_TEST_PG=${PELITA_TEST_PG:-postgresql+psycopg://postgres@127.0.0.1:5432}

order_args() {
  local seed=${PELITA_TEST_SEED:-$(( (RANDOM << 15 | RANDOM) ))}
  if [ "$seed" = none ]; then
    echo "   (file order: -p no:randomly)" >&2
    echo "-p no:randomly"
  else
    echo "   random order, seed $seed: replay with PELITA_TEST_SEED=$seed scripts/test.sh (or --randomly-seed=$seed)" >&2
    echo "-p randomly --randomly-seed=$seed"
  fi
}

echo "== tests on SQLite =="
args=$(order_args)
# shellcheck disable=SC2086
PELITA_TEST_DB=sqlite python -m pytest -q -p no:cacheprovider $args "$@"
echo "== tests on PostgreSQL ($PELITA_TEST_PG) =="
args=$(order_args)
# shellcheck disable=SC2086
PELITA_TEST_DB=postgresql python -m pytest -q -p no:cacheprovider $args "$@"
