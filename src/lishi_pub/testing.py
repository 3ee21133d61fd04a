"""The conformance kit: the tests every lishi-pub exporter must pass.

A third party subclasses :class:`ExporterConformance` in its own test suite,
as fsspec's abstract test classes are used, and pytest runs the inherited
tests against its exporter::

    import lishi_pub_markdown
    from lishi_pub.testing import ExporterConformance

    class TestConformance(ExporterConformance):
        exporter_name = "markdown"
        plugin = lishi_pub_markdown      # registered by hand for each test

The kit knows nothing of any format.  What it can check on any output it
checks (the output has the declared shape, every part of the model reaches it,
hostile text neither crashes the exporter nor swallows what follows, the same
issue gives the same bytes, the host writes it where asked and leaves nothing
behind on failure); what needs knowledge of the format is the subclass's
:meth:`~ExporterConformance.validate`.  Only pytest and lishi-pub itself are
imported here; hypothesis is imported by the one test that uses it.
"""

from __future__ import annotations

import datetime as _dt
import html.parser
import io
import json
import mimetypes
import re
import time
import typing
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

from . import plugins
from .errors import ExportError
from .exporter import Exporter, Rendered
from .model import Article, Block, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

__all__ = [
    "HOSTILE_TEXTS",
    "PROBES",
    "PROBE_LANGUAGE",
    "ExporterConformance",
    "bare_issue",
    "issues",
    "language_tags",
    "readable_text",
    "sample_issue",
]

#: Distinctive text for each part of the model; a test looks for it in the output.
PROBES: dict[str, str] = {
    "paragraph": "正文探针一二三",
    "heading": "小标题探针四五",
    "figure": "图片说明探针六七",
    "figure credit": "摄影探针八九",
    "title": "主标题探针甲乙",
    "derived title": "导语标题探针壬癸",
    "kicker": "引题探针丙丁",
    "subtitle": "副题探针戊己",
    "author": "作者探针庚",
    "dateline": "本报讯探针辛",
    "banner": "横幅探针子丑",
    "page figure": "版面图片探针寅卯",
    "page figure credit": "版面摄影探针辰巳",
}

#: A language tag no default would produce, to see that the issue's own reaches the output.
PROBE_LANGUAGE = "zh-Hant-TW"

#: How formats write a language tag: HTML/XML attributes, OPF metadata, JSON, YAML front matter, PDF.
_LANGUAGE_TAGS = re.compile(
    r"""(?:\blang\s*=\s*["']([^"']*)["'])"""
    r"""|(?:<dc:language[^>]*>\s*([^<\s]*)\s*<)"""
    r"""|(?:"(?:language|lang|inLanguage)"\s*:\s*"([^"]*)")"""
    r"""|(?:^(?:language|lang)\s*:\s*["']?([A-Za-z0-9-]+))"""
    r"""|(?:/Lang\s*\(([^)]*)\))""",
    re.M,
)

#: Text that breaks exporters which forget to escape, strip or wrap: markup of
#: every format lishi-pub meets, characters XML forbids, bidi overrides, line
#: separators, astral characters and one very long unbreakable word.  All are
#: valid Unicode strings (no lone surrogates), as the parser can produce.
HOSTILE_TEXTS: dict[str, str] = {
    "html": "<script>alert('x')</script><p>未闭合",
    "comment-cdata": "]]><!-- 注释未闭合 <![CDATA[",
    "entities": "&amp; &lt; &#0; &#x1F; &bogus; & 孤零零的和号",
    "controls": "控制字符\x00\x01\x08\x0b\x0c\x1b\x7f\x85结束",
    "noncharacters": "非字符\ufffe\uffff\ufdd0结束",
    "bidi-zero-width": "\u202e右到左覆盖\u202c\u200b零宽\u2060\ufeff字节序",
    "line-breaks": "行一\r\n行二\r行三\u2028行四\u2029行五",
    "markdown-front-matter": "---\ntitle: 注入\n---\n# 伪标题\n\n* 列表\n> 引用\n```\n代码块",
    "tables-links": "|表|格|\n|---|---|\n[链接](javascript:alert(1)) ![图](x) <http://x>",
    "template-syntax": "\\ \\\\ \" ' ` *强调* _下划线_ ~~删除~~ $数学$ {{ 模板 }} {% raw %} ${x} %s {0}",
    "xml-doctype": "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
    "magic-numbers": "%PDF-1.7 PK\x03\x04 \x1f\x8b 魔数",
    "astral-combining": "𠀀𪚥𰻞🀄👩\u200d👩\u200d👧 e\u0301\u0301\u0301 ｆｕｌｌｗｉｄｔｈ",
    "ideographic-spaces": "\u3000\u3000全角空格开头　　",
    "long-word": "x" * 2000,
    "null": "null",
}

#: Text that must follow hostile text in the output: if it is missing, the
#: hostile text swallowed it (an unclosed comment, tag or code fence).
SENTINEL = "哨兵文字应当可见"


def _article(**fields: Any) -> Article:
    return Article(**{"id": "a1", "blocks": (Paragraph("基础正文。"),), **fields})


def sample_issue() -> Issue:
    """An issue using every part of the model: two pages, all article apparatus, every block type."""
    return Issue(
        title="离石报",
        date=_dt.date(2022, 4, 22),
        number="第1234期",
        publisher="离石区融媒体中心",
        pages=(
            Page(
                number=1,
                label="第1版",
                header=("2022年4月22日 星期五", "责任编辑：王编辑"),
                banners=("同心抗疫 共克时艰",),
                articles=(
                    Article(
                        id="p1-a1",
                        title="离石区开展春季义务植树活动",
                        title_source="headline",
                        kicker="绿化家园 共建美好",
                        subtitle="全区干部群众植树三万株",
                        contributors=(Contributor("张伟", "记者"), Contributor("刘芳", "通讯员")),
                        dateline="本报讯",
                        blocks=(
                            Paragraph("4月21日，离石区组织干部群众在东川河畔开展义务植树活动。"),
                            Heading("一、精心组织"),
                            Paragraph("活动前，区林业局划定了地块，备好了树苗和工具。"),
                            Figure("志愿者在山坡上植树。", Credit((Contributor("王晶晶"),), "摄")),
                            Paragraph("大家挥锹培土、提水浇灌，现场一派热火朝天的景象。"),
                        ),
                    ),
                    Article(
                        id="p1-a2",
                        title="城区新增公交线路两条",
                        title_source="derived",
                        blocks=(Paragraph("城区新增公交线路两条，方便市民出行。"),),
                    ),
                ),
                figures=(Figure("城区新貌。"), Figure("东川河畔。", Credit((Contributor("刘芳", "通讯员"),), "供图")),
                         Figure("旧城全景。", Credit((), "资料图"))),
            ),
            Page(
                number=2,
                label="第2版",
                articles=(
                    Article(
                        id="p2-a1",
                        dateline="新华社北京5月5日电",
                        contributors=(Contributor("王艳"),),
                        blocks=(
                            Paragraph("记者从有关部门获悉，今年春耕备耕工作进展顺利。"),
                            Paragraph("各地因地制宜，确保农时不误。"),
                        ),
                    ),
                ),
            ),
        ),
    )


def bare_issue() -> Issue:
    """An issue with nothing but text: no metadata, no titles, as a dump without furniture parses."""
    return Issue(pages=(Page(articles=(Article(id="a1", blocks=(Paragraph(PROBES["paragraph"]),)),)),))


def _one_article_issue(article: Article) -> Issue:
    return Issue(title="测试报", date=_dt.date(2022, 1, 1), pages=(Page(number=1, articles=(article,)),))


