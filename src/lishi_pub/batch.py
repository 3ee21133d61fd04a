"""Convert an archive: many issues, each a pure function of its own files, on a pool of processes.

:func:`convert_issue` reads one issue's pages and sidecar, parses, exports
and writes atomically, and returns a small picklable :class:`IssueResult`
instead of raising: one bad issue is that issue's failure, never the batch's.
Because it depends on nothing but its arguments and the files, any engine
can run it: :func:`run_batch` below with a process pool, or a Dask bag or a
Ray task over the issue folders (examples/dask_convert.py).

Workers are started with ``spawn`` (the same on Linux, macOS and Windows,
and safe beside the progress bar's thread) and live for the whole batch, so
each imports ebooklib and reportlab and registers the PDF font once, not once
per issue.  At most one issue per worker is handed out at a time, which keeps
the biggest issues from queueing behind small ones (they go first) and tells,
when a worker dies (a crash, the out-of-memory killer), which issues it may
have been converting: those are retried one by one, each in a fresh process,
and only the one that kills its process again fails.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from attrs import field, frozen

from .discover import IssueSource
from .errors import LishiPubError

__all__ = ["IssueResult", "Settings", "capturing", "convert_issue", "resolve_jobs", "run_batch", "targets_for"]

Status = Literal["converted", "failed", "skipped"]
Convert = Callable[[IssueSource, str, "Settings"], "IssueResult"]


def _names(values: Iterable[str]) -> tuple[str, ...]:
    """attrs' converter, typed: ``converter=tuple`` is generic, and mypy cannot bind it to ``str``."""
    return tuple(values)


@frozen
class Settings:
    """What the command line decides for every issue of a batch; sent to each worker as it is.

    ``options`` maps a format to its exporter options, already converted to
    their kinds; ``metadata`` is the command line's, overriding each issue's
    sidecar and name.
    """

    formats: tuple[str, ...] = field(converter=_names)
    options: Mapping[str, Mapping[str, Any]] = field(factory=dict)
    transforms: tuple[str, ...] = field(default=(), converter=_names)
    metadata: Mapping[str, Any] = field(factory=dict)
    encoding: str | None = None
    max_bytes: int | None = None
    debug: bool = False
    reader: str | None = None
    profile: str | None = None  # a TOML file's path (docs/parsing.md)


@frozen
class IssueResult:
    """How one issue went: ``reason`` is one line for a failure or a skip; ``detail`` a traceback in debug mode."""

    name: str
    status: Status
    pages: int = 0
    outputs: tuple[str, ...] = ()
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    detail: str | None = None
    #: CPU time the issue took in the process that converted it, and that process's id: with
    #: ``--jobs N`` they tell what each worker did, beside the wall time (bench/bench_all.py).
    cpu_seconds: float = 0.0
    process: int | None = None

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"type": "issue", "issue": self.name, "status": self.status, "pages": self.pages,
                                  "outputs": list(self.outputs), "seconds": round(self.seconds, 3)}
        if self.process is not None:
            record.update(cpu_seconds=round(self.cpu_seconds, 3), process=self.process)
        if self.reason is not None:
            record["reason"] = self.reason
        if self.warnings:
            record["warnings"] = list(self.warnings)
        return record


