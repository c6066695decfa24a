"""Text that fits its box: the size a block of paragraphs can take in a box, measured with the
deck's own face (Pillow reads the TTF), so no slide text runs past its box or is cut.

Both renderers wrap the text themselves (PowerPoint, fpdf2); this measures the same greedy
word wrap, and the tests measure the finished decks with it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analytics.briefing import fonts

#: Line height as a multiple of the font size, and the space after a paragraph.
LINE_HEIGHT = 1.25
PARAGRAPH_GAP = 0.5


@lru_cache(maxsize=64)
def _font(size_pt: float, bold: bool):
    from PIL import ImageFont

    face = fonts.face()
    if face is None:
        return None
    # measured at 10x, in points: the width of a text in points at size_pt
    return ImageFont.truetype(str(face.bold if bold else face.regular), size=int(round(size_pt * 10)))


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    font = _font(size_pt, bold)
    if font is None:
        return len(text) * size_pt * 0.55  # a core font's rough average
    return font.getlength(text) / 10.0


def wrap(text: str, size_pt: float, width_pt: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width_pt`` (a word longer than the line stays
    whole on its own line: the fit then fails on width, see :func:`fits`)."""
    lines, line = [], ""
    for word in str(text).split():
        candidate = f"{line} {word}" if line else word
        if line and text_width_pt(candidate, size_pt, bold) > width_pt:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines


def height_pt(paragraphs: list[str], size_pt: float, width_pt: float, bold: bool = False) -> float:
    lines = sum(len(wrap(p, size_pt, width_pt, bold)) for p in paragraphs)
    return lines * size_pt * LINE_HEIGHT + max(0, len(paragraphs) - 1) * size_pt * PARAGRAPH_GAP


def fits(paragraphs: list[str], size_pt: float, width_pt: float, height_limit_pt: float, bold: bool = False) -> bool:
    widest = max(
        (text_width_pt(line, size_pt, bold) for p in paragraphs for line in wrap(p, size_pt, width_pt, bold)),
        default=0.0,
    )
    return widest <= width_pt and height_pt(paragraphs, size_pt, width_pt, bold) <= height_limit_pt


@dataclass(frozen=True)
class Fitted:
    size_pt: float
    fits: bool


def fit(
    paragraphs: list[str], width_in: float, height_in: float, largest_pt: float, smallest_pt: float, bold: bool = False
) -> Fitted:
    """The largest size from ``largest_pt`` down to ``smallest_pt`` (whole points) at which the
    paragraphs fit the box; at ``smallest_pt`` with ``fits`` False when none does."""
    width_pt, height_limit = width_in * 72, height_in * 72
    size = largest_pt
    while size >= smallest_pt:
        if fits(paragraphs, size, width_pt, height_limit, bold):
            return Fitted(size, True)
        size -= 1
    return Fitted(smallest_pt, False)
