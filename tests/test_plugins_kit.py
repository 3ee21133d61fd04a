"""The conformance kit fails exporters that break its rules, each for the right reason.

One pytester session runs the kit on several small exporters, each with one
defect, and on a correct one; the test compares which kit tests failed for
each.  Without this, a kit that passed everything would look the same as a
kit that works.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import hypothesis  # noqa: F401  imported here once: the inner pytest session would import it again
import pytest

pytest_plugins = ["pytester"]

TEMPLATE = '''
import html
import time

from lishi_pub import Exporter, hookimpl
from lishi_pub import present
from lishi_pub.model import Figure
from lishi_pub.testing import ExporterConformance


def text_of(issue):
    parts = [issue.title or ""]
    for page in issue.pages:
        parts += list(page.banners)
        parts += [t for f in page.figures for t in (f.caption, present.credit(f.credit) or "")]
    for article in issue.articles:
        parts += [article.kicker or "", article.title or "", article.subtitle or "", article.dateline or ""]
        parts += [f"{c.role or ''} {c.name}" for c in article.contributors]
        for block in article.blocks:
            if isinstance(block, Figure):
                parts += [block.caption, present.credit(block.credit) or ""]
            else:
                parts.append(block.text)
    return parts


def render(issue):
    return "\\n".join(text_of(issue))


def record(**fields):
    return Exporter(**{"name": "demo", "render": render, "description": "demo", "extension": ".txt",
                       "media_type": "text/plain", **fields})


@hookimpl
def register_exporters():
    return [record()]


@DEFECT@


class TestDemo(ExporterConformance):
    exporter_name = "demo"
    plugin = __import__(__name__)
    hypothesis_examples = 3
    clock_tick = @TICK@
'''

DEFECTS: dict[str, tuple[str, float]] = {
    "correct": ("", 0.0),
    "drops_figures": ('''
        _text_of = text_of
        def text_of(issue):
            figures = {t for a in issue.articles for b in a.figures for t in (b.caption, present.credit(b.credit))}
            return [t for t in _text_of(issue) if t not in figures]
        ''', 0.0),
    "ignores_kicker": ('''
        _text_of = text_of
        def text_of(issue):
            kickers = {a.kicker for a in issue.articles}
            return [t for t in _text_of(issue) if t not in kickers]
        ''', 0.0),
    "stamps_time": ('''
        _render = render
        def render(issue):
            return _render(issue) + time.strftime("%H:%M:%S")
        ''', 1.1),
    "unescaped_html": ('''
        def render(issue):
            return "<html><body>" + "".join(f"<p>{t}</p>" for t in text_of(issue)) + "</body></html>"

        @hookimpl
        def register_exporters():
            return [record(media_type="text/html")]
        ''', 0.0),
    "escaped_html": ('''
        def render(issue):
            return "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in text_of(issue)) + "</body></html>"

        @hookimpl
        def register_exporters():
            return [record(media_type="text/html")]
        ''', 0.0),
    "swallows_errors": ('''
        def render(issue):
            out = []
            for text in text_of(issue):
                try:
                    out.append(str(text))
                except Exception:
                    continue
            return "\\n".join(out)
        ''', 0.0),
    "incomplete_record": ('''
        @hookimpl
        def register_exporters():
            return [record(description="", extension="")]
        ''', 0.0),
    "drops_banners": ('''
        _text_of = text_of
        def text_of(issue):
            banners = {b for p in issue.pages for b in p.banners}
            return [t for t in _text_of(issue) if t not in banners]
        ''', 0.0),
    "drops_page_figures": ('''
        _text_of = text_of
        def text_of(issue):
            figures = {t for p in issue.pages for f in p.figures for t in (f.caption, present.credit(f.credit))}
            return [t for t in _text_of(issue) if t not in figures]
        ''', 0.0),
    "truncates": ('''
        def render(issue):
            return "\\n".join(t[:10000] for t in text_of(issue))
        ''', 0.0),
    "stray_file": ('''
        _render = render
        def render(issue):
            with open("render-debug.log", "a", encoding="utf-8") as log:
                log.write("rendered\\n")
            return _render(issue)
        ''', 0.0),
    "wrong_language": ('''
        def render(issue):
            body = "".join(f"<p>{html.escape(t)}</p>" for t in text_of(issue))
            return f'<html lang="zh-CN"><body>{body}</body></html>'

        @hookimpl
        def register_exporters():
            return [record(media_type="text/html")]
        ''', 0.0),
    "raises_input_error": ('''
        from lishi_pub import InputError
        def render(issue):
            try:
                return "\\n".join(str(t) for t in text_of(issue))
            except RuntimeError as exc:
                raise InputError(f"cannot render: {exc}")
        ''', 0.0),
    "escapes_its_folder": ('''
        def render(issue):
            return {"../escape.txt": "\\n".join(text_of(issue))}

        @hookimpl
        def register_exporters():
            return [record(output="directory", extension="")]
        ''', 0.0),
}

#: The kit tests each defect must fail: exactly these, except where noted.
EXPECTED: dict[str, set[str]] = {
    "correct": set(),
    "drops_figures": {"test_every_block_type_renders[figure]", "test_every_block_type_renders[figure credit]"},
    "ignores_kicker": {"test_every_article_part_renders[kicker]"},
    "stamps_time": {"test_output_is_deterministic"},
    "unescaped_html": {"test_hostile_text_does_not_break_the_output[comment-cdata]"},
    "escaped_html": set(),
    "swallows_errors": {"test_failing_export_leaves_no_partial_file[new]",
                        "test_failing_export_leaves_no_partial_file[existing]",
                        "test_a_failure_is_an_export_error_naming_the_exporter"},
    "incomplete_record": {"test_registers_a_complete_record"},
    "drops_banners": {"test_every_page_part_renders[banner]"},
    "drops_page_figures": {"test_every_page_part_renders[page figure]",
                           "test_every_page_part_renders[page figure credit]"},
    "truncates": {"test_a_long_paragraph_reaches_the_output_whole"},
    "stray_file": {"test_nothing_is_written_outside_the_destination"},
    "wrong_language": {"test_the_issue_language_is_the_one_written"},
    "raises_input_error": {"test_a_failure_is_an_export_error_naming_the_exporter"},
}
#: A folder output with a name outside the folder fails everything that renders; these at least.
ESCAPES_AT_LEAST = {"test_renders_the_full_sample", "test_export_writes_where_asked",
                    "test_every_block_type_renders[paragraph]"}


def test_the_kit_fails_each_defect_for_its_reason(pytester: pytest.Pytester) -> None:
    for case, (defect, tick) in DEFECTS.items():
        module = TEMPLATE.replace("@DEFECT@", textwrap.dedent(defect)).replace("@TICK@", str(tick))
        pytester.makepyfile(**{f"test_{case}": module})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
    failed: dict[str, set[str]] = {case: set() for case in DEFECTS}
    passed: dict[str, int] = {case: 0 for case in DEFECTS}
    for report in result.reprec.getreports("pytest_runtest_logreport"):  # type: ignore[attr-defined]
        case = report.nodeid.split("::")[0].removeprefix("test_").removesuffix(".py")
        name = report.nodeid.split("::")[-1]
        if report.outcome == "failed":
            failed[case].add(name)
        elif report.when == "call" and report.outcome == "passed":
            passed[case] += 1
    escapes = failed.pop("escapes_its_folder")
    assert failed == EXPECTED
    assert escapes >= ESCAPES_AT_LEAST
    assert passed["correct"] >= 35, "the kit ran its tests"


def test_importing_the_kit_stays_light() -> None:
    code = ("import sys, lishi_pub.testing; print(sorted(m for m in "
            "('ebooklib', 'reportlab', 'hypothesis', 'lxml', 'pikepdf', 'jsonschema') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
