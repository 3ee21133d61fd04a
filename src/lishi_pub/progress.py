"""How a batch shows what it does: a progress bar for a person, lines for a log or a program.

A terminal gets a rich bar (pages done, issues done, time left) with each
failure printed above it as it happens, then a summary.  Anything else gets
nothing but what a log needs: a line per failure or warning and a one-line
summary on stderr, and, when stdout is not a terminal, one JSON object per
issue and a final summary object there (JSON Lines), for scripts to read.
rich is imported only when a bar is drawn.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, Protocol

from .batch import IssueResult, Status

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["Bar", "JsonLines", "Lines", "Reporter", "counts", "summary_lines"]

PROG = "lishi-pub"
_STATUSES: tuple[Status, ...] = ("converted", "failed", "skipped")
#: Above this many issues skipped for one reason, the summary counts them instead of naming each.
_NAMED_SKIPS = 10


class Reporter(Protocol):
    def start(self, issues: int, pages: int) -> None: ...

    def issue(self, result: IssueResult) -> None: ...

    def finish(self, results: Sequence[IssueResult], seconds: float) -> None: ...

    def stop(self) -> None:
        """Give the terminal back (also after an error or Ctrl-C)."""


def counts(results: Sequence[IssueResult]) -> dict[str, int]:
    found = Counter(r.status for r in results)
    return {status: found[status] for status in _STATUSES}


def _headline(results: Sequence[IssueResult], seconds: float) -> str:
    c = counts(results)
    pages = sum(r.pages for r in results if r.status == "converted")
    return (f"{c['converted']} converted ({pages} page files), {c['failed']} failed, "
            f"{c['skipped']} skipped in {seconds:.1f} s")


def summary_lines(results: Sequence[IssueResult], seconds: float) -> list[str]:
    """The end-of-batch summary a person reads: counts, each failure with its reason, skips by reason."""
    lines = [_headline(results, seconds)]
    failed = [r for r in results if r.status == "failed"]
    if failed:
        lines.append("failed:")
        lines.extend(f"  {r.name}: {r.reason}" for r in failed)
    by_reason: dict[str, list[str]] = {}
    for r in results:
        if r.status == "skipped":
            by_reason.setdefault(r.reason or "skipped", []).append(r.name)
    if by_reason:
        lines.append("skipped:")
        for reason, names in by_reason.items():
            if len(names) > _NAMED_SKIPS:
                lines.append(f"  {len(names)} issues: {reason}")
            else:
                lines.extend(f"  {name}: {reason}" for name in names)
    return lines


class JsonLines:
    """One JSON object per issue as it finishes, then ``{"type": "summary", ...}``."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def _write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()

    def start(self, issues: int, pages: int) -> None:
        pass

    def issue(self, result: IssueResult) -> None:
        self._write(result.as_json())

    def finish(self, results: Sequence[IssueResult], seconds: float) -> None:
        self._write({"type": "summary", **counts(results), "seconds": round(seconds, 3)})

    def stop(self) -> None:
        pass


class Lines:
    """Quiet text for a log: failures and warnings as they come, then the counts."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def start(self, issues: int, pages: int) -> None:
        pass

    def issue(self, result: IssueResult) -> None:
        for warning in result.warnings:
            print(f"{PROG}: warning: {result.name}: {warning}", file=self.stream)
        if result.status == "failed":
            print(f"{PROG}: failed: {result.name}: {result.reason}", file=self.stream)
            if result.detail:
                print(result.detail.rstrip(), file=self.stream)

    def finish(self, results: Sequence[IssueResult], seconds: float) -> None:
        print(f"{PROG}: {_headline(results, seconds)}", file=self.stream)

    def stop(self) -> None:
        pass


class Bar:
    """A live bar on a terminal, failures and warnings printed above it, a summary below."""

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        self.console = console if console is not None else Console(stderr=True)
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("pages"), TimeElapsedColumn(), TimeRemainingColumn(),
                                 console=self.console, transient=True)
        self.task = self.progress.add_task("", total=0)
        self.issues = 0
        self.done = 0

    def _describe(self) -> str:
        return f"{self.done}/{self.issues} issues"

    def start(self, issues: int, pages: int) -> None:
        self.issues = issues
        self.progress.update(self.task, total=pages, description=self._describe())
        self.progress.start()

    def issue(self, result: IssueResult) -> None:
        from rich.text import Text

        self.done += 1
        self.progress.update(self.task, advance=result.pages, description=self._describe())
        for warning in result.warnings:
            self.progress.console.print(Text.assemble(("warning ", "yellow"), f"{result.name}: {warning}"))
        if result.status == "failed":
            self.progress.console.print(Text.assemble(("failed ", "bold red"), f"{result.name}: {result.reason}"))
            if result.detail:
                self.progress.console.print(Text(result.detail.rstrip()))

    def finish(self, results: Sequence[IssueResult], seconds: float) -> None:
        from rich.text import Text

        self.progress.stop()
        c = counts(results)
        style = "bold red" if c["failed"] else "bold green"
        lines = summary_lines(results, seconds)
        self.console.print(Text(lines[0], style=style))
        for line in lines[1:]:
            self.console.print(Text(line))

    def stop(self) -> None:
        self.progress.stop()
