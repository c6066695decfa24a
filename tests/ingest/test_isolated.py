"""Uploads are checked in a child process within memory and time limits: the result is the same
as checking in the process, and past a limit the report says which, with nothing changed."""

from __future__ import annotations

from analytics.ingest import pipeline
from analytics.ingest.isolated import prepare_isolated
from tests.ingest.conftest import tree_digest
from tests.ingest.test_office_files import EVENTS


def _events(tmp_path):
    path = tmp_path / "kegiatan.csv"
    path.write_text(EVENTS, encoding="utf-8")
    return path


def test_checked_in_a_child_the_result_is_the_same(data_dir, tmp_path):
    path = _events(tmp_path)
    here = pipeline.prepare("socialization_events", path, data_dir=data_dir)
    there = prepare_isolated("socialization_events", path, data_dir=data_dir)
    assert there.ok and (there.added, there.skipped) == (here.added, here.skipped) == (3, 0)
    assert there.result.equals(here.result)
    assert pipeline.commit(there, who="uji", data_dir=data_dir) is not None  # the parent commits it


def test_past_the_memory_limit_the_check_is_stopped_and_nothing_changes(data_dir, tmp_path):
    before = tree_digest(data_dir)
    # the child's own libraries already take more than 40 MB: the watch stops it at once
    stopped = prepare_isolated("socialization_events", _events(tmp_path), data_dir=data_dir, memory_mb=40)
    assert [p.code for p in stopped.problems] == ["limit_memory"]
    assert "40 MB" in stopped.problems[0].message("id") and not stopped.changes_anything
    assert tree_digest(data_dir) == before


def test_past_the_time_limit_the_check_is_stopped(data_dir, tmp_path):
    stopped = prepare_isolated("socialization_events", _events(tmp_path), data_dir=data_dir, seconds=0.05)
    assert [p.code for p in stopped.problems] == ["limit_time"]
    assert "0.05 detik" in stopped.problems[0].message("id")


def test_the_child_does_not_run_the_servers_main_script(data_dir, tmp_path, monkeypatch):
    """Under ``streamlit run`` the parent's ``__main__`` is the app's script, which a spawned child
    would run again first. A main script that fails there must not turn a good file into a refused
    one (the child dying before it reads reads as out of memory)."""
    import sys
    import types

    script = tmp_path / "served_script.py"
    script.write_text("raise RuntimeError('the app script ran in the child')\n", encoding="utf-8")
    served_main = types.ModuleType("__main__")
    served_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", served_main)
    checked = prepare_isolated("socialization_events", _events(tmp_path), data_dir=data_dir)
    assert checked.ok, [p.code for p in checked.problems]
    assert sys.modules["__main__"] is served_main  # the parent's own main is back
