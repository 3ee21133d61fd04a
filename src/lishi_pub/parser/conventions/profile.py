"""Per-paper profiles: conventions and tuning overridden for one paper, from TOML, without code.

    # lishi-county.toml
    [conventions]
    roles = ["首席编辑"]             # lists extend the defaults
    agency_suffixes = ["融媒"]
    [conventions.replace]
    item_marks = "●"                 # replaces the default outright
    [tuning]
    full = 2.0                       # numbers replace the defaults

Unknown keys and values of the wrong kind are refused with a one-line error
naming the file and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import attrs

from ...errors import InputError
from . import Conventions, Profile, Tuning

__all__ = ["load_profile", "profile_from_mapping"]


def load_profile(path: str | os.PathLike[str]) -> Profile:
    import tomllib

    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(f"{name}: no such profile") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read the profile ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name}: not a valid TOML profile ({exc})") from None
    return profile_from_mapping(data, name)


def profile_from_mapping(data: Mapping[str, Any], name: str = "<profile>") -> Profile:
    """A profile from already-parsed TOML (or any mapping of the same shape)."""
    unknown = sorted(set(data) - {"conventions", "tuning"})
    if unknown:
        raise InputError(f"{name}: unknown section {', '.join(unknown)} (known: conventions, tuning)")
    conv_data = dict(data.get("conventions", {}))
    replace = dict(conv_data.pop("replace", {}))
    fields = {f.name: f for f in attrs.fields(Conventions)}
    base = Conventions()
    changes: dict[str, Any] = {}
    for key, value in [*conv_data.items(), *replace.items()]:
        if key not in fields:
            raise InputError(f"{name}: unknown convention {key!r} (known: {', '.join(fields)})")
    for key, value in conv_data.items():
        current = getattr(base, key)
        if isinstance(current, str):
            if not isinstance(value, str):
                raise InputError(f"{name}: conventions.{key} takes a string of marks")
            changes[key] = current + "".join(ch for ch in value if ch not in current)
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"{name}: conventions.{key} takes a list of strings")
            changes[key] = (*current, *(v for v in value if v not in current))
    for key, value in replace.items():
        if isinstance(getattr(base, key), str) != isinstance(value, str) or not (
                isinstance(value, str) or all(isinstance(v, str) for v in value)):
            raise InputError(f"{name}: conventions.replace.{key} has the wrong kind of value")
        changes[key] = value if isinstance(value, str) else tuple(value)
    tuning_data = dict(data.get("tuning", {}))
    known = {f.name for f in attrs.fields(Tuning)}
    bad = sorted(set(tuning_data) - known)
    if bad:
        raise InputError(f"{name}: unknown tuning {', '.join(bad)} (known: {', '.join(sorted(known))})")
    try:
        conventions = attrs.evolve(base, **changes)
        tuning = Tuning(**tuning_data)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name}: {exc}") from None
    return Profile(conventions, tuning)
