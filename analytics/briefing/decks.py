"""The briefing as a PowerPoint deck (python-pptx) or a PDF (fpdf2): 16:9, one idea per slide,
charts as images (kaleido with the system's Chromium), the source on every slide."""

from __future__ import annotations

import contextlib
import io
import threading
import warnings
from pathlib import Path

from analytics import maps
from analytics.briefing.content import Briefing, Slide
from analytics.figures import FigureSpec
from analytics.formatting import format_date
from analytics.i18n import t

WIDTH_IN, HEIGHT_IN = 13.333, 7.5
CHART_PX = (1100, 560)
_RENDER_LOCK = threading.Lock()
NAVY = (0x0B, 0x53, 0x94)
GREY = (0x59, 0x59, 0x59)
AMBER = (0x9A, 0x5B, 0x00)


def chart_png(figure: FigureSpec) -> bytes:
    shown = figure.with_layout(title=None, margin={"t": 20, "l": 10, "r": 10, "b": 10}, font={"size": 14}).to_plotly()
    return shown.to_image(format="png", width=CHART_PX[0], height=CHART_PX[1], scale=2)


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


def chart_images(briefing: Briefing) -> list[bytes | None]:
    """The PNG of each slide's chart (None for slides without one), rendered one deck at a time."""
    maps.use_local_basemap_for_images()
    with _RENDER_LOCK, _one_browser():
        return [chart_png(slide.figure) if slide.figure is not None else None for slide in briefing.slides]


def _footer(briefing: Briefing, slide: Slide, lang: str) -> str:
    parts = [f"{t('source', lang)}: {slide.source}"] if slide.source else []
    if briefing.as_of is not None:
        parts.append(t("data_as_of", lang, date=format_date(briefing.as_of, lang)))
    return " · ".join(parts)


def render_pptx(briefing: Briefing, out: Path, lang: str = "id") -> Path:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    images = chart_images(briefing)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    blank = deck.slide_layouts[6]

    def text_box(slide, left, top, width, height, text, size, bold=False, color=GREY):
        frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height)).text_frame
        frame.word_wrap = True
        for index, line in enumerate(text if isinstance(text, list) else [text]):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.font.size, paragraph.font.bold = Pt(size), bold
            paragraph.font.color.rgb = RGBColor(*color)
            paragraph.space_after = Pt(size * 0.6)
        return frame

    cover = deck.slides.add_slide(blank)
    text_box(cover, 0.8, 2.2, 11.7, 1.6, briefing.title, 40, bold=True, color=NAVY)
    cover_lines = [briefing.scope]
    if briefing.as_of is not None:
        cover_lines.append(t("data_as_of", lang, date=format_date(briefing.as_of, lang)))
    text_box(cover, 0.8, 4.0, 11.7, 1.2, cover_lines, 22)
    if briefing.synthetic:
        text_box(cover, 0.8, 5.5, 11.7, 1.0, t("brief_synthetic", lang), 16, bold=True, color=AMBER)
    for slide, image in zip(briefing.slides, images):
        page = deck.slides.add_slide(blank)
        text_box(page, 0.6, 0.35, 12.1, 1.0, slide.title, 28, bold=True, color=NAVY)
        top = 1.4
        if slide.figure is not None:
            if slide.lines:
                text_box(page, 0.6, top, 12.1, 0.6, slide.lines, 18)
                top += 0.6
            height = 6.45 - top
            width = min(12.1, height * CHART_PX[0] / CHART_PX[1])
            page.shapes.add_picture(io.BytesIO(image), Inches(0.6 + (12.1 - width) / 2), Inches(top),
                                    width=Inches(width), height=Inches(height))
        else:
            text_box(page, 0.8, top + 0.2, 11.7, 5.0, slide.lines, 22 if len(slide.lines) <= 6 else 18)
        text_box(page, 0.6, 6.75, 12.1, 0.6, _footer(briefing, slide, lang), 11)
        if briefing.synthetic:
            text_box(page, 9.3, 0.05, 3.9, 0.35, t("brief_synthetic_short", lang), 11, bold=True, color=AMBER)
    deck.save(out)
    return out


def render_pdf(briefing: Briefing, out: Path, lang: str = "id") -> Path:
    from fpdf import FPDF

    images = chart_images(briefing)
    pdf = FPDF(orientation="L", unit="in", format=(HEIGHT_IN, WIDTH_IN))
    pdf.set_auto_page_break(False)
    font_dir = _dejavu_dir()
    if font_dir:
        pdf.add_font("body", "", str(font_dir / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
        family = "body"
    else:
        family = "helvetica"

    def write(x, y, w, text, size, bold=False, color=GREY, line=1.35):
        pdf.set_xy(x, y)
        pdf.set_font(family, "B" if bold else "", size)
        pdf.set_text_color(*color)
        for item in (text if isinstance(text, list) else [text]):
            pdf.set_x(x)
            pdf.multi_cell(w, size / 72 * line, item if font_dir else item.encode("latin-1", "replace").decode("latin-1"),
                           align="L")
            pdf.ln(size / 72 * 0.4)

    pdf.add_page()
    write(0.8, 2.2, 11.7, briefing.title, 36, bold=True, color=NAVY)
    cover = [briefing.scope] + ([t("data_as_of", lang, date=format_date(briefing.as_of, lang))] if briefing.as_of is not None else [])
    write(0.8, 4.1, 11.7, cover, 20)
    if briefing.synthetic:
        write(0.8, 5.5, 11.7, t("brief_synthetic", lang), 14, bold=True, color=AMBER)
    for slide, image in zip(briefing.slides, images):
        pdf.add_page()
        if briefing.synthetic:
            write(9.3, 0.1, 3.9, t("brief_synthetic_short", lang), 10, bold=True, color=AMBER)
        write(0.6, 0.4, 12.1, slide.title, 24, bold=True, color=NAVY)
        top = 1.4
        if slide.figure is not None:
            if slide.lines:
                write(0.6, top, 12.1, slide.lines, 16)
                top += 0.6
            height = 6.45 - top
            width = min(12.1, height * CHART_PX[0] / CHART_PX[1])
            pdf.image(io.BytesIO(image), x=0.6 + (12.1 - width) / 2, y=top, w=width, h=height)
        else:
            write(0.8, top + 0.2, 11.7, slide.lines, 20 if len(slide.lines) <= 6 else 16)
        write(0.6, 6.8, 12.1, _footer(briefing, slide, lang), 9)
    pdf.output(str(out))
    return out


def _dejavu_dir() -> Path | None:
    for folder in (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")):
        if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
            return folder
    return None
