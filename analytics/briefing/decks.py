"""The briefing as a PowerPoint deck (python-pptx) or a PDF (fpdf2), drawn from one plan.

16:9 slides in one design: a mark at the top of every slide (restricted for analysts, protected
for the public) and the synthetic stamp when the register is the demo; a title in one style;
text sized to fit its box (:mod:`analytics.briefing.fit`, never cut); charts as images that
fill the slide and carry their own question, scope, source and date
(:mod:`analytics.export_context`), so an image copied out of a deck still says what it is.
Chart images are rendered once per briefing, in one Chromium, and reused by both formats."""

from __future__ import annotations

import contextlib
import io
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

from analytics.briefing import fit, fonts
from analytics.briefing.content import Briefing, Slide
from analytics.charts import maps
from analytics.export_context import ExportContext, with_export_context
from analytics.formatting import format_date
from analytics.i18n import t

WIDTH_IN, HEIGHT_IN = 13.333, 7.5
MARGIN_IN = 0.6
CONTENT_W = WIDTH_IN - 2 * MARGIN_IN
#: Chart images are drawn at this many pixels per inch of slide, their text at CHART_FONT_PX:
#: 20 px at 99 px/in reads at about 14.5 pt.
PX_PER_IN = 99
CHART_FONT_PX = 20
_RENDER_LOCK = threading.Lock()
NAVY = (0x0B, 0x53, 0x94)
INK = (0x2A, 0x2E, 0x35)
GREY = (0x59, 0x59, 0x59)
AMBER = (0x9A, 0x5B, 0x00)
RED = (0xA3, 0x1B, 0x2A)
TILE_FILL = (0xF3, 0xF5, 0xF8)


@dataclass(frozen=True)
class Box:
    """A text block placed on a slide: inches from the top left, the size that fits."""

    x: float
    y: float
    w: float
    h: float
    paragraphs: tuple[str, ...]
    size_pt: float
    bold: bool = False
    color: tuple[int, int, int] = INK
    align: str = "left"
    fill: tuple[int, int, int] | None = None  # a tile's background (drawn under the text)
    fits: bool = True


@dataclass(frozen=True)
class Picture:
    x: float
    y: float
    w: float
    h: float
    index: int  # the slide's image


@dataclass(frozen=True)
class Page:
    boxes: tuple[Box, ...]
    pictures: tuple[Picture, ...] = ()


def _box(x, y, w, h, paragraphs, largest, smallest, bold=False, color=INK, align="left", fill=None) -> Box:
    paragraphs = tuple(p for p in (paragraphs if isinstance(paragraphs, (list, tuple)) else [paragraphs]) if p)
    fitted = fit.fit(list(paragraphs), w, h, largest, smallest, bold)
    return Box(x, y, w, h, paragraphs, fitted.size_pt, bold, color, align, fill, fitted.fits)


def _marks(briefing: Briefing) -> list[Box]:
    mark_colour = GREY if briefing.public else AMBER
    boxes = [_box(MARGIN_IN, 0.2, 8.4, 0.4, briefing.audience_mark, 12, 9, bold=True, color=mark_colour)]
    if briefing.synthetic:
        boxes.append(
            _box(
                9.2,
                0.2,
                WIDTH_IN - 9.2 - MARGIN_IN,
                0.4,
                t("brief_synthetic_short", briefing.lang),
                12,
                9,
                bold=True,
                color=RED,
                align="right",
            )
        )
    return boxes


def _footer(briefing: Briefing, slide: Slide | None, number: int, total: int, with_source: bool) -> Box:
    lang = briefing.lang
    parts = []
    if with_source and slide is not None and slide.source:
        parts.append(f"{t('source', lang)}: {slide.source}")
    if with_source and briefing.as_of is not None:
        parts.append(t("data_as_of", lang, date=format_date(briefing.as_of, lang)))
    parts.append(f"{number} / {total}")
    return _box(MARGIN_IN, 6.85, CONTENT_W, 0.5, " · ".join(parts), 11, 8, color=GREY)


