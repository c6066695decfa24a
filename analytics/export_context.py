"""A chart as it leaves the app (a PNG, a slide): it carries its own context, so that a forwarded
image still says what it shows, for where, from which source, as of when, and, when the case
register is the synthetic demo, that its numbers are not real.

The context is written into the figure's spec (title, subtitle, annotations), which is what the
image renderer draws and what the tests read."""

from __future__ import annotations

from dataclasses import dataclass

from analytics.charts.spec import FigureSpec, wrap_label
from analytics.i18n import t
from analytics.text import plotly_literal

STAMP_NAME = "synthetic-stamp"
FOOTER_NAME = "export-footer"


@dataclass(frozen=True)
class ExportContext:
    scope: str  # analytics.scope.scope_line(...)
    source: str
    as_of: str | None  # already formatted ("30 November 2026", or a month for the public)
    synthetic: bool
    lang: str = "id"
    address: str | None = None  # where the live view is, when known


def footer_text(context: ExportContext) -> str:
    parts = [f"{t('source', context.lang)}: {context.source}"]
    if context.as_of:
        parts.append(t("data_as_of", context.lang, date=context.as_of))
    parts.append(context.address or "Pantau Netralitas ASN")
    return " · ".join(parts)


def wrapped(text: str, width_chars: int) -> str:
    """``text`` (Plotly literal) in lines of at most ``width_chars``, joined by Plotly's ``<br>``."""
    return wrap_label(text, width_chars).replace("\n", "<br>")


def with_export_context(
    fig: FigureSpec, context: ExportContext, scale: float = 1.0, width_px: int = 1100, height_px: int = 680
) -> FigureSpec:
    """``fig`` with its question as the title, the scope under it, source and date at its foot
    (title and footer in as many lines as ``width_px`` needs: a long question or source is never cut
    at the edge; ``height_px`` places the legend above the footer), and a stamp
    across it when the register is synthetic. ``scale`` enlarges that text and its room (a
    slide's image is seen from across a room)."""

    def px(value: float) -> int:
        return int(round(value * scale))

    footer = wrapped(plotly_literal(footer_text(context)), max(40, int(width_px / (px(12) * 0.56))))
    footer_lines = footer.count("<br>") + 1
    title = wrapped(plotly_literal(fig.title or ""), max(30, int(width_px / (px(18) * 0.56))))
    title_lines = title.count("<br>") + 1
    margin = dict(fig.layout.get("margin") or {})
    margin.update(
        t=max(int(margin.get("t") or 0), px(96) + (title_lines - 1) * px(22)),
        b=max(int(margin.get("b") or 0), px(110) + (footer_lines - 1) * px(16)),
    )
    if any(
        trace.get("type") == "choropleth" and (trace.get("colorbar") or {}).get("orientation") == "h"
        for trace in fig.data
    ):
        # a map's colour bar hangs below the map; left to grow the margin it pushed the map's foot,
        # and the footer with it, into the legend: the margin is fixed with room for the bar
        margin.update(b=margin["b"] + px(70), autoexpand=False)
    elif any(trace.get("type") == "choropleth" for trace in fig.data):
        # a map with its colour bar at the side needs below it only the legend and the footer
        margin.update(
            b=px(20) + footer_lines * px(17) + px(40), r=max(int(margin.get("r") or 0), px(110)), autoexpand=False
        )
    annotations = [a for a in fig.layout.get("annotations") or [] if a.get("name") not in (STAMP_NAME, FOOTER_NAME)]
    annotations.append(
        {
            "name": FOOTER_NAME,
            "text": footer,
            "showarrow": False,
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -margin["b"] + px(14),
            "xanchor": "left",
            "yanchor": "bottom",
            "align": "left",
            "font": {"size": px(12), "color": "#444"},
        }
    )
    if context.synthetic:
        annotations.append(
            {
                "name": STAMP_NAME,
                "text": plotly_literal(t("synthetic_stamp", context.lang)),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "textangle": -18,
                "font": {"size": px(46), "color": "rgba(190, 30, 45, 0.28)"},
                "bordercolor": "rgba(190, 30, 45, 0.28)",
                "borderwidth": 3,
                "borderpad": 8,
            }
        )
    return fig.with_layout(
        title={
            "text": title,
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": px(18)},
            "subtitle": {"text": plotly_literal(context.scope), "font": {"size": px(13), "color": "#444"}},
        },
        margin=margin,
        annotations=annotations,
        # the legend stays at the foot, above the footer's lines
        legend={"yref": "container", "y": (px(14) + footer_lines * px(16) + px(10)) / height_px, "yanchor": "bottom"},
    )
