"""Text from data shown as text: never as Markdown, HTML, a link or an image.

Names, titles, organisers, agencies, file names and every other value that comes from data or an
upload pass through one of these before they reach a page or a chart:

- :func:`markdown_literal` for Streamlit's Markdown (``st.markdown``, captions, labels): every
  Markdown, HTML and Streamlit directive character is escaped and line breaks become spaces, so
  ``## heading``, ``[x](https://…)``, ``![](https://…)``, ``<img>``, ``:red[…]`` and ``$…$`` read
  as the characters they are;
- :func:`plotly_literal` for chart text (axis labels, hover text, legends, titles): Plotly reads a
  few HTML tags (``<a href>``, ``<b>``, ``<br>``) in text, so ``&``, ``<`` and ``>`` become
  entities; a line break written as ``\\n`` becomes Plotly's ``<br>``. ``analytics.charts.spec``
  applies it to every chart, so builders write plain text and ``\\n`` for a new line.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$=^])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def markdown_literal(value: object) -> str:
    """``value`` as Markdown that renders exactly its characters, on one line."""
    text = _LINE_BREAKS.sub(" ", "" if value is None else str(value))
    text = html.escape(text, quote=False)  # < > & : no tag, no entity of its own
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def plotly_literal(value: object) -> object:
    """A string as Plotly text that shows exactly its characters (``\\n`` as a line break);
    anything else as it is."""
    if not isinstance(value, str):
        return value
    return html.escape(value, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def markdown_link(title: object, url: object) -> str:
    """A Markdown link to a source: ``title`` as literal text, ``url`` only when it is an
    ``http(s)`` address (percent-encoded so that it cannot close the link); otherwise the title
    alone."""
    shown = markdown_literal(title if title not in (None, "") else url)
    if not isinstance(url, str) or not re.match(r"^https?://[^\s]+$", url.strip(), re.IGNORECASE):
        return shown
    safe = quote(url.strip(), safe=":/?&=#%+,;@!~*'")
    return f"[{shown}]({safe})"


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: lower case, except acronyms and codes (ASN, PPK,
    BKN, IKP, 1.000): 'Terbukti per 1.000 ASN' -> 'terbukti per 1.000 ASN'."""
    return " ".join(
        word if sum(ch.isupper() for ch in word) > 1 or not word[:1].isupper() else word.lower()
        for word in str(label).split(" ")
    )
