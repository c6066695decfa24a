"""The cell-key method: a fixed secret key per case, a deterministic adjustment per cell.

Every case of the register carries a *record key*, a number in ``[0, 2**32)`` derived from the
deployment's secret and the case id (SHA-256 of both, so nobody without the secret can work it
out). A cell of any table (a count of cases) gets a *cell key*: the sum of its cases' record
keys modulo ``2**32``, computed by the same SQL that counts them (``<count>_key`` columns). The
public sees ``count + adjustment(count, cell key)``: the same cases give the same cell key, so
the same cell always gets the same answer, whichever page, filter path or download asks for it,
and asking again never averages the adjustment away. A cell with one case more or less has an
unrelated key, so subtracting two published cells leaves two unknown adjustments, not a count.

The adjustment table (:data:`ADJUSTMENTS`) is symmetric (no bias), at most ``MAX_ADJUSTMENT``
either way. This follows the perturbation used by the Australian Bureau of Statistics in
TableBuilder; see README "Perlindungan angka publik".

The secret is the deployment's own: ``$PANTAU_CELL_KEY_SECRET``, else a file
``<data dir>/.cell_key_secret`` created on first use (git-ignored, readable by its owner only).
It is never shown and never committed. Changing it changes every adjusted number at once, which
is harmless, but it must be the same on every replica.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
from pathlib import Path

import numpy as np

SECRET_ENV = "PANTAU_CELL_KEY_SECRET"
SECRET_FILE = ".cell_key_secret"
KEY_MODULUS = 2**32

#: adjustment -> probability; symmetric, so adjusted totals are unbiased.
ADJUSTMENTS: dict[int, float] = {-3: 0.06, -2: 0.12, -1: 0.20, 0: 0.24, 1: 0.20, 2: 0.12, 3: 0.06}
MAX_ADJUSTMENT = max(ADJUSTMENTS)

_VALUES = np.array(sorted(ADJUSTMENTS), dtype="int64")
_CUMULATIVE = np.cumsum([ADJUSTMENTS[v] for v in sorted(ADJUSTMENTS)])
_CUMULATIVE[-1] = 1.0
_SECRET_SHAPE = re.compile(r"^[0-9a-f]{32,128}$")
_log = logging.getLogger(__name__)
_process_secret: str | None = None


def secret(data_dir: Path) -> str:
    """The deployment's secret (hex): from the environment, else from (or created in) the data
    directory. Where that cannot be written, a secret for this process only, with a warning:
    answers then stay the same within the process, and replicas must be given the variable."""
    configured = os.environ.get(SECRET_ENV, "").strip().lower()
    if configured:
        if not _SECRET_SHAPE.match(configured):
            raise ValueError(f"{SECRET_ENV} must be 32 to 128 hexadecimal characters")
        return configured
    path = Path(data_dir) / SECRET_FILE
    try:
        stored = path.read_text(encoding="ascii").strip()
        if _SECRET_SHAPE.match(stored):
            return stored
    except (OSError, UnicodeDecodeError):
        pass
    made = secrets.token_hex(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(made + "\n")
        return made
    except FileExistsError:
        return secret(data_dir)  # another process wrote it first: use theirs
    except OSError:
        global _process_secret
        if _process_secret is None:
            _log.warning("cell-key secret cannot be stored in %s; set %s on every replica", path.parent, SECRET_ENV)
            _process_secret = made
        return _process_secret


def fingerprint(value: str) -> str:
    """A short name for a secret that reveals nothing of it (part of the data version)."""
    return hashlib.sha256(f"fingerprint:{value}".encode()).hexdigest()[:8]


def record_key_sql(secret_value: str, case_id_column: str = "case_id") -> str:
    """The SQL expression of a case's record key. The secret is checked to be hexadecimal, so
    quoting it as a literal is safe (DDL takes no bound parameters)."""
    if not _SECRET_SHAPE.match(secret_value):
        raise ValueError("the cell-key secret must be hexadecimal")
    return f"('0x' || left(sha256('{secret_value}:' || {case_id_column}), 8))::BIGINT"


def adjustment(counts: np.ndarray, cell_keys: np.ndarray) -> np.ndarray:
    """The adjustment of each cell: a deterministic function of its count and cell key. An empty
    cell (count 0) is never adjusted."""
    counts = np.asarray(counts, dtype="float64")
    keys = np.nan_to_num(np.asarray(cell_keys, dtype="float64"), nan=0.0).astype("uint64")
    # mix the count into the key so that cells of different sizes do not move together
    mixed = (keys * np.uint64(2654435761) + np.nan_to_num(counts).astype("uint64") * np.uint64(40503)) % np.uint64(
        KEY_MODULUS
    )
    uniform = (mixed.astype("float64") + 0.5) / KEY_MODULUS
    chosen = _VALUES[np.searchsorted(_CUMULATIVE, uniform)]
    return np.where(np.nan_to_num(counts) > 0, chosen, 0)


def adjusted(counts: np.ndarray, cell_keys: np.ndarray) -> np.ndarray:
    """``counts`` with their adjustment (never below 0)."""
    counts = np.asarray(counts, dtype="float64")
    return np.where(np.isnan(counts), np.nan, np.maximum(counts + adjustment(counts, cell_keys), 0))
