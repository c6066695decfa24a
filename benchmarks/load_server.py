"""The Streamlit server a benchmark starts for itself, and what it cost (CPU, peak memory, log).

The server is the browser suite's (``tests/e2e/browser.streamlit_server``) pointed at the
working data directory (``PANTAU_DATA_DIR``, default ``data/``), so a benchmark measures the
data an operator would serve. Its log is kept next to the benchmark's results.
"""

from __future__ import annotations

import contextlib
import os
import queue
import tempfile
import threading
import time
import urllib.request
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
def own_server(
    keep_log_in: Path | None = None, timeout: float = 180.0, port: int | None = None, script: str = "app.py"
):
    """Start ``streamlit run <script>`` on 127.0.0.1 (a free port unless given); yield a ServerHandle.
    The server's log goes to ``keep_log_in`` (default: the system's temporary folder)."""
    data_dir = settings.data_dir()
    demo.ensure_demo(settings.demo_dir(data_dir))
    port = port or browser.free_port()
    log_dir = Path(keep_log_in or tempfile.gettempdir())
    log_dir.mkdir(parents=True, exist_ok=True)
    launched_at = time.perf_counter()
    with browser.streamlit_server(data_dir, port=port, timeout=timeout, log_dir=log_dir, script=script) as url:
        yield ServerHandle(
            url, _child_server_pid(port), log_dir / f"streamlit-{port}.log", launched_at, time.perf_counter()
        )


class BackgroundServer:
    """``own_server`` entered on a thread, so that the caller can watch the start up close
    (its own fine-grained health polling) instead of waiting for the helper's coarse one."""

    def __init__(self, keep_log_in: Path | None = None, script: str = "app.py") -> None:
        self.port = browser.free_port()
        self.script = script
        self.url = f"http://127.0.0.1:{self.port}"
        self._keep_log_in = keep_log_in
        self._ready: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name=f"server-{self.port}", daemon=True)

    def _serve(self) -> None:
        try:
            with own_server(keep_log_in=self._keep_log_in, port=self.port, script=self.script) as handle:
                self._ready.put(handle)
                self._stop.wait()
        except BaseException as failure:  # handed to the caller
            self._ready.put(failure)

    def start(self) -> BackgroundServer:
        self._thread.start()
        return self

    def wait_healthy(self, timeout: float = 180.0, poll: float = 0.02) -> float:
        """Poll /_stcore/health every ``poll`` seconds; return the perf_counter of the first 200."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        return time.perf_counter()
            if not self._thread.is_alive():
                break
            time.sleep(poll)
        raise TimeoutError(f"{self.url} did not become healthy")

    def handle(self, timeout: float = 180.0) -> ServerHandle:
        item = self._ready.get(timeout=timeout)
        if isinstance(item, BaseException):
            raise item
        self._ready.put(item)
        return item

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
