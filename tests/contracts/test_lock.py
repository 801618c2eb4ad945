"""The lock files agree with pyproject.toml: a changed dependency without `scripts/lock` fails.

``requirements/runtime.lock.txt`` pins the runtime, ``requirements/dev.lock.txt`` the
runtime and the ``dev`` extra; ``scripts/install`` installs from them with
``--require-hashes``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
RUNTIME_LOCK = REPO / "requirements" / "runtime.lock.txt"
DEV_LOCK = REPO / "requirements" / "dev.lock.txt"
PROJECT = "hedef (pyproject.toml)"
RELOCK = "pyproject.toml and the lock disagree; run scripts/lock"


@dataclass
class Pin:
    version: str
    hashes: set[str] = field(default_factory=set)
    via: set[str] = field(default_factory=set)


def read_lock(path: Path) -> dict[str, Pin]:
    """Every package of a uv-written lock: its pinned version, hashes and what needs it."""
    pins: dict[str, Pin] = {}
    current: Pin | None = None
    in_via = False
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            current, in_via = None, False
            continue
        if line.startswith("#"):  # the header
            continue
        if not line.startswith(" "):
            match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)( \\)?", line)
            assert match, f"{path.name}:{number}: not a plain '==' pin: {line!r}"
            name = canonicalize_name(match[1])
            assert name not in pins, f"{path.name}:{number}: {name} pinned twice"
            current = pins[name] = Pin(match[2])
            in_via = False
            continue
        assert current is not None, f"{path.name}:{number}: indented line outside an entry"
        text = line.strip()
        if text.startswith("--hash="):
            current.hashes.add(text.removeprefix("--hash=").removesuffix(" \\").strip())
        elif text == "# via":
            in_via = True
        elif text.startswith("# via "):
            current.via.add(text.removeprefix("# via ").strip())
            in_via = False
        elif in_via and text.startswith("#   "):
            current.via.add(text.removeprefix("#   ").strip())
        else:
            raise AssertionError(f"{path.name}:{number}: unexpected line {line!r}")
    return pins


def declared() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    runtime = [Requirement(text) for text in project["dependencies"]]
    dev = [Requirement(text) for text in project["optional-dependencies"]["dev"]]
    return runtime, dev


@pytest.fixture(scope="module")
def locks() -> dict[str, dict[str, Pin]]:
    return {"runtime": read_lock(RUNTIME_LOCK), "dev": read_lock(DEV_LOCK)}


@pytest.mark.parametrize(
    ("lock", "groups"), [("runtime", ("runtime",)), ("dev", ("runtime", "dev"))]
)
def test_every_declared_dependency_is_pinned_within_its_range(locks, lock, groups):
    runtime, dev = declared()
    wanted = {"runtime": runtime, "dev": dev}
    pins = locks[lock]
    problems = []
    for group in groups:
        for requirement in wanted[group]:
            pin = pins.get(canonicalize_name(requirement.name))
            if pin is None:
                problems.append(f"{requirement} is not in the {lock} lock")
            elif not requirement.specifier.contains(Version(pin.version), prereleases=True):
                problems.append(f"{requirement}: the {lock} lock pins {pin.version}")
    assert not problems, f"{RELOCK}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("lock", "groups"), [("runtime", ("runtime",)), ("dev", ("runtime", "dev"))]
)
def test_the_lock_pins_nothing_for_a_dependency_pyproject_no_longer_has(locks, lock, groups):
    runtime, dev = declared()
    wanted = {"runtime": runtime, "dev": dev}
    names = {canonicalize_name(r.name) for group in groups for r in wanted[group]}
    from_project = {name for name, pin in locks[lock].items() if PROJECT in pin.via}
    no_longer = sorted(from_project - names)
    assert not no_longer, f"{RELOCK}: pyproject.toml no longer declares {no_longer}"
    # Everything else is there because a locked package needs it.
    for name, pin in locks[lock].items():
        parents = {canonicalize_name(v) for v in pin.via if v != PROJECT and not v.startswith("-")}
        assert name in names or parents, f"{name} is in the {lock} lock for no package; {RELOCK}"
        assert parents <= locks[lock].keys(), f"{name} is needed by {parents - locks[lock].keys()}"


def test_the_runtime_lock_is_the_dev_lock_without_the_dev_tools(locks):
    runtime, dev = locks["runtime"], locks["dev"]
    assert runtime.keys() <= dev.keys(), f"only in the runtime lock: {runtime.keys() - dev.keys()}"
    differ = {
        name: (pin.version, dev[name].version)
        for name, pin in runtime.items()
        if pin.version != dev[name].version
    }
    assert not differ, f"runtime and dev locks pin differently (runtime, dev): {differ}"


def test_every_pin_carries_hashes(locks):
    for lock, pins in locks.items():
        for name, pin in pins.items():
            assert pin.hashes, f"{name} has no hash in the {lock} lock"
            assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in pin.hashes), name
