"""The app served directly, the app through nginx and the light edition, side by side in one run,
with the targets as PASS/FAIL.

    python -m benchmarks.serving [--replicas 2] [--sessions 50] [--seconds 60] [--interval 2]
                                 [--repeats 3] [--no-load] [--no-lighthouse] [--out FILE]

It starts ``deploy/cluster.py`` (``--replicas`` replicas of ``serve.py`` behind nginx, the light
edition of the current data version published first) and measures, in headless Chromium:

- the first visit to Ringkasan in a fresh browser (nothing cached), against one replica directly
  and through nginx: the bytes on the wire (every HTTP response as received, compressed or not,
  and the websocket's frames) and the time from the address being opened to the page being usable
  (its six tiles and its first chart drawn);
- the light edition's Kalimantan, province and regency pages under an emulated slow mobile
  network (DevTools network conditions: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency): bytes
  on the wire beyond the shared assets, the time until the headline and its tiles are on screen,
  and any request for a host other than this machine;
- Lighthouse (``lighthouse@12.2.3``, mobile preset, Debian's Chromium), when it is installed
  (``npm install lighthouse@12.2.3`` into ``--lighthouse-dir``, default ``/opt/lh``);
- the concurrency load of ``benchmarks.load`` (``--sessions`` sessions, one filter change every
  ``--interval`` seconds for ``--seconds``), once against one replica directly and once through
  nginx across all replicas.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from analytics import settings
from benchmarks import load, load_stats
from benchmarks.browser_timing import LONG_TASKS, FrameLog, open_ringkasan
from tests.e2e import browser as helpers

PHONE = {"width": 390, "height": 844}
SLOW_MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
LIGHT_PAGES = ("", "64/", "64.72/")
LIGHT_USABLE = "() => !!document.querySelector('h1') && !!document.querySelector('.tiles, .empty, section')"
LIGHTHOUSE_VERSION = "12.2.3"

#: (key, what, limit, comparison) — the issue's targets, read by ``evaluate``.
TARGETS = (
    ("proxy_first_visit_mb", "first visit on the wire, app through nginx", 2.5, "<="),
    ("proxy_first_visit_usable_s", "first page usable, app through nginx", 2.5, "<="),
    ("light_page_kb", "light edition page on the wire beyond shared assets (largest)", 300, "<="),
    ("light_usable_s", "light edition usable on a slow mobile network (slowest)", 1.5, "<="),
    ("light_requests_leaving", "light edition requests leaving the machine", 0, "<="),
    ("load_direct_p95_ms", "load on one process directly, p95", 2000, "<="),
    ("load_direct_errors", "load on one process directly, errors", 0, "<="),
    ("load_proxy_p95_ms", "load through nginx on all replicas, p95", 1000, "<="),
    ("load_proxy_errors", "load through nginx on all replicas, errors", 0, "<="),
    ("lighthouse_app_proxy_performance", "Lighthouse performance, app through nginx", 0.5, ">="),
    ("lighthouse_light_performance", "Lighthouse performance, light edition", 0.95, ">="),
    ("lighthouse_app_proxy_accessibility", "Lighthouse accessibility, app through nginx", 0.98, ">="),
    ("lighthouse_light_accessibility", "Lighthouse accessibility, light edition", 0.98, ">="),
)


def first_visit(chromium, url: str) -> dict:
    """Ringkasan in a fresh context: time to usable and every byte received."""
    context = chromium.new_context(viewport=helpers.DESKTOP)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    frames = FrameLog(context, page)
    started = time.perf_counter()
    timing = open_ringkasan(context, page, frames, url, since=started)
    page.wait_for_timeout(500)  # the last lazy chunks and fonts
    http = sum(size for _, size, _ in frames.responses)
    context.close()
    return {
        "usable_s": timing["healthy_to_usable_s"],
        "http_mb": round(http / 1e6, 3),
        "websocket_mb": round(frames.bytes_since(started) / 1e6, 3),
        "wire_mb": round((http + frames.bytes_since(started)) / 1e6, 3),
        "longest_task_s": timing["browser_longest_task_s"],
    }


def light_visit(chromium, url: str) -> dict:
    """One light-edition page on an emulated slow mobile network, nothing cached."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_MOBILE)
    sizes: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda p: urls.__setitem__(p["requestId"], p["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda p: sizes.__setitem__(p["requestId"], int(p["encodedDataLength"])))
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(LIGHT_USABLE, timeout=60_000, polling=20)
    page.wait_for_load_state("load")
    usable = time.perf_counter() - started
    paint = page.evaluate(
        "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: null}).startTime"
    )
    # the first chart, once scrolled to: plotly.js (shared, fetched once) and the drawing
    scrolled = time.perf_counter()
    charts = page.locator("[data-chart]")
    chart_s = None
    if charts.count():
        charts.first.scroll_into_view_if_needed()
        page.wait_for_selector("[data-drawn]", timeout=120_000)
        chart_s = round(time.perf_counter() - scrolled, 2)
    page.wait_for_timeout(300)
    context.close()
    own = [u for u in urls.values() if urlsplit(u).hostname in ("127.0.0.1", "localhost")]
    leaving = [u for u in urls.values() if u not in own and not u.startswith("data:")]
    shared = {rid for rid, u in urls.items() if "/aset/" in urlsplit(u).path}
    return {
        "usable_s": round(max(usable, (paint or 0) / 1000), 2),
        "first_paint_s": None if paint is None else round(paint / 1000, 2),
        "page_kb": round(sum(size for rid, size in sizes.items() if rid not in shared) / 1024, 1),
        "shared_kb": round(sum(sizes.get(rid, 0) for rid in shared) / 1024, 1),
        "chart_after_scroll_s": chart_s,
        "requests": len(urls),
        "leaving": leaving,
    }


def lighthouse_bin(folder: Path) -> Path | None:
    found = folder / "node_modules" / ".bin" / "lighthouse"
    return found if found.exists() else (Path(shutil.which("lighthouse")) if shutil.which("lighthouse") else None)


def lighthouse(binary: Path, url: str) -> dict:
    """Performance and accessibility scores, mobile preset (Lighthouse's default)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        flags = " ".join(["--headless", *helpers.CHROMIUM_ARGS])
        subprocess.run(
            [str(binary), url, "--only-categories=performance,accessibility", "--output=json"]
            + [f"--output-path={out}", f"--chrome-flags={flags}", "--quiet"],
            env=dict(os.environ, CHROME_PATH=helpers.chromium_path() or "/usr/bin/chromium"),
            check=True,
            timeout=300,
            capture_output=True,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"],
        "accessibility": report["categories"]["accessibility"]["score"],
        **{
            key: audits[key]["numericValue"]
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "total-byte-weight",
            )
        },
        "cumulative-layout-shift": audits["cumulative-layout-shift"]["numericValue"],
    }


def run_load(url: str | list[str], sessions: int, seconds: float, interval: float) -> dict:
    samples, failures, _ = asyncio.run(load.run_load(url, sessions, seconds, interval))
    report = load_stats.build_report(samples, failures, {"url": url}, {})
    return {**report["reruns"], "errors_total": report["errors_total"]}


def evaluate(result: dict) -> list[dict]:
    rows = []
    for key, what, limit, comparison in TARGETS:
        value = result["summary"].get(key)
        status = (
            "n/a"
            if value is None
            else ("PASS" if (value <= limit if comparison == "<=" else value >= limit) else "FAIL")
        )
        rows.append({"key": key, "what": what, "limit": f"{comparison} {limit}", "measured": value, "status": status})
    return rows


def measure(args) -> dict:
    from playwright.sync_api import sync_playwright

    from deploy import cluster

    result: dict = {"replicas": args.replicas, "cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]}
    secrets = Path(tempfile.mkdtemp(prefix="pantau-serving-")) / "no-secrets.toml"
    with cluster.running(args.replicas, port=0, data_dir=settings.data_dir(), secrets_file=secrets) as running:
        direct, proxy = running.replica_urls[0], running.url
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=helpers.chromium_path(), args=helpers.CHROMIUM_ARGS)
            for url in [direct, *running.replica_urls[1:]]:  # each replica's first run is behind it
                first_visit(chromium, url)
            visits = {"direct": [], "proxy": []}
            for _ in range(args.repeats):
                visits["direct"].append(first_visit(chromium, direct))
                visits["proxy"].append(first_visit(chromium, proxy))
            light = {page or "kalimantan": light_visit(chromium, f"{proxy}/ringan/{page}") for page in LIGHT_PAGES}
            chromium.close()
        result["first_visit"] = visits
        result["light"] = light
        binary = None if args.no_lighthouse else lighthouse_bin(args.lighthouse_dir)
        if binary is not None:
            result["lighthouse"] = {
                "app_direct": lighthouse(binary, direct + "/"),
                "app_proxy": lighthouse(binary, proxy + "/"),
                "light": lighthouse(binary, f"{proxy}/ringan/64/"),
            }
        if not args.no_load:
            result["load_direct"] = run_load(direct, args.sessions, args.seconds, args.interval)
            result["load_proxy"] = run_load(proxy, args.sessions, args.seconds, args.interval)
    summary = {
        "direct_first_visit_mb": _median(visits["direct"], "wire_mb"),
        "direct_first_visit_usable_s": _median(visits["direct"], "usable_s"),
        "proxy_first_visit_mb": _median(visits["proxy"], "wire_mb"),
        "proxy_first_visit_usable_s": _median(visits["proxy"], "usable_s"),
        "light_page_kb": max(v["page_kb"] for v in light.values()),
        "light_usable_s": max(v["usable_s"] for v in light.values()),
        "light_requests_leaving": sum(len(v["leaving"]) for v in light.values()),
    }
    for name in ("direct", "proxy"):
        if f"load_{name}" in result:
            summary[f"load_{name}_p95_ms"] = result[f"load_{name}"]["p95_ms"]
            summary[f"load_{name}_errors"] = result[f"load_{name}"]["errors_total"]
    for name, scores in result.get("lighthouse", {}).items():
        summary[f"lighthouse_{name}_performance"] = scores["performance"]
        summary[f"lighthouse_{name}_accessibility"] = scores["accessibility"]
    result["summary"] = summary
    result["targets"] = evaluate(result)
    return result


def _median(rows: list[dict], key: str) -> float:
    return round(statistics.median(row[key] for row in rows), 3)


def format_table(result: dict) -> str:
    s = result["summary"]
    lines = [f"Serving · {result['replicas']} replicas behind nginx · {result['cpus']} CPUs", ""]
    lines.append(f"{'':34} {'app direct':>12} {'app via nginx':>14} {'light edition':>14}")
    light_kb = s["light_page_kb"]
    lines.append(
        f"{'first visit on the wire':34} {s['direct_first_visit_mb']:>10.2f} MB {s['proxy_first_visit_mb']:>11.2f} MB"
        f" {light_kb:>11.0f} KB"
    )
    lines.append(
        f"{'first page usable (s)':34} {s['direct_first_visit_usable_s']:>12.2f} {s['proxy_first_visit_usable_s']:>14.2f}"
        f" {s['light_usable_s']:>14.2f}  (light: slow mobile network)"
    )
    light_scores = result.get("lighthouse", {})
    if light_scores:
        for metric in ("performance", "accessibility"):
            lines.append(
                f"{'Lighthouse ' + metric:34} {light_scores['app_direct'][metric]:>12.2f}"
                f" {light_scores['app_proxy'][metric]:>14.2f} {light_scores['light'][metric]:>14.2f}"
            )
        lines.append(
            f"{'Lighthouse LCP / TBT (s)':34}"
            + "".join(
                f" {light_scores[k]['largest-contentful-paint'] / 1000:>6.1f}/{light_scores[k]['total-blocking-time'] / 1000:<5.1f}"
                + (" " * (2 if k == "app_direct" else 4))
                for k in ("app_direct", "app_proxy", "light")
            )
        )
    for name, label in (("load_direct", "one process, direct"), ("load_proxy", "nginx, all replicas")):
        if name in result:
            r = result[name]
            lines.append(
                f"{'load ' + label:34} p50 {r['p50_ms']:.0f} ms · p95 {r['p95_ms']:.0f} ms · "
                f"{r['runs']} reruns · {r['errors_total']} errors"
            )
    for page, visit in result["light"].items():
        lines.append(
            f"  light {page:<12} {visit['page_kb']:>6.1f} KB page + {visit['shared_kb']:.0f} KB shared · usable "
            f"{visit['usable_s']:.2f} s · first chart {visit['chart_after_scroll_s'] or '-'} s after scrolling to it "
            f"· {visit['requests']} requests · leaving: {len(visit['leaving'])}"
        )
    lines += ["", f"{'status':6}  {'target':64} {'limit':>8} {'measured':>10}"]
    for row in result["targets"]:
        measured = "-" if row["measured"] is None else f"{row['measured']:g}"
        lines.append(f"{row['status']:6}  {row['what']:64} {row['limit']:>8} {measured:>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serving", description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=3, help="first visits per way of serving")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-dir", type=Path, default=Path("/opt/lh"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = measure(args)
    print(format_table(result))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
