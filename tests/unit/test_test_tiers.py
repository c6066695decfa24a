"""Every test belongs to one tier, so that `python -m pytest -m "not e2e"` runs all the fast ones."""

from __future__ import annotations

import subprocess
import sys

from analytics.settings import REPO_DIR
from tests.conftest import TIERS


def test_every_test_carries_the_marker_of_its_tier():
    untiered = " and ".join(f"not {marker}" for marker in TIERS.values())
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", untiered],
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "no tests collected" in done.stdout or " 0 selected" in done.stdout or "deselected" in done.stdout
    collected = [line for line in done.stdout.splitlines() if "::" in line]
    assert collected == []
