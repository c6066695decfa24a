"""What a page fetches side by side (``data.prefetch``) is what it then asks: nothing fetched in vain,
and every register query the page asks under the usual filters was among them (so none waits for
another)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analytics.ui import data
from tests.app.test_pages import APP, as_analyst

PREFETCHING = {"pages/ringkasan.py": {}, "pages/sanksi.py": {}, "pages/profil_wilayah.py": {"provinsi": "63"}}
#: Asked only on a branch the prefetch cannot know in advance: the public trend falls back to months
#: when its weeks are mostly withheld.
MAY_FOLLOW = {("cases_over_time", (("bucket", "month"),))}


def _request(name, filters, extra) -> tuple:
    return (name, filters, tuple(sorted(extra.items())))


@pytest.mark.parametrize("analyst", [False, True])
@pytest.mark.parametrize("page", sorted(PREFETCHING))
def test_a_page_prefetches_what_it_asks(page, analyst, monkeypatch):
    prefetched, asked = [], []
    real_query = data.query

    def recording_prefetch(*requests):
        prefetched.extend(_request(*r) for r in requests)

    def recording_query(name, filters=None, **extra):
        asked.append(_request(name, filters, extra))
        return real_query(name, filters, **extra)

    monkeypatch.setattr(data, "prefetch", recording_prefetch)
    monkeypatch.setattr(data, "query", recording_query)
    app = AppTest.from_file(APP, default_timeout=60)
    if analyst:
        as_analyst(app)
    app.query_params["pemilu"] = "pilkada-2024"
    for key, value in PREFETCHING[page].items():
        app.query_params[key] = value
    at = app.run()
    asked.clear()
    prefetched.clear()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert prefetched, "the page prefetches nothing"
    page_asked = set(asked)
    assert set(prefetched) <= page_asked, set(prefetched) - page_asked  # nothing fetched in vain
    register = {r for r in page_asked if r[1] is not None and (r[0], r[2]) not in MAY_FOLLOW}
    not_prefetched = {r for r in register if r not in set(prefetched)}
    assert not_prefetched == set(), not_prefetched
