"""The election cycles, pure: a cycle's label in a language and the previous comparable cycle
(same election type), read from the ``elections`` table (``queries.elections``). The sidebar, the
comparisons, the region profile and the briefing all ask here."""

from __future__ import annotations

import pandas as pd

from analytics.i18n import in_language


def _indexed(elections: pd.DataFrame) -> pd.DataFrame:
    return elections if elections.index.name == "election_id" else elections.set_index("election_id")


def labels(elections: pd.DataFrame, lang: str) -> dict[str, str]:
    """``{election_id: label}`` in ``lang``, in the table's order (most recent first)."""
    indexed = _indexed(elections)
    return dict(zip(indexed.index, indexed[in_language("label", lang)]))


def label(elections: pd.DataFrame, election_id: str | None, lang: str) -> str | None:
    """A cycle's label in ``lang``; None for no cycle."""
    if not election_id:
        return None
    return str(_indexed(elections).loc[election_id, in_language("label", lang)])


def previous(elections: pd.DataFrame, election_id: str | None) -> str | None:
    """The previous comparable cycle of ``election_id``, if it has one."""
    if not election_id:
        return None
    found = _indexed(elections)["previous_election_id"].get(election_id)
    return found if isinstance(found, str) and found else None
