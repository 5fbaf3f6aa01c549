"""Benchmark the user paths of a province of N kab/kota through the database (issue 16).

    python -m benchmarks.province --regions 30 --db sqlite|postgresql [--repeat 5] [--rebuild]

Builds Provinsi Lampung hosting N copies of Kota Metro (``scripts/stress_findings.py``'s
extra region plugins, ``18.80`` ...) through the product's own paths (``create_app``, a
migrated database, ``seed_all``), and prints for each path of issue 16 the median time of
``--repeat`` runs, the number of SQL statements of one run (a ``before_cursor_execute``
listener) and, where there is one, the ratio to the in-memory engine or bare library doing
the same work. The built database is kept between runs (SQLite: a file under
``$PELITA_BENCH_CACHE`` or the temp directory; PostgreSQL: a database named after the
region count and the migration head); ``--rebuild`` builds it again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("PELITA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PROVINCE = "18"
BENCH_USER = "bench-admin"
BENCH_PASSWORD = "Bench-password-1317!"


def region_plugins(count: int) -> list:
    """``count`` copies of Kota Metro as extra region plugins (codes ``18.80`` ...)."""
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from stress_findings import metro_copy

    return [(f"stress-metro-{i}", metro_copy(i)) for i in range(count)]


def _head() -> str:
    heads = sorted(p.name.split("_")[0] for p in (REPO_ROOT / "migrations" / "versions").glob("0*.py"))
    return heads[-1]


def database_url(backend: str, regions: int) -> tuple[str, bool]:
    """(url, exists) of the cached province database."""
    name = f"pelita_bench_r{regions}_m{_head()}"
    if backend == "sqlite":
        cache = Path(os.environ.get("PELITA_BENCH_CACHE") or tempfile.gettempdir()) / "pelita-bench"
        cache.mkdir(parents=True, exist_ok=True)
        path = cache / f"{name}.sqlite3"
        return f"sqlite:///{path}", path.exists() and path.stat().st_size > 0
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar() is not None
    admin.dispose()
    return f"{PG_SERVER}/{name}", exists


def drop_database(backend: str, url: str) -> None:
    if backend == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, text

    name = url.rsplit("/", 1)[1]
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def make_province_app(url: str, regions: int, **config):
    from core.app import create_app

    return create_app({
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,
        "INSTANCE_PATH": tempfile.mkdtemp(prefix="pelita-bench-instance-"),
        "SECRET_KEY": "bench",
        "DATABASE_URL": url,
        "REGIONS": ["prov_lampung"],
        "PELITA_EXTRA_PLUGINS": region_plugins(regions),
        **config,
    })


def build_province(app) -> None:
    """Migrate, seed every region and add a superadmin to sign in with."""
    from flask_migrate import upgrade

    from core.audit import acting_as
    from core.extensions import db
    from core.models import User
    from core.plugins import current_registry
    from core.services.seeding import seed_all

    with app.app_context():
        upgrade()
        with acting_as("bench"):
            seed_all(current_registry())
            user = User(username=BENCH_USER, full_name="Bench", is_superadmin=True)
            user.set_password(BENCH_PASSWORD)
            db.session.add(user)
            db.session.commit()


class QueryCounter:
    """Counts the SQL statements run on an engine while active."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.count = 0
        self.active = False
        event.listen(engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, *_args, **_kwargs):
        if self.active:
            self.count += 1

    @contextmanager
    def counting(self):
        self.count, self.active = 0, True
        try:
            yield self
        finally:
            self.active = False