_BLOCK_SAMPLES: dict[str, Block] = {
    "paragraph": Paragraph(PROBES["paragraph"]),
    "heading": Heading(PROBES["heading"]),
    "figure": Figure(PROBES["figure"]),
    "figure credit": Figure("一张照片。", Credit((Contributor(PROBES["figure credit"]),), "摄")),
}


def _block_kinds() -> list[str]:
    """Every block type of the model, so that a new type is flagged at once if the kit lacks a sample."""
    return [t.__name__.lower() for t in typing.get_args(Block)] + ["figure credit"]


_PARTS: dict[str, Callable[[Article], Article]] = {
    "title": lambda a: attrs.evolve(a, title=PROBES["title"], title_source="headline"),
    "derived title": lambda a: attrs.evolve(a, title=PROBES["derived title"], title_source="derived"),
    "kicker": lambda a: attrs.evolve(a, kicker=PROBES["kicker"]),
    "subtitle": lambda a: attrs.evolve(a, subtitle=PROBES["subtitle"]),
    "author": lambda a: attrs.evolve(a, contributors=(Contributor(PROBES["author"], "记者"),)),
    "dateline": lambda a: attrs.evolve(a, dateline=PROBES["dateline"]),
}


def _long_paragraph(length: int = 20000) -> str:
    """Text of ``length`` characters in which every stretch is different, so any cut shows."""
    sentences = []
    total = 0
    k = 0
    while total < length:
        sentence = f"第{k}句话说的是离石区的第{k * 7 % 1000}件事。"
        sentences.append(sentence)
        total += len(sentence)
        k += 1
    return "".join(sentences)[:length - 1] + "完"


def _files_of(output: Rendered) -> list[bytes]:
    """Every file of an output as bytes, ZIP members included (for looking for tags in markup)."""
    if isinstance(output, Mapping):
        return [f for data in output.values() for f in _files_of(data)]
    data = output.encode("utf-8") if isinstance(output, str) else output
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [archive.read(name) for name in archive.namelist()]
    return [data]


def language_tags(output: Rendered) -> list[str]:
    """Every language tag written in ``output`` (markup, OPF, JSON, front matter, an uncompressed PDF)."""
    tags = []
    for data in _files_of(output):
        text = data.decode("utf-8", errors="replace")
        tags += [next(g for g in m.groups() if g is not None) for m in _LANGUAGE_TAGS.finditer(text)]
    return tags


def _hostile_issue(text: str) -> Issue:
    """``text`` in every text field the model has, each followed by the sentinel where order exists."""
    article = Article(
        id="hostile-1",
        title=text,
        title_source="headline",
        kicker=text,
        subtitle=text,
        contributors=(Contributor(text, text), Contributor("王艳")),
        dateline=text,
        blocks=(
            Paragraph(text),
            Heading(text),
            Figure(text, Credit((Contributor(text, text),), text)),
            Paragraph(SENTINEL),
        ),
    )
    untitled = Article(id="hostile-2", blocks=(Paragraph(text), Paragraph(SENTINEL)))
    page = Page(number=1, label=text, header=(text,), banners=(text,), articles=(article, untitled),
                figures=(Figure(text, Credit((Contributor(text),), text)),), source=text)
    return Issue(title=text, date=_dt.date(2022, 4, 22), number=text, publisher=text, pages=(page,))


class _Unreadable:
    """Text that raises on any use: an exporter rendering it fails half way through."""

    def _fail(self, *args: object, **kwargs: object) -> Any:
        raise RuntimeError("conformance kit: this text cannot be read")

    __str__ = __repr__ = __format__ = __len__ = __iter__ = __bool__ = __hash__ = _fail
    __eq__ = __lt__ = __add__ = __radd__ = __contains__ = __getitem__ = _fail

    def __getattr__(self, name: str) -> Any:
        return self._fail()


def _unreadable_issue() -> Issue:
    """The sample issue whose very last paragraph cannot be read."""
    issue = sample_issue()
    last = issue.pages[-1].articles[-1].blocks[-1]
    assert isinstance(last, Paragraph)
    object.__setattr__(last, "text", _Unreadable())
    return issue


