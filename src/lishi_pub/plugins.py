"""The plugin host: built-in and third-party readers, exporters and transforms, loaded on first use.

Built-ins are ordinary plugin modules listed in :data:`DEFAULT_PLUGINS` and go
through exactly the same hooks as a third party's (the pattern of simonw/llm
and datasette).  External plugins come from the ``lishi_pub`` entry-point
group.  One broken plugin is reported in a one-line warning and skipped, never
fatal; two records with one name are fatal and both providers are named, as
conda does.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
from collections.abc import Iterable
from types import ModuleType
from typing import Any, TypeVar

import attrs
import pluggy
from attrs import frozen

from . import hookspecs
from ._version import __version__
from .errors import ExportError, LishiPubError, PluginConflictError, UnknownFormatError
from .exporter import Exporter
from .model import Issue
from .reader import Reader
from .transform import Transform

__all__ = [
    "BUILTIN_PROVIDER",
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "FALLBACK_READER",
    "PluginHost",
    "PluginInfo",
    "apply_transforms",
    "exporters",
    "get_exporter",
    "get_plugin_manager",
    "get_reader",
    "get_transform",
    "choose_reader",
    "host",
    "installed_plugins",
    "provider_of",
    "readers",
    "register",
    "reset",
    "transforms",
]

log = logging.getLogger("lishi_pub.plugins")

DEFAULT_PLUGINS: tuple[str, ...] = (
    "lishi_pub.default_plugins.json_exporter",
    "lishi_pub.default_plugins.pdf_exporter",
    "lishi_pub.default_plugins.epub_exporter",
    "lishi_pub.default_plugins.dump_reader",
    "lishi_pub.default_plugins.pdf_reader",
)
#: The reader of last resort: tried after every other reader that claims a
#: file by its content, and used when no reader claims it at all.
FALLBACK_READER = "dump"
ENTRY_POINT_GROUP = "lishi_pub"
#: Set to 1 to load only the built-in plugins (for a clean, reproducible run).
DISABLE_ENV = "LISHI_PUB_NO_PLUGINS"
BUILTIN_PROVIDER = "lishi-pub"

_Record = TypeVar("_Record", Exporter, Transform, Reader)


@frozen
class PluginInfo:
    """What ``lishi-pub plugins`` shows about one plugin.

    ``error`` is set, and ``hooks`` empty, for a plugin that could not be
    loaded: it is listed rather than hidden so the user can see why a format
    they installed is missing.
    """

    name: str
    distribution: str
    version: str | None
    builtin: bool = False
    hooks: tuple[str, ...] = ()
    exporters: tuple[str, ...] = ()
    transforms: tuple[str, ...] = ()
    readers: tuple[str, ...] = ()
    error: str | None = None

    @property
    def provider(self) -> str:
        """The label records carry: distribution and version (built-ins: the package alone)."""
        if self.builtin or self.version is None:
            return self.distribution
        return f"{self.distribution} {self.version}"


class PluginHost:
    """The plugin manager and what lishi-pub knows about each plugin, in one object.

    One host per process (:func:`host`), built on first use; :func:`reset`
    drops it so the next use loads plugins afresh.  Keeping the pluggy
    manager, the plugin records and the failures together means a test or
    an embedding application can hold its own host without module globals
    leaking between them.
    """

    def __init__(self, *, load_entry_points: bool = True) -> None:
        self.pm = pluggy.PluginManager("lishi_pub")
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.skipped: list[PluginInfo] = []
        for name in DEFAULT_PLUGINS:
            self.pm.register(importlib.import_module(name), name=name)
            self.infos[name] = PluginInfo(name, BUILTIN_PROVIDER, __version__, builtin=True)
        if not load_entry_points:
            return
        if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
            log.debug("external plugins disabled by %s", DISABLE_ENV)
        else:
            _load_entry_points(self)

    def skip(self, name: str, distribution: str, version: str | None, reason: str) -> None:
        info = PluginInfo(name, distribution, version, error=reason)
        log.warning("skipped plugin %r from %s: %s", name, info.provider, reason)
        self.skipped.append(info)

    def provider_of(self, plugin_name: str) -> str:
        info = self.infos.get(plugin_name)
        return info.provider if info is not None else plugin_name


_host: PluginHost | None = None


def host() -> PluginHost:
    """The process-wide plugin host, created (and plugins imported) on first call."""
    global _host
    if _host is None:
        _host = PluginHost()
    return _host


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide pluggy manager (the host's)."""
    return host().pm


def reset() -> None:
    """Forget the host so the next call loads plugins afresh (for tests)."""
    global _host
    _host = None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def _unknown_hooks(pm: pluggy.PluginManager, plugin: object) -> list[str]:
    """Hook implementations that match no hookspec: a typo would otherwise do nothing, silently."""
    unknown = []
    for attr in dir(plugin):
        opts = pm.parse_hookimpl_opts(plugin, attr)
        if opts is None or opts.get("optionalhook"):
            continue
        hook_name = opts.get("specname") or attr
        caller = getattr(pm.hook, hook_name, None)
        if caller is None or not caller.has_spec():
            unknown.append(hook_name)
    return sorted(unknown)


def _unknown_hooks_message(pm: pluggy.PluginManager, unknown: list[str]) -> str:
    known = ", ".join(n for n in dir(hookspecs) if pm.parse_hookspec_opts(hookspecs, n))
    return f"implements unknown hook {', '.join(unknown)} (known hooks: {known})"


def _load_entry_points(host: PluginHost) -> None:
    from .entrypoints import entry_points  # not importlib.metadata: its imports cost every command 12 ms

    pm, _skip = host.pm, host.skip
    found = sorted(entry_points(ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value))
    for ep in found:
        dist_name, version = ep.dist_name or ep.value, ep.dist_version
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not take the host down
            _skip(ep.name, dist_name, version, _one_line(exc))
            continue
        if pm.is_registered(plugin):  # one distribution seen twice on sys.path
            continue
        unknown = _unknown_hooks(pm, plugin)
        if unknown:
            _skip(ep.name, dist_name, version, _unknown_hooks_message(pm, unknown))
            continue
        name = ep.name if not pm.has_plugin(ep.name) else f"{dist_name}:{ep.name}"
        try:
            pm.register(plugin, name=name)
        except Exception as exc:
            _skip(ep.name, dist_name, version, _one_line(exc))
            continue
        host.infos[name] = PluginInfo(name, dist_name, version)


@functools.cache
def _entry_point_owner(module_name: str) -> tuple[str, str] | None:
    """Scanning every installed distribution takes milliseconds; tests register the same module often."""
    from .entrypoints import entry_points

    for ep in entry_points(ENTRY_POINT_GROUP):
        if ep.module == module_name and ep.dist_version is not None:
            return ep.dist_name, ep.dist_version
    return None


def _distribution_of(plugin: object) -> tuple[str, str | None]:
    """The installed distribution whose entry point names this module, else the module itself."""
    module = plugin if isinstance(plugin, ModuleType) else None
    module_name = getattr(module, "__name__", None) or type(plugin).__module__
    owner = _entry_point_owner(module_name)
    return owner if owner is not None else (module_name, getattr(module, "__version__", None))


def register(plugin: object, name: str | None = None) -> str:
    """Register a plugin module or object by hand, as a test or an application does.

    The same checks as for an installed plugin apply, but a failure raises
    instead of being skipped: whoever calls this wants to know.
    """
    current = host()
    unknown = _unknown_hooks(current.pm, plugin)
    if unknown:
        raise ValueError(f"plugin {name or plugin!r} {_unknown_hooks_message(current.pm, unknown)}")
    registered = current.pm.register(plugin, name=name)
    if registered is None:
        raise ValueError(f"plugin {name or plugin!r} is blocked")
    distribution, version = _distribution_of(plugin)
    current.infos[registered] = PluginInfo(registered, distribution, version)
    return registered


def provider_of(plugin_name: str) -> str:
    """The distribution (name and version) that registered a plugin."""
    return host().provider_of(plugin_name)


def _records_of(impl: Any, kind: type[_Record]) -> list[_Record]:
    records = []
    for record in impl.function() or ():
        if isinstance(record, kind):
            records.append(record)
        else:
            log.warning("plugin %r (%s) returned %r, not %s %s record; skipped", impl.plugin_name,
                        provider_of(impl.plugin_name), type(record).__name__,
                        "an" if kind.__name__[0] in "AEIOU" else "a", kind.__name__)
    return records


def _collect(hook_name: str, kind: type[_Record]) -> dict[str, _Record]:
    """Every record of one hook by name, each stamped with its provider.

    Each plugin's hook is called on its own so that one raising plugin costs
    only its own records.
    """
    pm = get_plugin_manager()
    noun = kind.__name__.lower()
    found: dict[str, tuple[_Record, str]] = {}
    for impl in getattr(pm.hook, hook_name).get_hookimpls():  # registration order: built-ins first
        provider = provider_of(impl.plugin_name)
        try:
            records = _records_of(impl, kind)
        except Exception as exc:
            log.warning("skipped %ss of plugin %r (%s): %s", noun, impl.plugin_name, provider, _one_line(exc))
            continue
        for record in records:
            if record.name in found:
                first, first_plugin = found[record.name]
                raise PluginConflictError(
                    f"{noun} {record.name!r} is provided twice: by {first.provider} (plugin {first_plugin!r}) "
                    f"and by {provider} (plugin {impl.plugin_name!r}); uninstall one of them"
                )
            found[record.name] = (attrs.evolve(record, provider=provider), impl.plugin_name)
    return {name: found[name][0] for name in sorted(found)}


