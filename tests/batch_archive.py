"""Small archives on disk for the batch tests, and a per-issue function that kills its worker."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from lishi_pub.batch import IssueResult, Settings, convert_issue
from lishi_pub.discover import IssueSource


def page(headline: str, reporter: str = "王明") -> str:
    """A short page dump the parser reads as one article under ``headline``."""
    return (f"{headline}\n本报讯（记者 {reporter}）近日，离石区各乡镇抓住有利时机，组织农民开展春耕备耕工作。\n"
            "各村合作社统一采购种子化肥，确保不误农时。\n")


def make_archive(root: Path, issues: Mapping[str, Sequence[str] | Mapping[str, str]]) -> Path:
    """``{"2022-04-22": ["headline", ...]}``: one folder per issue, ``p1.txt``... with one page per headline.

    A mapping instead of a list gives file names to contents as they are.
    """
    for folder, pages in issues.items():
        where = root / folder
        where.mkdir(parents=True, exist_ok=True)
        files = pages if isinstance(pages, Mapping) else {f"p{n}.txt": page(h) for n, h in enumerate(pages, 1)}
        for name, text in files.items():
            (where / name).write_text(text, "utf-8")
    return root


def crash_on_marked(source: IssueSource, out_dir: str, settings: Settings) -> IssueResult:
    """Like convert_issue, but the worker dies outright on an issue whose name contains ``crash``."""
    if "crash" in source.name:
        os._exit(70)
    return convert_issue(source, out_dir, settings)
