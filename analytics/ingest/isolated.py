"""Checking an uploaded file in a child process, within memory and time limits.

Kelola data runs in the process that serves the public. A file made to exhaust memory or time
(a workbook declaring a million rows, a decompression bomb, a pathological CSV) must cost at most
the child: the child reads and validates (:func:`analytics.ingest.pipeline.prepare`, which writes
nothing) and sends the result back; the parent watches the child's resident memory every
:data:`POLL_SECONDS` and its running time, and ends it past :data:`MEMORY_MB` or
:data:`SECONDS`. The report then says which limit was reached, and nothing has changed.
Committing a checked import stays in the parent, as before.

The limits come from ``PANTAU_IMPORT_MEMORY_MB`` and ``PANTAU_IMPORT_SECONDS``. Resident memory is
watched rather than set as an address-space limit (RLIMIT_AS): the libraries reserve address space
they never use, and such a limit made ordinary imports fail.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import time
import types
from pathlib import Path

from analytics.catalog import load_catalog
from analytics.ingest.pipeline import Prepared, prepare
from analytics.ingest.problems import Problem
from analytics.ingest.store import sha256_of

MEMORY_MB = 1536
SECONDS = 180
POLL_SECONDS = 0.05
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def limits() -> tuple[int, float]:
    """(memory in MB, seconds) from the environment, or the defaults."""
    return (
        int(os.environ.get("PANTAU_IMPORT_MEMORY_MB", MEMORY_MB)),
        float(os.environ.get("PANTAU_IMPORT_SECONDS", SECONDS)),
    )


def _resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * _PAGE_BYTES / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


_STARTING = threading.Lock()


@contextlib.contextmanager
def _no_main_script():
    """Start a child without the parent's ``__main__``. A spawned child runs the parent's main
    script again before the target; under ``streamlit run`` that is the app's own script (Streamlit
    installs each script run as ``__main__``), which the child has no business running and which
    can fail there (the child then dies before it reads a byte, and the file would be reported as
    too large). With a bare ``__main__`` the child imports only what the target needs."""
    with _STARTING:
        parent_main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = parent_main


def _child(connection, table_name: str, path: str, kwargs: dict) -> None:
    try:
        connection.send(("ok", prepare(table_name, Path(path), **kwargs)))
    except MemoryError:
        connection.send(("memory", None))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which shows it as a problem
        connection.send(("error", f"{type(error).__name__}: {error}"[:300]))
    finally:
        connection.close()


def _refused(table_name: str, path: Path, mode: str, display_name: str | None, code: str, **params) -> Prepared:
    name = display_name or path.name
    digest = sha256_of(path) if path.is_file() else ""
    return Prepared(
        load_catalog()[table_name], name, digest, mode, None, None, None, [Problem(code, name, params=params)]
    )


def prepare_isolated(
    table_name: str, path: Path, *, memory_mb: int | None = None, seconds: float | None = None, **kwargs
) -> Prepared:
    """:func:`pipeline.prepare` in a child process; past a limit, a Prepared whose one problem
    says which (``limit_memory`` or ``limit_time``)."""
    default_memory, default_seconds = limits()
    memory_mb = memory_mb or default_memory
    seconds = seconds or default_seconds
    path = Path(path)
    mode = kwargs.get("mode", "append")
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, table_name, str(path), kwargs), daemon=True)
    started = time.monotonic()
    with _no_main_script():
        child.start()
    sender.close()
    peak = 0.0
    try:
        while True:
            if receiver.poll(POLL_SECONDS):
                try:
                    kind, payload = receiver.recv()
                except EOFError:  # the child died without a word: out of memory
                    kind, payload = "memory", None
                break
            peak = max(peak, _resident_mb(child.pid))
            if peak > memory_mb:
                kind, payload = "memory", None
                break
            if time.monotonic() - started > seconds:
                kind, payload = "time", None
                break
            if not child.is_alive() and not receiver.poll(0):
                kind, payload = "memory", None  # killed by the system before it could answer
                break
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    display_name = kwargs.get("display_name")
    if kind == "ok":
        return payload
    if kind == "memory":
        return _refused(table_name, path, mode, display_name, "limit_memory", limit_mb=memory_mb)
    if kind == "time":
        return _refused(table_name, path, mode, display_name, "limit_time", limit_s=f"{seconds:g}")
    return _refused(table_name, path, mode, display_name, "unreadable", detail=payload)