def issues() -> Any:
    """A hypothesis strategy for arbitrary valid Issues (imports hypothesis when called)."""
    from hypothesis import strategies as st

    cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
    text = st.text(st.one_of(cjk, st.characters(codec="utf-8")), min_size=1, max_size=40).filter(str.strip)
    maybe = st.none() | text
    contributor = st.builds(Contributor, text, maybe)
    credit = st.builds(Credit, st.lists(contributor, min_size=1, max_size=2).map(tuple), maybe) | st.builds(
        Credit, st.just(()), text)
    block = st.one_of(
        st.builds(Paragraph, text),
        st.builds(Heading, text),
        st.builds(Figure, text, st.none() | credit),
    )

    @st.composite
    def article(draw: Any, ident: str) -> Article:
        title = draw(maybe)
        return Article(
            id=ident,
            title=title,
            title_source=None if title is None else draw(st.sampled_from(["headline", "derived"])),
            kicker=draw(maybe),
            subtitle=draw(maybe),
            contributors=tuple(draw(st.lists(contributor, max_size=3))),
            dateline=draw(maybe),
            blocks=tuple(draw(st.lists(block, min_size=1, max_size=5))),
        )

    @st.composite
    def issue(draw: Any) -> Issue:
        pages = []
        for p in range(draw(st.integers(1, 2))):
            count = draw(st.integers(0, 3))
            pages.append(Page(
                number=p + 1,
                label=draw(maybe),
                header=tuple(draw(st.lists(text, max_size=2))),
                banners=tuple(draw(st.lists(text, max_size=2))),
                articles=tuple(draw(article(f"p{p + 1}-a{n + 1}")) for n in range(count)),
                figures=tuple(draw(st.lists(st.builds(Figure, text, st.none() | credit), max_size=2))),
            ))
        return Issue(
            title=draw(maybe),
            date=draw(st.none() | st.dates(_dt.date(1949, 1, 1), _dt.date(2100, 12, 31))),
            number=draw(maybe),
            publisher=draw(maybe),
            pages=tuple(pages),
        )

    return issue()


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


class _VisibleText(html.parser.HTMLParser):
    """The text a reader would see in HTML or XML: no tags, comments or scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def feed(self, data: str) -> None:
        # A browser hides everything after an unclosed comment; HTMLParser would show it.
        super().feed(_COMMENT.sub("", data))


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings_in(v)]
    return []


def _media_type_of(name: str, fallback: str) -> str:
    return mimetypes.guess_type(name)[0] or fallback


def readable_text(output: Rendered, media_type: str = "text/plain") -> str | None:
    """The text a reader of ``output`` would see, or None if it cannot be read without a format library.

    ``media_type`` says how to read text: JSON yields its strings, HTML and
    XML their visible text (no tags, comments or scripts), anything else is
    taken as it is.  A ZIP container (EPUB, OOXML, ODF) and a folder are read
    file by file, each by the media type its name suggests.  A PDF or other
    binary gives None.
    """
    if isinstance(output, Mapping):
        parts = [readable_text(output[name], _media_type_of(name, media_type)) for name in sorted(output)]
        return "\n".join(p for p in parts if p is not None)
    if isinstance(output, bytes):
        if output.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(io.BytesIO(output)) as archive:
                return readable_text({name: archive.read(name) for name in archive.namelist()}, "text/plain")
        if output.startswith(b"%PDF"):
            return None
        try:
            output = output.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        if "\x00" in output:
            return None
    kind = media_type.partition(";")[0].strip().lower()
    if kind.endswith(("/json", "+json")):
        return "\n".join(_strings_in(json.loads(output)))
    if kind.endswith(("/html", "/xml", "+xml")):
        parser = _VisibleText()
        parser.feed(output)
        parser.close()
        return "".join(parser.parts)
    return output


def _as_bytes(output: Rendered) -> bytes | dict[str, bytes]:
    if isinstance(output, Mapping):
        return {name: _as_bytes(data) for name, data in output.items()}  # type: ignore[misc]
    return output.encode("utf-8") if isinstance(output, str) else output


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) under ``root``."""
    found: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        found[path.relative_to(root).as_posix()] = path.read_bytes() if path.is_file() else None
    return found


