#!/usr/bin/env python
"""Stress the consistency-findings run over a province of many kab/kota (issue 17).

Builds Provinsi Lampung hosting N copies of Kota Metro through the product's own paths
(``create_app``, a fresh database, ``flask_migrate.upgrade()``, ``seed_all``), then runs
``--passes`` passes of "refresh the findings of every PlanDocument, then roll back" in one
application context. The work runs in a child process, so that an interpreter crash
(segfault) is reported with its exit code (-11) instead of killing the caller.

    python scripts/stress_findings.py --regions 10 --passes 20 --db sqlite
    python scripts/stress_findings.py --regions 10 --passes 20 --db postgresql

Exit code: 0 when every pass ran; otherwise the child's exit code (or 1 for a negative
one, i.e. a signal; the signal is printed).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import types
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("PELITA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def metro_copy(index: int) -> types.ModuleType:
    """A region plugin answering every hook with Kota Metro's, under code ``18.<80+index>``."""
    import regions.kota_metro as metro
    from core.hookspecs import hookimpl
    from core.specs import RegionInfo

    code = f"18.{80 + index}"
    module = types.ModuleType(f"stress_kota_metro_{index}")
    module.REGION_CODE = code
    for name in dir(metro):
        if name.startswith("pelita_") and name != "pelita_region_info":
            setattr(module, name, getattr(metro, name))  # already marked with @hookimpl

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code=code, name=f"Kota Metro {index}", level="kota",
                          agency_name=f"Dinas Sosial Kota Metro {index}", parent_code="18")

    module.pelita_region_info = pelita_region_info
    return module


def child(args) -> int:
    sys.path.insert(0, str(REPO_ROOT))
    from flask_migrate import upgrade
    from sqlalchemy import select

    from core.app import create_app, plugins
    from core.extensions import db
    from core.models import PlanDocument
    from core.services.findings import refresh_findings
    from core.services.seeding import seed_all

    if args.gc_threshold:
        import gc

        gc.set_threshold(args.gc_threshold)  # collect far more often: makes a GC-time crash show sooner
    started = time.monotonic()
    instance = tempfile.mkdtemp(prefix="pelita-stress-instance-")
    app = create_app({
        "TESTING": True,
        "INSTANCE_PATH": instance,
        "SECRET_KEY": "stress",
        "DATABASE_URL": args.url,
        "REGIONS": ["prov_lampung"],
        "PELITA_EXTRA_PLUGINS": [(f"stress-metro-{i}", metro_copy(i)) for i in range(args.regions)],
    })
    with app.app_context():
        upgrade()
        seed_all(plugins())
        documents = db.session.scalars(select(PlanDocument)).all()
        print(f"seeded {args.regions} kab/kota, {len(documents)} documents in "
              f"{time.monotonic() - started:.1f}s", flush=True)
        deadline = started + args.timeout
        for number in range(1, args.passes + 1):
            t0 = time.monotonic()
            findings = 0
            for document in db.session.scalars(select(PlanDocument)):
                findings += refresh_findings(document)
            db.session.rollback()
            print(f"pass {number}/{args.passes}: {findings} findings in {time.monotonic() - t0:.1f}s", flush=True)
            if time.monotonic() > deadline and number < args.passes:
                print(f"time bound reached after {number} passes", flush=True)
                return 3
        db.session.remove()
        db.engine.dispose()
    print(f"ok: {args.passes} passes in {time.monotonic() - started:.1f}s", flush=True)
    return 0


def new_database(backend: str, tmp: str) -> tuple[str, callable]:
    if backend == "sqlite":
        return f"sqlite:///{tmp}/stress.sqlite3", lambda: None
    from sqlalchemy import create_engine, text

    name = f"pelita_stress_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"{PG_SERVER}/{name}", drop


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=10, help="copies of Kota Metro (default 10)")
    parser.add_argument("--passes", type=int, default=20, help="refresh+rollback passes (default 20)")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the whole child run")
    parser.add_argument("--gc-threshold", type=int, default=0,
                        help="gc.set_threshold(N) in the child (small N: collect often; 0: Python's default)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pelita-stress-") as tmp:
        url, drop = new_database(args.db, tmp)
        try:
            cmd = [sys.executable, "-X", "faulthandler", __file__, "--child", "--url", url,
                   "--regions", str(args.regions), "--passes", str(args.passes), "--timeout", str(args.timeout),
                   "--gc-threshold", str(args.gc_threshold)]
            try:
                code = subprocess.run(cmd, cwd=REPO_ROOT, timeout=args.timeout + 120).returncode
            except subprocess.TimeoutExpired:
                print(f"FAIL: child still running after {args.timeout + 120:.0f}s, killed", flush=True)
                return 2
        finally:
            drop()
    elapsed = time.monotonic() - started
    if code < 0:
        print(f"CRASH: child killed by {signal.Signals(-code).name} (exit code {code}) after {elapsed:.1f}s",
              flush=True)
        return 1
    print(f"{'OK' if code == 0 else 'FAIL'}: exit code {code}, {elapsed:.1f}s "
          f"({args.db}, {args.regions} regions, {args.passes} passes, Python {sys.version.split()[0]})", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
