"""The load driver speaks Streamlit's websocket protocol: messages by hand, then a short real run."""

from __future__ import annotations

import json

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.RootContainer_pb2 import MAIN, SIDEBAR

from analytics import demo
from benchmarks import load, load_stats
from benchmarks import ws_protocol as proto
from tests.e2e import browser


def frame(build) -> bytes:
    msg = ForwardMsg()
    build(msg)
    return msg.SerializeToString()


def element(path: list[int], fill) -> bytes:
    def build(msg):
        msg.metadata.delta_path.extend(path)
        fill(msg.delta.new_element)

    return frame(build)


def test_an_exception_element_is_an_error_and_a_warning_is_not():
    record = proto.RunRecord()
    proto.observe(
        record,
        element(
            [MAIN, 3], lambda e: (setattr(e.exception, "type", "KeyError"), setattr(e.exception, "message", "'pemilu'"))
        ),
    )
    proto.observe(
        record,
        element(
            [MAIN, 4],
            lambda e: (setattr(e.exception, "type", "DeprecationWarning"), setattr(e.exception, "is_warning", True)),
        ),
    )
    proto.observe(record, frame(lambda m: setattr(m, "script_finished", ForwardMsg.FINISHED_SUCCESSFULLY)))
    assert record.finished
    assert record.exceptions == ["KeyError: 'pemilu'"]
    assert record.warnings == ["DeprecationWarning"]
    assert any(error.startswith("exception: KeyError") for error in record.errors)
    assert not any("DeprecationWarning" in error for error in record.errors)


def test_a_clean_run_has_no_errors_and_its_title_comes_from_the_main_area():
    record = proto.RunRecord()
    proto.observe(record, element([SIDEBAR, 1], lambda e: setattr(e.heading, "body", "Filter")))
    assert record.main_headings == []
    proto.observe(record, element([MAIN, 0], lambda e: setattr(e.heading, "body", "Ringkasan")))
    proto.observe(record, frame(lambda m: setattr(m, "script_finished", ForwardMsg.FINISHED_SUCCESSFULLY)))
    assert record.main_headings == ["Ringkasan"] and record.errors == [] and record.deltas == 2


def test_a_run_without_its_title_or_with_a_compile_error_counts_as_an_error():
    empty = proto.RunRecord()
    proto.observe(empty, frame(lambda m: setattr(m, "script_finished", ForwardMsg.FINISHED_SUCCESSFULLY)))
    assert empty.errors and "no page title" in empty.errors[0]
    broken = proto.RunRecord()
    proto.observe(broken, frame(lambda m: setattr(m, "script_finished", ForwardMsg.FINISHED_WITH_COMPILE_ERROR)))
    assert broken.finished and "FINISHED_WITH_COMPILE_ERROR" in " ".join(broken.errors)


def test_a_restart_inside_the_script_does_not_end_the_run():
    record = proto.RunRecord()
    proto.observe(record, frame(lambda m: setattr(m, "script_finished", ForwardMsg.FINISHED_EARLY_FOR_RERUN)))
    assert not record.finished and record.restarts == 1


def test_selectboxes_are_read_by_their_widget_key_with_the_current_option():
    def fill(e):
        e.selectbox.id = "$$ID-0123abcd-f_election"
        e.selectbox.label = "Pemilu/Pilkada"
        e.selectbox.options.extend(["Semua siklus", "Pilkada Serentak 2024", "Pemilu 2024"])
        e.selectbox.default = 1

    record = proto.RunRecord()
    proto.observe(record, element([SIDEBAR, 2], fill))
    box = record.selectboxes["f_election"]
    assert box.widget_id == "$$ID-0123abcd-f_election" and box.current == "Pilkada Serentak 2024"
    assert proto.widget_key("no-key-here") is None


def test_a_filter_change_is_a_rerun_request_with_the_new_selectbox_value():
    data = proto.rerun_message(
        "pemilu=pilkada-2024",
        page_script_hash="abc",
        widgets=[proto.selectbox_value("$$ID-1-f_election", "Pemilu 2024")],
    )
    msg = BackMsg()
    msg.ParseFromString(data)
    state = msg.rerun_script
    assert msg.WhichOneof("type") == "rerun_script"
    assert state.query_string == "pemilu=pilkada-2024" and state.page_script_hash == "abc"
    assert [(w.id, w.string_value) for w in state.widget_states.widgets] == [("$$ID-1-f_election", "Pemilu 2024")]
    assert proto.stream_url("http://127.0.0.1:8501/") == "ws://127.0.0.1:8501/_stcore/stream"


def test_percentiles_interpolate_between_ranks():
    assert load_stats.percentile([], 50) is None
    assert load_stats.percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert load_stats.percentile([0.0, 10.0], 95) == pytest.approx(9.5)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("load_data")
    demo.ensure_demo(data_dir / "demo", cases=2000)
    with browser.streamlit_server(data_dir) as url:
        yield url


def test_two_sessions_change_filters_against_a_real_server(app_url, tmp_path, capsys):
    out = tmp_path / "load.json"
    samples_csv = tmp_path / "samples.csv"
    load.main(
        [
            "--url",
            app_url,
            "--sessions",
            "2",
            "--seconds",
            "6",
            "--interval",
            "1",
            "--pages",
            "ringkasan,jenis_pelanggaran",
            "--out",
            str(out),
            "--samples",
            str(samples_csv),
        ]
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "filter-change reruns" in capsys.readouterr().out
    reruns = report["reruns"]
    assert reruns["runs"] > 0
    assert report["errors_total"] == 0, report["error_examples"]
    assert 0 < reruns["p50_ms"] <= reruns["p95_ms"] <= reruns["max_ms"]
    assert report["runs_without_title"] == 0
    # the server really ran the pages: every timed run brought the page's own title
    rows = samples_csv.read_text(encoding="utf-8").splitlines()[1:]
    titles = {row.split(",")[7] for row in rows}
    assert titles == {"Ringkasan", "Jenis pelanggaran"}


def test_sessions_spread_over_several_servers_and_each_keeps_to_one(monkeypatch):
    """With several URLs (--servers N or --url a,b), session n always talks to URL n mod N: what
    a load balancer with sticky sessions does."""
    import asyncio

    placed: dict[int, list[str]] = {}

    async def fake_session(url, number, *args, **kwargs):
        placed.setdefault(number, []).append(url)

    monkeypatch.setattr(load, "drive_session", fake_session)
    monkeypatch.setattr(load, "election_ids", lambda: ["pilkada-2024"])
    asyncio.run(load.run_load(["http://a", "http://b"], 5, 0.0, 1.0))
    assert placed == {0: ["http://a"], 1: ["http://b"], 2: ["http://a"], 3: ["http://b"], 4: ["http://a"]}
