"""Streamlit's websocket protocol, as much of it as a load driver needs.

The browser talks to ``/_stcore/stream`` in binary protobufs that ship inside the streamlit
package: it sends a ``BackMsg`` whose ``rerun_script`` is a ``ClientState`` (query string,
widget states, page) and receives ``ForwardMsg``\\ s: ``new_session``, ``navigation``,
``delta`` (one element or block each), ``page_info_changed`` (the script rewrote the URL)
and finally ``script_finished``. Nothing here touches the network, so it can be tested with
hand-built messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.RootContainer_pb2 import MAIN
from streamlit.proto.WidgetStates_pb2 import WidgetState

#: The websocket subprotocol the frontend asks for (the second and third entries would carry
#: an XSRF token and a session id to resume; a fresh session needs neither).
SUBPROTOCOL = "streamlit"
STREAM_PATH = "/_stcore/stream"

FINISHED_SUCCESSFULLY = ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_WITH_COMPILE_ERROR = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
FINISHED_EARLY_FOR_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN


def stream_url(http_url: str) -> str:
    """``http://host:port`` -> ``ws://host:port/_stcore/stream``."""
    base = http_url.rstrip("/")
    if base.startswith("https://"):
        return "wss://" + base[len("https://") :] + STREAM_PATH
    return "ws://" + base.removeprefix("http://") + STREAM_PATH


def rerun_message(
    query_string: str = "", page_script_hash: str = "", page_name: str = "", widgets: list[WidgetState] | tuple = ()
) -> bytes:
    """A serialized ``BackMsg`` asking for a script run, as the frontend sends it.

    On opening a URL the frontend knows only the page's URL path (``page_name``); after the
    first run it names the page by the ``page_script_hash`` from the ``navigation`` message.
    ``widgets`` are the widget values the browser holds (a changed one is how a filter changes).
    """
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    state.page_script_hash = page_script_hash
    state.page_name = page_name
    state.widget_states.widgets.extend(widgets)
    state.context_info.timezone = "Asia/Makassar"
    state.context_info.locale = "id-ID"
    return msg.SerializeToString()


def selectbox_value(widget_id: str, option_label: str) -> WidgetState:
    """A selectbox's value as the frontend sends it: the option's displayed label."""
    return WidgetState(id=widget_id, string_value=option_label)


def widget_key(widget_id: str) -> str | None:
    """The user key of a keyed widget: ``$$ID-<hash>-f_election`` -> ``f_election``."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" else None


@dataclass
class Selectbox:
    widget_id: str
    label: str
    options: list[str]
    current: str | None  # the option shown as selected


@dataclass
class RunRecord:
    """What one script run sent back to the browser."""

    messages: int = 0
    bytes: int = 0
    deltas: int = 0
    main_headings: list[str] = field(default_factory=list)
    metrics: int = 0
    plotly_charts: int = 0
    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    restarts: int = 0  # FINISHED_EARLY_FOR_RERUN (an st.rerun inside the script)
    status: int | None = None
    page_not_found: bool = False
    page_script_hash: str = ""
    query_string: str | None = None
    selectboxes: dict[str, Selectbox] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.status in (FINISHED_SUCCESSFULLY, FINISHED_WITH_COMPILE_ERROR)

    @property
    def errors(self) -> list[str]:
        """Everything in this run that a user would see as the app failing."""
        found = [f"exception: {text}" for text in self.exceptions]
        if self.status == FINISHED_WITH_COMPILE_ERROR:
            found.append("script_finished: FINISHED_WITH_COMPILE_ERROR")
        if self.page_not_found:
            found.append("page_not_found")
        if self.status == FINISHED_SUCCESSFULLY and not self.main_headings:
            found.append("no page title in the main area (the page did not render)")
        return found


def exception_text(element) -> str:
    exc = element.exception
    return f"{exc.type}: {exc.message}".strip(": ")


def observe(record: RunRecord, data: bytes) -> ForwardMsg:
    """Parse one websocket frame into ``record``; return the parsed ForwardMsg."""
    msg = ForwardMsg()
    msg.ParseFromString(data)
    record.messages += 1
    record.bytes += len(data)
    kind = msg.WhichOneof("type")
    if kind == "delta":
        record.deltas += 1
        if msg.delta.WhichOneof("type") == "new_element":
            _observe_element(record, msg.delta.new_element, list(msg.metadata.delta_path))
    elif kind == "script_finished":
        if msg.script_finished == FINISHED_EARLY_FOR_RERUN:
            record.restarts += 1
        else:
            record.status = msg.script_finished
    elif kind == "navigation":
        record.page_script_hash = msg.navigation.page_script_hash
    elif kind == "new_session" and msg.new_session.page_script_hash:
        record.page_script_hash = record.page_script_hash or msg.new_session.page_script_hash
    elif kind == "page_info_changed":
        record.query_string = msg.page_info_changed.query_string
    elif kind == "page_not_found":
        record.page_not_found = True
    return msg


def _observe_element(record: RunRecord, element, delta_path: list[int]) -> None:
    kind = element.WhichOneof("type")
    if kind == "exception":
        (record.warnings if element.exception.is_warning else record.exceptions).append(exception_text(element))
    elif kind == "heading" and delta_path[:1] == [MAIN]:
        record.main_headings.append(element.heading.body)
    elif kind == "metric":
        record.metrics += 1
    elif kind == "plotly_chart":
        record.plotly_charts += 1
    elif kind == "selectbox":
        box = element.selectbox
        key = widget_key(box.id)
        if key:
            options = list(box.options)
            current = box.raw_value or None
            if current is None and box.HasField("default") and box.default < len(options):
                current = options[box.default]
            record.selectboxes[key] = Selectbox(box.id, box.label, options, current)
