"""The chart machinery: ``FigureSpec`` (the finished spec as plain dicts, the JSON the browser draws),
the project's template, the common layout, text from data made literal, wrapped labels, dated lines,
the stand-in mark. DataFrame in, ``FigureSpec`` out; no Streamlit, no SQL."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.utils import to_typed_array_spec

from analytics import palette
from analytics.text import plotly_literal

SEPARATORS = {"id": ",.", "en": ".,"}

#: The project's Plotly template, small on purpose: Plotly's default template is copied into
#: every figure and validated again whenever a figure is rebuilt from a dict (as Streamlit does
#: for each chart), which cost more than everything else on a page.
TEMPLATE = go.layout.Template(
    layout={
        "colorway": palette.OKABE_ITO,
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "sans-serif", "color": "#2A2E35"},
        "hoverlabel": {"namelength": -1},
        "xaxis": {
            "showgrid": False,
            "automargin": True,
            "zeroline": False,
            "linecolor": "#B8BCC4",
            "ticks": "outside",
            "tickcolor": "#B8BCC4",
            "separatethousands": True,
        },
        # 1.500, not 1500: Plotly groups only five digits and more unless told
        "yaxis": {
            "gridcolor": "#EEEEEE",
            "rangemode": "tozero",
            "automargin": True,
            "zeroline": False,
            "separatethousands": True,
        },
    }
)

pio.templates["pantau"] = TEMPLATE

#: Marks a trace that stands in for a number not shown (a hatched "< 5" stub, an open marker at
#: the threshold, an empty "not recorded" row): its positions are drawing, not data, so the
#: chart's CSV says "withheld" or "not recorded" there instead (tests read the mark).
STAND_IN = {"meta": "stand-in"}

pio.templates.default = "pantau"


def merged(base: dict, more: dict) -> dict:
    """``base`` updated by ``more``, nested dicts merged key by key (as ``update_layout`` merges)."""
    result = dict(base)
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


def layout(title: str, x_title: str | None, y_title: str | None, lang: str, **more) -> dict:
    """The common layout: the question as title, units on the axes, legend under the chart
    (phones); ``more`` adds to it, nested dicts merged."""
    base = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {"title": {"text": y_title}},
        "separators": SEPARATORS.get(lang, ",."),
        "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
        # at the foot of the figure, under the axis title (automargin makes room): a fixed paper
        # offset (-0.18) sat on the axis title of a short chart
        "legend": {"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
    }
    return merged(base, more)


class FigureSpec:
    """A finished chart as plain trace and layout dicts, the very JSON the browser draws.

    Builders return these instead of Plotly figure objects: a ``go.Figure`` is built and checked
    property by property, and each ``update_layout`` does it again, which cost about 10 ms per
    chart on every rerun. ``to_plotly()`` gives the checked Plotly figure where one is wanted
    (the PNG, the briefing, the tests); ``tests/app/test_pages.py`` checks every spec the pages
    send that way."""

    __slots__ = ("data", "layout")

    def __init__(self, data: list[dict], layout: dict) -> None:
        self.data = data
        self.layout = layout

    @property
    def title(self) -> str | None:
        """The chart's question as plain text (the spec holds it as Plotly literal text)."""
        text = (self.layout.get("title") or {}).get("text")
        return None if text is None else html.unescape(str(text).replace("<br>", " "))

    def with_layout(self, **changes) -> FigureSpec:
        """A copy with ``changes`` merged into the layout (as ``update_layout`` merges); a ``None``
        value unsets that property, as Plotly reads it."""
        return FigureSpec(self.data, merged(self.layout, changes))

    def to_dict(self) -> dict:
        """``{"data": ..., "layout": ...}`` in fresh dicts and lists (Plotly's JSON writer replaces
        arrays inside the dicts it is given), sharing the arrays themselves."""
        return {"data": _fresh_containers(self.data), "layout": _fresh_containers(self.layout)}

    def to_browser_dict(self) -> dict:
        """``to_dict()`` with numeric arrays packed as Plotly's typed arrays, as ``go.Figure.to_dict()``
        gives them."""
        spec = self.to_dict()
        _pack_arrays(spec)
        return spec

    def to_plotly(self) -> go.Figure:
        """The figure as a validated Plotly object."""
        return go.Figure(self.to_dict())


