"""Fixtures for the import tests: a fresh data directory with a small demo register."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analytics import demo


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo_template")
    demo.ensure_demo(folder / "demo", cases=300)
    return folder


@pytest.fixture()
def data_dir(tmp_path, demo_template, monkeypatch) -> Path:
    folder = tmp_path / "data"
    (folder / "demo").mkdir(parents=True)
    for path in (demo_template / "demo").iterdir():
        (folder / "demo" / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("PANTAU_DATA_DIR", str(folder))
    return folder


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: equal digests mean byte-for-byte unchanged."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }
