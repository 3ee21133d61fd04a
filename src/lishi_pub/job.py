"""One conversion, whatever its size: inputs → issues → transforms → every format → written together.

The command line's single and bundle conversions and each issue of a batch
are all a :class:`Job`; :func:`plan` names the outputs and binds every
format's options before anything is read, so a bad option or a clash with an
input costs nothing.  Every output is rendered in memory first, then all are
written under one lock per output folder: a failing format writes nothing,
and two runs writing the same outputs at once each leave a consistent set.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from attrs import field, frozen

from .errors import ExportError, LishiPubError, OptionError
from .exporter import Exporter, Rendered
from .metadata import Metadata
from .model import Issue

__all__ = ["STDOUT", "IssueInput", "Job", "Target", "bind_options", "plan", "render_with", "targets_in",
           "write_output"]

#: The output name meaning standard output, as pandoc and most Unix tools take it.
STDOUT = "-"


def _targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(value)


def _inputs(value: Iterable[IssueInput]) -> tuple[IssueInput, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class Target:
    """One output: a format, its bound options, and where it goes (None: standard output)."""

    exporter: Exporter
    path: Path | None
    options: Mapping[str, Any] = field(factory=dict)


@frozen
class IssueInput:
    """The files of one issue (page dumps, or one JSON document) and what the user says about it."""

    paths: tuple[str, ...] = field(converter=_strings)
    metadata: Metadata = field(factory=Metadata)


def bind_options(exporters: Sequence[Exporter], options: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each exporter's share of ``options``, bound; an option no exporter takes is an error.

    Every format is checked before any is rendered, so ``--to json,pdf -O
    columns=3`` fails before the JSON is written.
    """
    unclaimed = sorted(k for k in options if not any(e.option(k) for e in exporters))
    if unclaimed:
        names = ", ".join(e.name for e in exporters)
        raise OptionError(f"option {', '.join(unclaimed)}: none of the chosen formats ({names}) takes it "
                          "(see `lishi-pub formats`)")
    return {e.name: e.check_options({k: v for k, v in options.items() if e.option(k)}) for e in exporters}


def targets_in(folder: str | os.PathLike[str], exporters: Sequence[Exporter], stem: str) -> list[Path]:
    """Each format's output for an input called ``stem``, inside ``folder``."""
    return [Path(folder) / e.default_name(stem) for e in exporters]


def _output_paths(output: str | None, exporters: Sequence[Exporter], stem: str) -> list[Path | None]:
    """With one format ``-o`` may name the file (``-`` for standard output); otherwise it names a folder."""
    if output == STDOUT:
        if len(exporters) > 1:
            raise OptionError("-o -: standard output takes one format, not "
                              f"{', '.join(e.name for e in exporters)}")
        if exporters[0].output == "directory":
            raise OptionError(f"-o -: the {exporters[0].name} format writes a folder, which cannot go to "
                              "standard output; give a folder name")
        return [None]
    if not output:
        return list(targets_in(Path.cwd(), exporters, stem))
    out = Path(output)
    folder_named = output.endswith(("/", os.sep))
    if len(exporters) == 1 and not out.is_dir() and not folder_named:
        return [out]
    if out.exists() and not out.is_dir():
        raise OptionError(f"-o {output}: {len(exporters)} formats need a folder to go into, and this is a file")
    if not out.exists() and out.suffix and not folder_named:
        raise OptionError(f"-o {output}: {len(exporters)} formats need a folder, not a file name; "
                          f"end it with / to make a folder of that name")
    return list(targets_in(out, exporters, stem))


def refuse_overwriting_inputs(paths: Sequence[Path | None], inputs: Sequence[str]) -> None:
    """An output that is one of the inputs would destroy what the user had."""
    sources = {os.path.realpath(f) for f in inputs}
    for path in paths:
        if path is not None and os.path.realpath(path) in sources:
            raise ExportError(f"{path}: refusing to overwrite an input file")


def plan(exporters: Sequence[Exporter], options: Mapping[str, Any], output: str | None, stem: str,
         inputs: Sequence[str]) -> tuple[Target, ...]:
    """The outputs of a conversion, named, checked and with their options bound; nothing is touched."""
    bound = bind_options(exporters, options)
    paths = _output_paths(output, exporters, stem)
    refuse_overwriting_inputs(paths, inputs)
    return tuple(Target(e, p, bound[e.name]) for e, p in zip(exporters, paths))


