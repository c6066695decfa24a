"""What a person at a browser waits for, measured in headless Chromium (DESIGN §8: first page
usable ≤ 2.5 s after the server is up; map payload ≤ 600 KB).

    python -m benchmarks.browser_timing [--repeats 3] [--changes 5] [--out FILE]

(a) ``--repeats`` times for each way of serving (``streamlit run serve.py``, which opens the data
    and writes the maps before it answers, and ``streamlit run app.py``, which does so on the
    first visit): launch it (working data directory as for the app), poll ``/_stcore/health``
    every 20 ms, and as soon as it answers open Ringkasan in a fresh browser context; "usable" is when its six headline tiles and its first Plotly chart
    are drawn. The breakdown says where the wait goes: the server's run (its
    ``script_finished`` on the websocket) or the browser (its longest task).
(b) On the last server: pick another election in the sidebar selectbox ``--changes`` times;
    a change is done when the trend chart's data differ, the run's ``script_finished`` has
    arrived and Streamlit's running indicator is gone.
(c) In a fresh context: the bytes the browser receives while the map page (``/peta``, the
    regency choropleth) opens, and again for one filter change on it: every websocket frame,
    plus the app's data fetched over HTTP (a boundary file the figure names by URL); the
    frontend's code and fonts are reported apart.
"""

from __future__ import annotations

import argparse
import base64
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.load_server import BackgroundServer
from tests.e2e import browser as helpers

ROOT = Path(__file__).resolve().parents[1]
TILES = '[data-testid="stMetric"]'
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
TILES_SHOWN = f"() => document.querySelectorAll('{TILES}').length >= 6"
CHART_SHOWN = f"() => !!document.querySelector('{CHART} .main-svg')"
USABLE = f"() => ({TILES_SHOWN})() && ({CHART_SHOWN})()"
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
#: A fingerprint of the first chart's data (Plotly keeps it on the graph div).
CHART_DATA = f"""() => {{
  const gd = document.querySelector('{CHART}');
  if (!gd || !gd.data) return null;
  const text = JSON.stringify(gd.data);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return text.length + ':' + h;
}}"""
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push(e.duration)))
  .observe({type: 'longtask', buffered: true});
"""
TARGET_FIRST_PAGE_S = 2.5
TARGET_MAP_KB = 600


#: HTTP paths that carry the app's own data (static files such as map boundaries, media such as
#: CSV downloads), as against the frontend's code, styles and fonts.
APP_DATA_PATHS = ("/app/static/", "/media/")


class FrameLog:
    """What a page receives, read through the Chrome DevTools Protocol: every websocket frame,
    and the size on the wire of every HTTP response."""

    def __init__(self, context, page) -> None:
        self.frames: list[tuple[float, int, str]] = []  # (perf_counter, bytes, ForwardMsg type)
        self.finished_at: list[float] = []  # script_finished FINISHED_SUCCESSFULLY
        self.responses: list[tuple[float, int, str]] = []  # (perf_counter, bytes on the wire, URL)
        self._urls: dict[str, str] = {}
        cdp = context.new_cdp_session(page)
        cdp.on("Network.webSocketFrameReceived", self._received)
        cdp.on("Network.responseReceived", lambda p: self._urls.__setitem__(p["requestId"], p["response"]["url"]))
        cdp.on("Network.loadingFinished", self._loaded)
        cdp.send("Network.enable")

    def _loaded(self, params: dict) -> None:
        url = self._urls.get(params["requestId"], "")
        self.responses.append((time.perf_counter(), int(params.get("encodedDataLength", 0)), url))

    def http_since(self, since: float, app_data: bool) -> list[tuple[int, str]]:
        """(bytes, URL) of the HTTP responses since ``since``: the app's data, or everything else."""
        return [
            (size, url)
            for at, size, url in self.responses
            if at >= since and urlsplit(url).path.startswith(APP_DATA_PATHS) == app_data
        ]

    def _received(self, params: dict) -> None:
        now = time.perf_counter()
        response = params["response"]
        payload = response["payloadData"]
        data = base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode()
        kind = ""
        msg = ForwardMsg()
        try:
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type") or ""
        except Exception:  # not a ForwardMsg: count its bytes all the same
            pass
        self.frames.append((now, len(data), kind))
        if kind == "script_finished" and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
            self.finished_at.append(now)

    def bytes_since(self, since: float) -> int:
        return sum(size for at, size, _ in self.frames if at >= since)

    def largest_since(self, since: float) -> int:
        return max((size for at, size, _ in self.frames if at >= since), default=0)

    def finished_since(self, since: float) -> float | None:
        return next((at for at in self.finished_at if at >= since), None)


