"""A team on PostgreSQL: claim-next under concurrency, and a 100,000-lead import.

- Claim: p50 and p99 of ``TeamLeadStore.claim_next`` (the app's one statement, ``FOR UPDATE
  SKIP LOCKED``, plus the expired-call sweep in the same transaction) with 1, 20 and 200
  claimers at once (threads, each with its own connection, its own member), on a list of
  1,000,000 leads; baseline: a bare ``SELECT 1`` round trip on the same connection, timed
  alternately with the claims (paired). Every claimed lead is wrapped up (as an agent would),
  so later claims walk past worked leads. Double claims are counted: the aim is 0.
- Import: ``TeamLeadStore.create_list`` of 100,000 leads (do-not-call check, COPY into a
  staging table, one INSERT … SELECT, one transaction) against a bare COPY of the same rows
  into a table without indexes or row-level security.

A throwaway cluster (the OS package's initdb/pg_ctl, loopback, a temporary directory) is
started and removed by the suite. ``DIALER_BENCH_TEAM_LEADS`` sets the list's size (default
1,000,000; ``--quick``: 100,000) and ``DIALER_BENCH_TEAM_CLAIMERS`` the concurrency levels
("1,20,200").
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from tests.helpers.postgres import Cluster, find_bindir, remove_cluster, start_cluster

GROUP = "7. Team database"
PASSWORD = "bench-secret-1"


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def prepare(cluster: Cluster, leads: int) -> int:
    from dialer_app.core.team.schema import setup

    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench")
    with psycopg.connect(cluster.conninfo(dbname="bench"), autocommit=True) as conn:
        setup(conn)
        for login, role in (("bench_agent", "dialer_agent"), ("bench_sup", "dialer_supervisor")):
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}' IN ROLE {role}")
        row = conn.execute("INSERT INTO lists (name) VALUES ('big') RETURNING id").fetchone()
        assert row is not None
        conn.execute(
            "INSERT INTO leads (list_id, position, name, number, cells) SELECT %s, g,"
            " 'Lead ' || g, (9000000000 + g)::text, jsonb_build_array('Lead ' || g)"
            " FROM generate_series(0, %s - 1) g",
            (row[0], leads),
        )
        conn.execute("UPDATE lists SET total = %s, rows = %s", (leads, leads))
        conn.execute("VACUUM ANALYZE leads")
        return int(row[0])


def claim_run(
    cluster: Cluster, list_id: int, claimers: int, claims_each: int, tmp: Path
) -> tuple[list[float], list[float], int, int]:
    from dialer_app.core.team.connect import parse_target
    from dialer_app.core.team.store import TeamLeadStore

    target = parse_target(cluster.conninfo("bench_agent", None, "bench"))
    stores = [
        TeamLeadStore(target, f"9{n:09d}", f"Agent {n}", tmp / f"ob-{claimers}-{n}.db")
        for n in range(claimers)
    ]
    claim_ms: list[float] = []
    ping_ms: list[float] = []
    taken: list[int] = []
    lock, gate = threading.Lock(), threading.Barrier(claimers)

    def work(store: TeamLeadStore) -> None:
        mine_claim, mine_ping, mine = [], [], []
        gate.wait()
        for _ in range(claims_each):
            start = time.perf_counter()
            store._run(lambda c: c.execute("SELECT 1").fetchone())
            mine_ping.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            lead = store.claim_next(list_id, datetime.now(UTC), 3)
            mine_claim.append((time.perf_counter() - start) * 1000)
            if lead is None:
                continue
            mine.append(lead.lead_id)
            store.wrap_up(lead.lead_id, "Not interested", "", None, do_not_call=False)
        with lock:
            claim_ms.extend(mine_claim)
            ping_ms.extend(mine_ping)
            taken.extend(mine)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    doubles = sum(n - 1 for n in Counter(taken).values() if n > 1)
    return claim_ms, ping_ms, doubles, len(taken)


def import_run(cluster: Cluster, size: int, tmp: Path) -> tuple[float, float]:
    from dialer_app.core.leads.model import build_preview
    from dialer_app.core.team.connect import parse_target
    from dialer_app.core.team.store import TeamLeadStore

    rows = [["Name", "Number", "City"]]
    rows += [[f"Lead {i}", f"8{i:09d}", "Pune"] for i in range(size)]
    preview = build_preview("import", "import.csv", rows, lambda _n: False)
    target = parse_target(cluster.conninfo("bench_sup", None, "bench"))
    store = TeamLeadStore(target, "9999999999", "Sup", tmp / "ob-import.db")
    start = time.perf_counter()
    made = store.create_list(preview)
    app_s = time.perf_counter() - start
    assert made is not None
    assert made.total == size
    store.close()
    with psycopg.connect(cluster.conninfo(dbname="bench"), autocommit=True) as conn:
        conn.execute("CREATE TABLE bare (list_id bigint, position integer, name text,"
                     " number text, cells jsonb, status text, reason text)")  # fmt: skip
        import json

        start = time.perf_counter()
        with (
            conn.transaction(),
            conn.cursor().copy(
                "COPY bare (list_id, position, name, number, cells, status, reason) FROM STDIN"
            ) as copy,
        ):
            for lead in preview.ready:
                copy.write_row((1, lead.position, lead.name, lead.number,
                                json.dumps(lead.cells, ensure_ascii=False), "new", ""))  # fmt: skip
        bare_s = time.perf_counter() - start
    return app_s, bare_s


def collect(quick: bool) -> SuiteResult:
    bindir = find_bindir()
    if bindir is None:
        note = "PostgreSQL (initdb, pg_ctl) is not installed"
        return SuiteResult([Figure("team.claim", GROUP, "Claim next", "ms",
                                   status=Status.SKIPPED, note=note)])  # fmt: skip
    leads = int(os.environ.get("DIALER_BENCH_TEAM_LEADS", 100_000 if quick else 1_000_000))
    levels = [int(n) for n in os.environ.get("DIALER_BENCH_TEAM_CLAIMERS", "1,20,200").split(",")]
    os.environ["PGPASSWORD"] = PASSWORD
    cluster = start_cluster(bindir)
    figures: list[Figure] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            list_id = prepare(cluster, leads)
            for claimers in levels:
                each = max(5, (200 if quick else 600) // claimers)
                claims, pings, doubles, taken = claim_run(cluster, list_id, claimers, each, tmp)
                size = f"{leads:,} leads, {claimers} claimer{'s' if claimers > 1 else ''}"
                for name, share in (("p50", 0.5), ("p99", 0.99)):
                    figures.append(Figure(
                        f"team.claim.{claimers}.{name}", GROUP, f"Claim next {name} ({size})",
                        "ms", [_percentile(claims, share)], f"SELECT 1 round trip {name}",
                        [_percentile(pings, share)], Aim.ratio(20 if claimers < 200 else 60),
                        paired=False, note=f"{len(claims)} claims, {taken} leads taken",
                    ))  # fmt: skip
                figures.append(Figure(
                    f"team.claim.{claimers}.doubles", GROUP, f"Double claims ({size})", "",
                    [float(doubles)], aim=Aim.value(0, "", "0"),
                ))  # fmt: skip
            app_s, bare_s = import_run(cluster, 100_000, tmp)
            figures.append(Figure(
                "team.import.100k", GROUP, "Import 100,000 leads for the team", "s", [app_s],
                "bare COPY of the same rows", [bare_s], Aim.value(10, "s", "< 10 s"),
            ))  # fmt: skip
    finally:
        remove_cluster(cluster)
    return SuiteResult(figures)


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
