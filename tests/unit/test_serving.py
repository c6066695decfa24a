"""The served data of one directory: the current version looked up at most once per interval, a
version that fails not retried, the last good one served meanwhile with the reason, and nothing
served only when there never was a good one."""

from __future__ import annotations

import pytest

from analytics import db, serving


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_failing_version_falls_back_to_the_last_good_one_and_is_not_retried(monkeypatch, tmp_path):
    versions = iter(["v1", "v2", "v2"])
    monkeypatch.setattr(db, "resolve_sources", lambda base: type("S", (), {"version": next(versions)})())
    opened = []

    def opener(base, version):
        opened.append(version)
        if version == "v2":
            raise db.DataError("violation_cases.parquet: damaged")
        return ("connection", version)

    clock = Clock()
    data = serving.ServedData(str(tmp_path), opener, clock=clock)
    assert data.connection() == ("connection", "v1") and data.problem is None
    assert data.connection() == ("connection", "v1")  # within the interval: no new lookup
    clock.now = 5.0
    assert data.connection() == ("connection", "v1")  # v2 cannot be read: v1 is served
    assert "damaged" in data.problem
    clock.now = 10.0
    assert data.connection() == ("connection", "v1")
    assert opened == ["v1", "v2"]  # v2 was tried once


def test_nothing_to_fall_back_to_is_unavailable(monkeypatch, tmp_path):
    monkeypatch.setattr(db, "resolve_sources", lambda base: (_ for _ in ()).throw(db.DataError("no data here")))
    data = serving.ServedData(str(tmp_path / "empty"), lambda base, version: None)
    with pytest.raises(serving.Unavailable, match="no data here"):
        data.connection()
