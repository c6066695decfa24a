"""Where a loaded server spends its time: ``streamlit run`` with a stack sampler inside.

py-spy is not available here, so a daemon thread samples ``sys._current_frames()`` every few
milliseconds (it needs the GIL to run, so a sample lands where a thread would give the GIL
up: a fair picture for a GIL-bound server) and writes a summary every few seconds:

    python -m benchmarks.load_profile --out artifacts/profile.txt -- --server.port 8601
    python -m benchmarks.load --url http://127.0.0.1:8601 ...

The summary counts, over the samples of threads that were working (not waiting in a selector,
a lock or a queue), the share of samples in which each function was on the stack
(inclusive) and at the top (self), for the script threads and the event loop separately.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1]) + "/"
IDLE_LEAVES = {
    "select",
    "poll",
    "wait",
    "_wait_for_tstate_lock",
    "get",
    "sleep",
    "acquire",
    "run_forever",
    "_run_once",
    "epoll",
    "recv_into",
    "accept",
    "readinto",
}


class StackSampler:
    def __init__(self, period: float = 0.005) -> None:
        self.period = period
        self.samples: Counter = Counter()  # thread kind -> working samples
        self.idle: Counter = Counter()
        self.inclusive: dict[str, Counter] = {}
        self.leaf: dict[str, Counter] = {}
        self.started = time.time()

    def sample_once(self) -> None:
        me = threading.get_ident()
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        for ident, frame in sys._current_frames().items():
            if ident == me:
                continue
            kind = _thread_kind(names.get(ident, "?"))
            if frame.f_code.co_name in IDLE_LEAVES:
                self.idle[kind] += 1
                continue
            self.samples[kind] += 1
            seen = set()
            leaf = True
            while frame is not None:
                name = _where(frame)
                if leaf:
                    self.leaf.setdefault(kind, Counter())[name] += 1
                    leaf = False
                if name not in seen:
                    self.inclusive.setdefault(kind, Counter())[name] += 1
                    seen.add(name)
                frame = frame.f_back

    def run(self, out: Path, write_every: float = 5.0) -> None:
        last_write = time.monotonic()
        while True:
            self.sample_once()
            time.sleep(self.period)
            if time.monotonic() - last_write > write_every:
                out.write_text(self.summary(), encoding="utf-8")
                last_write = time.monotonic()

    def summary(self, top: int = 40) -> str:
        lines = [f"stack samples every {self.period * 1000:g} ms for {time.time() - self.started:.0f} s"]
        for kind in sorted(self.samples):
            total = self.samples[kind]
            lines.append(f"\n== {kind}: {total} working samples, {self.idle[kind]} idle")
            lines.append("-- inclusive (share of working samples with the function on the stack)")
            for name, count in self.inclusive[kind].most_common(top):
                lines.append(f"{100 * count / total:6.1f}%  {name}")
            lines.append("-- self (function at the top of the stack)")
            for name, count in self.leaf[kind].most_common(top // 2):
                lines.append(f"{100 * count / total:6.1f}%  {name}")
        return "\n".join(lines) + "\n"


def _thread_kind(name: str) -> str:
    if name.startswith("ScriptRunner"):
        return "script threads"
    if name == "MainThread":
        return "main thread (event loop)"
    return "other threads"


def _where(frame) -> str:
    path = frame.f_code.co_filename
    for marker in ("site-packages/", ROOT, "/lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{frame.f_code.co_name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_profile")
    parser.add_argument("--out", type=Path, required=True, help="the summary, rewritten every few seconds")
    parser.add_argument("--period", type=float, default=0.005)
    parser.add_argument("streamlit_args", nargs="*", help="after --: more `streamlit run app.py` options")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sampler = StackSampler(args.period)
    threading.Thread(target=sampler.run, args=(args.out,), name="stack-sampler", daemon=True).start()

    from streamlit.web import cli

    sys.argv = [
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        *args.streamlit_args,
    ]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