def _arrays(spec: dict) -> dict:
    """``spec`` with pandas columns and tables as numpy arrays (what validation would make them)."""
    plain = {}
    for key, value in spec.items():
        if isinstance(value, (pd.Series, pd.Index, pd.DataFrame)):
            value = value.to_numpy()
        elif isinstance(value, dict):
            value = _arrays(value)
        plain[key] = value
    return plain


#: Keys Plotly leaves as they are when it packs arrays (``_plotly_utils.utils.is_skipped_key``).
_UNPACKED_KEYS = frozenset({"geojson", "layer", "layers", "range"})


def _pack_arrays(value) -> None:
    """Plotly's ``convert_to_base64``, in place: numeric arrays become typed arrays. Unlike it, this
    does not look at every value of a list of plain values (a chart's hover data, one tuple per
    point, was most of its time); arrays only ever sit in dicts."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _UNPACKED_KEYS:
                continue
            if isinstance(item, (np.ndarray, pd.Series, pd.Index)):
                value[key] = to_typed_array_spec(item)
            elif isinstance(item, (dict, list, tuple)):
                _pack_arrays(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, (dict, list)):
                _pack_arrays(item)


def _fresh_containers(value):
    if isinstance(value, dict):
        return {key: _fresh_containers(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) and any(isinstance(item, (dict, list, tuple)) for item in value):
        return [_fresh_containers(item) for item in value]
    return value


#: Plotly writes the default template into every figure it builds; a spec carries it itself.
TEMPLATE_SPEC = TEMPLATE.to_plotly_json()

#: Trace properties that carry text (from data, or built by a builder): shown as written.
_TEXT_KEYS = frozenset({"x", "y", "text", "customdata", "hovertext", "name", "labels"})

#: Layout properties that carry text.
_LAYOUT_TEXT_KEYS = frozenset({"text", "categoryarray", "ticktext"})


def _literal(value):
    """Every string in ``value`` (a column, an array, a list, a table) as Plotly literal text."""
    if isinstance(value, str):
        return plotly_literal(value)
    if isinstance(value, (pd.Series, pd.Index, pd.DataFrame)):
        value = value.to_numpy()
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "OUT" or value.dtype == object:
            return np.vectorize(plotly_literal, otypes=[object])(value) if value.size else value
        return value
    if isinstance(value, (list, tuple)):
        return [_literal(item) for item in value]
    return value


def _literal_trace(trace: dict) -> dict:
    return {
        key: (_literal(value) if key in _TEXT_KEYS else _literal_layout(value) if isinstance(value, dict) else value)
        for key, value in trace.items()
    }


def _literal_layout(value):
    if isinstance(value, dict):
        return {
            key: (_literal(item) if key in _LAYOUT_TEXT_KEYS and not isinstance(item, dict) else _literal_layout(item))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_literal_layout(item) for item in value]
    return value


def figure(traces: list[dict], figure_layout: dict) -> FigureSpec:
    """A chart from plain trace and layout dicts, pandas columns made numpy arrays, and every
    text shown as its characters (``analytics.text.plotly_literal``; ``\\n`` for a new line)."""
    return FigureSpec(
        [_arrays(_literal_trace(trace)) for trace in traces],
        {"template": TEMPLATE_SPEC, **_literal_layout(figure_layout)},
    )


def wrap_label(text: str, width: int = 28) -> str:
    """Break a long axis label into lines of at most ``width`` characters (``\\n``, which
    :func:`figure` makes Plotly's line break)."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def vertical_line(
    when, color: str, text: str, dash: str = "dash", width: float = 1.5, font: dict | None = None
) -> tuple[dict, dict]:
    """A dated marker across the plot: the line and its label on top."""
    shape = {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": when,
        "x1": when,
        "y0": 0,
        "y1": 1,
        "line": {"color": color, "width": width, "dash": dash},
    }
    label = {
        "x": when,
        "y": 1,
        "xref": "x",
        "yref": "paper",
        "text": text,
        "showarrow": False,
        "yanchor": "bottom",
        "font": {"size": 11, "color": color, **(font or {})},
    }
    return shape, label


def draws_nothing(fig: FigureSpec) -> bool:
    """True when no trace of ``fig`` has a single point to draw (a query whose every row the public
    view withholds returns no rows): such a chart would be empty axes, which read like zero."""
    return all(
        len(trace.get(key) if trace.get(key) is not None else ()) == 0
        for trace in fig.data
        for key in ("x", "y", "z", "values", "locations")
    )