#: The ways of serving (a) compares; the first is the one the README recommends.
SCRIPTS = ("serve.py", "app.py")


def first_page(chromium, keep_log_in: Path, script: str = SCRIPTS[0]) -> tuple[dict, BackgroundServer]:
    """(a) once: launch a server, open Ringkasan the moment it is healthy. Returns the timings
    and the running server (the caller stops it)."""
    server = BackgroundServer(keep_log_in, script=script).start()
    healthy = server.wait_healthy()
    context = chromium.new_context(viewport=helpers.DESKTOP)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    frames = FrameLog(context, page)
    result = open_ringkasan(context, page, frames, server.url, since=healthy)
    result = {"script": script, "start_to_healthy_s": round(healthy - server.handle().launched_at, 2), **result}
    context.close()
    return result, server


def open_ringkasan(context, page, frames: FrameLog, url: str, since: float) -> dict:
    """Open Ringkasan and time, from ``since``, its tiles, its first chart and the server's run."""
    page.goto(url + "/", wait_until="commit")
    page.wait_for_function(TILES_SHOWN, timeout=120_000, polling=20)
    tiles = time.perf_counter()
    page.wait_for_function(CHART_SHOWN, timeout=120_000, polling=20)
    usable = time.perf_counter()
    finished = frames.finished_since(since)
    long_tasks = page.evaluate("window.__longTasks")
    return {
        "healthy_to_usable_s": round(usable - since, 2),
        "tiles_shown_s": round(tiles - since, 2),
        "server_run_done_s": round(finished - since, 2) if finished else None,
        "browser_longest_task_s": round(max(long_tasks, default=0) / 1000, 2),
        "browser_long_tasks_total_s": round(sum(long_tasks) / 1000, 2),
        "websocket_kb": round(frames.bytes_since(since) / 1024, 1),
    }


def warm_server_first_page(chromium, url: str) -> dict:
    """Ringkasan in a fresh context against a server that has served it already: the browser's
    share of the first page."""
    context = chromium.new_context(viewport=helpers.DESKTOP)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    frames = FrameLog(context, page)
    result = open_ringkasan(context, page, frames, url, since=time.perf_counter())
    context.close()
    return {key.replace("healthy_to_", "goto_to_"): value for key, value in result.items()}


def election_labels_with_cases() -> list[str]:
    """Sidebar labels of the elections the served register has cases for (all when unknown)."""
    with open(ROOT / "data" / "elections.csv", encoding="utf-8") as handle:
        labels = {row["election_id"]: row["label_id"] for row in csv.DictReader(handle)}
    try:
        import duckdb

        from analytics import settings

        register = settings.demo_dir() / "violation_cases.parquet"
        present = {row[0] for row in duckdb.sql(f"select distinct election_id from '{register}'").fetchall()}
        return [label for code, label in labels.items() if code in present] or list(labels.values())
    except Exception:
        return list(labels.values())


def choose_election(page, label: str) -> float:
    """Open the sidebar's election selectbox and pick ``label``; return when the click was sent."""
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    option = page.get_by_role("option", name=label, exact=True)
    option.wait_for(timeout=10_000)
    started = time.perf_counter()
    option.click()
    return started


def wait_for_update(page, frames: FrameLog, before: str | None, started: float, timeout: float = 60.0) -> float:
    """Wait until the first chart's data differ from ``before``, the run has finished and the
    running indicator is gone; return the time all three held."""
    page.wait_for_function(f"before => ({CHART_DATA})() !== before", arg=before, timeout=timeout * 1000, polling=20)
    deadline = time.perf_counter() + timeout
    while frames.finished_since(started) is None:
        if time.perf_counter() > deadline:
            raise TimeoutError("no script_finished after the filter change")
        page.wait_for_timeout(10)
    page.wait_for_function(IDLE, timeout=timeout * 1000, polling=20)
    return time.perf_counter()


