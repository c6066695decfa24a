"""An import killed part-way leaves the previous version intact and serving."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from analytics import db
from analytics.ingest.__main__ import main as ingest_main
from analytics.ingest.store import VersionStore
from analytics.settings import REPO_DIR
from tests.ingest.samples import CASE_HEADER, CASE_ROWS, write_csv

POINTS = ["after_table_write", "before_rename", "after_rename"]


def run_cli(args, env_extra, wait=True):
    env = dict(os.environ, **env_extra)
    command = [sys.executable, "-m", "analytics.ingest", *args]
    if wait:
        return subprocess.run(command, cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=120)
    return subprocess.Popen(command, cwd=REPO_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def served_cases(data_dir) -> int:
    con = db.connect(db.resolve_sources(data_dir))
    try:
        return con.execute("SELECT count(*) FROM violation_cases").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("point", POINTS)
def test_a_kill_at_each_point_keeps_the_previous_version_serving(data_dir, tmp_path, point):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS[:2]))]) == 0
    store = VersionStore(data_dir)
    before = store.current()
    second = write_csv(tmp_path / "b.csv", CASE_HEADER, CASE_ROWS)
    result = run_cli(["violation_cases", str(second)], {"PANTAU_INGEST_FAULT": point, "PANTAU_DATA_DIR": str(data_dir)})
    assert result.returncode == 137, result.stderr
    assert store.current().name == before.name
    assert served_cases(data_dir) == 2
    assert [v.name for v in store.versions()] == ["v0001"]
    # the next import succeeds, cleaning what the killed one left
    assert ingest_main(["violation_cases", str(second)]) == 0
    assert store.current().name == "v0002"
    assert served_cases(data_dir) == 5
    assert not list((data_dir / "imports").glob(".staging-*"))


def test_sigkill_while_writing_keeps_the_previous_version(data_dir, tmp_path):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS[:2]))]) == 0
    flag = tmp_path / "paused"
    process = run_cli(
        ["violation_cases", str(write_csv(tmp_path / "b.csv", CASE_HEADER, CASE_ROWS))],
        {
            "PANTAU_INGEST_FAULT": "pause:before_rename",
            "PANTAU_INGEST_PAUSED": str(flag),
            "PANTAU_DATA_DIR": str(data_dir),
        },
        wait=False,
    )
    deadline = time.monotonic() + 60
    while not flag.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert flag.exists(), "the import never reached the pause point"
    assert list((data_dir / "imports").glob(".staging-*")), "the new version was being written"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert VersionStore(data_dir).current().name == "v0001"
    assert served_cases(data_dir) == 2
