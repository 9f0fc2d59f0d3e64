"""Screenshots of the main pages for the README and docs (MINDWELL_SCREENSHOTS=1).

Only what fits the screen is taken (not the whole page), and the PNG is reduced to a palette of
128 colours: a calm page of text needs no more, and the files stay small enough to commit.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
COLOURS = 128


def save_screenshot(page: Any, name: str) -> Path:
    # The focus ring and the caret would differ from run to run.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    png = page.screenshot(animations="disabled", caret="hide", scale="css")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(
        colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOT_DIR / f"{name}.png"
    small.save(target, optimize=True)
    return target