class ExporterConformance:
    """Subclass this in a test module to run the conformance tests on one exporter.

    Set :attr:`exporter_name`, and :attr:`plugin` unless the exporter is
    built in.  To run the kit over several exporters, override the
    ``export_format`` fixture with ``params``.  Override :meth:`validate` to
    check the output with a validator of the format, and
    :meth:`extract_text` if :func:`readable_text` cannot read it.
    """

    #: The name the exporter registers.
    exporter_name: ClassVar[str] = ""
    #: A plugin module (or object) to register for each test; None for a built-in.
    plugin: ClassVar[object | None] = None
    #: Load installed plugins through their entry points, as a user's run does.
    load_entry_points: ClassVar[bool] = False
    #: Options passed to every render.
    options: ClassVar[Mapping[str, Any]] = {}
    #: Random issues the property-based test renders.
    hypothesis_examples: ClassVar[int] = 25
    #: Seconds between the two renders of the determinism test: more than
    #: the two-second resolution of ZIP timestamps, so a clock in the output shows.
    clock_tick: ClassVar[float] = 2.1

    exporter: Exporter

    def validate(self, output: Rendered, issue: Issue) -> None:
        """Raise if ``output`` is not a well-formed document of the format (default: no check)."""

    def extract_text(self, output: Rendered) -> str | None:
        """The text a reader sees in ``output``; None skips the checks that need it."""
        return readable_text(output, self.exporter.media_type)

    @pytest.fixture
    def export_format(self) -> str:
        if not self.exporter_name:
            raise TypeError(f"{type(self).__name__} must set exporter_name or override export_format")
        return self.exporter_name

    @pytest.fixture(autouse=True)
    def _lishi_pub_plugins(self, export_format: str, monkeypatch: pytest.MonkeyPatch) -> Any:
        if self.load_entry_points:
            monkeypatch.delenv(plugins.DISABLE_ENV, raising=False)
        else:
            monkeypatch.setenv(plugins.DISABLE_ENV, "1")
        plugins.reset()
        if self.plugin is not None:
            plugins.register(self.plugin)
        self.exporter = plugins.get_exporter(export_format)
        yield
        plugins.reset()

    # -- helpers ---------------------------------------------------------

    def render(self, issue: Issue | tuple[Issue, ...]) -> Rendered:
        """Render through the host as a user would (a tuple through ``render_collection``) and check the shape."""
        from . import api

        result = api.render(issue, self.exporter.name, **self.options)
        self.check_shape(result)
        return result

    def check_shape(self, output: Rendered) -> None:
        """The output is what the exporter declares: a file, or a mapping of safe names to files."""
        if self.exporter.output == "directory":
            assert isinstance(output, Mapping), f"a directory exporter must return a mapping, not {type(output)}"
            for name, data in output.items():
                assert isinstance(name, str) and name, f"bad file name {name!r}"
                parts = Path(name).parts
                assert not Path(name).is_absolute() and ".." not in parts and "\\" not in name, \
                    f"file name {name!r} would escape the output folder"
                self._check_file(data)
        else:
            self._check_file(output)

    def _check_file(self, data: object) -> None:
        assert isinstance(data, (bytes, str)), f"a file must be bytes or str, not {type(data).__name__}"
        if isinstance(data, str):
            data.encode("utf-8")

    # -- registration ----------------------------------------------------

    def test_registers_a_complete_record(self, export_format: str) -> None:
        exporter = self.exporter
        assert isinstance(exporter, Exporter)
        assert exporter.name == export_format
        assert exporter.provider, "the host stamps every record with its provider"
        assert exporter.description.strip(), "`lishi-pub formats` shows the description: give one"
        assert "/" in exporter.media_type, f"media_type {exporter.media_type!r} is not a media type"
        if exporter.output == "file":
            assert exporter.extension, "a file exporter declares an extension so `convert` can name its output"
        for option in exporter.options:
            assert option.help.strip(), f"option {option.name} has no help text for `lishi-pub formats`"

    def test_registration_is_stable(self, export_format: str) -> None:
        """Listing twice gives the same record: the hook builds records, it does no work."""
        again = plugins.exporters()[export_format]
        assert attrs.evolve(again, render=self.exporter.render,
                            render_collection=self.exporter.render_collection) == self.exporter

    # -- rendering -------------------------------------------------------

    def test_renders_the_full_sample(self) -> None:
        issue = sample_issue()
        output = self.render(issue)
        self.validate(output, issue)
        text = self.extract_text(output)
        if text is not None:
            for article in issue.articles:
                for block in article.paragraphs:
                    assert block.text in text, f"paragraph {block.text!r} of {article.id} is missing"

    def test_renders_a_bare_issue(self) -> None:
        issue = bare_issue()
        output = self.render(issue)
        self.validate(output, issue)
        text = self.extract_text(output)
        if text is not None:
            assert PROBES["paragraph"] in text

    def test_renders_an_issue_without_articles(self) -> None:
        issue = Issue(title="测试报", pages=(Page(number=1, banners=("只有横幅的一版",)),))
        self.validate(self.render(issue), issue)

    @pytest.mark.parametrize("kind", _block_kinds())
    def test_every_block_type_renders(self, kind: str) -> None:
        assert kind in _BLOCK_SAMPLES, f"the conformance kit has no sample of block type {kind!r}"
        block = _BLOCK_SAMPLES[kind]
        before, after = Paragraph("前面一段。"), Paragraph("后面一段。")
        without = _one_article_issue(_article(blocks=(before, after)))
        with_block = _one_article_issue(_article(blocks=(before, block, after)))
        plain, output = self.render(without), self.render(with_block)
        self.validate(output, with_block)
        assert _as_bytes(output) != _as_bytes(plain), f"adding a {kind} did not change the output"
        text = self.extract_text(output)
        if text is not None:
            probe = PROBES[kind]
            assert probe in text, f"the {kind} text {probe!r} is not in the output"

    @pytest.mark.parametrize("part", sorted(_PARTS))
    def test_every_article_part_renders(self, part: str) -> None:
        base = _article()
        without, with_part = _one_article_issue(base), _one_article_issue(_PARTS[part](base))
        plain, output = self.render(without), self.render(with_part)
        self.validate(output, with_part)
        assert _as_bytes(output) != _as_bytes(plain), f"setting the article's {part} did not change the output"
        text = self.extract_text(output)
        if text is not None:
            assert PROBES[part] in text, f"the {part} {PROBES[part]!r} is not in the output"

    @pytest.mark.parametrize("part", ["banner", "page figure", "page figure credit"])
    def test_every_page_part_renders(self, part: str) -> None:
        """Banners and figures that head no article are part of the page: an exporter must not drop them."""
        base = Page(number=1, articles=(_article(),))
        with_part = {
            "banner": attrs.evolve(base, banners=(PROBES["banner"],)),
            "page figure": attrs.evolve(base, figures=(Figure(PROBES["page figure"]),)),
            "page figure credit": attrs.evolve(base, figures=(
                Figure("一张版面照片。", Credit((Contributor(PROBES["page figure credit"]),), "摄")),)),
        }[part]
        without, issue = Issue(title="测试报", pages=(base,)), Issue(title="测试报", pages=(with_part,))
        plain, output = self.render(without), self.render(issue)
        self.validate(output, issue)
        assert _as_bytes(output) != _as_bytes(plain), f"adding a {part} to the page did not change the output"
        text = self.extract_text(output)
        if text is not None:
            assert PROBES[part] in text, f"the {part} {PROBES[part]!r} is not in the output"

    def test_a_long_paragraph_reaches_the_output_whole(self) -> None:
        long = _long_paragraph()
        issue = _one_article_issue(_article(blocks=(Paragraph(long), Paragraph(SENTINEL))))
        output = self.render(issue)
        self.validate(output, issue)
        text = self.extract_text(output)
        if text is not None:
            flat = "".join(text.split())
            assert long in flat, "a 20,000-character paragraph was cut or altered on its way to the output"
            assert SENTINEL in flat

    def test_the_issue_language_is_the_one_written(self) -> None:
        """Where the format carries a language tag, it is the issue's, not a default."""
        issue = attrs.evolve(sample_issue(), language=PROBE_LANGUAGE)
        output = self.render(issue)
        self.validate(output, issue)
        wrong = sorted({t for t in language_tags(output) if t.lower() != PROBE_LANGUAGE.lower()})
        assert not wrong, f"the issue's language is {PROBE_LANGUAGE}, but the output says {', '.join(wrong)}"

    def test_a_failure_is_an_export_error_naming_the_exporter(self) -> None:
        """The host names the exporter that failed; an exporter never dresses its failure up as bad input."""
        from . import api
        from .errors import LishiPubError

        try:
            self.exporter.render(_unreadable_issue(), **api._checked(self.exporter.name, self.options)[1])
        except ExportError:
            pass
        except LishiPubError as exc:
            pytest.fail(f"the exporter raised {type(exc).__name__}, which reports its failure as something "
                        "else (bad input, a conflict); raise ExportError, or let the error propagate")
        except Exception:
            pass
        with pytest.raises(ExportError) as caught:
            api.render(_unreadable_issue(), self.exporter.name, **self.options)
        assert self.exporter.name in str(caught.value), "the error does not say which exporter failed"

    @pytest.mark.parametrize("hostile", sorted(HOSTILE_TEXTS))
    def test_hostile_text_does_not_break_the_output(self, hostile: str) -> None:
        issue = _hostile_issue(HOSTILE_TEXTS[hostile])
        output = self.render(issue)
        self.validate(output, issue)
        text = self.extract_text(output)
        if text is not None:
            assert text.count(SENTINEL) >= 2, "hostile text swallowed the text that follows it"

    def test_random_issues_render(self) -> None:
        from hypothesis import HealthCheck, Phase, given, settings

        # The explain phase costs ~20 s on a failing issue this nested and adds little to the shrunk example.
        @settings(max_examples=self.hypothesis_examples, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow], phases=[p for p in Phase if p is not Phase.explain])
        @given(issues())
        def renders(issue: Issue) -> None:
            self.validate(self.render(issue), issue)

        renders()

    def test_output_is_deterministic(self) -> None:
        first = self.render(sample_issue())
        time.sleep(self.clock_tick)
        second = self.render(sample_issue())
        assert _as_bytes(first) == _as_bytes(second), "the same issue gave different bytes"

    def test_no_state_carries_over_between_renders(self) -> None:
        issue = sample_issue()
        first = self.render(issue)
        self.render(bare_issue())
        assert _as_bytes(self.render(issue)) == _as_bytes(first)

    def test_collection(self, tmp_path: Path) -> None:
        from . import api

        both = (sample_issue(), bare_issue())
        if self.exporter.render_collection is None:
            with pytest.raises(ExportError):
                api.export_collection(both, self.exporter.name, tmp_path / "out", **self.options)
            assert not any(tmp_path.iterdir())
            return
        output = self.render(both)
        assert _as_bytes(output) == _as_bytes(self.render((sample_issue(), bare_issue())))
        text = self.extract_text(output)
        if text is not None:
            assert PROBES["paragraph"] in text and "各地因地制宜" in text

    # -- writing ---------------------------------------------------------

    def _dest(self, folder: Path) -> Path:
        return folder / self.exporter.default_name("离石报-2022-04-22")

    def _assert_written(self, dest: Path, expected: Rendered) -> None:
        if self.exporter.output == "directory":
            assert dest.is_dir()
            assert _tree(dest) == {**_dirs_of(expected), **_as_bytes(expected)}  # type: ignore[dict-item]
        else:
            assert dest.read_bytes() == _as_bytes(expected)

    def test_export_writes_where_asked(self, tmp_path: Path) -> None:
        from . import api

        issue = sample_issue()
        dest = self._dest(tmp_path / "年" / "月")
        written = api.export(issue, self.exporter.name, dest, **self.options)
        assert Path(written) == dest
        self._assert_written(dest, self.render(issue))
        assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name], "temporary files were left behind"

    def test_nothing_is_written_outside_the_destination(self, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
        """Not in the working folder, the home folder, the temporary folder or beside the output."""
        from . import api

        places = {name: tmp_path / name for name in ("cwd", "home", "tmp", "out")}
        for place in places.values():
            place.mkdir()
        monkeypatch.chdir(places["cwd"])
        monkeypatch.setenv("HOME", str(places["home"]))
        monkeypatch.setenv("TMPDIR", str(places["tmp"]))
        monkeypatch.setattr("tempfile.tempdir", str(places["tmp"]))
        self.render(sample_issue())
        dest = self._dest(places["out"])
        api.export(sample_issue(), self.exporter.name, dest, **self.options)
        for name in ("cwd", "home", "tmp"):
            left = sorted(p.name for p in places[name].iterdir())
            assert not left, f"the exporter wrote {', '.join(left)} into the {name} folder"
        assert sorted(p.name for p in places["out"].iterdir()) == [dest.name], "a stray file beside the output"

    def test_export_replaces_an_earlier_output(self, tmp_path: Path) -> None:
        from . import api

        dest = self._dest(tmp_path)
        api.export(bare_issue(), self.exporter.name, dest, **self.options)
        issue = sample_issue()
        api.export(issue, self.exporter.name, dest, **self.options)
        expected = self.render(issue)
        if self.exporter.output == "directory":
            for name, data in _as_bytes(expected).items():  # type: ignore[union-attr]
                assert (dest / name).read_bytes() == data
        else:
            self._assert_written(dest, expected)
        assert sorted(p.name for p in tmp_path.iterdir()) == [dest.name], "temporary files were left behind"

    @pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
    def test_failing_export_leaves_no_partial_file(self, tmp_path: Path, existing: bool) -> None:
        from . import api

        dest = self._dest(tmp_path)
        if existing:
            api.export(bare_issue(), self.exporter.name, dest, **self.options)
        before = _tree(tmp_path)
        try:
            api.export(_unreadable_issue(), self.exporter.name, dest, **self.options)
        except ExportError:
            pass
        else:
            pytest.fail("the exporter rendered a paragraph it could not read: it must drop text silently")
        assert _tree(tmp_path) == before, "a failing export changed the destination"

    def test_refuses_the_wrong_kind_of_destination(self, tmp_path: Path) -> None:
        from . import api

        dest = self._dest(tmp_path)
        if self.exporter.output == "directory":
            dest.write_bytes(b"a file where a folder should go")
        else:
            (dest / "inside").mkdir(parents=True)
        before = _tree(tmp_path)
        with pytest.raises(ExportError):
            api.export(sample_issue(), self.exporter.name, dest, **self.options)
        assert _tree(tmp_path) == before


def _dirs_of(output: Rendered) -> dict[str, None]:
    """The sub-folders a directory output creates, as :func:`_tree` lists them."""
    dirs: dict[str, None] = {}
    for name in output if isinstance(output, Mapping) else ():
        parent = Path(name).parent
        while parent != Path("."):
            dirs[parent.as_posix()] = None
            parent = parent.parent
    return dirs

