"""The plugin host: built-in and third-party exporters, loaded on first use.

Built-ins are ordinary plugin modules listed in :data:`DEFAULT_PLUGINS` and go
through exactly the same hooks as a third party's (the pattern of simonw/llm
and datasette).  External plugins come from the ``lishi_pub`` entry-point
group.  One broken plugin is reported and skipped, never fatal; two exporters
with one name are fatal and both providers are named, as conda does.
"""

from __future__ import annotations

import importlib
import logging
import os
from importlib import metadata

import attrs
import pluggy

from . import hookspecs
from .errors import PluginConflictError, UnknownFormatError
from .exporter import Exporter

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "exporters",
    "get_exporter",
    "get_plugin_manager",
    "provider_of",
    "reset",
]

log = logging.getLogger("lishi_pub.plugins")

DEFAULT_PLUGINS: tuple[str, ...] = (
    "lishi_pub.default_plugins.json_exporter",
)
ENTRY_POINT_GROUP = "lishi_pub"
#: Set to 1 to load only the built-in plugins (for a clean, reproducible run).
DISABLE_ENV = "LISHI_PUB_NO_PLUGINS"
BUILTIN_PROVIDER = "lishi-pub"

_pm: pluggy.PluginManager | None = None
_provenance: dict[str, str] = {}


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide manager, created (and plugins imported) on first call."""
    global _pm
    if _pm is None:
        pm = pluggy.PluginManager("lishi_pub")
        pm.add_hookspecs(hookspecs)
        for name in DEFAULT_PLUGINS:
            pm.register(importlib.import_module(name), name=name)
            _provenance[name] = BUILTIN_PROVIDER
        if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
            log.debug("external plugins disabled by %s", DISABLE_ENV)
        else:
            _load_entry_points(pm)
        _pm = pm
    return _pm


def reset() -> None:
    """Forget the manager so the next call loads plugins afresh (for tests)."""
    global _pm
    _pm = None
    _provenance.clear()


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = ep.dist
        label = f"{dist.name} {dist.version}" if dist is not None else ep.value
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # a broken plugin must not take the host down
            log.warning("skipped plugin %r from %s: %s: %s", ep.name, label, type(exc).__name__, exc)
            continue
        _provenance[ep.name] = label


def provider_of(plugin_name: str) -> str:
    """The distribution (name and version) that registered a plugin."""
    return _provenance.get(plugin_name, plugin_name)


def exporters() -> dict[str, Exporter]:
    """Every exporter, by name, each stamped with the provider that registered it."""
    pm = get_plugin_manager()
    found: dict[str, Exporter] = {}
    for impl in reversed(pm.hook.register_exporters.get_hookimpls()):
        provider = provider_of(impl.plugin_name)
        try:
            records = list(impl.function() or ())
        except Exception as exc:
            log.warning("skipped exporters of plugin %r (%s): %s: %s", impl.plugin_name, provider,
                        type(exc).__name__, exc)
            continue
        for record in records:
            if not isinstance(record, Exporter):
                log.warning("plugin %r (%s) returned %r, not an Exporter; skipped",
                            impl.plugin_name, provider, type(record).__name__)
                continue
            if record.name in found:
                raise PluginConflictError(
                    f"exporter {record.name!r} is provided twice: by {found[record.name].provider} "
                    f"and by {provider}; uninstall one of them"
                )
            found[record.name] = attrs.evolve(record, provider=provider)
    return dict(sorted(found.items()))


def get_exporter(name: str) -> Exporter:
    known = exporters()
    try:
        return known[name]
    except KeyError:
        raise UnknownFormatError(
            f"unknown format {name!r}; known formats: {', '.join(known) or 'none'}"
        ) from None
