"""The plugin host in one process: records, providers, conflicts, isolation of broken plugins.

Plugins here are small objects registered by hand, so every case is exact;
loading through real entry points is in test_plugins_entry_points.py.
"""

from __future__ import annotations

import json
import logging

import pytest

import lishi_pub
from lishi_pub import Exporter, PluginConflictError, Transform, hookimpl, plugins
from lishi_pub.cli import main


def _text(issue):
    return "text"


class Provides:
    """A plugin object providing exporters and transforms with the given names."""

    def __init__(self, *exporters: str, transforms: tuple[str, ...] = ()) -> None:
        self.names = exporters
        self.transform_names = transforms

    @hookimpl
    def register_exporters(self):
        return [Exporter(name=n, render=_text, description=f"{n} format", extension=".txt") for n in self.names]

    @hookimpl
    def register_transforms(self):
        return [Transform(name=n, apply=lambda issue: issue, description=n) for n in self.transform_names]


class Raises:
    @hookimpl
    def register_exporters(self):
        raise RuntimeError("bug in the plugin")


class ReturnsJunk:
    @hookimpl
    def register_exporters(self):
        return ["not a record", Exporter(name="good", render=_text, extension=".txt")]


def test_builtins_are_plugins_like_any_other() -> None:
    names = {info.name for info in plugins.installed_plugins(include_builtin=True)}
    assert set(plugins.DEFAULT_PLUGINS) <= names
    assert plugins.installed_plugins() == [], "external plugins are off in tests"
    assert lishi_pub.exporters()["json"].provider == "lishi-pub"


def test_a_registered_plugin_adds_formats_stamped_with_its_provider() -> None:
    name = plugins.register(Provides("alpha"), name="alpha-plugin")
    assert name == "alpha-plugin"
    exporter = lishi_pub.exporters()["alpha"]
    assert exporter.provider and exporter.provider != "lishi-pub"
    assert lishi_pub.render(lishi_pub.Issue(), "alpha") == "text"


def test_two_exporters_with_one_name_fail_naming_both() -> None:
    plugins.register(Provides("dup"), name="first-plugin")
    plugins.register(Provides("dup"), name="second-plugin")
    with pytest.raises(PluginConflictError) as err:
        lishi_pub.exporters()
    message = str(err.value)
    assert "'dup'" in message and "'first-plugin'" in message and "'second-plugin'" in message
    assert err.value.exit_code == 5


def test_a_plugin_cannot_shadow_a_builtin() -> None:
    plugins.register(Provides("json"), name="impostor")
    with pytest.raises(PluginConflictError, match=r"by lishi-pub .*'impostor'"):
        lishi_pub.exporters()


def test_two_transforms_with_one_name_fail_naming_both() -> None:
    plugins.register(Provides(transforms=("same",)), name="t-one")
    plugins.register(Provides(transforms=("same",)), name="t-two")
    with pytest.raises(PluginConflictError, match=r"transform 'same' is provided twice.*'t-one'.*'t-two'"):
        lishi_pub.transforms()


def test_a_conflict_stops_the_cli_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    plugins.register(Provides("dup"), name="first-plugin")
    plugins.register(Provides("dup"), name="second-plugin")
    assert main(["formats"]) == 5
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "provided twice" in err[0]


def test_a_raising_hook_costs_only_its_own_records(caplog: pytest.LogCaptureFixture) -> None:
    plugins.register(Raises(), name="raises")
    plugins.register(Provides("fine"), name="fine-plugin")
    with caplog.at_level(logging.WARNING, logger="lishi_pub"):
        known = lishi_pub.exporters()
    assert "fine" in known and "json" in known
    assert any("'raises'" in r.getMessage() and "bug in the plugin" in r.getMessage() for r in caplog.records)


def test_a_record_of_the_wrong_type_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    plugins.register(ReturnsJunk(), name="junk")
    with caplog.at_level(logging.WARNING, logger="lishi_pub"):
        assert "good" in lishi_pub.exporters()
    assert any("'junk'" in r.getMessage() and "returned 'str', not an Exporter record" in r.getMessage()
               for r in caplog.records)


def test_registering_a_hook_with_a_typo_is_refused() -> None:
    class Typo:
        @hookimpl
        def register_exporter(self):  # missing "s"
            return []

    with pytest.raises(ValueError, match="unknown hook register_exporter"):
        plugins.register(Typo())


def test_an_optional_hook_from_a_newer_lishi_pub_is_accepted() -> None:
    class Newer:
        @hookimpl(optionalhook=True)
        def register_importers(self):
            return []

    plugins.register(Newer(), name="newer")


def test_installed_plugins_lists_hooks_and_records() -> None:
    plugins.register(Provides("alpha", transforms=("beta",)), name="alpha-plugin")
    (info,) = plugins.installed_plugins()
    assert info.name == "alpha-plugin"
    assert info.hooks == ("register_exporters", "register_transforms")
    assert info.exporters == ("alpha",) and info.transforms == ("beta",)
    assert info.error is None and not info.builtin


def test_plugins_command_shows_hooks_and_records(capsys: pytest.CaptureFixture[str]) -> None:
    plugins.register(Provides("alpha", transforms=("beta",)), name="alpha-plugin")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "alpha-plugin  [" in out
    assert "  hooks: register_exporters, register_transforms" in out
    assert "  exporters: alpha" in out and "  transforms: beta" in out
    assert "json_exporter" not in out


def test_plugins_command_all_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--all", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    by_name = {p["name"]: p for p in listed}
    json_plugin = by_name["lishi_pub.default_plugins.json_exporter"]
    assert json_plugin["builtin"] is True and json_plugin["distribution"] == "lishi-pub"
    assert json_plugin["version"] == lishi_pub.__version__
    assert json_plugin["hooks"] == ["register_exporters"] and json_plugin["exporters"] == ["json"]


def test_plugins_command_with_nothing_installed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    assert "no plugins installed" in capsys.readouterr().out
