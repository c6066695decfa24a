"""The code keeps one format and passes the linter (``ruff.toml``): run ``ruff format . && ruff
check --fix .`` before committing. Here so that the README's test command, and so CI, checks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    command = [shutil.which("ruff")] if shutil.which("ruff") else [sys.executable, "-m", "ruff"]
    return subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("check", [("check", "."), ("format", "--check", ".")], ids=["lint", "format"])
def test_ruff_finds_nothing(check):
    done = _ruff(*check)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
