#!/usr/bin/env bash
# Translation catalogs: `extract` refreshes messages.pot and merges it into id and en;
# `compile` builds the binary .mo files (done by setup; they are not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-compile}" in
  extract)
    pybabel extract -F babel.cfg -k _l -k lazy_gettext -k N_ -k SeedError --no-location --sort-output \
      --project Pelita -o translations/messages.pot core plugins regions
    for locale in id en; do
      if [ -f "translations/$locale/LC_MESSAGES/messages.po" ]; then
        pybabel update -i translations/messages.pot -d translations -l "$locale" --no-fuzzy-matching
      else
        pybabel init -i translations/messages.pot -d translations -l "$locale"
      fi
    done ;;
  compile)
    pybabel compile -d translations --statistics 2>&1 | grep -v '^$' ;;
  *) echo "usage: $0 extract|compile" >&2; exit 2 ;;
esac