class _IssueLog(logging.Handler):
    """Routes warnings logged while a thread converts an issue into that issue's result.

    Installed once per process; a thread that is not converting an issue is
    not affected.  Thread-local, so a threaded scheduler (Dask's) keeps each
    issue's warnings apart.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        sink = getattr(self.local, "sink", None)
        if sink is not None:
            sink.append(record.getMessage())


_ISSUE_LOG = _IssueLog()
_INSTALL = threading.Lock()


def capturing() -> bool:
    """Whether this thread is converting an issue (its warnings then belong to the issue's result)."""
    return getattr(_ISSUE_LOG.local, "sink", None) is not None


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    logger = logging.getLogger("lishi_pub")
    with _INSTALL:
        if _ISSUE_LOG not in logger.handlers:
            logger.addHandler(_ISSUE_LOG)
    sink: list[str] = []
    _ISSUE_LOG.local.sink = sink
    try:
        yield sink
    finally:
        _ISSUE_LOG.local.sink = None


def targets_for(source: IssueSource, out_dir: str | os.PathLike[str], formats: Sequence[str]) -> tuple[Path, ...]:
    """Where each format's output of ``source`` goes: its stem under ``out_dir``, plus the extension."""
    from .job import targets_in
    from .plugins import get_exporter

    folder = Path(out_dir).joinpath(*source.stem[:-1])
    return tuple(targets_in(folder, [get_exporter(fmt) for fmt in formats], source.stem[-1]))


def convert_issue(source: IssueSource, out_dir: str, settings: Settings) -> IssueResult:
    """Parse one issue's pages and write every format of it under ``out_dir``; never raises for a bad issue.

    A pure function of the issue's files and the arguments, so it can run in
    any process, in any order, on any machine that sees the files.  The
    conversion itself is a :class:`~lishi_pub.job.Job`, as on the command line.
    """
    from .job import IssueInput, Job, Target, refuse_overwriting_inputs
    from .plugins import get_exporter
    from .sidecar import issue_metadata

    start, cpu_start = time.perf_counter(), time.process_time()
    written: list[str] = []
    reason: str | None
    detail: str | None
    with _captured_warnings() as warnings:
        try:
            chosen = [get_exporter(fmt) for fmt in settings.formats]
            bound = {e.name: e.check_options(settings.options.get(e.name, {})) for e in chosen}
            targets = targets_for(source, out_dir, settings.formats)
            refuse_overwriting_inputs(targets, source.pages)
            job = Job(inputs=[IssueInput(source.pages, issue_metadata(source, settings.metadata))],
                      targets=[Target(e, t, bound[e.name]) for e, t in zip(chosen, targets)],
                      transforms=settings.transforms, reader=settings.reader, encoding=settings.encoding,
                      max_bytes=settings.max_bytes, profile=settings.profile)
            written = [str(path) for path in job.run()]
        except LishiPubError as exc:
            reason, detail = str(exc), traceback.format_exc() if settings.debug else None
        except Exception as exc:
            reason = f"internal error: {type(exc).__name__}: {exc}"
            detail = traceback.format_exc() if settings.debug else None
        else:
            reason = detail = None
    return IssueResult(name=source.name, status="converted" if reason is None else "failed",
                       pages=len(source.pages), outputs=tuple(written), reason=reason,
                       warnings=tuple(warnings), seconds=time.perf_counter() - start, detail=detail,
                       cpu_seconds=time.process_time() - cpu_start, process=os.getpid())


def resolve_jobs(jobs: int) -> int:
    """``0`` means every core this process may use."""
    if jobs < 0:
        raise ValueError(f"--jobs takes 0 (all cores) or more, not {jobs}")
    if jobs:
        return jobs
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _up_to_date(source: IssueSource, targets: Sequence[Path]) -> bool:
    try:
        oldest_output = min(t.stat().st_mtime for t in targets)
        inputs = [*source.pages, *([source.sidecar] if source.sidecar else [])]
        newest_input = max(os.stat(p).st_mtime for p in inputs)
    except (OSError, ValueError):
        return False
    return newest_input <= oldest_output


def _size(source: IssueSource) -> int:
    try:
        return sum(os.stat(p).st_size for p in source.pages)
    except OSError:
        return 0


def _init_worker(level: int) -> None:
    """Ctrl-C is the parent's to handle: it stops handing out issues and lets running ones finish."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("lishi_pub").setLevel(level)
    import gc

    from .cli import GC_THRESHOLD

    gc.set_threshold(GC_THRESHOLD, 10, 10)  # as the command's own process: see cli.GC_THRESHOLD


def _crashed(source: IssueSource) -> IssueResult:
    return IssueResult(name=source.name, status="failed", pages=len(source.pages),
                       reason="its worker process died (a crash, or out of memory); retried alone, died again")


class _Pool:
    """Issues handed out one per idle worker; returns the issues in flight if the pool breaks."""

    def __init__(self, jobs: int, out_dir: str, settings: Settings, convert: Convert,
                 finish: Callable[[int, IssueResult], None]) -> None:
        self.jobs = jobs
        self.out_dir = out_dir
        self.settings = settings
        self.convert = convert
        self.finish = finish

    def run(self, queue: deque[tuple[int, IssueSource]], jobs: int) -> list[tuple[int, IssueSource]]:
        level = logging.getLogger("lishi_pub").getEffectiveLevel()
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(level,))
        running: dict[Future[IssueResult], tuple[int, IssueSource]] = {}
        try:
            while queue or running:
                while queue and len(running) < jobs:
                    item = queue.popleft()
                    running[pool.submit(self.convert, item[1], self.out_dir, self.settings)] = item
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                broken = False
                for future in finished:
                    index, source = running[future]
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    except Exception as exc:  # e.g. a result that cannot be sent back
                        result = IssueResult(name=source.name, status="failed", pages=len(source.pages),
                                             reason=f"internal error: {type(exc).__name__}: {exc}")
                    del running[future]
                    self.finish(index, result)
                if broken:
                    return list(running.values())
            return []
        except KeyboardInterrupt:
            # Workers ignore SIGINT and finish the issues they hold: wait for them and count them, so the
            # summary tells every issue that is complete on disk.  A second Ctrl-C stops waiting.
            pool.shutdown(wait=False, cancel_futures=True)
            self._collect(running)
            raise
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            pool.shutdown(wait=True)

    def _collect(self, running: dict[Future[IssueResult], tuple[int, IssueSource]]) -> None:
        for future, (index, source) in list(running.items()):
            if future.cancelled():
                continue
            try:
                result = future.result()
            except Exception:
                continue
            self.finish(index, result)

    def run_all(self, items: list[tuple[int, IssueSource]]) -> None:
        queue = deque(sorted(items, key=lambda item: -_size(item[1])))
        while queue:
            suspects = self.run(queue, self.jobs)
            for index, source in suspects:
                if self.run(deque([(index, source)]), 1):
                    self.finish(index, _crashed(source))


def run_batch(sources: Sequence[IssueSource], out_dir: str | os.PathLike[str], settings: Settings, *,
              jobs: int = 1, update: bool = False, on_result: Callable[[IssueResult], None] | None = None,
              convert: Convert = convert_issue) -> list[IssueResult]:
    """Convert every issue, ``jobs`` at a time; results in the order of ``sources``.

    ``on_result`` is called with each result as it arrives (for progress).
    ``jobs=1`` converts in this process, one issue after another.  With
    ``update``, an issue whose outputs are all newer than its pages and
    sidecar is skipped.  Two issues whose outputs would have one name (say
    ``a/x`` and ``b/x`` given together) are not allowed to overwrite each
    other: the second fails, naming the first.
    """
    out = os.fspath(out_dir)
    results: dict[int, IssueResult] = {}

    def finish(index: int, result: IssueResult) -> None:
        results[index] = result
        if on_result is not None:
            on_result(result)

    todo: list[tuple[int, IssueSource]] = []
    owners: dict[str, str] = {}
    for index, source in enumerate(sources):
        targets = targets_for(source, out, settings.formats)
        keys = [os.path.normcase(os.path.abspath(t)).casefold() for t in targets]
        clash = next((owners[k] for k in keys if k in owners), None)
        if clash is not None:  # checked before --update: a skipped issue still owns its names
            finish(index, IssueResult(name=source.name, status="failed", pages=len(source.pages),
                                      reason=f"its output name is taken by {clash}; rename one of the two"))
            continue
        owners.update(dict.fromkeys(keys, source.name))
        if update and _up_to_date(source, targets):
            finish(index, IssueResult(name=source.name, status="skipped", pages=len(source.pages),
                                      outputs=tuple(map(str, targets)), reason="up to date"))
        else:
            todo.append((index, source))

    workers = min(resolve_jobs(jobs), len(todo))
    if workers <= 1:
        for index, source in todo:
            finish(index, convert(source, out, settings))
    else:
        _Pool(workers, out, settings, convert, finish).run_all(todo)
        _sweep_partial_writes(todo, out, settings)
    return [results[i] for i in range(len(sources))]


def _sweep_partial_writes(todo: Sequence[tuple[int, IssueSource]], out: str, settings: Settings) -> None:
    """A worker that died mid-write leaves its temporary file (``.NAME.xxxx.part``,
    see :mod:`lishi_pub.atomic`) beside the output; the output itself is whole or
    absent, and the stray file is this batch's own, so it goes."""
    for _index, source in todo:
        for target in targets_for(source, out, settings.formats):
            for stray in Path(target).parent.glob(f".{Path(target).name[:100]}.*.part"):
                with contextlib.suppress(OSError):
                    if stray.is_dir():
                        shutil.rmtree(stray)
                    else:
                        stray.unlink()
