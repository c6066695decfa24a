"""A chart as it leaves the app (a PNG, a slide): it carries its own context, so that a forwarded
image still says what it shows, for where, from which source, as of when, and, when the case
register is the synthetic demo, that its numbers are not real.

The context is written into the figure's spec (title, subtitle, annotations), which is what the
image renderer draws and what the tests read."""

from __future__ import annotations

from dataclasses import dataclass

from analytics.figures import FigureSpec
from analytics.i18n import t
from analytics.text import plotly_literal

STAMP_NAME = "synthetic-stamp"
FOOTER_NAME = "export-footer"


@dataclass(frozen=True)
class ExportContext:
    scope: str                 # analytics.scope.scope_line(...)
    source: str
    as_of: str | None          # already formatted ("30 November 2026", or a month for the public)
    synthetic: bool
    lang: str = "id"
    address: str | None = None  # where the live view is, when known


def footer_text(context: ExportContext) -> str:
    parts = [f"{t('source', context.lang)}: {context.source}"]
    if context.as_of:
        parts.append(t("data_as_of", context.lang, date=context.as_of))
    parts.append(context.address or "Pantau Netralitas ASN")
    return " · ".join(parts)


def with_export_context(fig: FigureSpec, context: ExportContext) -> FigureSpec:
    """``fig`` with its question as the title, the scope under it, source and date at its foot,
    and a stamp across it when the register is synthetic."""
    margin = dict(fig.layout.get("margin") or {})
    margin.update(t=max(int(margin.get("t") or 0), 96), b=max(int(margin.get("b") or 0), 110))
    annotations = [a for a in fig.layout.get("annotations") or []
                   if a.get("name") not in (STAMP_NAME, FOOTER_NAME)]
    annotations.append({
        "name": FOOTER_NAME, "text": plotly_literal(footer_text(context)), "showarrow": False,
        "xref": "paper", "yref": "paper", "x": 0, "y": 0, "yshift": -margin["b"] + 14,
        "xanchor": "left", "yanchor": "bottom", "align": "left", "font": {"size": 12, "color": "#444"},
    })
    if context.synthetic:
        annotations.append({
            "name": STAMP_NAME, "text": plotly_literal(t("synthetic_stamp", context.lang)), "showarrow": False,
            "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "textangle": -18,
            "font": {"size": 46, "color": "rgba(190, 30, 45, 0.28)"},
            "bordercolor": "rgba(190, 30, 45, 0.28)", "borderwidth": 3, "borderpad": 8,
        })
    title = fig.title or ""
    return fig.with_layout(
        title={"text": plotly_literal(title), "x": 0.01, "xanchor": "left", "font": {"size": 18},
               "subtitle": {"text": plotly_literal(context.scope), "font": {"size": 13, "color": "#444"}}},
        margin=margin, annotations=annotations,
        # the legend stays at the foot but above the footer line (the figure is 680 px high)
        legend={"yref": "container", "y": 0.06, "yanchor": "bottom"})
