"""Font choice, checks and per-character fallback, with fonts made on the spot by fontTools."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

import lishi_pub
from lishi_pub import Article, ExportError, Issue, Page, Paragraph
from lishi_pub.pdf.fonts import FONT_ENV, FontSpec, choose_font

POPPLER = all(shutil.which(tool) for tool in ("pdffonts", "pdftotext"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdffonts, pdftotext) not installed")

MICRO_HEI = Path(str(resources.files("lishi_pub") / "fonts" / "wqy-microhei.ttc"))
# What the partial fonts below hold: the body text but not the rare 囧 nor the masthead 离石报.
KEPT = "汉字中文的正文标题，。第版 0123456789ABCabc"


def issue(text: str = "正文。汉字囧") -> Issue:
    return Issue(title="离石报", pages=(Page(number=1, articles=(
        Article(id="a", title="标题", title_source="headline", blocks=(Paragraph(text),)),)),))


def partial_font(dest: Path, keep: str, *, rename: str | None = None, source: Path = MICRO_HEI) -> Path:
    """A TrueType copy of Micro Hei that has only ``keep``; ``rename`` gives it its own names."""
    font = TTFont(str(source), fontNumber=0)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=keep)
    subsetter.subset(font)
    if rename:
        for record in font["name"].names:
            if record.nameID in (1, 4):
                record.string = rename
            elif record.nameID == 6:
                record.string = rename.replace(" ", "")
    font.save(str(dest))
    return dest


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test fonts, made once: subsetting the 5 MB collection is the slow part."""
    folder = tmp_path_factory.mktemp("fonts")
    base = partial_font(folder / "base.ttf", KEPT + "离石报囧")
    return {
        "song": partial_font(folder / "song.ttf", KEPT, rename="Test Song", source=base),
        "trimmed": partial_font(folder / "trimmed.ttf", KEPT, source=base),
        "env": partial_font(folder / "envsong.ttf", KEPT + "离石报囧", rename="Env Song", source=base),
        "latin": partial_font(folder / "latin.ttf", "ABCabc 0123", rename="Latin Only", source=base),
    }


def cff_font(dest: Path) -> Path:
    """An OpenType font with PostScript (CFF) outlines that has 汉."""
    builder = FontBuilder(1000, isTTF=False)
    glyphs = [".notdef", "uni6C49"]
    builder.setupGlyphOrder(glyphs)
    builder.setupCharacterMap({0x6C49: "uni6C49"})
    pen = T2CharStringPen(1000, None)
    pen.moveTo((100, 0))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.closePath()
    builder.setupCFF("TestCFF", {"FullName": "TestCFF"}, {g: pen.getCharString() for g in glyphs}, {})
    builder.setupHorizontalMetrics({g: (1000, 0) for g in glyphs})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "TestCFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(dest))
    return dest


def fonts_in(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), rows
    return [row.split()[0].split("+", 1)[1] for row in rows]


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "text.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("font", "index", "env", "expected"), [
    (None, None, "", None),
    ("/f/uming.ttc", None, "", FontSpec(Path("/f/uming.ttc"), 0)),
    ("/f/uming.ttc:1", None, "", FontSpec(Path("/f/uming.ttc"), 1)),
    ("/f/uming.ttc:1", 2, "", FontSpec(Path("/f/uming.ttc"), 2)),
    (None, None, "/env/simsun.ttc:1", FontSpec(Path("/env/simsun.ttc"), 1)),
    (None, 0, "/env/simsun.ttc:1", FontSpec(Path("/env/simsun.ttc"), 0)),
    ("/f/a.ttf", None, "/env/simsun.ttc", FontSpec(Path("/f/a.ttf"), 0)),
    ("C:\\Fonts\\simsun.ttc", None, "", FontSpec(Path("C:\\Fonts\\simsun.ttc"), 0)),
    ("C:\\Fonts\\simsun.ttc:1", None, "", FontSpec(Path("C:\\Fonts\\simsun.ttc"), 1)),
])
def test_font_choice_from_option_and_environment(
    font: str | None, index: int | None, env: str, expected: FontSpec | None
) -> None:
    assert choose_font(font, index, {FONT_ENV: env} if env else {}) == expected


def test_a_negative_font_index_is_refused() -> None:
    with pytest.raises(ExportError, match="0 or more"):
        choose_font("/f/a.ttc", -1, {})


def test_a_cff_font_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"PostScript \(CFF\) outlines.*TrueType"):
        lishi_pub.render(issue(), "pdf", font=str(cff_font(tmp_path / "cff.otf")))


def test_a_font_without_chinese_is_refused(made: dict[str, Path]) -> None:
    with pytest.raises(ExportError, match="no Chinese characters"):
        lishi_pub.render(issue(), "pdf", font=str(made["latin"]))


@pytest.mark.parametrize(("font", "message"), [
    ("/no/such/font.ttf", "no such file"),
    (f"{MICRO_HEI}:7", r"bad subfontIndex|cannot be used"),
])
def test_unusable_font_paths_are_refused(font: str, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        lishi_pub.render(issue(), "pdf", font=font)


def test_a_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font at all" * 10)
    with pytest.raises(ExportError, match="cannot be used"):
        lishi_pub.render(issue(), "pdf", font=str(bogus))


@needs_poppler
def test_missing_characters_are_reported_and_drawn_from_the_default_font(
    made: dict[str, Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="lishi_pub.pdf"):
        data = lishi_pub.render(issue(), "pdf", font=str(made["song"]))
    warnings = [r.getMessage() for r in caplog.records if r.name == "lishi_pub.pdf"]
    assert len(warnings) == 1
    assert "Test Song" in warnings[0] and "WenQuanYi Micro Hei" in warnings[0]
    assert set("囧离石报") <= set(warnings[0].rsplit(":", 1)[1])
    assert sorted(fonts_in(data, tmp_path)) == ["TestSong", "WenQuanYiMicroHei-0"]
    text = text_of(data, tmp_path)
    assert "正文。汉字囧" in text and "离石报" in text


@needs_poppler
def test_fallback_works_when_both_fonts_share_a_postscript_name(made: dict[str, Path], tmp_path: Path) -> None:
    data = lishi_pub.render(issue(), "pdf", font=str(made["trimmed"]))
    assert len(fonts_in(data, tmp_path)) == 2
    text = text_of(data, tmp_path)
    assert "正文。汉字囧" in text and "离石报" in text


@needs_poppler
def test_the_environment_variable_chooses_the_font(
    made: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FONT_ENV, str(made["env"]))
    assert fonts_in(lishi_pub.render(issue(), "pdf"), tmp_path) == ["EnvSong"]


@needs_poppler
def test_a_face_of_a_collection_is_chosen_by_index(tmp_path: Path) -> None:
    assert fonts_in(lishi_pub.render(issue(), "pdf", font=str(MICRO_HEI), font_index=1), tmp_path) == [
        "WenQuanYiMicroHeiMono-1"
    ]


@needs_poppler
def test_a_character_no_font_has_is_marked_and_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="lishi_pub.pdf"):
        data = lishi_pub.render(issue("古字𠀀在此"), "pdf")
    assert "古字〓在此" in text_of(data, tmp_path)
    assert any("U+20000" in r.getMessage() for r in caplog.records)
