"""The deck's typeface: Open Sans (Apache 2.0), installed with the project's requirements
(``ttf-opensans``), so a fresh machine draws the same slides. DejaVu Sans stands in when the
package is missing; the chart images use the same face through Chromium's fontconfig."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Face:
    family: str
    regular: Path
    bold: Path


def _open_sans() -> Face | None:
    try:
        import ttf_opensans
    except ImportError:
        return None
    folder = Path(ttf_opensans.TTF_BIN_FOLDER)
    regular, bold = folder / "OpenSans-Regular.ttf", folder / "OpenSans-Bold.ttf"
    return Face("Open Sans", regular, bold) if regular.exists() and bold.exists() else None


def _dejavu() -> Face | None:
    for folder in (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")):
        if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
            return Face("DejaVu Sans", folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf")
    return None


@lru_cache(maxsize=1)
def face() -> Face | None:
    """The deck's face, or None (the PDF then uses a core font)."""
    return _open_sans() or _dejavu()


@lru_cache(maxsize=1)
def make_visible_to_chromium() -> None:
    """Let the Chromium that draws the chart images find the deck's face: a fontconfig file that
    adds its folder to the system's fonts, named in ``FONTCONFIG_FILE`` before Chromium starts
    (once per process; the app's own pages are not affected)."""
    chosen = face()
    if chosen is None or os.environ.get("FONTCONFIG_FILE"):
        return
    folder = Path(tempfile.mkdtemp(prefix="pantau-fonts-"))
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{chosen.regular.parent}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    os.environ["FONTCONFIG_FILE"] = str(config)
