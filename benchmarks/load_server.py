"""The Streamlit server a benchmark starts for itself, and what it cost (CPU, peak memory, log).

The server is the browser suite's (``tests/e2e/browser.streamlit_server``) pointed at the
working data directory (``PANTAU_DATA_DIR``, default ``data/``), so a benchmark measures the
data an operator would serve. Its log, which the e2e helper writes into the data directory,
is moved next to the benchmark's results when the server stops.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from analytics import demo, settings
from tests.e2e import browser

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class ServerHandle:
    url: str
    pid: int | None
    log_path: Path
    launched_at: float  # time.perf_counter() just before the process was started
    healthy_at: float  # first 200 from /_stcore/health

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, TypeError):
            return None
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def peak_rss_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except (OSError, TypeError):
            return None
        return None

    def log_tracebacks(self) -> int:
        try:
            return self.log_path.read_text(errors="replace").count("Traceback (most recent call last)")
        except OSError:
            return 0


def _child_server_pid(port: int) -> int | None:
    """The ``streamlit run`` child of this process that listens on ``port``."""
    me = str(os.getpid())
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            ppid = (proc / "stat").read_text().rsplit(")", 1)[1].split()[1]
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if ppid == me and b"streamlit" in cmdline and str(port).encode() in cmdline:
            return int(proc.name)
    return None


@contextlib.contextmanager
def own_server(keep_log_in: Path | None = None, timeout: float = 180.0):
    """Start ``streamlit run app.py`` on a free port of 127.0.0.1; yield a ServerHandle."""
    data_dir = settings.data_dir()
    demo.ensure_demo(settings.demo_dir(data_dir))
    port = browser.free_port()
    log_path = data_dir / f"streamlit-{port}.log"
    handle = None
    launched_at = time.perf_counter()
    try:
        with browser.streamlit_server(data_dir, port=port, timeout=timeout) as url:
            handle = ServerHandle(url, _child_server_pid(port), log_path, launched_at, time.perf_counter())
            yield handle
    finally:
        if log_path.exists():
            target = Path(keep_log_in or "/tmp") / log_path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(log_path), target)
            if handle is not None:
                handle.log_path = target
