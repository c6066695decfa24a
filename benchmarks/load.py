"""Concurrency load: N sessions over Streamlit's own websocket protocol, each changing a
sidebar filter every few seconds against one server (DESIGN §8: 50 sessions, every 2 s, for a
minute: p95 rerun ≤ 1 s and zero errors).

    python -m benchmarks.load [--sessions 50] [--seconds 60] [--interval 2] [--url URL] [--out FILE]
    python -m benchmarks.load --servers 2      # two processes, each session kept to one (sticky)

Without ``--url`` it starts its own ``streamlit run app.py`` on a free port of 127.0.0.1 over
the working data directory (``PANTAU_DATA_DIR``, default ``data/``). Sessions are spread over
the analysis pages (``--pages``); each opens its page with a ``?pemilu=`` query, then every
``interval`` seconds picks another option in the election or the province selectbox of the
sidebar, the way a browser reports a widget change. A rerun's latency runs from sending the
``rerun_script`` BackMsg to receiving ``script_finished``. Errors: an exception element in the
deltas, a compile-error finish, "page not found", a run without the page's title, a run not
finished within ``--timeout``, a failed websocket; and, for a server it started, tracebacks
in the server's log.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from websockets.exceptions import WebSocketException

from analytics import pages as site_pages
from benchmarks import load_stats
from benchmarks.load_server import own_server
from benchmarks.ws_session import Sample, Session, SessionFailed

ROOT = Path(__file__).resolve().parents[1]
ANALYSIS_PAGES = tuple(page.url_path for page in site_pages.PAGES if page.analysis)
#: The sidebar selectboxes a session changes, in turn.
FILTER_KEYS = ("f_election", "f_province")


def election_ids() -> list[str]:
    with open(ROOT / "data" / "elections.csv", encoding="utf-8") as handle:
        return [row["election_id"] for row in csv.DictReader(handle)]


async def drive_session(
    url: str,
    number: int,
    page: str,
    query_string: str,
    *,
    start_at: float,
    until: float,
    interval: float,
    timeout: float,
    clock_zero: float,
    seed: int,
    samples: list[Sample],
    failures: list[str],
) -> None:
    """Open ``page``, then change a filter every ``interval`` seconds until ``until``."""
    rng = random.Random(seed * 1000 + number)
    await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
    try:
        async with Session(url, number, page, query_string, timeout=timeout, clock_zero=clock_zero) as session:
            opened = await session.open()
            samples.append(opened)
            next_at = time.perf_counter() + interval
            turn = number  # sessions start on different filters
            while next_at < until:
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
                sent_at = time.perf_counter()
                key = FILTER_KEYS[turn % len(FILTER_KEYS)]
                turn += 1
                stray_errors = await session.settle()
                if stray_errors:
                    samples.append(
                        Sample(number, page, "between runs", sent_at - clock_zero, None, errors=stray_errors)
                    )
                box = session.last_run.selectboxes.get(key)
                if box is None:
                    # The page came without the sidebar frame: an error a user sees; they reload.
                    samples.append(
                        Sample(
                            number,
                            page,
                            "between runs",
                            sent_at - clock_zero,
                            None,
                            errors=[f"no sidebar: the last run of {page} showed no {key!r} selectbox"],
                        )
                    )
                    samples.append(await session.open())
                    next_at = max(sent_at + interval, time.perf_counter())
                    continue
                current = session.chosen.get(key, box.current)
                choice = rng.choice([label for label in box.options if label != current] or box.options)
                samples.append(await session.choose(key, choice))
                # A user waits for the page to settle: when a run outlasts the interval, the next
                # change follows it at once rather than piling up.
                next_at = max(sent_at + interval, time.perf_counter())
    except (SessionFailed, OSError, TimeoutError, WebSocketException) as failure:
        failures.append(f"session: {failure!r} (session {number}, {page})")


async def run_load(
    url: str | list[str],
    sessions: int,
    seconds: float,
    interval: float,
    *,
    pages=ANALYSIS_PAGES,
    ramp: float | None = None,
    timeout: float = 30.0,
    seed: int = 1,
) -> tuple[list[Sample], list[str], float]:
    """Run the load against ``url`` (or spread over several: session n keeps to ``url[n % len(url)]``,
    as a load balancer with sticky sessions would place it); return the samples, the session
    failures and the wall time."""
    urls = [url] if isinstance(url, str) else list(url)
    elections = election_ids()
    ramp = interval if ramp is None else ramp
    samples: list[Sample] = []
    failures: list[str] = []
    clock_zero = time.perf_counter()
    until = clock_zero + ramp + seconds
    tasks = [
        drive_session(
            urls[n % len(urls)],
            n,
            pages[n % len(pages)],
            f"pemilu={elections[n % len(elections)]}",
            start_at=clock_zero + ramp * n / sessions,
            until=until,
            interval=interval,
            timeout=timeout,
            clock_zero=clock_zero,
            seed=seed,
            samples=samples,
            failures=failures,
        )
        for n in range(sessions)
    ]
    await asyncio.gather(*tasks)
    return samples, failures, time.perf_counter() - clock_zero


def timeline(samples: list[Sample], window: float = 10.0) -> list[dict]:
    """p50/p95 of filter-change reruns per window of the run (warm-up against steady state)."""
    changes = [s for s in samples if s.action.startswith("change")]
    if not changes:
        return []
    rows = []
    for start in range(0, int(max(s.started for s in changes) // window) + 1):
        part = [s for s in changes if start * window <= s.started < (start + 1) * window]
        if part:
            rows.append({"from_s": start * window, **load_stats.latency_summary(part)})
    return rows


def write_samples(path: Path, samples: list[Sample]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["session", "page", "action", "started_s", "latency_ms", "deltas", "bytes", "title", "errors"])
        for s in sorted(samples, key=lambda s: s.started):
            writer.writerow(
                [
                    s.session,
                    s.page,
                    s.action,
                    round(s.started, 3),
                    None if s.latency is None else round(s.latency * 1000, 1),
                    s.deltas,
                    s.bytes,
                    s.title,
                    " | ".join(s.errors),
                ]
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the sessions keep changing filters")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between a session's filter changes")
    parser.add_argument("--url", help="an already running app, or several separated by commas (default: start them)")
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="how many server processes to start when no --url is given; sessions stick to one each",
    )
    parser.add_argument(
        "--proxy",
        action="store_true",
        help="start the servers as deploy/cluster.py does, behind nginx, and drive them through it",
    )
    parser.add_argument("--out", type=Path, help="write the report as JSON here")
    parser.add_argument(
        "--pages", default=",".join(ANALYSIS_PAGES), help="comma-separated URL paths to spread sessions over"
    )
    parser.add_argument("--ramp", type=float, help="seconds over which sessions open (default: the interval)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a run counts as timed out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=Path, help="write every timed run as CSV here")
    args = parser.parse_args(argv)
    pages = tuple(p.strip() for p in args.pages.split(",") if p.strip())
    settings = {
        "sessions": args.sessions,
        "seconds": args.seconds,
        "interval": args.interval,
        "pages": list(pages),
        "ramp": args.interval if args.ramp is None else args.ramp,
        "timeout": args.timeout,
        "seed": args.seed,
    }

    def load(url: str):
        return asyncio.run(
            run_load(
                url,
                args.sessions,
                args.seconds,
                args.interval,
                pages=pages,
                ramp=args.ramp,
                timeout=args.timeout,
                seed=args.seed,
            )
        )

    extra: dict = {"load_avg_1min_before": round(os.getloadavg()[0], 2), "cpus": os.cpu_count()}
    cpu_before = _own_cpu()
    if args.url:
        settings["url"] = args.url
        samples, failures, wall = load(args.url.split(","))
    elif args.proxy:
        samples, failures, wall = _through_proxy(args.servers, settings, extra, load)
    else:
        log_dir = args.out.parent if args.out else ROOT / "artifacts"
        with contextlib.ExitStack() as stack:
            servers = [
                stack.enter_context(own_server(keep_log_in=log_dir, script="serve.py"))
                for _ in range(max(1, args.servers))
            ]
            settings["url"] = ",".join(server.url for server in servers)
            settings["servers"] = len(servers)
            extra["server_start_to_healthy_s"] = round(max(s.healthy_at - s.launched_at for s in servers), 2)
            server_cpu_before = [server.cpu_seconds() for server in servers]
            samples, failures, wall = load([server.url for server in servers])
            server_cpu_after = [server.cpu_seconds() for server in servers]
            if None not in server_cpu_before + server_cpu_after:
                extra["server_cpu_s"] = round(sum(server_cpu_after) - sum(server_cpu_before), 1)
            extra["server_peak_rss_mb"] = max(server.peak_rss_mb() or 0 for server in servers)
            extra["server_log_tracebacks"] = sum(server.log_tracebacks() for server in servers)
        extra["server_log"] = ", ".join(str(server.log_path) for server in servers)
    extra["driver_cpu_s"] = round(_own_cpu() - extra.pop("driver_cpu_start", cpu_before), 1)
    extra["wall_s"] = round(wall, 1)
    changes = sum(1 for s in samples if s.action.startswith("change"))
    extra["offered_reruns_per_s"] = round(args.sessions / args.interval, 1)
    extra["achieved_reruns_per_s"] = round(changes / args.seconds, 1) if args.seconds else None
    extra["timeline"] = timeline(samples)
    report = load_stats.build_report(samples, failures, settings, extra)
    if args.samples:
        write_samples(args.samples, samples)
    print(load_stats.format_table(report))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"report: {args.out}")
    return 0 if report["target"]["met"] else 3


def _through_proxy(replicas: int, settings: dict, extra: dict, load):
    """The load through nginx in front of ``replicas`` replicas (``deploy.cluster``)."""
    from analytics import settings as app_settings
    from benchmarks.load_server import ServerHandle
    from deploy import cluster

    launched_at = time.perf_counter()
    secrets = Path(tempfile.mkdtemp(prefix="pantau-load-")) / "no-secrets.toml"
    with cluster.running(max(1, replicas), port=0, data_dir=app_settings.data_dir(), secrets_file=secrets) as running:
        healthy_at = time.perf_counter()
        servers = [
            ServerHandle(
                url,
                process.pid,
                running.run_dir / "logs" / f"replica-{url.rsplit(':', 1)[1]}.log",
                launched_at,
                healthy_at,
            )
            for url, process in zip(running.replica_urls, running.processes)
        ]
        settings.update(url=running.url, servers=len(servers), proxy="nginx (deploy/cluster.py)")
        extra["server_start_to_healthy_s"] = round(healthy_at - launched_at, 2)
        before = [server.cpu_seconds() for server in servers]
        extra["driver_cpu_start"] = _own_cpu()  # publishing the light edition at start is not the load
        samples, failures, wall = load(running.url)
        after = [server.cpu_seconds() for server in servers]
        if None not in before + after:
            extra["server_cpu_s"] = round(sum(after) - sum(before), 1)
        extra["server_peak_rss_mb"] = max(server.peak_rss_mb() or 0 for server in servers)
        extra["server_log_tracebacks"] = sum(server.log_tracebacks() for server in servers)
        extra["sessions_per_replica"] = _sessions_per_replica(running.run_dir / "logs" / "access.log")
        extra["server_log"] = str(running.run_dir / "logs")
    return samples, failures, wall


def _sessions_per_replica(access_log: Path) -> dict[str, int]:
    """How many websocket sessions nginx gave each replica (from its access log)."""
    counts: dict[str, int] = {}
    for line in access_log.read_text(errors="replace").splitlines():
        if "/_stcore/stream" in line and " 101 " in line:
            upstream = line.split("upstream=", 1)[1].split()[0]
            counts[upstream] = counts.get(upstream, 0) + 1
    return counts


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
