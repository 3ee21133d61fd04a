"""The review page in a real headless Chromium: what an editor sees and does.

Reviews of the sample page and of a three-page issue are opened from disk;
the DOM is checked against the parsed model, the mouse and keyboard are
driven through the DevTools protocol, and screenshots are kept in
``out/test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from chromium import Browser, find_chromium
from PIL import Image

import lishi_pub
from lishi_pub.reviewpage.build import read_traces

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"
THREE = [ROOT / "tests" / "dumps" / name
         for name in ("city-paper-pdfminer.txt", "three-features-pdfminer.txt", "quirks-pdfminer.txt")]
ARTIFACTS = ROOT / "out" / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    b = Browser(find_chromium())
    yield b
    b.close()


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Any]]]:
    """name: (the review file, each page's trace), built as a user would build them."""
    folder = tmp_path_factory.mktemp("reviews")
    out = {}
    for name, inputs in (("sample", [SAMPLE]), ("three", THREE)):
        path = lishi_pub.review(inputs, folder / f"{name}.html", title="离石报", date="2022-04-22")
        out[name] = (path, read_traces(inputs)[1])
    assert len(out["three"][1]) == 3
    return out


def _open(browser: Browser, reviews: dict[str, tuple[Path, list[Any]]], name: str) -> list[Any]:
    path, traces = reviews[name]
    browser.open(path)
    browser.eval("window.scrollTo(0, 0)")
    browser.settle()
    return traces


@pytest.mark.parametrize("name", ["sample", "three"])
def test_every_article_title_is_present(browser: Browser, reviews, name: str) -> None:
    traces = _open(browser, reviews, name)
    shown = browser.eval("""[...document.querySelectorAll('section.page')].map(
        s => [...s.querySelectorAll('.entry .title')].map(t => t.textContent))""")
    assert shown == [[a.title for a in t.page.articles] for t in traces]
    body = browser.eval("document.body.innerText")
    assert all(a.title in body for t in traces for a in t.page.articles)
    assert browser.errors == []


@pytest.mark.parametrize("name", ["sample", "three"])
def test_one_coloured_line_group_per_article(browser: Browser, reviews, name: str) -> None:
    traces = _open(browser, reviews, name)
    pages = browser.eval("""[...document.querySelectorAll('section.page')].map(s => {
        const groups = {};
        for (const l of s.querySelectorAll('.ln[data-a]'))
            (groups[l.dataset.a] ??= new Set()).add(getComputedStyle(l).backgroundColor);
        return {groups: Object.entries(groups).map(([k, v]) => [k, [...v]]),
                entries: [...s.querySelectorAll('.entry')].map(e => e.dataset.a),
                neutral: [...s.querySelectorAll('.ln:not([data-a])')].map(l => getComputedStyle(l).backgroundColor)};
    })""")
    for trace, page in zip(traces, pages):
        groups = dict(page["groups"])
        assert len(groups) == len(trace.page.articles) == len(page["entries"])
        assert set(groups) == set(page["entries"])
        colours = [groups[k] for k in page["entries"]]
        assert all(len(c) == 1 and c[0] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") for c in colours)
        assert all(a != b for a, b in zip(colours, colours[1:]))  # neighbours differ
        assert not set(page["neutral"]) & {c[0] for c in colours}  # furniture and banners stay neutral


@pytest.mark.parametrize("name", ["sample", "three"])
def test_clicking_an_article_scrolls_to_its_first_line(browser: Browser, reviews, name: str) -> None:
    traces = _open(browser, reviews, name)
    for p, trace in enumerate(traces, start=1):
        for k, article in enumerate(trace.page.articles, start=1):
            key = f"p{p}-a{k}"
            first = trace.lines[trace.article_lines(article.id)[0]]
            browser.click(f'.entry[data-a="{key}"] a.badge')
            seen = browser.eval("""(() => {
                const line = document.getElementById(location.hash.slice(1));
                const r = line.getBoundingClientRect();
                return {a: line.dataset.a, n: +line.dataset.n, top: r.top, bottom: r.bottom, height: innerHeight,
                         header: document.getElementById('top').getBoundingClientRect().bottom};
            })()""")
            assert (seen["a"], seen["n"]) == (key, first.number)
            assert seen["header"] - 1 <= seen["top"] and seen["bottom"] <= seen["height"], seen


def test_hover_links_an_article_with_its_lines(browser: Browser, reviews) -> None:
    _open(browser, reviews, "sample")
    browser.hover('.ln[data-a="p1-a3"][data-r="paragraph-start"]')
    marks = browser.eval("""({entry: getComputedStyle(document.getElementById('p1-a3')).outlineStyle,
        other: getComputedStyle(document.getElementById('p1-a4')).outlineStyle,
        line: getComputedStyle(document.querySelector('.ln[data-a="p1-a3"]')).borderLeftColor,
        otherLine: getComputedStyle(document.querySelector('.ln[data-a="p1-a4"]')).borderLeftColor})""")
    assert marks["entry"] == "solid" and marks["other"] == "none"
    assert marks["line"] == "rgb(0, 0, 0)" != marks["otherLine"]
    browser.hover('.entry[data-a="p1-a5"] .title')
    assert browser.eval("""getComputedStyle(document.querySelector('.ln[data-a="p1-a5"]')).borderLeftColor""") \
        == "rgb(0, 0, 0)"


def test_a_line_says_its_role(browser: Browser, reviews) -> None:
    _open(browser, reviews, "sample")
    browser.click('.ln[data-n="699"]')
    panel = browser.eval("[document.getElementById('panel').hidden, document.getElementById('panel').innerText]")
    assert panel[0] is False
    assert "line 699" in panel[1] and "byline" in panel[1] and "到群众最需要的地方去" in panel[1]
    browser.hover('.ln[data-n="514"]')
    assert "subheading" in browser.eval("""document.querySelector('.ln[data-n="514"]').title""")


def test_keyboard_moves_between_pages_and_flagged_items(browser: Browser, reviews) -> None:
    _open(browser, reviews, "three")
    current = """(() => { const h = document.getElementById('top').getBoundingClientRect().bottom + 12;
        let found = null; for (const s of document.querySelectorAll('section.page'))
            if (s.getBoundingClientRect().top <= h) found = s.id; return found; })()"""
    visited = []
    for key in "nnnpk":
        browser.key(key)
        visited.append(browser.eval(current))
    assert visited == ["p1", "p2", "p3", "p2", "p1"]
    browser.key("f")
    first = browser.eval("[document.activeElement.classList.contains('flag'), document.activeElement.id]")
    assert first[0] is True
    browser.key("f")
    second = browser.eval("document.activeElement.id")
    assert second != first[1]
    browser.key("F")
    assert browser.eval("document.activeElement.id") == first[1]
    browser.key("s")
    assert browser.eval("document.activeElement.id") == "summary"


def test_summary_lists_pages_by_need(browser: Browser, reviews) -> None:
    traces = _open(browser, reviews, "three")
    rows = browser.eval("""[...document.querySelectorAll('table.summary tbody tr')].map(
        r => [r.querySelector('a').getAttribute('href'), +r.lastElementChild.textContent])""")
    assert sorted(h for h, _ in rows) == [f"#p{k}" for k in range(1, len(traces) + 1)]
    needs = [n for _, n in rows]
    assert needs == sorted(needs, reverse=True)


def test_text_contrast_meets_wcag_aa(browser: Browser, reviews) -> None:
    _open(browser, reviews, "sample")
    worst = browser.eval("""(() => {
        const rgb = s => s.match(/[\\d.]+/g).map(Number);
        const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
            return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
        let worst = [99, ''];
        for (const e of document.querySelectorAll(
                '.ln .x, .ln .n, .ln .t, .ln .m, .badge, .entry p, .entry a, table td, table th, h2, h3, .keys *')) {
            if (!e.textContent.trim()) continue;
            const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < worst[0]) worst = [ratio, e.className + ' ' + e.textContent.slice(0, 20)];
        }
        return worst; })()""")
    assert worst[0] >= 4.5, worst


@pytest.mark.parametrize("name", ["sample", "three"])
def test_screenshot_is_not_blank(browser: Browser, reviews, name: str) -> None:
    _open(browser, reviews, name)
    png = browser.screenshot(ARTIFACTS / f"review-{name}.png")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1400, 1000)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 100
    assert max(count for count, _ in colours) < 0.9 * image.size[0] * image.size[1]


def test_hostile_text_does_not_run(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "hostile.txt"
    page.write_text("本报讯 <script>window.pwned=1</script>测试内容，<img src=x onerror=\"window.pwned=2\">"
                    "一二三。\n\n]]> &amp; 结束了。 （王艳）\n\n<b>标题</b>\n", encoding="utf-8")
    out = lishi_pub.review(page, tmp_path / "hostile.html")
    browser.open(out)
    browser.settle()
    assert browser.eval("window.pwned === undefined && document.images.length === 0")
    assert "<script>window.pwned=1</script>" in browser.eval("document.body.innerText")
    assert json.loads(browser.eval("JSON.stringify(document.querySelectorAll('script').length)")) == 1


def test_a_month_opens_and_every_page_is_reachable(browser: Browser, tmp_path: Path) -> None:
    """Thirty pages (the sample for each day): every page and summary row there, no script error,
    and the keyboard walks to the last page."""
    text = SAMPLE.read_text(encoding="utf-8")
    files = []
    for day in range(1, 31):
        files.append(tmp_path / f"2022-04-{day:02d}.txt")
        files[-1].write_text(text, encoding="utf-8")
    browser.open(lishi_pub.review(files, tmp_path / "month.html"))
    browser.errors.clear()
    counts = browser.eval("""[document.querySelectorAll('section.page').length,
        document.querySelectorAll('table.summary tbody tr').length, document.querySelectorAll('.entry').length]""")
    assert counts == [30, 30, 30 * 7]
    here = """(() => { const h = document.getElementById('top').getBoundingClientRect().bottom + 12;
        let found = null; for (const s of document.querySelectorAll('section.page'))
            if (s.getBoundingClientRect().top <= h) found = s.id; return found; })()"""
    for _ in range(30):
        browser.key("n")
    assert browser.eval(here) == "p30"
    (trace,) = read_traces([SAMPLE])[1]
    last = trace.page.articles[-1]
    browser.click(f'.entry[data-a="p30-a{len(trace.page.articles)}"] a.badge')
    assert browser.eval("location.hash") == f"#p30-L{trace.article_lines(last.id)[0] + 1}"
    assert browser.eval(here) == "p30"
    assert browser.errors == []


def test_narrow_screen_has_one_column_and_no_sideways_scroll(browser: Browser, reviews) -> None:
    browser.call("Emulation.setDeviceMetricsOverride", width=420, height=900, deviceScaleFactor=1, mobile=True)
    try:
        _open(browser, reviews, "sample")
        layout = browser.eval("""({overflow: document.documentElement.scrollWidth - innerWidth,
            columns: getComputedStyle(document.querySelector('.cols')).gridTemplateColumns.split(' ').length})""")
        assert layout == {"overflow": 0, "columns": 1}
        browser.screenshot(ARTIFACTS / "review-sample-narrow.png")
    finally:
        browser.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000, deviceScaleFactor=1,
                     mobile=False)


def test_an_arrow_runs_from_each_headline_line_to_its_story(browser: Browser, reviews) -> None:
    traces = _open(browser, reviews, "sample")
    (trace,) = traces
    article = trace.page.articles[0]  # its headline sits in the block at the end of the dump
    key = "p1-a1"
    heads = [trace.lines[i] for i in trace.article_lines(article.id) if trace.lines[i].role == "headline"]
    browser.hover(f'.ln[data-n="{heads[0].number}"]')
    ends = browser.eval(f"""(() => {{
        const box = document.querySelector('#p1 .source').getBoundingClientRect();
        const first = document.querySelector('.ln[data-a="{key}"]:not([data-r="headline"])').getBoundingClientRect();
        return {{paths: [...document.querySelectorAll('#p1 .source svg.arrows path[marker-end]')].map(p => {{
                    const n = p.getAttribute('d').match(/-?[\\d.]+/g).map(Number); return [n[1], n[n.length - 1]]; }}),
                 start: first.top - box.top + first.height / 2,
                 heads: {json.dumps([h.number for h in heads])}.map(n => {{
                    const r = document.querySelector(`.ln[data-n="${{n}}"]`).getBoundingClientRect();
                    return r.top - box.top + r.height / 2; }})}};
    }})()""")
    assert len(ends["paths"]) == len(heads) >= 1
    for (y0, y1), head in zip(ends["paths"], ends["heads"]):
        assert abs(y0 - head) < 1 and abs(y1 - ends["start"]) < 1
    browser.hover("#summary h2")
    assert browser.eval("document.querySelectorAll('svg.arrows').length") == 0


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_without_chromium_ci_fails_and_a_desk_skips(monkeypatch: pytest.MonkeyPatch, ci: str, outcome) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="Chromium is not installed"):
        find_chromium()