def wait_for_run(page, frames: FrameLog, since: float, timeout: float = 60.0) -> None:
    """Wait for a script run started after ``since`` to finish and the page to settle."""
    deadline = time.perf_counter() + timeout
    while frames.finished_since(since) is None:
        if time.perf_counter() > deadline:
            raise TimeoutError("no script_finished")
        page.wait_for_timeout(20)
    helpers.wait_for_idle(page)


def filter_changes(chromium, url: str, count: int) -> list[float]:
    """(b): seconds from picking another election to the updated page, ``count`` times."""
    context = chromium.new_context(viewport=helpers.DESKTOP)
    page = context.new_page()
    frames = FrameLog(context, page)
    page.goto(url + "/?pemilu=pilkada-2024")
    page.wait_for_function(USABLE, timeout=120_000)
    helpers.wait_for_idle(page)
    labels = [label for label in election_labels_with_cases() if label != "Pilkada Serentak 2024"]
    labels = [*labels, "Semua siklus"]
    durations = []
    for index in range(count):
        before = page.evaluate(CHART_DATA)
        started = choose_election(page, labels[index % len(labels)])
        durations.append(round(wait_for_update(page, frames, before, started) - started, 2))
        helpers.wait_for_idle(page)
    context.close()
    return durations


def map_payload(chromium, url: str) -> dict:
    """(c): websocket bytes received while the map page opens, and for one filter change on it."""
    context = chromium.new_context(viewport=helpers.DESKTOP)
    page = context.new_page()
    frames = FrameLog(context, page)
    opened = time.perf_counter()
    page.goto(url + "/peta?pemilu=pilkada-2024")
    wait_for_run(page, frames, opened)
    wait_for_map_drawn(page)
    result = {"open": payload(frames, opened)}
    changed = choose_election(page, "Pilkada Serentak 2020")
    wait_for_run(page, frames, changed)
    wait_for_map_drawn(page)
    result["change"] = payload(frames, changed)
    context.close()
    return result


def wait_for_map_drawn(page, timeout_ms: int = 60_000) -> None:
    """Wait for the choropleth's regions (Plotly's bundle loads lazily, then fetches the GeoJSON),
    then let the helpers give every chart and map time to finish."""
    page.wait_for_function(f"() => !!document.querySelector('{helpers.MAP_REGION}')", timeout=timeout_ms)
    helpers.wait_for_maps(page, timeout_ms)


def payload(frames: FrameLog, since: float) -> dict:
    """The map's payload since ``since``: websocket frames plus the app's data fetched over HTTP
    (the boundary file, when the figure names it by URL); the frontend's own code apart."""
    app_data = frames.http_since(since, app_data=True)
    websocket = frames.bytes_since(since)
    return {
        "total_kb": round((websocket + sum(size for size, _ in app_data)) / 1024, 1),
        "websocket_kb": round(websocket / 1024, 1),
        "websocket_frames": sum(1 for at, _, _ in frames.frames if at >= since),
        "largest_frame_kb": round(frames.largest_since(since) / 1024, 1),
        "app_data_http": [{"url": url.split("/", 3)[-1], "kb": round(size / 1024, 1)} for size, url in app_data],
        "frontend_code_kb": round(sum(size for size, _ in frames.http_since(since, app_data=False)) / 1024, 1),
    }