def signed_in_client(app):
    """A test client signed in as the bench superadmin (the sign-in form, CSRF off in the bench app)."""
    client = app.test_client()
    response = client.post("/login", data={"username": BENCH_USER, "password": BENCH_PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


def measure(app, counter, func, repeat: int) -> tuple[float, int, object]:
    """(median seconds, statements of the first run, result of the last run); each run in its own
    application context, rolled back."""
    from core.extensions import db

    times, queries, result = [], None, None
    for _ in range(repeat):
        with app.app_context():
            with counter.counting():
                start = time.perf_counter()
                result = func()
                elapsed = time.perf_counter() - start
            if queries is None:
                queries = counter.count
            times.append(elapsed)
            db.session.rollback()
            db.session.remove()
    return statistics.median(times), queries, result


# -- the paths ------------------------------------------------------------------------------


def _get(client, path):
    def run():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(response.data)
    return run


def _documents():
    from sqlalchemy import select

    from core.extensions import db
    from core.models import PlanDocument

    return db.session.scalars(select(PlanDocument).order_by(PlanDocument.id)).all()


def achievement_all():
    """Every document's sheet for every year it covers (achievement of everything)."""
    from sqlalchemy import select

    from core.extensions import db
    from core.models import User
    from core.plugins import current_registry
    from core.services import documents as document_service
    from core.services import realisation as realisation_service

    user = db.session.scalar(select(User).where(User.username == BENCH_USER))
    rules = {}
    values = 0
    for document in _documents():
        region = document.region
        if region.code not in rules:
            rules[region.code] = current_registry().call("pelita_achievement_rules", region.code)
        years = realisation_service.years_of(document, document_service.document_tree(document))
        for year in years:
            for entry in realisation_service.entry_sheet(document, year, user, rules[region.code]):
                values += len(entry.indicators) + (entry.absorption is not None)
    return values


def findings_all():
    from core.services.findings import refresh_findings

    return sum(refresh_findings(document) for document in _documents())


def province_rows(layout_id="kota-metro-renstra-6.1"):
    """Tabel 6.1 rows of every kab/kota's Renstra (what a province table prints)."""
    from core.extensions import db
    from core.models import Region
    from core.plugins import current_registry
    from core.reports.build import build_report
    from core.reports.registry import layout_by_id, region_layouts
    from sqlalchemy import select

    province = db.session.scalar(select(Region).where(Region.code == PROVINCE))
    rows, layout = [], None
    for region in sorted(province.children, key=lambda r: r.code):
        layout = layout_by_id(region_layouts(current_registry(), region.code), layout_id)
        from core.services.documents import documents_of

        renstra = [d for d in documents_of(region) if d.doc_type in layout.doc_types]
        if not renstra:
            continue
        report = build_report(region, layout, renstra[-1], "id")
        rows.extend(report.rows)
    return layout, rows


def province_pdf():
    from plugins.export_pdf.render import render_pdf

    layout, rows = province_rows()
    return len(render_pdf(layout, rows, "id", str, ("Provinsi Lampung",))), len(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=30)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--repeat", type=int, default=5, help="runs per path (median printed)")
    parser.add_argument("--rebuild", action="store_true", help="build the province database again")
    parser.add_argument("--only", action="append", default=[], help="run only paths whose name contains this")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO_ROOT))

    url, exists = database_url(args.db, args.regions)
    if args.rebuild or not exists:
        started = time.monotonic()
        drop_database(args.db, url)
        if args.db == "postgresql":
            url, _ = database_url(args.db, args.regions)
        build_province(make_province_app(url, args.regions))
        print(f"built {args.regions} kab/kota on {args.db} in {time.monotonic() - started:.1f} s", flush=True)
    app = make_province_app(url, args.regions)
    from core.extensions import db

    with app.app_context():
        counter = QueryCounter(db.engine)
        from sqlalchemy import func, select

        from core.models import PlanDocument, Region

        metro = db.session.scalar(select(Region).where(Region.code == "18.80"))
        lakip = db.session.scalar(select(PlanDocument).where(
            PlanDocument.region_id == metro.id, PlanDocument.doc_type == "lakip").order_by(PlanDocument.year.desc()))
        lakip_path = f"/r/18.80/documents/{lakip.id}/realisation?year={lakip.year}"
        documents = db.session.scalar(select(func.count(PlanDocument.id)))
    client = signed_in_client(app)
    load = os.getloadavg()
    print(f"province: {args.regions} kab/kota, {documents} documents, {args.db}; median of {args.repeat}; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores", flush=True)

    from core.reports.bench_province import compute_achievements, synthetic_region

    def in_memory_achievements():
        import random

        regions = [synthetic_region(n, random.Random(1317)) for n in range(args.regions)]
        start = time.perf_counter()
        compute_achievements(regions)
        return time.perf_counter() - start

    memory_cache = {}

    def reference_achievement():
        if "a" not in memory_cache:
            memory_cache["a"] = statistics.median(in_memory_achievements() for _ in range(3))
        return memory_cache["a"], "in-memory engine, synthetic province"

    def reference_pdf():
        from plugins.export_pdf.render import render_pdf

        with app.app_context():
            layout, rows = province_rows()
        start = time.perf_counter()
        render_pdf(layout, rows, "id", str, ("Provinsi Lampung",))
        return time.perf_counter() - start, "render_pdf alone, rows in memory"

    paths = [
        ("province dashboard", _get(client, f"/r/{PROVINCE}/dashboard"), 0.3, reference_achievement),
        ("province comparison, one year", _get(client, f"/r/{PROVINCE}/compare?year=2021"), 0.3, None),
        ("achievement of everything (DB)", achievement_all, 1.5, reference_achievement),
        ("findings run, all documents", findings_all, 1.0, None),
        ("province Tabel 6.1 PDF", province_pdf, 15.0, reference_pdf),
        ("LAKIP realisation sheet (one region)", _get(client, lakip_path), 0.3, None),
    ]
    print(f"{'path':40} {'median s':>9} {'queries':>8} {'aim s':>6}  ratio", flush=True)
    for name, func, aim, reference in paths:
        if args.only and not any(o in name for o in args.only):
            continue
        repeat = min(args.repeat, 3) if "PDF" in name else args.repeat
        seconds, queries, result = measure(app, counter, func, repeat)
        ratio = ""
        if reference is not None:
            ref_seconds, label = reference()
            ratio = f"{seconds / ref_seconds:.1f}x {label} ({ref_seconds:.3f} s)"
        extra = f" [{result[1]} rows]" if isinstance(result, tuple) else ""
        print(f"{name:40} {seconds:9.3f} {queries:8d} {aim:6.1f}  {ratio}{extra}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