def exporters() -> dict[str, Exporter]:
    """Every exporter, by name, each stamped with the provider that registered it."""
    return _collect("register_exporters", Exporter)


def transforms() -> dict[str, Transform]:
    """Every transform, by name, each stamped with the provider that registered it."""
    return _collect("register_transforms", Transform)


def readers() -> dict[str, Reader]:
    """Every reader, by name, each stamped with the provider that registered it."""
    return _collect("register_readers", Reader)


def get_reader(name: str) -> Reader:
    """The reader called ``name``; a ValueError lists the known ones (a usage mistake)."""
    known = readers()
    try:
        return known[name]
    except KeyError:
        raise ValueError(f"unknown reader {name!r}; known readers: {', '.join(known) or 'none'}") from None


def choose_reader(head: bytes, filename: str = "") -> Reader:
    """The reader for a file: the first whose ``sniff`` claims its first bytes,
    else the first whose suffixes match its name, else the fallback (which
    reads any text, so it is asked last)."""
    known = readers()
    ordered = sorted(known.values(), key=lambda r: r.name == FALLBACK_READER)
    for reader in ordered:
        if reader.name == FALLBACK_READER:
            continue
        try:
            if reader.sniff(head):
                return reader
        except Exception as exc:  # a broken sniff costs only its own reader
            log.warning("skipped the sniff of reader %r (%s): %s", reader.name, reader.provider, _one_line(exc))
    lowered = filename.lower()
    for reader in ordered:
        if lowered.endswith(tuple(s.lower() for s in reader.suffixes)):
            return reader
    return get_reader(FALLBACK_READER)


def get_exporter(name: str) -> Exporter:
    known = exporters()
    try:
        return known[name]
    except KeyError:
        raise UnknownFormatError(
            f"unknown format {name!r}; known formats: {', '.join(known) or 'none'}"
        ) from None


def get_transform(name: str) -> Transform:
    known = transforms()
    try:
        return known[name]
    except KeyError:
        raise ExportError(
            f"unknown transform {name!r}; known transforms: {', '.join(known) or 'none'} "
            "(see `lishi-pub plugins`)"
        ) from None


def apply_transforms(issue: Issue, names: str | Iterable[str]) -> Issue:
    """Run the named transforms on ``issue``, left to right, each on the previous result.

    Every name is looked up before any transform runs, so a typo in the last
    one costs nothing.
    """
    chosen = [names] if isinstance(names, str) else list(names)
    if not chosen:
        return issue
    steps = [get_transform(name) for name in chosen]
    for step in steps:
        try:
            result = step.apply(issue)
        except LishiPubError:
            raise
        except Exception as exc:
            raise ExportError(f"transform {step.name} ({step.provider}) failed: {_one_line(exc)}") from exc
        if not isinstance(result, Issue):
            raise ExportError(
                f"transform {step.name} ({step.provider}) returned {type(result).__name__}, not an Issue"
            )
        issue = result
    return issue


def _names_from(pm: pluggy.PluginManager, plugin: object, hook_name: str, kind: type[_Record]) -> tuple[str, ...]:
    impls = [i for i in getattr(pm.hook, hook_name).get_hookimpls() if i.plugin is plugin]
    names: list[str] = []
    for impl in impls:
        try:
            names.extend(record.name for record in _records_of(impl, kind))
        except Exception:  # already reported by exporters()/transforms(); listing must not fail
            continue
    return tuple(sorted(names))


def installed_plugins(*, include_builtin: bool = False) -> list[PluginInfo]:
    """Registered plugins with their hooks and records, then those that failed to load."""
    current = host()
    pm = current.pm
    listed = []
    for name, plugin in pm.list_name_plugin():
        info = current.infos.get(name) or PluginInfo(name, name, None)
        if info.builtin and not include_builtin:
            continue
        callers = pm.get_hookcallers(plugin) or []
        listed.append(attrs.evolve(
            info,
            hooks=tuple(sorted(c.name for c in callers)),
            exporters=_names_from(pm, plugin, "register_exporters", Exporter),
            transforms=_names_from(pm, plugin, "register_transforms", Transform),
            readers=_names_from(pm, plugin, "register_readers", Reader),
        ))
    listed.sort(key=lambda i: (not i.builtin, i.name))
    return listed + sorted(current.skipped, key=lambda i: i.name)
