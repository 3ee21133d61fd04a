"""Exports never cost the user a file they had."""

from __future__ import annotations

import pytest

import lishi_pub
from lishi_pub import Article, Exporter, ExportError, Issue, Page, Paragraph, hookimpl
from lishi_pub.exporter import safe_name


def small_issue() -> Issue:
    article = Article(id="p1-a1", title="标题", title_source="headline", blocks=(Paragraph("正文。"),))
    return Issue(title="离石报", pages=(Page(number=1, articles=(article,)),))


class Broken:
    """A plugin whose exporter fails half way, as a real bug would."""

    @hookimpl
    def register_exporters(self):
        def render(issue, **options):
            raise RuntimeError("disk of the mind is full")

        def render_tree(issue, **options):
            return {"ok.txt": "fine", "../escape.txt": "no"}

        def render_half(issue, **options):
            return {"a.txt": "new", "b" * 300 + ".txt": "name too long for the file system"}

        return [Exporter(name="broken", render=render, extension=".txt"),
                Exporter(name="escaper", render=render_tree, output="directory"),
                Exporter(name="halfway", render=render_half, output="directory")]


@pytest.fixture
def broken(isolated_plugins):
    isolated_plugins.register(Broken(), name="broken-plugin")
    return isolated_plugins


def test_failed_export_leaves_the_previous_file_untouched(broken, tmp_path):
    target = tmp_path / "issue.txt"
    target.write_text("what the user had", "utf-8")
    with pytest.raises(ExportError, match="broken export failed: RuntimeError"):
        lishi_pub.export(small_issue(), "broken", target)
    assert target.read_text("utf-8") == "what the user had"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue.txt"]


def test_directory_output_cannot_escape_its_folder(broken, tmp_path):
    with pytest.raises(ExportError, match="unsafe output file name"):
        lishi_pub.export(small_issue(), "escaper", tmp_path / "out")
    assert not (tmp_path / "escape.txt").exists()
    assert not (tmp_path / "out" / "ok.txt").exists()


def test_a_directory_output_failing_half_way_changes_nothing(broken, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old", "utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        lishi_pub.export(small_issue(), "halfway", out)
    assert (out / "a.txt").read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_export_creates_folders_and_replaces_atomically(tmp_path):
    target = tmp_path / "a" / "b" / "issue.json"
    lishi_pub.export(small_issue(), "json", target)
    first = target.read_bytes()
    lishi_pub.export(small_issue(), "json", target)
    assert target.read_bytes() == first
    assert sorted(p.name for p in target.parent.iterdir()) == ["issue.json"]


def test_export_refuses_a_directory_as_a_file_target(tmp_path):
    with pytest.raises(ExportError, match="is a directory"):
        lishi_pub.export(small_issue(), "json", tmp_path)


def test_unknown_format_and_options(tmp_path):
    with pytest.raises(lishi_pub.UnknownFormatError, match="known formats: .*json"):
        lishi_pub.export(small_issue(), "docx", tmp_path / "x.docx")
    with pytest.raises(ExportError, match="no option colour"):
        lishi_pub.export(small_issue(), "json", tmp_path / "x.json", colour="red")


@pytest.mark.parametrize("stem, expected", [
    ("../../etc/passwd", "_.._etc_passwd"), ("..", "output"), ("a/b\\c", "a_b_c"),
    ("离石报 2022:04*22?", "离石报 2022_04_22_"), ("x" * 300, "x" * 100),
])
def test_names_made_from_titles_are_safe(stem, expected):
    assert safe_name(stem) == expected
