"""Load and faults: 2 gunicorn workers on PostgreSQL, concurrent users, a worker killed mid-run.

Builds a throw-away PostgreSQL database with every region's demo data, starts
``gunicorn -w 2 wsgi:app`` on 127.0.0.1, and drives N users for a bounded time: tree pages,
realisation sheets, realisation saves (each user writes its own indicators) and report
downloads. Halfway through it kills one worker with SIGKILL. Afterwards it checks that every
write the server acknowledged is in the database with the value last acknowledged, and that
no request was answered with a server error. It prints what held and exits non-zero if
anything did not. Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.

    python scripts/load_faults.py --users 20 --seconds 60
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from decimal import Decimal
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("PELITA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
#: Demo accounts that may enter Kota Metro's realisation, and who reads.
WRITERS = ("metro",)
READERS = ("auditor", "metro", "lampung")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flask(env, *args):
    subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def build_database(env) -> None:
    flask(env, "db", "upgrade")
    flask(env, "seed")
    flask(env, "demo-users")


def pick_targets(url: str) -> tuple[int, int, list[int]]:
    """Kota Metro's document with the most indicators a planner may enter, its year, indicator ids."""
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT d.id, d.year, count(i.id) AS n FROM plan_document d "
            "JOIN region r ON r.id = d.region_id JOIN plan_item p ON p.document_id = d.id "
            "JOIN indicator i ON i.item_id = p.id WHERE r.code = '18.72' AND d.doc_type = 'lakip' "
            "GROUP BY d.id, d.year ORDER BY n DESC LIMIT 1")).one()
        indicators = [r[0] for r in conn.execute(text(
            "SELECT i.id FROM indicator i JOIN plan_item p ON p.id = i.item_id WHERE p.document_id = :d "
            "ORDER BY i.id"), {"d": row.id})]
    engine.dispose()
    return row.id, row.year or 2023, indicators


class User(threading.Thread):
    """One person clicking through Pelita until the deadline."""

    def __init__(self, base, username, plan, indicators, deadline, stats, acked, lock):
        super().__init__(daemon=True)
        self.base, self.username, self.plan, self.indicators = base, username, plan, indicators
        self.deadline, self.stats, self.acked, self.lock = deadline, stats, acked, lock
        self.http = requests.Session()

    def request(self, method, path, **kwargs):
        start = time.perf_counter()
        try:
            response = self.http.request(method, self.base + path, timeout=30, allow_redirects=False, **kwargs)
        except requests.RequestException as exc:
            with self.lock:
                self.stats["connection_errors"] += 1
                self.stats[f"error:{type(exc).__name__}"] += 1
            return None
        with self.lock:
            self.stats["requests"] += 1
            self.stats[f"status:{response.status_code // 100}xx"] += 1
            self.stats["seconds"] += time.perf_counter() - start
            if response.status_code >= 500:
                self.stats["server_errors"] += 1
        return response

    def csrf(self, path):
        page = self.request("GET", path)
        match = CSRF_RE.search(page.text) if page is not None else None
        return match.group(1) if match else None

    def sign_in(self) -> bool:
        token = self.csrf("/login")
        answer = self.request("POST", "/login", data={"username": self.username,
                                                       "password": self.username + "-demo-2026",
                                                       "csrf_token": token})
        return answer is not None and answer.status_code == 302

    def run(self):
        if not self.sign_in():
            with self.lock:
                self.stats["sign_in_failed"] += 1
            return
        document, year = self.plan
        sheet = f"/r/18.72/documents/{document}/realisation?year={year}&quarter=1"
        while time.monotonic() < self.deadline:
            choice = random.random()
            if choice < 0.35:
                self.request("GET", f"/r/18.72/documents/{document}")
            elif choice < 0.55:
                self.request("GET", sheet)
            elif choice < 0.65:
                self.request("GET", "/r/18.72/reports")
            elif self.indicators and self.username in WRITERS:
                self.save(sheet, document, year)
            else:
                self.request("GET", "/")

    def save(self, sheet, document, year):
        token = self.csrf(sheet)
        if token is None:
            return
        indicator = random.choice(self.indicators)
        value = Decimal(random.randint(1, 10_000_000)) / 100
        shown = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")  # Indonesian
        answer = self.request("POST", sheet, data={"csrf_token": token, f"r-{indicator}": shown})
        if answer is not None and answer.status_code in (302, 303):
            with self.lock:
                self.acked[indicator] = value  # the last acknowledged value wins
                self.stats["writes_acknowledged"] += 1


