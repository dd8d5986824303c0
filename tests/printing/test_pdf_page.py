"""A printed page as an image (pdftoppm), and the Chinese-font error.

The PNGs land in the test's tmp folder (`pytest --basetemp=DIR` keeps them) for a
person to look at: formulas, grids and Chinese must be legible. The test itself
checks that the first page carries ink in the amount a page of text does.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cnnquiz import printing
from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.printing import pdf
from tests.printing.conftest import needs_cjk, sample_set

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="pdftoppm missing (apt install poppler-utils)")


def _ink(pgm: bytes) -> float:
    """Share of dark pixels in a binary PGM (P5) image."""
    fields = pgm.split(maxsplit=4)
    assert fields[0] == b"P5"
    width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
    return sum(1 for p in pixels[: width * height] if p < 200) / (width * height)


@needs_poppler
@pytest.mark.parametrize("lang", [pytest.param("en"), pytest.param("zh", marks=needs_cjk)])
def test_first_page_renders_to_an_image_with_text_on_it(lang: Lang, tmp_path: Path) -> None:
    [part] = printing.render(sample_set(lang), "pdf")
    (tmp_path / "set.pdf").write_bytes(part.data)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    tmp_path / "set.pdf", tmp_path / f"page1-{lang}"], check=True)
    subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                    tmp_path / "set.pdf", tmp_path / "gray"], check=True)
    assert (tmp_path / f"page1-{lang}.png").stat().st_size > 10_000
    assert 0.01 < _ink((tmp_path / "gray.pgm").read_bytes()) < 0.3


def test_chinese_pdf_without_a_chinese_font_names_a_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "_fontconfig", lambda: [])
    monkeypatch.setattr(pdf, "_typst_family", lambda: None)
    pdf.chinese.cache_clear()
    try:
        with pytest.raises(CnnquizError, match="fonts-noto-cjk") as err:
            printing.render(sample_set("zh"), "pdf")
        assert "\n" not in str(err.value)
        printing.render(sample_set("en"), "pdf")  # English needs only Typst's own fonts
    finally:
        pdf.chinese.cache_clear()
