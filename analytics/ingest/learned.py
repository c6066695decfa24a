"""What a steward taught the importer: their office's column names and words, remembered.

On Kelola data a steward maps a column the importer did not recognise to a catalog field
("Nama Acara" → title), and a value it did not recognise to a vocabulary entry ("Apel siaga" →
ikrar_pakta). Those choices are kept in ``<data dir>/imports/learned.json`` and used for every
later file of the same deployment (one deployment is one organisation), beside
``aliases.yaml``. Written names are kept normalised (``headers.normalise``), so "Nama  Acara" is
the same name. A choice never overrides a catalog column name or a built-in alias.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from analytics import settings
from analytics.ingest.headers import normalise

FILE_NAME = "learned.json"


@dataclass
class Learned:
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> {written header: column}
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> {written value: code}

    def with_header(self, table: str, written: str, column: str) -> Learned:
        headers = {t: dict(m) for t, m in self.headers.items()}
        headers.setdefault(table, {})[normalise(written)] = column
        return Learned(headers, {c: dict(m) for c, m in self.values.items()})

    def with_value(self, column: str, written: str, code: str) -> Learned:
        values = {c: dict(m) for c, m in self.values.items()}
        values.setdefault(column, {})[normalise(written)] = code
        return Learned({t: dict(m) for t, m in self.headers.items()}, values)


def path(data_dir: Path | None = None) -> Path:
    return Path(data_dir or settings.data_dir()) / "imports" / FILE_NAME


def load(data_dir: Path | None = None) -> Learned:
    """The deployment's remembered names; none when the file is missing or unreadable."""
    try:
        raw = json.loads(path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Learned()
    headers = {str(t): {str(k): str(v) for k, v in (m or {}).items()} for t, m in (raw.get("headers") or {}).items()}
    values = {str(c): {str(k): str(v) for k, v in (m or {}).items()} for c, m in (raw.get("values") or {}).items()}
    return Learned(headers, values)


def save(learned: Learned, data_dir: Path | None = None) -> None:
    """Write atomically (a reader sees the old file or the new one, never half)."""
    target = path(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {"headers": learned.headers, "values": learned.values}, ensure_ascii=False, indent=1, sort_keys=True
    )
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".learned-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, target)
