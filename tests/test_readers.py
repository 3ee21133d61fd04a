"""The reader table: choosing a reader, the dump reader as a plugin, failures reported as bad input."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

import lishi_pub
from lishi_pub import PageLayout, Reader, TextLine, hookimpl, plugins
from lishi_pub.cli import main
from lishi_pub.errors import InputError


def _plugin(reader: Reader) -> types.ModuleType:
    module = types.ModuleType(f"test_reader_{reader.name}")

    @hookimpl
    def register_readers() -> list[Reader]:
        return [reader]

    module.register_readers = register_readers  # type: ignore[attr-defined]
    return module


def _lines_reader(name: str, sniff_prefix: bytes) -> Reader:
    def read(source):  # type: ignore[no-untyped-def]
        yield PageLayout(7, [TextLine(t, starts_paragraph=True) for t in source.text.split("|")[1:]],
                         source=source.name)

    return Reader(name=name, description="test", suffixes=(".bar",), sniff=lambda h: h.startswith(sniff_prefix),
                  read=read)


def test_the_dump_reader_is_a_builtin_plugin() -> None:
    known = plugins.readers()
    assert known["dump"].provider == plugins.BUILTIN_PROVIDER
    assert "lishi_pub.default_plugins.dump_reader" in plugins.DEFAULT_PLUGINS


def test_content_claims_a_file_before_its_suffix_and_pages_are_numbered_across_files(tmp_path: Path) -> None:
    plugins.register(_plugin(_lines_reader("bars", b"BARS")))
    a = tmp_path / "a.txt"
    a.write_text("BARS|甲说了一句话。|乙说了一句话。", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("本报讯 今天天气很好，大家都出门了。\n", encoding="utf-8")
    issue = lishi_pub.parse([a, b])
    assert [p.number for p in issue.pages] == [1, 2]
    assert [p.text for p in issue.pages[0].articles[0].paragraphs] == ["甲说了一句话。", "乙说了一句话。"]
    assert issue.pages[1].articles[0].dateline == "本报讯"


def test_the_named_reader_wins(tmp_path: Path) -> None:
    plugins.register(_plugin(_lines_reader("bars", b"NEVER")))
    path = tmp_path / "page.txt"
    path.write_text("x|第一段。|第二段。", encoding="utf-8")
    issue = lishi_pub.parse(path, reader="bars")
    assert len(issue.articles[0].paragraphs) == 2
    assert len(lishi_pub.parse(path, reader="dump").articles[0].paragraphs) == 1


def test_a_reader_that_breaks_is_bad_input_naming_it(tmp_path: Path) -> None:
    def read(source):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")
        yield  # pragma: no cover

    plugins.register(_plugin(Reader(name="broken", description="", suffixes=(".brk",), sniff=lambda h: False,
                                    read=read)))
    path = tmp_path / "page.brk"
    path.write_text("正文。", encoding="utf-8")
    with pytest.raises(InputError, match="the broken reader .* failed: RuntimeError: boom"):
        lishi_pub.parse(path)


def test_two_readers_of_one_name_are_a_conflict() -> None:
    plugins.register(_plugin(_lines_reader("dump", b"X")))
    with pytest.raises(lishi_pub.PluginConflictError, match="reader 'dump' is provided twice"):
        plugins.readers()


def test_cli_from_unknown_reader_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text("正文。", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["parse", "--from", "nope", str(path)])
    assert exc.value.code == 2
    assert "unknown reader 'nope'; known readers: dump" in capsys.readouterr().err


def test_a_file_no_reader_reads_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert main(["parse", str(path)]) == 3
    assert capsys.readouterr().err.strip().endswith("this is a PNG image, not a text dump")
