"""Offline OCR of image-only PDF pages: poppler's pdftoppm renders the page, Tesseract (with its
French data) reads it. Optional: without the extra or the Debian packages, pages stay empty and
ingestion reports « aucun texte extractible » as before."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def ocr_available(lang: str = "fra") -> bool:
    if shutil.which("pdftoppm") is None or shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return lang in pytesseract.get_languages(config="")
    except Exception:
        return False


class TesseractOCR:
    """Callable ``(pdf_path, page_number) -> text`` for the PDF loader."""

    def __init__(self, lang: str = "fra", dpi: int = 300, timeout_s: float = 120.0):
        self.lang = lang
        self.dpi = dpi
        self.timeout_s = timeout_s

    def __call__(self, pdf: Path, page_number: int) -> str:
        import pytesseract
        from PIL import Image

        with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
            base = Path(tmp) / "page"
            subprocess.run(
                ["pdftoppm", "-r", str(self.dpi), "-f", str(page_number), "-l", str(page_number), "-png", "-singlefile", str(pdf), str(base)],
                check=True, capture_output=True, timeout=self.timeout_s,
            )
            with Image.open(base.with_suffix(".png")) as image:
                return pytesseract.image_to_string(image, lang=self.lang, timeout=self.timeout_s)


def build_ocr(enabled: bool, lang: str):
    """The OCR engine when asked for and installed, else None (logged once)."""
    if not enabled:
        return None
    if not ocr_available(lang):
        logger.info("OCR indisponible (paquets tesseract-ocr, tesseract-ocr-%s, poppler-utils et extra [ocr])", lang)
        return None
    return TesseractOCR(lang)
