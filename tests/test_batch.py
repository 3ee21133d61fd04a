"""Batch mode as a library: discovery, issue metadata, and running many issues."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import lishi_pub
from lishi_pub.batch import Settings, convert_issue, resolve_jobs, run_batch, targets_for
from lishi_pub.discover import discover, expand_globs, is_batch, natural_key
from lishi_pub.errors import InputError
from lishi_pub.sidecar import date_from_name, issue_metadata, read_sidecar

from batch_archive import crash_on_marked, make_archive, page

JSON = Settings(formats=["json"])


def loaded(path: str | Path) -> lishi_pub.Issue:
    return lishi_pub.loads(Path(path).read_text("utf-8"))


def text_of(page: lishi_pub.Page) -> str:
    """All the words of a page, however the parser cut them into articles."""
    parts = [*page.banners, *page.header]
    for article in page.articles:
        parts += [article.title or "", *(getattr(b, "text", "") for b in article.blocks)]
    return "\n".join(parts)


# discovery ------------------------------------------------------------------------------------------------------


def test_pages_sort_naturally_and_hidden_or_other_files_are_not_pages(tmp_path):
    make_archive(tmp_path, {"issue": {"p10.txt": page("十"), "p2.txt": page("二"), "P1.TXT": page("一"),
                                      ".p3.txt": page("隐"), "notes.md": "x", "issue.toml": 'title = "离石报"'}})
    (sources, skipped) = discover([str(tmp_path / "issue")])
    assert skipped == []
    [source] = sources
    assert [Path(p).name for p in source.pages] == ["P1.TXT", "p2.txt", "p10.txt"]
    assert source.sidecar == str(tmp_path / "issue" / "issue.toml")
    assert source.stem == ("issue",)


def test_natural_key_orders_numbers_by_value_and_is_total():
    names = ["第10版.txt", "第2版.txt", "第1版.txt", "a.txt", "A.txt", "第１１版.txt"]
    assert sorted(names, key=natural_key) == ["A.txt", "a.txt", "第1版.txt", "第2版.txt", "第10版.txt", "第１１版.txt"]


def test_a_root_folder_is_searched_and_outputs_mirror_its_layout(tmp_path):
    make_archive(tmp_path / "archive", {"2022/2022-04-23": ["乙"], "2022/2022-04-22": ["甲"], "2023/01-05": ["丙"],
                                        ".trash/old": ["旧"], "empty/nothing": {}})
    sources, skipped = discover([str(tmp_path / "archive")])
    assert [s.stem for s in sources] == [("2022", "2022-04-22"), ("2022", "2022-04-23"), ("2023", "01-05")]
    assert skipped == []
    targets = targets_for(sources[0], tmp_path / "out", ["json", "epub"])
    assert targets == (tmp_path / "out" / "2022" / "2022-04-22.json", tmp_path / "out" / "2022" / "2022-04-22.epub")


def test_folders_without_pages_and_stray_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "readme.md").write_text("not a page", "utf-8")
    make_archive(tmp_path, {"2022-04-22": ["甲"]})
    sources, skipped = discover([str(tmp_path / "empty"), str(tmp_path / "readme.md"), str(tmp_path / "2022-04-22")])
    assert [s.name for s in sources] == [str(tmp_path / "2022-04-22")]
    assert {s.name: s.reason for s in skipped} == {str(tmp_path / "empty"): "no page files (*.pdf, *.txt)",
                                                   str(tmp_path / "readme.md"):
                                                   "not a page file (*.pdf, *.txt) or lishi-pub JSON (*.json)"}


def test_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        discover([str(tmp_path / "nope")])


def test_file_per_issue_makes_every_txt_its_own_issue(tmp_path):
    make_archive(tmp_path / "a", {"2022": {"lishi-20220422.txt": page("甲"), "lishi-20220423.txt": page("乙")}})
    sources, _ = discover([str(tmp_path / "a")], file_per_issue=True)
    assert [(s.stem, len(s.pages), s.is_folder) for s in sources] == [
        (("2022", "lishi-20220422"), 1, False), (("2022", "lishi-20220423"), 1, False)]
    assert issue_metadata(sources[1]).date == dt.date(2022, 4, 23)


def test_an_issue_reached_twice_is_converted_once_and_the_output_folder_is_not_searched(tmp_path):
    make_archive(tmp_path / "archive", {"2022-04-22": ["甲"], "out/2022-04-22": ["已转换"]})
    sources, _ = discover([str(tmp_path / "archive"), str(tmp_path / "archive" / "2022-04-22")],
                          exclude=tmp_path / "archive" / "out")
    assert [s.name for s in sources] == [str(tmp_path / "archive" / "2022-04-22")]


def test_globs_are_expanded_in_natural_order_and_literal_paths_kept(tmp_path):
    make_archive(tmp_path, {"i10": ["甲"], "i9": ["乙"], "x[1]": ["丙"]})
    assert expand_globs([str(tmp_path / "i*")]) == [str(tmp_path / "i9"), str(tmp_path / "i10")]
    assert expand_globs([str(tmp_path / "x[1]")]) == [str(tmp_path / "x[1]")]
    assert expand_globs([str(tmp_path / "**" / "p1.txt")])[0] == str(tmp_path / "i9" / "p1.txt")
    with pytest.raises(InputError, match="matches no file"):
        expand_globs([str(tmp_path / "nothing-*")])
    assert is_batch([str(tmp_path / "i9")]) and not is_batch([str(tmp_path / "i9" / "p1.txt")])


# metadata -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("2022-04-22", dt.date(2022, 4, 22)), ("lishi_20220422_p1", dt.date(2022, 4, 22)),
    ("2022.04.22", dt.date(2022, 4, 22)), ("2022_04_22", dt.date(2022, 4, 22)),
    ("no. 12345678", None), ("2022-0422", None), ("issue 1234", None), ("2022-02-30", None),
])
def test_dates_in_names(name, expected):
    assert date_from_name([name]) == expected


def test_sidecar_beats_name_and_command_line_beats_both(tmp_path):
    make_archive(tmp_path, {"2022-04-22": ["甲"]})
    (tmp_path / "2022-04-22" / "issue.toml").write_text(
        'title = "离石报"\nnumber = 1235\npublisher = "离石区融媒体中心"\ndate = 2022-04-21\n', "utf-8")
    [source], _ = discover([str(tmp_path / "2022-04-22")])
    assert issue_metadata(source).given() == {"title": "离石报", "number": "1235", "publisher": "离石区融媒体中心",
                                              "date": dt.date(2022, 4, 21)}
    assert issue_metadata(source, {"title": "吕梁日报", "date": "2022-05-01", "number": None}).given() == {
        "title": "吕梁日报", "number": "1235", "publisher": "离石区融媒体中心", "date": dt.date(2022, 5, 1)}

    result = convert_issue(source, str(tmp_path / "out"), Settings(formats=["json"], metadata={"number": "9"}))
    issue = loaded(result.outputs[0])
    assert (issue.title, issue.date, issue.number, issue.publisher) == (
        "离石报", dt.date(2022, 4, 21), "9", "离石区融媒体中心")


def test_name_date_is_used_without_a_sidecar(tmp_path):
    make_archive(tmp_path, {"2021-12-31": ["甲"], "misc": {"lishi-2020-01-02-p1.txt": page("乙")}})
    sources, _ = discover([str(tmp_path / "2021-12-31"), str(tmp_path / "misc")])
    assert [issue_metadata(s).date for s in sources] == [dt.date(2021, 12, 31), dt.date(2020, 1, 2)]


@pytest.mark.parametrize("text, words", [
    ('title = "离石报"\ntitel = "x"\n', ["unknown key titel", "known: title"]),
    ('title = "离石报\n', ["not valid TOML", "line 1"]),
    ("date = \"22/04/2022\"\n", ["date '22/04/2022' is not an ISO date"]),
    ("date = \"2022-02-30\"\n", ["day 30 is out of range"]),
    ("title = 12\n", ["title takes text, not int"]),
    ('publisher = "  "\n', ["publisher must not be blank"]),
])
def test_a_bad_sidecar_is_a_one_line_input_error(tmp_path, text, words):
    path = tmp_path / "issue.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        read_sidecar(str(path))
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    for word in words:
        assert word in message


def test_sidecar_may_start_with_a_bom_but_must_be_utf8(tmp_path):
    path = tmp_path / "issue.toml"
    path.write_bytes('\ufefftitle = "离石报"\n'.encode())
    assert read_sidecar(str(path)) == {"title": "离石报"}
    path.write_bytes('title = "离石报"\n'.encode("gb18030"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_sidecar(str(path))


# running --------------------------------------------------------------------------------------------------------


def test_a_failing_issue_is_reported_and_the_batch_goes_on(tmp_path):
    make_archive(tmp_path / "a", {"2022-04-22": ["甲"], "2022-04-23": {"p1.txt": ""}, "2022-04-24": ["丙"],
                                  "2022-04-25": {"p1.txt": page("丁"), "issue.toml": "title = ["}})
    sources, _ = discover([str(tmp_path / "a")])
    seen = []
    results = run_batch(sources, tmp_path / "out", JSON, on_result=seen.append)
    assert [r.status for r in results] == ["converted", "failed", "converted", "failed"]
    assert sorted(seen, key=lambda r: r.name) == results
    assert "p1.txt: the file is empty" in results[1].reason
    assert "issue.toml: not valid TOML" in results[3].reason
    assert all("\n" not in r.reason for r in results if r.reason)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2022-04-22.json", "2022-04-24.json"]
    assert "丙" in text_of(loaded(tmp_path / "out" / "2022-04-24.json").pages[0])


def test_pages_of_a_folder_become_pages_of_one_issue_in_natural_order(tmp_path):
    make_archive(tmp_path, {"2022-04-22": {"第2版.txt": page("第二版头条"), "第10版.txt": page("第十版头条"),
                                           "第1版.txt": page("第一版头条")}})
    [source], _ = discover([str(tmp_path / "2022-04-22")])
    [result] = run_batch([source], tmp_path / "out", JSON)
    issue = loaded(result.outputs[0])
    assert ["第一版头条" in text_of(issue.pages[0]), "第二版头条" in text_of(issue.pages[1]),
            "第十版头条" in text_of(issue.pages[2])] == [True] * 3
    assert issue.date == dt.date(2022, 4, 22)


def test_two_issues_may_not_share_an_output(tmp_path):
    make_archive(tmp_path, {"a/x": ["甲"], "b/x": ["乙"]})
    sources, _ = discover([str(tmp_path / "a" / "x"), str(tmp_path / "b" / "x")])
    first, second = run_batch(sources, tmp_path / "out", JSON)
    assert first.status == "converted"
    assert second.status == "failed" and str(tmp_path / "a" / "x") in second.reason
    assert "甲" in text_of(loaded(tmp_path / "out" / "x.json").pages[0])


def test_update_skips_issues_whose_outputs_are_newer(tmp_path):
    make_archive(tmp_path, {"2022-04-22": ["甲"], "2022-04-23": ["乙"]})
    sources, _ = discover([str(tmp_path / "2022-04-22"), str(tmp_path / "2022-04-23")])
    assert [r.status for r in run_batch(sources, tmp_path / "out", JSON, update=True)] == ["converted"] * 2
    later = (tmp_path / "out" / "2022-04-23.json").stat().st_mtime + 10
    os.utime(tmp_path / "2022-04-23" / "p1.txt", (later, later))
    results = run_batch(sources, tmp_path / "out", JSON, update=True)
    assert [(r.status, r.reason) for r in results] == [("skipped", "up to date"), ("converted", None)]
    assert [r.status for r in run_batch(sources, tmp_path / "out", JSON)] == ["converted"] * 2


def test_a_failed_export_leaves_the_previous_output_untouched(tmp_path):
    make_archive(tmp_path, {"2022-04-22": ["甲"]})
    [source], _ = discover([str(tmp_path / "2022-04-22")])
    out = tmp_path / "out"
    out.mkdir()
    (out / "2022-04-22.json").write_text("previous", "utf-8")
    (tmp_path / "2022-04-22" / "p1.txt").write_bytes(b"%PDF-1.7 not a dump")
    [result] = run_batch([source], out, JSON)
    assert result.status == "failed" and "pdftotext" in result.reason
    assert (out / "2022-04-22.json").read_text("utf-8") == "previous"
    assert [p.name for p in out.iterdir()] == ["2022-04-22.json"]


def test_warnings_go_into_the_issue_result(tmp_path, monkeypatch):
    make_archive(tmp_path, {"2022-04-22": ["甲"]})
    [source], _ = discover([str(tmp_path / "2022-04-22")])

    def warn(issue: lishi_pub.Issue, **options: object) -> str:
        import logging

        logging.getLogger("lishi_pub.test").warning("font lacks 𠀀")
        return "ok"

    lishi_pub.plugins.register(_exporter_plugin(warn), name="warner")
    [result] = run_batch([source], tmp_path / "out", Settings(formats=["warner"]))
    assert result.status == "converted"
    assert result.warnings == ("font lacks 𠀀",)


def _exporter_plugin(render):  # type: ignore[no-untyped-def]
    class Plugin:
        @lishi_pub.hookimpl
        def register_exporters(self):  # type: ignore[no-untyped-def]
            return [lishi_pub.Exporter(name="warner", render=render, extension=".txt")]

    return Plugin()


def test_jobs_two_writes_the_same_bytes_as_jobs_one(tmp_path):
    make_archive(tmp_path / "a", {"2022-04-22": ["甲", "乙"], "2022-04-23": ["丙"], "2022-04-24": ["丁"],
                                  "2022-04-25": {"p1.txt": ""}})
    sources, _ = discover([str(tmp_path / "a")])
    settings = Settings(formats=["json", "epub", "pdf"], options={"pdf": {"toc": True}},
                        metadata={"title": "离石报"})
    one = run_batch(sources, tmp_path / "one", settings, jobs=1)
    two = run_batch(sources, tmp_path / "two", settings, jobs=2)
    assert [r.status for r in one] == [r.status for r in two] == ["converted"] * 3 + ["failed"]
    assert one[3].reason == two[3].reason.replace(str(tmp_path / "two"), str(tmp_path / "one"))
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert len(files) == 9
    assert files == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    for rel in files:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_a_worker_that_dies_fails_only_its_own_issue(tmp_path):
    make_archive(tmp_path / "a", {"2022-04-22": ["甲"], "2022-04-23-crash": ["乙"], "2022-04-24": ["丙"]})
    sources, _ = discover([str(tmp_path / "a")])
    results = run_batch(sources, tmp_path / "out", JSON, jobs=2, convert=crash_on_marked)
    assert [r.status for r in results] == ["converted", "failed", "converted"]
    assert "worker process died" in results[1].reason
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2022-04-22.json", "2022-04-24.json"]


def test_jobs_zero_means_every_core_and_negative_is_refused():
    assert resolve_jobs(0) >= 1 and resolve_jobs(3) == 3
    with pytest.raises(ValueError, match="--jobs"):
        resolve_jobs(-1)
