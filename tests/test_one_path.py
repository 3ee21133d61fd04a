"""One conversion path, one metadata record, options bound once before any output (issue 13, item 4)."""

from __future__ import annotations

import datetime as dt

import pytest

import lishi_pub
from lishi_pub import plugins
from lishi_pub.errors import ExportError
from lishi_pub.testing import sample_issue

from test_cli import assert_one_line_error, run


def test_no_format_is_written_when_any_format_has_a_bad_option(sample_path, tmp_path):
    out = tmp_path / "out"
    result = run("convert", str(sample_path), "--to", "json,pdf,epub", "-O", "columns=3", "-o", str(out))
    assert_one_line_error(result, 2, "pdf", "columns", "1 or 2")
    assert not out.exists() or not any(out.iterdir()), "an output was written before the options were checked"


@pytest.mark.parametrize("value", ["two", "3", "0", "1.5"])
def test_bad_values_share_one_exit_code_and_name_the_allowed_values(sample_path, tmp_path, value):
    result = run("convert", str(sample_path), "--to", "pdf", "-O", f"columns={value}", "-o", str(tmp_path / "x.pdf"))
    assert_one_line_error(result, 2, "pdf option columns takes 1 or 2")


def test_python_values_and_cli_strings_are_bound_alike():
    issue = sample_issue()
    assert lishi_pub.render(issue, "epub", vertical="yes") == lishi_pub.render(issue, "epub", vertical=True)
    exporter = plugins.get_exporter("pdf")
    assert exporter.check_options({"columns": "2", "toc": "off"}) == {"columns": 2, "toc": False}
    assert exporter.check_options({"columns": 2, "toc": False}) == {"columns": 2, "toc": False}
    with pytest.raises(lishi_pub.OptionError, match="pdf option columns takes 1 or 2, not True"):
        exporter.check_options({"columns": True})
    assert {o.name: o.default for o in exporter.options}["columns"] == 1


def test_an_option_error_is_a_usage_error_also_from_python():
    with pytest.raises(ExportError) as caught:
        lishi_pub.render(sample_issue(), "pdf", columns=3)
    assert isinstance(caught.value, lishi_pub.OptionError) and caught.value.exit_code == 2


def test_vertical_is_an_ordinary_option(sample_path, tmp_path):
    by_flag = run("convert", str(sample_path), "--to", "json", "--vertical", "-o", str(tmp_path / "a.json"))
    by_option = run("convert", str(sample_path), "--to", "json", "-O", "vertical=yes", "-o", str(tmp_path / "b.json"))
    assert by_flag.returncode == by_option.returncode == 2
    assert by_flag.stderr == by_option.stderr


def test_overwriting_an_input_gives_one_exit_code_everywhere(sample_path, tmp_path):
    page = tmp_path / "page.json"
    page.write_text(lishi_pub.dumps(sample_issue()), "utf-8")
    single = run("convert", str(page), "--to", "json", "-o", str(page))
    folder = tmp_path / "2022-04-22"
    folder.mkdir()
    (folder / "page.txt").write_text(sample_path.read_text("utf-8"), "utf-8")
    batch = run("convert", str(tmp_path / "2022-04-22"), "--to", "json", "-o", str(tmp_path), "--file-per-issue")
    assert single.returncode == 4 and "refusing to overwrite an input" in single.stderr
    bundle = run("convert", "--bundle", str(folder), "--to", "epub", "-o", str(folder / "page.txt"))
    assert bundle.returncode == 4 and "refusing to overwrite an input" in bundle.stderr
    assert batch.returncode in (0, 6)


def test_one_metadata_record_for_api_cli_and_sidecar(sample_path, tmp_path):
    from lishi_pub.metadata import Metadata

    with pytest.raises(ValueError, match="day 30 is out of range"):
        Metadata(date="2022-02-30")
    assert_one_line_error(run("parse", str(sample_path), "--date", "2022-02-30"), 2, "day 30 is out of range")
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "p1.txt").write_text(sample_path.read_text("utf-8"), "utf-8")
    (folder / "issue.toml").write_text('date = "2022-02-30"\n', "utf-8")
    result = run("convert", str(folder), "--to", "json", "-o", str(tmp_path / "out"))
    assert result.returncode == 6 and "day 30 is out of range" in result.stdout + result.stderr
    with pytest.raises(ValueError, match="day 30 is out of range"):
        lishi_pub.parse(sample_path, date="2022-02-30")
    assert lishi_pub.parse(sample_path, date=dt.datetime(2022, 4, 22, 8)).date == dt.date(2022, 4, 22)


def test_every_conversion_is_a_job(sample_path, tmp_path):
    from lishi_pub.job import IssueInput, Job, plan

    chosen = [plugins.get_exporter("json"), plugins.get_exporter("epub")]
    targets = plan(chosen, {"vertical": "no"}, str(tmp_path / "out"), "page", [str(sample_path)])
    written = Job(inputs=[IssueInput([str(sample_path)])], targets=targets).run()
    assert [p.name for p in written] == ["page.json", "page.epub"]
    bundle = Job(inputs=[IssueInput([str(sample_path)]), IssueInput([str(tmp_path / "out" / "page.json")])],
                 targets=plan(chosen[1:], {}, str(tmp_path / "all.epub"), "all", []), bundle=True).run()
    assert bundle[0].stat().st_size > 0


def test_the_plugin_manager_is_an_object():
    first = plugins.host()
    assert isinstance(first, plugins.PluginHost) and plugins.get_plugin_manager() is first.pm
    assert "lishi_pub.default_plugins.json_exporter" in first.infos
    plugins.reset()
    assert plugins.host() is not first
    assert not [name for name in vars(plugins) if name in ("_pm", "_infos", "_skipped")]


def test_two_formats_and_a_file_name_is_refused(sample_path, tmp_path):
    result = run("convert", str(sample_path), "--to", "json,epub", "-o", str(tmp_path / "out.json"))
    assert_one_line_error(result, 2, "need a folder")
    assert not (tmp_path / "out.json").exists()
