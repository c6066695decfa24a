"""One simulated browser session over Streamlit's websocket: open a page, then rerun it.

A run is timed from sending the ``rerun_script`` BackMsg to receiving ``script_finished``
(FINISHED_SUCCESSFULLY). The session waits for each run to finish before it sends the next
one, as a user waits for the page to settle before touching the next filter.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field

from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

from benchmarks import ws_protocol as proto


@dataclass
class Sample:
    """One timed run."""

    session: int
    page: str
    action: str  # "open" or "change <widget key>"
    started: float  # seconds since the load began
    latency: float | None  # seconds; None when the run never finished
    deltas: int = 0
    bytes: int = 0
    title: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class SessionFailed(Exception):
    """The websocket failed or a run did not finish in time."""


class Session:
    def __init__(
        self,
        http_url: str,
        number: int,
        page: str,
        query_string: str,
        *,
        timeout: float = 30.0,
        clock_zero: float | None = None,
    ) -> None:
        self.url = proto.stream_url(http_url)
        self.number = number
        self.page = page
        self.query_string = query_string
        self.timeout = timeout
        self.clock_zero = time.perf_counter() if clock_zero is None else clock_zero
        self.page_script_hash = ""
        self.chosen: dict[str, str] = {}  # widget key -> option label the "browser" holds
        self.last_run = proto.RunRecord()
        self._unfinished: proto.RunRecord | None = None  # a run that timed out
        self._ws = None
        self._inbox: asyncio.Queue[bytes | Exception] = asyncio.Queue()
        self._reader: asyncio.Task | None = None

    async def __aenter__(self) -> Session:
        # No client pings: a browser never sends them (the server pings and the library answers).
        self._ws = await asyncio.wait_for(
            connect(
                self.url,
                subprotocols=[proto.SUBPROTOCOL],
                max_size=None,
                ping_interval=None,
                compression=None,
                open_timeout=self.timeout,
            ),
            self.timeout,
        )
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc_info) -> None:
        if self._reader:
            self._reader.cancel()
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ws.close(), 5)

    async def _read(self) -> None:
        try:
            async for frame in self._ws:
                self._inbox.put_nowait(frame)
            self._inbox.put_nowait(SessionFailed("websocket closed by the server"))
        except WebSocketException as failure:
            self._inbox.put_nowait(SessionFailed(f"websocket: {failure!r}"))

    async def _finish(self, record: proto.RunRecord, deadline: float) -> bool:
        """Read frames into ``record`` until its run finishes (True) or ``deadline`` passes."""
        while not record.finished:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return False
            try:
                frame = await asyncio.wait_for(self._inbox.get(), remaining)
            except TimeoutError:
                return False
            if isinstance(frame, Exception):
                raise frame
            proto.observe(record, frame)
        return True

    def _adopt(self, record: proto.RunRecord) -> None:
        """Take what the browser would keep from a finished run: its widgets, page and URL."""
        self.last_run = record
        self.page_script_hash = record.page_script_hash or self.page_script_hash
        if record.query_string is not None:
            self.query_string = record.query_string

    async def settle(self) -> list[str]:
        """Before the next run: let a run that timed out finish (a user waits for the page),
        and read what arrived between runs (normally only status changes). Returns errors
        seen there."""
        errors: list[str] = []
        if self._unfinished is not None:
            record, self._unfinished = self._unfinished, None
            if not await self._finish(record, time.perf_counter() + self.timeout):
                raise SessionFailed(f"a run did not finish within {2 * self.timeout:g} s")
            errors += record.errors
            self._adopt(record)
        stray = proto.RunRecord()
        while not self._inbox.empty():
            frame = self._inbox.get_nowait()
            if isinstance(frame, Exception):
                raise frame
            proto.observe(stray, frame)
        return errors + [f"exception: {text}" for text in stray.exceptions]

    async def run(self, action: str, message: bytes) -> Sample:
        """Send one rerun request and wait for its run to finish."""
        errors = await self.settle()
        record = proto.RunRecord()
        started = time.perf_counter()
        sample = Sample(self.number, self.page, action, started - self.clock_zero, None)
        try:
            await self._ws.send(message)
        except WebSocketException as failure:
            raise SessionFailed(f"websocket send: {failure!r}") from failure
        if await self._finish(record, started + self.timeout):
            sample.latency = time.perf_counter() - started
            sample.title = record.main_headings[0] if record.main_headings else ""
            sample.warnings = record.warnings
            errors += record.errors
            self._adopt(record)
        else:
            errors.append(f"timeout: no script_finished within {self.timeout:g} s")
            self._unfinished = record
        sample.deltas, sample.bytes = record.deltas, record.bytes
        sample.errors = errors
        return sample

    def _widget_states(self) -> list[WidgetState]:
        """Every value this "browser" has chosen, under the widget ids of the last run (a
        widget's id can change when its options do)."""
        boxes = self.last_run.selectboxes
        return [
            proto.selectbox_value(boxes[key].widget_id, label) for key, label in self.chosen.items() if key in boxes
        ]

    async def open(self) -> Sample:
        """Open the page as a browser does on loading ``/<page>?<query>``."""
        page_name = "" if self.page == "ringkasan" else self.page
        self.chosen = {}  # a fresh page load holds no widget values yet
        return await self.run("open", proto.rerun_message(self.query_string, page_name=page_name))

    async def choose(self, key: str, option_label: str) -> Sample:
        """Pick ``option_label`` in the selectbox with widget key ``key`` (as seen in the last run)."""
        if key not in self.last_run.selectboxes:
            raise SessionFailed(f"no selectbox {key!r} in the last run")
        self.chosen[key] = option_label
        message = proto.rerun_message(
            self.query_string, page_script_hash=self.page_script_hash, widgets=self._widget_states()
        )
        return await self.run(f"change {key}", message)
