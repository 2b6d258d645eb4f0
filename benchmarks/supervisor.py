"""The supervisor's window at 200 agents and 50 lists: the GUI thread's longest stall.

    python -m benchmarks.supervisor [--quick] [--out FILE]

A throwaway PostgreSQL cluster (as ``benchmarks/team.py``) holds 50 lists of 200 leads and
200 agents. A writer thread plays the floor: every 10 ms one agent changes state (ready, on a
call with its leg, wrap-up, paused with a reason), and every 50 ms an attempt is written and
a lead of one of the 50 lists changes status, each in its own transaction, so the database
announces a stream of changes (``LISTEN dialer_watch``). The real ``SupervisorWindow`` (its
``SupervisorService``: the feed on its own thread, the reads on workers) is shown offscreen
on its Agents tab. A 5 ms precise ``QTimer`` ticks on the GUI thread; the longest gap between
ticks is the longest time the window could not repaint or take a key press. Baseline: the
same window and heartbeat with the writer stopped, in alternating rounds.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import threading
import time

import psycopg

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.qtkit import Heartbeat, application, run_for, wait_until
from tests.helpers.postgres import Cluster, find_bindir, remove_cluster, start_cluster

GROUP = "8. Supervisor"
PASSWORD = "bench-secret-1"
AGENTS, LISTS, LEADS_EACH = 200, 50, 200
FRAME_MS = 16.0
STATES = (("ready", ""), ("on_call", "…3210 · ringing"), ("on_call", "…4411 · answered"),
          ("wrap_up", ""), ("paused", "Lunch"), ("paused", "Break"))  # fmt: skip


def prepare(cluster: Cluster) -> None:
    from dialer_app.core.team.schema import setup

    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench")
    with psycopg.connect(cluster.conninfo(dbname="bench"), autocommit=True) as conn:
        setup(conn)
        conn.execute(f"CREATE ROLE bench_sup LOGIN PASSWORD '{PASSWORD}' IN ROLE dialer_supervisor")
        conn.execute(
            "INSERT INTO lists (name, purpose, priority) SELECT 'List ' || g,"
            " (ARRAY['promotional', 'service', 'transactional'])[1 + g %% 3], g %% 4"
            " FROM generate_series(1, %s) g", (LISTS,),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO leads (list_id, position, name, number) SELECT l.id, g,"
            " 'Lead ' || g, (9000000000 + l.id * 1000 + g)::text FROM lists l,"
            " generate_series(0, %s - 1) g", (LEADS_EACH,),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO agents (member, name, state) SELECT (9800000000 + g)::text,"
            " 'Agent ' || g, 'ready' FROM generate_series(1, %s) g", (AGENTS,),
        )  # fmt: skip
        conn.execute("VACUUM ANALYZE")


class Floor:
    """200 simulated agents writing, on a thread of their own, while ``running`` is set."""

    def __init__(self, cluster: Cluster) -> None:
        self._info = cluster.conninfo(dbname="bench")
        self.running = threading.Event()
        self.stopped = threading.Event()
        self.writes = 0
        self._thread = threading.Thread(target=self._work, daemon=True)
        self._thread.start()

    def _work(self) -> None:
        rng = random.Random(7)
        with psycopg.connect(self._info, autocommit=True) as conn:
            leads = [int(r[0]) for r in conn.execute("SELECT id FROM leads").fetchall()]
            tick = 0
            while not self.stopped.is_set():
                if not self.running.wait(0.05):
                    continue
                member = f"{9800000000 + rng.randint(1, AGENTS)}"
                state, detail = rng.choice(STATES)
                conn.execute(
                    "UPDATE agents SET state = %s, detail = %s, last_seen = now(),"
                    " state_since = now() WHERE member = %s", (state, detail, member),
                )  # fmt: skip
                tick += 1
                if tick % 5 == 0:
                    lead = rng.choice(leads)
                    with conn.transaction():
                        conn.execute(
                            "INSERT INTO attempts (id, lead_id, member, started_at, outcome,"
                            " verdict, talk_seconds) VALUES (gen_random_uuid(), %s, %s, now(),"
                            " 'placed', %s, %s)",
                            (lead, member, rng.choice(("connected", "not_connected")), 40),
                        )  # fmt: skip
                        conn.execute(
                            "UPDATE leads SET status = %s, attempts = attempts + 1,"
                            " last_call = now() WHERE id = %s",
                            (rng.choice(("called", "connected", "call_back")), lead),
                        )  # fmt: skip
                self.writes += 1
                time.sleep(0.01)

    def close(self) -> None:
        self.stopped.set()
        self.running.clear()
        self._thread.join(5)


def measure(
    cluster: Cluster, rounds: int, seconds: float
) -> tuple[list[float], list[float], list[float], list[float], int]:
    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.connect import parse_target
    from dialer_app.services.supervisor import SupervisorService
    from dialer_app.ui.supervisor.window import SupervisorWindow

    application()
    service = SupervisorService(
        parse_target(cluster.conninfo("bench_sup", None, "bench")), Policy()
    )
    window = SupervisorWindow(service, "bench", alert_minutes=15)
    window.resize(1366, 720)
    window.show()
    handled: list[float] = []  # GUI-thread ms per snapshot shown (models updated), wall
    cpu: list[float] = []  # the same, the GUI thread's own CPU time (no preemption in it)
    service.snapshot.disconnect(window._on_service_snapshot)

    def timed(snapshot: object) -> None:
        start, start_cpu = time.perf_counter(), time.thread_time()
        window._on_service_snapshot(snapshot)  # type: ignore[arg-type]
        handled.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)

    service.snapshot.connect(timed)
    service.start()
    assert wait_until(lambda: window.agents.agents.rowCount() == AGENTS, 30_000)
    floor = Floor(cluster)
    loaded: list[float] = []
    idle: list[float] = []
    try:
        run_for(500)
        for _ in range(rounds):
            for busy, into in ((True, loaded), (False, idle)):
                if busy:
                    floor.running.set()
                run_for(300)  # the writer (or its stop) settles
                beat = Heartbeat()
                beat.start()
                run_for(int(seconds * 1000))
                into.append(max(beat.stop()))
                floor.running.clear()
    finally:
        floor.close()
        window.close()
        service.wait()
    return loaded, idle, handled[1:], cpu[1:], floor.writes  # the first: the first full read


def collect(quick: bool) -> SuiteResult:
    bindir = find_bindir()
    if bindir is None:
        note = "PostgreSQL (initdb, pg_ctl) is not installed"
        return SuiteResult([Figure("supervisor.gap", GROUP, "Supervisor window", "ms",
                                   status=Status.SKIPPED, note=note)])  # fmt: skip
    os.environ["PGPASSWORD"] = PASSWORD
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rounds, seconds = (3, 5.0) if quick else (6, 10.0)
    cluster = start_cluster(bindir)
    try:
        with tempfile.TemporaryDirectory():
            prepare(cluster)
            loaded, idle, handled, cpu, writes = measure(cluster, rounds, seconds)
    finally:
        remove_cluster(cluster)
    label = f"Longest GUI-thread gap, {AGENTS} agents and {LISTS} lists changing"
    return SuiteResult([
        Figure(
            "supervisor.gap", GROUP, label, "ms", loaded, "idle heartbeat (same window)", idle,
            Aim.value(FRAME_MS, "ms", f"< {FRAME_MS:g} ms"),
            note=f"{rounds} rounds of {seconds:g} s each way; {writes} changes written",
        ),
        Figure(
            "supervisor.snapshot", GROUP, "GUI-thread time to show one snapshot (p99)", "ms",
            [_p99(handled)], aim=Aim.value(FRAME_MS / 2, "ms", f"< {FRAME_MS / 2:g} ms"),
            note=f"{len(handled)} snapshots shown; median {statistics.median(handled):.2f} ms,"
            f" longest {max(handled):.2f} ms",
        ),
        Figure(
            "supervisor.snapshot_cpu", GROUP, "GUI-thread CPU time to show one snapshot (p99)",
            "ms", [_p99(cpu)], aim=Aim.value(FRAME_MS / 2, "ms", f"< {FRAME_MS / 2:g} ms"),
            note=f"median {statistics.median(cpu):.2f} ms, longest {max(cpu):.2f} ms: what the"
            " window itself spends, without the time the machine's other processes took",
        ),
    ])  # fmt: skip


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
