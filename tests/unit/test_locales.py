"""One text catalog per language, and both say the same things."""

from __future__ import annotations

import re
import string

import yaml

from analytics import i18n


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogs_have_the_same_keys_in_the_same_order():
    catalogs = {
        lang: yaml.safe_load((i18n.LOCALES_DIR / f"{lang}.yaml").read_text(encoding="utf-8")) for lang in i18n.LANGUAGES
    }
    assert list(catalogs["id"]) == list(catalogs["en"])
    assert all(isinstance(text, str) and text.strip() for catalog in catalogs.values() for text in catalog.values())


def test_both_languages_put_in_the_same_values():
    """A {placeholder} missing from one language would leave a value out (or fail at run time)."""
    differing = {
        key: (_fields(texts["id"]), _fields(texts["en"]))
        for key, texts in i18n.TEXT.items()
        if _fields(texts["id"]) != _fields(texts["en"])
    }
    assert differing == {}


def test_an_unknown_key_fails_loudly():
    try:
        i18n.t("no_such_key_anywhere", "id")
    except KeyError:
        return
    raise AssertionError("an unknown key must raise")


def test_acronyms_stay_in_capitals_in_indonesian_text():
    lowered = {
        key: text
        for key, text in i18n.CATALOGS["id"].items()
        if re.search(r"(?<![\w/{.-])(asn|ppk|bkn|kasn|pns|pppk)(?![\w}])", text)
    }
    assert lowered == {}


def test_no_page_builds_its_text_by_language_branches():
    """Pages take their words from the catalogs (``t``) and bilingual columns by ``in_language``;
    an ``if lang == "en"`` in a page is text kept outside the catalogs."""
    from analytics.settings import REPO_DIR

    branching = re.compile(r"""lang\s*==\s*["'](en|id)["']|["'](en|id)["']\s*==\s*lang""")
    found = {
        path.name: n
        for path in sorted((REPO_DIR / "pages").glob("*.py")) + [REPO_DIR / "app.py"]
        if (n := len(branching.findall(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_a_label_inside_a_sentence_keeps_its_acronyms():
    from analytics.text import in_sentence

    assert in_sentence("Terbukti per 1.000 ASN") == "terbukti per 1.000 ASN"
    assert in_sentence("Tingkat tindak lanjut PPK") == "tingkat tindak lanjut PPK"
    assert in_sentence("Jumlah kasus dilaporkan") == "jumlah kasus dilaporkan"


def test_a_title_is_one_line():
    """A catalog entry named ..._title is a heading: a second line is text that lost its own key."""
    multi = {key: text for key, text in i18n.CATALOGS["id"].items() if key.endswith("_title") and "\n" in text}
    assert multi == {}


def test_every_published_unit_has_its_words_in_both_languages():
    import pandas as pd

    from analytics.settings import REPO_DIR

    units = set(pd.read_csv(REPO_DIR / "data" / "published_figures.csv")["unit"].dropna())
    untranslated = {
        unit
        for unit in units
        if i18n.figure_unit(unit, "id") == unit and not unit.isupper() and unit != "kabupaten/kota"
    }  # already Indonesian
    assert untranslated == set()
    assert i18n.figure_unit("cases", "id") == "kasus" and i18n.figure_unit("cases", "en") == "cases"