def measure(repeats: int, changes: int, keep_log_in: Path) -> dict:
    from playwright.sync_api import sync_playwright

    executable = helpers.chromium_path()
    if executable is None:
        raise SystemExit("no Chromium found (apt-get install chromium, or set PANTAU_CHROMIUM)")
    report: dict = {
        "first_page": [],
        "chromium": executable,
        "load_avg_1min_before": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=helpers.CHROMIUM_ARGS)
        server = None
        for script in reversed(SCRIPTS):  # the recommended way last: its server serves (b) and (c)
            for _ in range(repeats):
                if server is not None:
                    server.stop()
                result, server = first_page(chromium, keep_log_in, script)
                report["first_page"].append(result)
        try:
            report["warm_server_first_page"] = [warm_server_first_page(chromium, server.url) for _ in range(repeats)]
            report["filter_change_s"] = filter_changes(chromium, server.url, changes)
            report["filter_change_p50_s"] = round(statistics.median(report["filter_change_s"]), 2)
            report["map_payload"] = map_payload(chromium, server.url)
        finally:
            server.stop()
        chromium.close()
    worst = max(r["healthy_to_usable_s"] for r in report["first_page"] if r["script"] == SCRIPTS[0])
    report["target"] = {
        "first_page_usable_s_max": TARGET_FIRST_PAGE_S,
        "first_page_met": worst <= TARGET_FIRST_PAGE_S,
        "map_payload_kb_max": TARGET_MAP_KB,
        "map_payload_met": report["map_payload"]["open"]["total_kb"] <= TARGET_MAP_KB,
    }
    return report


def format_table(report: dict) -> str:
    rows = [
        "(a) fresh server, fresh browser context, Ringkasan (times after the server answered /_stcore/health)",
        f"{'run':<14}{'start→healthy':>14}{'→tiles':>8}{'→usable':>9}{'server run done':>16}"
        f"{'longest JS task':>16}{'JS long tasks':>14}{'ws KB':>7}",
    ]

    def row(name, r, start="-"):
        done = "-" if r["server_run_done_s"] is None else r["server_run_done_s"]
        usable = r.get("healthy_to_usable_s", r.get("goto_to_usable_s"))
        return (
            f"{name:<14}{start:>14}{r['tiles_shown_s']:>8}{usable:>9}{done:>16}"
            f"{r['browser_longest_task_s']:>16}{r['browser_long_tasks_total_s']:>14}{r['websocket_kb']:>7}"
        )

    for number, r in enumerate(report["first_page"], 1):
        rows.append(row(f"{number} {r['script']}", r, r["start_to_healthy_s"]))
    rows.append(f"same page, fresh context, {SCRIPTS[0]} server already warm (times after goto):")
    for number, r in enumerate(report.get("warm_server_first_page", []), 1):
        rows.append(row(f"w{number}", r))
    rows.append("")
    rows.append(
        f"(b) election change in the sidebar → updated charts: {report['filter_change_s']} s, "
        f"p50 {report['filter_change_p50_s']} s"
    )
    rows.append("(c) map page (/peta), bytes received by the browser:")
    for name, part in report["map_payload"].items():
        files = ", ".join(f"{f['url']} {f['kb']} KB" for f in part["app_data_http"]) or "none"
        rows.append(
            f"  {name:<7} total {part['total_kb']} KB = websocket {part['websocket_kb']} KB in "
            f"{part['websocket_frames']} frames (largest {part['largest_frame_kb']} KB) + app data over "
            f"HTTP: {files}; frontend code/fonts apart: {part['frontend_code_kb']} KB"
        )
    rows.append(
        f"machine: {report['cpus']} CPUs, 1-minute load average before the run {report['load_avg_1min_before']}"
    )
    target = report["target"]
    rows.append(
        f"target first page usable ≤ {target['first_page_usable_s_max']} s after healthy ({SCRIPTS[0]}): "
        f"{'MET' if target['first_page_met'] else 'NOT MET'}; map payload ≤ {target['map_payload_kb_max']} KB: "
        f"{'MET' if target['map_payload_met'] else 'NOT MET'}"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser_timing", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--changes", type=int, default=5)
    parser.add_argument("--out", type=Path, help="write the report as JSON here")
    args = parser.parse_args(argv)
    report = measure(args.repeats, args.changes, args.out.parent if args.out else ROOT / "artifacts")
    print(format_table(report))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"report: {args.out}")
    target = report["target"]
    return 0 if target["first_page_met"] and target["map_payload_met"] else 3


if __name__ == "__main__":
    sys.exit(main())
