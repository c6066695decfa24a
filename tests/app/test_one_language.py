"""A page in Bahasa Indonesia speaks Bahasa Indonesia, and in English English: the page's own
words (titles, headers, captions, labels, notices, buttons) carry none of the other language's
common words. Text from data (an event's title, a publisher) is the source's own and is not read."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import ANALYST_PAGES, APP, PAGES, app_data_dir, as_analyst  # noqa: F401 (fixture)

ENGLISH = {
    "the",
    "and",
    "with",
    "from",
    "cases",
    "case",
    "rows",
    "sources",
    "licence",
    "source",
    "which",
    "not",
    "per cent",
    "page not found",
    "denominator",
    "index score",
    "as stated",
    "data as of",
    "synthetic demo",
}
INDONESIAN = {
    "dan",
    "yang",
    "dengan",
    "dari",
    "kasus",
    "tidak",
    "belum",
    "sumber",
    "baris",
    "lisensi",
    "untuk",
    "pada",
    "sintetis",
}  # not "wilayah": the boundaries' source is the repository cahyadsn/wilayah


def _own_words(at: AppTest) -> list[str]:
    texts = [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.subheader]
    texts += [e.value for e in at.caption] + [e.value for e in at.info] + [e.value for e in at.warning]
    texts += [e.label for e in at.metric] + [str(e.delta or "") for e in at.metric]
    texts += [e.label for e in at.button] + [e.label for e in at.selectbox] + [e.label for e in at.expander]
    return [str(text) for text in texts]


def _found(texts: list[str], words: set[str]) -> set[str]:
    # a link's text is the title of a source, in the source's own language
    joined = re.sub(r"\[[^\]]*\]\([^)]*\)", " ", " ".join(texts)).lower()
    return {word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", joined)}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_page_speaks_one_language(app_data_dir, monkeypatch, page, lang):  # noqa: F811
    monkeypatch.setenv("PANTAU_DATA_DIR", str(app_data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    if page in ANALYST_PAGES:
        as_analyst(at)
    at.query_params["pemilu"] = "pilkada-2024"
    at.query_params["lang"] = lang
    at.switch_page(page).run()
    assert not at.exception, at.exception
    other = ENGLISH if lang == "id" else INDONESIAN
    assert _found(_own_words(at), other) == set()
