"""The transform hook: transforms run only when named, in the order named, before rendering."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import lishi_pub
from lishi_pub import ExportError, Issue, Transform, hookimpl, plugins
from lishi_pub.cli import main
from lishi_pub.model import Article, Page, Paragraph


def append(suffix: str):
    """A transform that appends ``suffix`` to the issue title: the order of two shows in the result."""
    def apply(issue: Issue) -> Issue:
        return attrs.evolve(issue, title=(issue.title or "") + suffix)
    return apply


class Suffixes:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def _counted(self, name: str, suffix: str):
        def apply(issue: Issue) -> Issue:
            self.calls.append(name)
            return append(suffix)(issue)
        return apply

    @hookimpl
    def register_transforms(self):
        return [
            Transform(name="jia", apply=self._counted("jia", "甲"), description="append 甲"),
            Transform(name="yi", apply=self._counted("yi", "乙"), description="append 乙"),
            Transform(name="boom", apply=self._boom, description="always fails"),
            Transform(name="junk", apply=lambda issue: "not an issue", description="returns junk"),
        ]

    def _boom(self, issue: Issue) -> Issue:
        self.calls.append("boom")
        raise RuntimeError("transform bug")


@pytest.fixture
def suffixes() -> Suffixes:
    plugin = Suffixes()
    plugins.register(plugin, name="suffixes")
    return plugin


def issue() -> Issue:
    return Issue(title="报", pages=(Page(number=1, articles=(Article(id="a", blocks=(Paragraph("正文。"),)),)),))


def title_of(rendered: str | bytes) -> str | None:
    return lishi_pub.loads(rendered).title


def test_no_transform_runs_unless_named(suffixes: Suffixes) -> None:
    assert title_of(lishi_pub.render(issue(), "json")) == "报"
    assert suffixes.calls == []


@pytest.mark.parametrize(("names", "title"), [
    (["jia"], "报甲"),
    (["jia", "yi"], "报甲乙"),
    (["yi", "jia"], "报乙甲"),
    (["jia", "jia"], "报甲甲"),
    ("yi", "报乙"),
])
def test_transforms_run_in_the_order_named(suffixes: Suffixes, names, title: str) -> None:
    assert title_of(lishi_pub.render(issue(), "json", transforms=names)) == title


class Titles:
    """A format that can hold several issues: their titles, one a line."""

    @hookimpl
    def register_exporters(self):
        return [lishi_pub.Exporter(name="titles", render=lambda issue: issue.title, extension=".txt",
                                   render_collection=lambda issues: "\n".join(i.title for i in issues))]


def test_export_and_export_collection_apply_transforms(suffixes: Suffixes, tmp_path: Path) -> None:
    plugins.register(Titles(), name="titles")
    out = lishi_pub.export(issue(), "titles", tmp_path / "one.txt", transforms=["yi", "jia"])
    assert out.read_text(encoding="utf-8") == "报乙甲"
    both = lishi_pub.export_collection([issue(), attrs.evolve(issue(), title="刊")], "titles", tmp_path / "two.txt",
                                       transforms=["jia"])
    assert both.read_text(encoding="utf-8") == "报甲\n刊甲"
    assert suffixes.calls == ["yi", "jia", "jia", "jia"], "each issue of a collection is transformed once"


def test_every_name_is_looked_up_before_any_runs(suffixes: Suffixes, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown transform 'nope'; known transforms: boom, jia, junk, yi"):
        lishi_pub.export(issue(), "json", tmp_path / "out.json", transforms=["jia", "nope"])
    assert suffixes.calls == [] and not any(tmp_path.iterdir())


def test_a_failing_transform_names_itself_and_writes_nothing(suffixes: Suffixes, tmp_path: Path) -> None:
    failure = r"transform boom \(test_plugins_transforms\) failed: RuntimeError: transform bug"
    with pytest.raises(ExportError, match=failure):
        lishi_pub.export(issue(), "json", tmp_path / "out.json", transforms=["jia", "boom", "yi"])
    assert suffixes.calls == ["jia", "boom"] and not any(tmp_path.iterdir())


def test_a_transform_must_return_an_issue(suffixes: Suffixes) -> None:
    with pytest.raises(ExportError, match="transform junk .* returned str, not an Issue"):
        lishi_pub.render(issue(), "json", transforms=["junk"])


def test_the_cli_applies_transforms_in_order(suffixes: Suffixes, sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code = main(["convert", str(sample_path), "--to", "json", "-o", str(out), "--title", "报",
                 "--transform", "yi", "-T", "jia,yi"])
    assert code == 0
    assert title_of(out.read_bytes()) == "报乙甲乙"


def test_the_cli_transforms_once_for_several_formats(suffixes: Suffixes, sample_path: Path, tmp_path: Path) -> None:
    plugins.register(Copy(), name="copy")
    code = main(["convert", str(sample_path), "--to", "json,copy", "-o", str(tmp_path), "--title", "报", "-T", "jia"])
    assert code == 0
    assert suffixes.calls == ["jia"]
    stem = sample_path.stem
    assert title_of((tmp_path / f"{stem}.json").read_bytes()) == title_of((tmp_path / f"{stem}.copy").read_bytes())


class Copy:
    """A second JSON-like format, so one convert exports twice."""

    @hookimpl
    def register_exporters(self):
        return [lishi_pub.Exporter(name="copy", render=lishi_pub.dumps, extension=".copy", description="copy")]


def test_the_cli_refuses_an_unknown_transform_before_parsing(suffixes: Suffixes, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    missing_input = tmp_path / "does-not-exist.txt"
    assert main(["convert", str(missing_input), "--to", "json", "-o", str(tmp_path / "o.json"), "-T", "nope"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown transform 'nope'" in err[0]
    assert not (tmp_path / "o.json").exists()
