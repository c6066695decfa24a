"""Labels of codes in the current language, for every breakdown dimension."""

from __future__ import annotations

from analytics.i18n import in_language, t
from analytics.ui import data
from analytics.ui.session import language

REFERENCE_TABLES = {"category": "categories", "position": "positions"}
TEXT_PREFIXES = {"agency_level": "", "medium": "medium_", "intake": "intake_", "asn_status": ""}


def code_labels(dimension: str, codes) -> dict[str, str]:
    """``{code: label}`` for the codes of ``dimension``; unknown codes are shown as they are."""
    lang = language()
    if dimension in REFERENCE_TABLES:
        table = data.query(REFERENCE_TABLES[dimension]).set_index("code")
        column = in_language("label", lang)
        known = table[column].to_dict()
        return {code: known.get(code, code) for code in codes}
    prefix = TEXT_PREFIXES[dimension]
    labels = {}
    for code in codes:
        try:
            labels[code] = t(f"{prefix}{code}", lang) if dimension != "asn_status" else code
        except KeyError:
            labels[code] = code
    return labels
