#!/usr/bin/env bash
# Set up and start Pelita on its embedded default: SQLite in instance/, demo data of every
# region loaded, demo users printed. Idempotent: run it again to restart.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. .venv/bin/activate
export FLASK_APP=wsgi
# Demo mode: enables the demo plugin (plugins/demo: demo accounts and `flask demo-users`).
export PELITA_DEMO=1
echo "Demo mode (PELITA_DEMO=1): the demo plugin is enabled; its accounts are for trying Pelita, not for production."
flask db upgrade
flask seed
flask demo-users
HOST=${PELITA_HOST:-127.0.0.1}
PORT=${PELITA_PORT:-5000}
echo "Pelita is running at http://$HOST:$PORT/ (Ctrl+C stops it)"
exec flask run --host "$HOST" --port "$PORT"