def plan(briefing: Briefing) -> list[Page]:
    """Every page of the deck, cover first: what goes where and at which size."""
    lang, total = briefing.lang, len(briefing.slides) + 1
    cover_lines = [briefing.scope]
    if briefing.as_of is not None:
        cover_lines.append(t("data_as_of", lang, date=format_date(briefing.as_of, lang)))
    cover = [
        *_marks(briefing),
        _box(MARGIN_IN + 0.2, 2.0, CONTENT_W - 0.4, 1.9, briefing.title, 40, 28, bold=True, color=NAVY),
        _box(MARGIN_IN + 0.2, 4.0, CONTENT_W - 0.4, 1.1, cover_lines, 22, 16, color=INK),
        _box(
            MARGIN_IN + 0.2,
            5.2,
            CONTENT_W - 0.4,
            1.2,
            [t("brief_synthetic", lang)] if briefing.synthetic else [],
            16,
            12,
            bold=True,
            color=RED,
        ),
        _footer(briefing, None, 1, total, with_source=False),
    ]
    pages = [Page(tuple(b for b in cover if b.paragraphs))]
    for number, slide in enumerate(briefing.slides, start=2):
        boxes = _marks(briefing)
        pictures = []
        if slide.figure is not None and _is_map(slide):
            # a map is about as tall as wide: it takes the left of the slide, its key names the right
            pictures.append(Picture(MARGIN_IN, 0.7, MAP_WIDTH_IN, 6.1, number - 2))
            side_x = MARGIN_IN + MAP_WIDTH_IN + 0.3
            boxes.append(_box(side_x, 1.2, WIDTH_IN - MARGIN_IN - side_x, 5.4, _map_key(slide), 20, 13, color=INK))
            boxes.append(_footer(briefing, slide, number, total, with_source=False))
        elif slide.figure is not None:
            # the image carries the question, the scope and the source: it takes the slide
            top = 0.7
            if slide.lines:
                lines = _box(MARGIN_IN, top, CONTENT_W, 0.75, slide.lines, 20, 14, color=INK)
                boxes.append(lines)
                top += 0.8
            pictures.append(Picture(MARGIN_IN, top, CONTENT_W, 6.8 - top, number - 2))
            boxes.append(_footer(briefing, slide, number, total, with_source=False))
        else:
            boxes.append(_box(MARGIN_IN, 0.7, CONTENT_W, 1.1, slide.title, 30, 22, bold=True, color=NAVY))
            body_top = 1.95
            if slide.tiles:
                boxes.extend(_tiles(slide, body_top))
                body_top += 4.2
                if slide.lines:
                    boxes.append(_box(MARGIN_IN, body_top, CONTENT_W, 6.75 - body_top, slide.lines, 14, 11, color=GREY))
            else:
                bullets = [f"•  {line}" if len(slide.lines) > 1 else line for line in slide.lines]
                boxes.append(
                    _box(MARGIN_IN + 0.1, body_top, CONTENT_W - 0.2, 6.7 - body_top, bullets, 22, 14, color=INK)
                )
            boxes.append(_footer(briefing, slide, number, total, with_source=True))
        pages.append(Page(tuple(b for b in boxes if b.paragraphs), tuple(pictures)))
    return pages


MAP_WIDTH_IN = 8.2


def _is_map(slide: Slide) -> bool:
    return any(trace.get("type") == "choropleth" for trace in slide.figure.data)


def _map_key(slide: Slide) -> list[str]:
    """The map slide's text: its sentence, the ranked regions one per line."""
    paragraphs = []
    for line in slide.lines:
        head, _, ranked = line.partition(": ")
        paragraphs.append(head + (":" if ranked else ""))
        paragraphs.extend(part for part in ranked.split(" · ") if part)
    return paragraphs


