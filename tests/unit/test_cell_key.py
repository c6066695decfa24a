"""The cell-key method's parts: the deployment secret, the record keys, the adjustment table."""

from __future__ import annotations

import os
import stat

import numpy as np
import pytest

from analytics import cell_key


def test_the_adjustment_follows_its_table_and_is_unbiased():
    keys = np.random.default_rng(1).integers(0, cell_key.KEY_MODULUS, 200_000)
    counts = np.full(len(keys), 20.0)
    adjustments = cell_key.adjustment(counts, keys)
    for value, probability in cell_key.ADJUSTMENTS.items():
        assert abs((adjustments == value).mean() - probability) < 0.005, value
    assert abs(adjustments.mean()) < 0.02
    assert set(np.unique(adjustments)) <= set(cell_key.ADJUSTMENTS)


def test_the_same_cell_always_gets_the_same_adjustment_and_an_empty_one_none():
    counts = np.array([7.0, 7.0, 0.0, np.nan])
    keys = np.array([123456789, 123456789, 0, 0])
    first, second = cell_key.adjusted(counts, keys), cell_key.adjusted(counts, keys)
    assert np.array_equal(first[:3], second[:3]) and first[0] == first[1]
    assert first[2] == 0 and np.isnan(first[3])


def test_a_case_more_gives_an_unrelated_adjustment():
    """The key of a cell with one case more is another key: differences of nested cells move."""
    rng = np.random.default_rng(2)
    record_keys = rng.integers(0, cell_key.KEY_MODULUS, (5_000, 11))
    small = record_keys[:, :10].sum(axis=1) % cell_key.KEY_MODULUS
    large = record_keys.sum(axis=1) % cell_key.KEY_MODULUS
    difference = cell_key.adjusted(np.full(5_000, 11.0), large) - cell_key.adjusted(np.full(5_000, 10.0), small)
    assert 0.12 < (difference == 1).mean() < 0.25  # the true difference comes back a fifth of the time at most


def test_the_secret_is_made_once_kept_private_and_read_again(tmp_path, monkeypatch):
    monkeypatch.delenv(cell_key.SECRET_ENV, raising=False)
    made = cell_key.secret(tmp_path)
    path = tmp_path / cell_key.SECRET_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert cell_key.secret(tmp_path) == made and len(made) == 64
    monkeypatch.setenv(cell_key.SECRET_ENV, "ab" * 20)
    assert cell_key.secret(tmp_path) == "ab" * 20
    monkeypatch.setenv(cell_key.SECRET_ENV, "not hex; drop table")
    with pytest.raises(ValueError):
        cell_key.secret(tmp_path)


def test_record_keys_depend_on_the_secret(tmp_path, monkeypatch):
    import duckdb

    con = duckdb.connect()
    keys = [
        con.execute(f"SELECT {cell_key.record_key_sql(s, repr('K-1'))}").fetchone()[0] for s in ("aa" * 16, "bb" * 16)
    ]
    assert keys[0] != keys[1] and all(0 <= k < cell_key.KEY_MODULUS for k in keys)
    with pytest.raises(ValueError):
        cell_key.record_key_sql("x'; DROP TABLE cases; --")


def test_the_secret_is_never_in_the_repository():
    from analytics.settings import REPO_DIR

    ignored = (REPO_DIR / ".gitignore").read_text(encoding="utf-8")
    assert cell_key.SECRET_FILE in ignored