def test_a_pdf_page_is_shown_as_printed_beside_its_lines(browser: Browser, tmp_path: Path) -> None:
    """The hand-built PDF page: its lines traced to the three stories, and the overlay picture
    (rendered by pdftoppm, regions drawn) decoded and shown."""
    import shutil

    import pdf_pages

    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("poppler's pdftoppm is not installed")
        pytest.skip("poppler's pdftoppm is not installed")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(pdf_pages.build_page())
    traces = read_traces([pdf])[1]
    # the second of two files is page 2 of the issue but page 1 of its PDF
    browser.open(lishi_pub.review([pdf, pdf], tmp_path / "pdf.html"))
    shown = browser.eval("""({titles: [...document.querySelectorAll('#p2 .entry .title')].map(t => t.textContent),
        picture: [...document.querySelectorAll('figure.printed img')].map(i => [i.naturalWidth, i.naturalHeight]),
        groups: new Set([...document.querySelectorAll('#p2 .ln[data-a]')].map(l => l.dataset.a)).size})""")
    assert shown["titles"] == [a.title for a in traces[0].page.articles] and pdf_pages.TITLE in shown["titles"]
    assert shown["groups"] == len(traces[0].page.articles)
    assert len(shown["picture"]) == 2
    assert all(width > 500 and height > 700 for width, height in shown["picture"])  # A4 pages at 100 dpi
    browser.screenshot(ARTIFACTS / "review-pdf.png")
    assert browser.errors == []
