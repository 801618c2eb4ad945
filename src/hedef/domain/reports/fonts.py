"""The font files a PDF report embeds, checked for every Azerbaijani letter.

The PDF must show ə, ı, İ, ğ, ş, ç, ö, ü (and their capitals) on any reader's
machine, so the fonts are embedded from files rather than left to the reader.
Noto Sans is the text face; DejaVu Sans stands behind it for the rare symbol
Noto lacks (the methodology's subscripts, ⚑), and DejaVu Sans Mono sets hashes.
Both are Debian packages (``fonts-noto-core``, ``fonts-dejavu-core``).

The font directories are an argument, never read from settings; a face whose
regular file is missing or lacks an Azerbaijani letter is left out, and
:class:`FontsMissing` is raised when no text face is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from hedef.domain.reports.errors import FontsMissing

__all__ = [
    "AZERBAIJANI_LETTERS",
    "DEFAULT_FONT_DIRS",
    "FontFace",
    "covers",
    "find_fonts",
    "font_face_css",
]

AZERBAIJANI_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
DEFAULT_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/local/share/fonts"),
)

# CSS family → (style, weight) → file name, in order of preference. The families
# keep their own names, which is also what the PDF calls the embedded fonts.
_FAMILIES: dict[str, dict[tuple[str, int], str]] = {
    "Noto Sans": {
        ("normal", 400): "NotoSans-Regular.ttf",
        ("normal", 700): "NotoSans-Bold.ttf",
        ("italic", 400): "NotoSans-Italic.ttf",
        ("italic", 700): "NotoSans-BoldItalic.ttf",
    },
    "DejaVu Sans": {
        ("normal", 400): "DejaVuSans.ttf",
        ("normal", 700): "DejaVuSans-Bold.ttf",
        ("italic", 400): "DejaVuSans-Oblique.ttf",
        ("italic", 700): "DejaVuSans-BoldOblique.ttf",
    },
    "DejaVu Sans Mono": {
        ("normal", 400): "DejaVuSansMono.ttf",
        ("normal", 700): "DejaVuSansMono-Bold.ttf",
    },
}
TEXT_FAMILIES = ("Noto Sans", "DejaVu Sans")


@dataclass(frozen=True)
class FontFace:
    """One font file and the CSS family, style and weight it serves."""

    family: str
    style: str
    weight: int
    path: Path


def find_fonts(directories: Sequence[Path] = DEFAULT_FONT_DIRS) -> tuple[FontFace, ...]:
    """The faces found in ``directories`` (searched recursively) that cover Azerbaijani.

    Raises:
        FontsMissing: neither Noto Sans nor DejaVu Sans is there with every letter.
    """
    return _find(tuple(Path(directory) for directory in directories))


@lru_cache(maxsize=8)
def _find(directories: tuple[Path, ...]) -> tuple[FontFace, ...]:
    files: dict[str, Path] = {}
    wanted = {name for faces in _FAMILIES.values() for name in faces.values()}
    for directory in directories:
        if directory.is_dir():
            for path in directory.rglob("*.ttf"):
                if path.name in wanted:
                    files.setdefault(path.name, path)
    found: list[FontFace] = []
    for family, faces in _FAMILIES.items():
        regular = files.get(faces[("normal", 400)])
        if regular is None or not covers(regular):
            continue  # a family without a usable regular face is left out entirely
        found += [
            FontFace(family, style, weight, files[name])
            for (style, weight), name in faces.items()
            if name in files
        ]
    if not any(face.family in TEXT_FAMILIES for face in found):
        raise FontsMissing(
            "no font with every Azerbaijani letter found; install fonts-noto-core or "
            "fonts-dejavu-core",
            directories=[str(directory) for directory in directories],
        )
    return tuple(found)


@lru_cache(maxsize=32)
def covers(path: Path, letters: str = AZERBAIJANI_LETTERS) -> bool:
    """Whether the font file at ``path`` has a glyph for every one of ``letters``."""
    try:
        with TTFont(str(path), lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except (OSError, ValueError, KeyError):
        return False
    return all(ord(letter) in cmap for letter in letters)


def font_face_css(faces: Sequence[FontFace]) -> str:
    """``@font-face`` rules that load ``faces`` from their files."""
    rules = [
        "@font-face { "
        f'font-family: "{face.family}"; font-style: {face.style}; '
        f"font-weight: {face.weight}; "
        f'src: url("{face.path.resolve().as_uri()}") format("truetype"); '
        "}"
        for face in faces
    ]
    return "\n".join(rules)