def kill_one_worker(master: subprocess.Popen) -> int | None:
    children = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True).stdout.split()
    if not children:
        return None
    victim = int(children[0])
    os.kill(victim, signal.SIGKILL)
    return victim


def verify(url, year, acked) -> tuple[int, list[str]]:
    """Every acknowledged write is stored once, with the value last acknowledged."""
    engine = create_engine(url)
    problems = []
    with engine.connect() as conn:
        lineage = bool(conn.execute(text(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'indicator' AND column_name = 'lineage_id'"
        )).first())
        # Entered realisation belongs to the indicator's lineage once plans have versions.
        query = text(
            "SELECT r.value FROM realisation r JOIN indicator i ON r.indicator_id = i.lineage_id "
            "WHERE i.id = :i AND r.year = :y AND r.quarter = 1" if lineage else
            "SELECT value FROM realisation WHERE indicator_id = :i AND year = :y AND quarter = 1")
        for indicator, value in acked.items():
            stored = conn.execute(query, {"i": indicator, "y": year}).scalars().all()
            if len(stored) != 1 or Decimal(str(stored[0])) != value:
                problems.append(f"indicator {indicator}: acknowledged {value}, stored {stored}")
    engine.dispose()
    return len(acked), problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-kill", action="store_true", help="do not kill a worker")
    args = parser.parse_args(argv)
    args.seconds = min(args.seconds, 600)  # bounded
    random.seed(2026)

    name = f"pelita_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"{PG_SERVER}/{name}"
    port = free_port()
    # The simulated users sign in from one address with three accounts, which the sign-in
    # limits would rightly refuse; they are not what this run measures.
    env = {**os.environ, "PELITA_DATABASE_URL": url, "PELITA_DEMO": "1", "PELITA_RATELIMIT": "0",
           "PELITA_SECRET_KEY": uuid.uuid4().hex, "FLASK_APP": "wsgi"}
    master = None
    try:
        started = time.perf_counter()
        build_database(env)
        print(f"database {name} built in {time.perf_counter() - started:.1f} s")
        document, year, indicators = pick_targets(url)
        master = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
             "--graceful-timeout", "5", "--timeout", "60", "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                requests.get(base + "/login", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.2)
        stats, acked, lock = Counter(), {}, threading.Lock()
        deadline = time.monotonic() + args.seconds
        names = [WRITERS[i % len(WRITERS)] if i % 2 == 0 else READERS[i % len(READERS)] for i in range(args.users)]
        users = [User(base, n, (document, year), indicators, deadline, stats, acked, lock) for n in names]
        for user in users:
            user.start()
        killed = None
        if not args.no_kill:
            time.sleep(args.seconds / 2)
            killed = kill_one_worker(master)
        for user in users:
            user.join(timeout=args.seconds + 60)
        checked, problems = verify(url, year, acked)
        mean = stats["seconds"] / stats["requests"] * 1000 if stats["requests"] else 0
        print(f"users {args.users}, workers {args.workers}, {args.seconds:.0f} s, worker killed: {killed or 'none'}")
        print(f"requests {stats['requests']} ({stats['requests'] / args.seconds:.1f}/s, mean {mean:.0f} ms); "
              + ", ".join(f"{k} {v}" for k, v in sorted(stats.items()) if k.startswith("status:")))
        print(f"server errors (5xx): {stats['server_errors']}; connection errors (requests cut by the kill): "
              f"{stats['connection_errors']}; sign-ins failed: {stats['sign_in_failed']}")
        print(f"writes acknowledged: {stats['writes_acknowledged']}; indicators verified in the database: "
              f"{checked - len(problems)} of {checked}")
        for problem in problems[:20]:
            print("  LOST:", problem)
        ok = not problems and stats["server_errors"] == 0 and stats["sign_in_failed"] == 0 and checked > 0
        print("HELD" if ok else "DID NOT HOLD")
        return 0 if ok else 1
    finally:
        if master is not None:
            master.terminate()
            try:
                master.wait(timeout=15)
            except subprocess.TimeoutExpired:
                master.kill()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