def _tiles(slide: Slide, top: float) -> list[Box]:
    """Six headline tiles, three by two: label, large value, the fair change with its comparison."""
    boxes, gap = [], 0.25
    width, height = (CONTENT_W - 2 * gap) / 3, 1.85
    for index, tile in enumerate(slide.tiles[:6]):
        x = MARGIN_IN + (index % 3) * (width + gap)
        y = top + (index // 3) * (height + gap)
        boxes.append(_box(x, y, width, height, [" "], 10, 10, fill=TILE_FILL))  # the tile itself
        boxes.append(_box(x + 0.2, y + 0.15, width - 0.4, 0.4, tile.label, 16, 11, color=GREY))
        boxes.append(_box(x + 0.2, y + 0.55, width - 0.4, 0.75, tile.value, 40, 22, bold=True, color=NAVY))
        if tile.change:
            boxes.append(_box(x + 0.2, y + 1.3, width - 0.4, 0.5, tile.change, 14, 9, color=INK))
    return boxes


# ---------------------------------------------------------------- chart images


def _export_context(briefing: Briefing, slide: Slide) -> ExportContext:
    scope = briefing.scope if briefing.public else f"{briefing.scope} · {briefing.audience_mark}"
    as_of = format_date(briefing.as_of, briefing.lang) if briefing.as_of is not None else None
    return ExportContext(
        scope=scope, source=slide.source, as_of=as_of, synthetic=briefing.synthetic, lang=briefing.lang
    )


def _pixels(place: Picture) -> tuple[int, int]:
    """An image's size in pixels for its place: :data:`PX_PER_IN`, so that its text at
    :data:`CHART_FONT_PX` reads at about 14.5 pt on the slide."""
    return int(round(place.w * PX_PER_IN)), int(round(place.h * PX_PER_IN))


def chart_png(briefing: Briefing, slide: Slide, size_px: tuple[int, int]) -> bytes:
    face = fonts.face()
    shown = with_export_context(
        slide.figure.with_layout(
            font={"size": CHART_FONT_PX, **({"family": f"{face.family}, sans-serif"} if face else {})}
        ),
        _export_context(briefing, slide),
        scale=1.3,
        width_px=size_px[0],
        height_px=size_px[1],
    )
    return shown.to_plotly().to_image(format="png", width=size_px[0], height=size_px[1], scale=1.5)


@contextlib.contextmanager
def _one_browser():
    """Render every chart through one Chromium (kaleido's sync server): about 3x faster."""
    import kaleido

    started = False
    try:
        kaleido.start_sync_server(silence_warnings=True)
        started = True
    except Exception:  # already running, or unavailable: fall back to one browser per chart
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            yield
    finally:
        if started:
            kaleido.stop_sync_server(silence_warnings=True)


def chart_images(briefing: Briefing, pages: list[Page] | None = None) -> dict[int, bytes]:
    """The PNG of each slide's chart by slide index, sized to its place, rendered once per
    briefing (both formats reuse them)."""
    cached = getattr(briefing, "_images", None)
    if cached is not None:
        return cached
    pages = pages or plan(briefing)
    places = {picture.index: picture for page in pages for picture in page.pictures}
    maps.use_local_basemap_for_images()
    fonts.make_visible_to_chromium()
    with _RENDER_LOCK, _one_browser():
        images = {index: chart_png(briefing, briefing.slides[index], _pixels(place)) for index, place in places.items()}
    briefing._images = images
    return images


def metadata(briefing: Briefing) -> dict[str, str]:
    return {
        "title": briefing.title,
        "author": "Pantau Netralitas ASN",
        "subject": f"{briefing.scope} · {briefing.audience_mark}",
        "language": briefing.lang,
    }


# ---------------------------------------------------------------- PowerPoint


def render_pptx(briefing: Briefing, out: Path, lang: str | None = None) -> Path:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    pages = plan(briefing)
    images = chart_images(briefing, pages)
    face = fonts.face()
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    blank = deck.slide_layouts[6]
    info = metadata(briefing)
    deck.core_properties.title, deck.core_properties.author = info["title"], info["author"]
    deck.core_properties.subject, deck.core_properties.language = info["subject"], info["language"]
    for page in pages:
        slide = deck.slides.add_slide(blank)
        for box in page.boxes:
            shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
            if box.fill is not None:
                shape.fill.solid()
                shape.fill.fore_color.rgb = RGBColor(*box.fill)
            frame = shape.text_frame
            frame.word_wrap = True
            frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
            frame.vertical_anchor = MSO_ANCHOR.TOP
            for index, text in enumerate(box.paragraphs):
                paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
                paragraph.text = text.strip() if box.fill is not None else text
                paragraph.alignment = PP_ALIGN.RIGHT if box.align == "right" else PP_ALIGN.LEFT
                paragraph.line_spacing = fit.LINE_HEIGHT * 0.83  # PowerPoint's single line is ~1.2 em
                paragraph.space_after = Pt(box.size_pt * fit.PARAGRAPH_GAP)
                run_font = paragraph.font
                run_font.size, run_font.bold = Pt(box.size_pt), box.bold
                run_font.color.rgb = RGBColor(*box.color)
                if face is not None:
                    run_font.name = face.family
        for picture in page.pictures:
            slide.shapes.add_picture(
                io.BytesIO(images[picture.index]),
                Inches(picture.x),
                Inches(picture.y),
                width=Inches(picture.w),
                height=Inches(picture.h),
            )
    deck.save(out)
    return out


# ---------------------------------------------------------------- PDF


def render_pdf(briefing: Briefing, out: Path, lang: str | None = None) -> Path:
    from fpdf import FPDF

    pages = plan(briefing)
    images = chart_images(briefing, pages)
    pdf = FPDF(orientation="L", unit="in", format=(HEIGHT_IN, WIDTH_IN))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    info = metadata(briefing)
    pdf.set_title(info["title"])
    pdf.set_author(info["author"])
    pdf.set_subject(info["subject"])
    pdf.set_creator("Pantau Netralitas ASN")
    pdf.set_lang(info["language"])
    face = fonts.face()
    if face is not None:
        pdf.add_font("deck", "", str(face.regular))
        pdf.add_font("deck", "B", str(face.bold))
        family = "deck"
    else:
        family = "helvetica"
    for page in pages:
        pdf.add_page()
        for box in page.boxes:
            if box.fill is not None:
                pdf.set_fill_color(*box.fill)
                pdf.rect(box.x, box.y, box.w, box.h, style="F")
                continue
            pdf.set_font(family, "B" if box.bold else "", box.size_pt)
            pdf.set_text_color(*box.color)
            pdf.set_xy(box.x, box.y)
            for text in box.paragraphs:
                pdf.set_x(box.x)
                written = text if face is not None else text.encode("latin-1", "replace").decode("latin-1")
                pdf.multi_cell(
                    box.w, box.size_pt / 72 * fit.LINE_HEIGHT, written, align="R" if box.align == "right" else "L"
                )
                pdf.set_y(pdf.get_y() + box.size_pt / 72 * fit.PARAGRAPH_GAP)
        for picture in page.pictures:
            pdf.image(io.BytesIO(images[picture.index]), x=picture.x, y=picture.y, w=picture.w, h=picture.h)
    pdf.output(str(out))
    return out
