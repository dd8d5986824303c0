"""A problem set as PDF: the Typst source of `typ`, typeset by the `typst` package.

No TeX and no browser: Typst is a library. It ships fonts for Latin text, mathematics
and code but none for Chinese, so a Chinese sheet needs a CJK font from the system.
fontconfig (`fc-list :lang=zh`) names the fonts that cover Chinese; only that font's
folder is handed to Typst, which keeps the compile fast (scanning every system font
costs more than typesetting a sheet).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.printing import typ
from cnnquiz.printing.sheet import Sheet, Tick

LATIN = "New Computer Modern"
INSTALL_HINT = ("no Chinese font found for the PDF; install one (Debian/Ubuntu: "
                "`sudo apt install fonts-noto-cjk`, Fedora: `sudo dnf install google-noto-serif-cjk-fonts`)"
                " or print with --format html")
#: families to prefer, best first: Simplified Chinese serif, then sans, then the rest
PREFERRED = ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Source Han Sans SC",
             "Songti SC", "SimSun", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
             "WenQuanYi Zen Hei", "AR PL UMing CN")


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")  # CJK ideographs, punctuation, full-width


class FontError(CnnquizError):
    """No font can typeset the requested language."""


@dataclass(frozen=True)
class FontSetup:
    """What Typst needs: the family list for text and where to find non-built-in fonts."""

    families: tuple[str, ...]
    folders: tuple[str, ...] = ()
    system: bool = False  # let Typst scan every system font (when fontconfig is missing)


def font_setup(lang: Lang, text: str = "") -> FontSetup:
    """Chinese sheets need a CJK font; an English one only when its text has CJK
    characters (a user's bank may), and then it falls back to none rather than fail."""
    if lang == "zh":
        return chinese()
    if _CJK.search(text):
        try:
            return chinese()
        except FontError:
            pass
    return FontSetup((LATIN,))


@cache
def chinese() -> FontSetup:
    """The best Chinese font on this machine; FontError naming a package when there is none."""
    found = _fontconfig()
    if found:
        family, folder = min(found, key=lambda f: _rank(f[0]))
        return FontSetup((LATIN, family), (folder,))
    known = _typst_family()
    if known is None:
        raise FontError(INSTALL_HINT)
    return FontSetup((LATIN, known), system=True)


def _rank(family: str) -> tuple[int, str]:
    if family in PREFERRED:
        return PREFERRED.index(family), family
    simplified = family.endswith((" SC", " CN")) or "GB" in family
    return len(PREFERRED) + (0 if simplified else 1), family


def _fontconfig() -> list[tuple[str, str]]:
    """(family, folder) of every font fontconfig says covers Chinese."""
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run([exe, "-f", "%{family[0]}\t%{file}\n", ":lang=zh"], capture_output=True,
                             text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        family, _, file = line.partition("\t")
        if family and file and Path(file).is_file():
            found.append((family.strip(), str(Path(file).parent)))
    return found


def _typst_family() -> str | None:
    """A known Chinese family among the fonts Typst itself finds (no fontconfig)."""
    import typst

    families = set(typst.Fonts(include_system_fonts=True).families())
    return next((f for f in PREFERRED if f in families), None)


def document(s: Sheet, with_key: bool, key_only: bool = False, tick: Tick | None = None) -> bytes:
    fonts = font_setup(s.lang)
    source = typ.document(s, with_key, key_only, tick, fonts=fonts.families)
    if s.lang != "zh" and _CJK.search(source):
        fonts = font_setup(s.lang, source)
        source = typ.document(s, with_key, key_only, fonts=fonts.families)
    return typeset(source, fonts)


def typeset(source: str, fonts: FontSetup) -> bytes:
    """PDF bytes of Typst `source` with the given fonts (built-in ones always available)."""
    import typst

    compile_pdf: Callable[..., bytes] = typst.compile  # its stubs tie font_paths to the input's type
    return compile_pdf(source.encode("utf-8"), format="pdf", font_paths=list(fonts.folders),
                       ignore_system_fonts=not fonts.system)