def render_with(exporter: Exporter, issues: Issue | Sequence[Issue], options: Mapping[str, Any]) -> Rendered:
    """One issue through ``render``, a collection through ``render_collection``; failures named after the exporter."""
    try:
        if isinstance(issues, Issue):
            result = exporter.render(issues, **options)
        elif exporter.render_collection is None:
            raise ExportError(f"the {exporter.name} exporter cannot put several issues into one output")
        else:
            result = exporter.render_collection(tuple(issues), **options)
    except ExportError as exc:
        if exporter.name in str(exc):
            raise
        raise ExportError(f"{exporter.name}: {exc}") from exc
    except Exception as exc:  # another lishi-pub error from an exporter is still the exporter's failure
        raise ExportError(f"{exporter.name} export failed: {type(exc).__name__}: {exc}") from exc
    expected = Mapping if exporter.output == "directory" else (bytes, str)
    if not isinstance(result, expected):
        raise ExportError(
            f"{exporter.name} exporter ({exporter.provider}) returned {type(result).__name__}, "
            f"not {'a mapping of files' if exporter.output == 'directory' else 'bytes or str'}"
        )
    return result


def _to_stream(result: bytes | str, stream: IO[bytes] | None) -> None:
    out = stream if stream is not None else getattr(sys.stdout, "buffer", None)
    if out is None:
        raise ExportError("cannot write to standard output: it is closed")
    try:
        out.write(result.encode("utf-8") if isinstance(result, str) else result)
        out.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise ExportError(f"cannot write to standard output ({getattr(exc, 'strerror', None) or exc})") from None


def write_output(exporter: Exporter, result: Rendered, dest: str | os.PathLike[str] | None,
                 stream: IO[bytes] | None = None) -> Path | None:
    """Write one rendered output atomically (see :mod:`lishi_pub.atomic`); ``dest`` None is standard output."""
    if dest is None:
        if isinstance(result, Mapping):
            raise ExportError(f"the {exporter.name} format writes a folder, which cannot go to standard output")
        _to_stream(result, stream)
        return None
    return write_file(dest, result, f"{exporter.name} output")


def write_file(dest: str | os.PathLike[str], result: Rendered, what: str) -> Path:
    """Write a file (or, for a mapping, a folder) atomically, every failure an
    :class:`ExportError` naming the target: the one writer of exports and the review page."""
    from .atomic import resolve, write_atomic, write_tree_atomic

    target = Path(dest)
    real = resolve(target)
    try:
        if isinstance(result, Mapping):
            if real.exists() and not real.is_dir():
                raise ExportError(f"{target}: {what} is a folder, but a file is there")
            write_tree_atomic(target, result)
        else:
            if real.is_dir():
                raise ExportError(f"{target}: is a directory; give a file name for {what}")
            write_atomic(target, result)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ExportError(f"{target}: {exc}") from None
    return target


@frozen
class Job:
    """Read every issue, transform, render every target, then write them all under one lock.

    ``bundle`` renders all issues into one output per format
    (``render_collection``); otherwise there is exactly one issue.
    """

    inputs: tuple[IssueInput, ...] = field(converter=_inputs)
    targets: tuple[Target, ...] = field(converter=_targets)
    transforms: tuple[str, ...] = field(default=(), converter=_strings)
    bundle: bool = False
    reader: str | None = None
    encoding: str | None = None
    max_bytes: int | None = None
    #: A TOML file's path or a ``Profile``: the parser's conventions for one paper (docs/parsing.md).
    profile: Any = None

    def __attrs_post_init__(self) -> None:
        if not self.inputs:
            raise LishiPubError("no input files given")
        if not self.bundle and len(self.inputs) != 1:
            raise ValueError("a job without bundle converts exactly one issue")

    def issues(self) -> list[Issue]:
        from .plugins import apply_transforms, get_transform
        from .sources import read_issue

        for name in self.transforms:  # a typo in a transform's name costs no parsing
            get_transform(name)
        return [apply_transforms(read_issue(item.paths, reader=self.reader, encoding=self.encoding,
                                            max_bytes=self.max_bytes, metadata=item.metadata,
                                            profile=self.profile), self.transforms)
                for item in self.inputs]

    def run(self, stream: IO[bytes] | None = None) -> list[Path | None]:
        """The outputs written, in the order of ``targets`` (None for standard output)."""
        from .atomic import locked

        issues = self.issues()
        subject: Issue | Sequence[Issue] = issues if self.bundle else issues[0]
        rendered = [(t, render_with(t.exporter, subject, t.options)) for t in self.targets]
        with locked(t.path for t in self.targets if t.path is not None):
            return [write_output(t.exporter, result, t.path, stream) for t, result in rendered]
