"""An import publishes the light edition of the new data version where one is kept (a deployment
serves it), and nowhere else."""

from __future__ import annotations

from analytics import db, settings
from analytics.ingest.__main__ import main as ingest_main
from analytics.publish import site
from tests.ingest.samples import EVENT_HEADER, EVENT_ROWS, write_csv


def _quick_publish(calls):
    def publish(cur, out, version, app_url=None, threshold=None):
        out.mkdir(parents=True)
        (out / "VERSION").write_text(version)
        calls.append(version)

    return publish


def test_an_import_publishes_the_new_version_where_an_edition_is_kept(data_dir, tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(site, "publish", _quick_publish(calls))
    before = site.refresh(data_dir)
    current = site.current_dir(settings.light_dir(data_dir))
    assert current.resolve() == before.resolve()
    events = write_csv(tmp_path / "kegiatan.csv", EVENT_HEADER, EVENT_ROWS)
    assert ingest_main(["socialization_events", str(events)]) == 0
    after = db.resolve_sources(data_dir).version
    assert after != calls[0] and calls == [calls[0], after]
    assert (current / "VERSION").read_text() == after


def test_without_a_kept_edition_an_import_publishes_nothing(data_dir, tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(site, "publish", _quick_publish(calls))
    events = write_csv(tmp_path / "kegiatan.csv", EVENT_HEADER, EVENT_ROWS)
    assert ingest_main(["socialization_events", str(events)]) == 0
    assert calls == [] and not settings.light_dir(data_dir).exists()
