"""The locks in requirements/ are complete: installed with `pip install --no-deps`, nothing is missing.

For every lock, on every Python version and platform the package claims, each requirement that a locked
package declares (its extras included, as other packages ask for them) must be in the same lock, at a version
the requirement admits. A package's requirements are read from its metadata in the test venv, so a package is
walked only when the venv holds the locked version; CI runs this on the venv of ci.txt and of oldest.txt.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements"
PROJECT = "troopclaims"
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
PLATFORMS = (("linux", "Linux", "posix"), ("darwin", "Darwin", "posix"), ("win32", "Windows", "nt"))
# compile.sh makes run.txt from the base dependencies and the other two with every extra.
LOCKS = {"run.txt": False, "ci.txt": True, "oldest.txt": True}

Environment = dict[str, str]


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    marker: Marker | None


def environments() -> Iterator[Environment]:
    for python in PYTHONS:
        for sys_platform, system, os_name in PLATFORMS:
            yield {
                "python_version": python, "python_full_version": f"{python}.0", "sys_platform": sys_platform,
                "platform_system": system, "os_name": os_name, "platform_machine": "x86_64",
                "implementation_name": "cpython", "platform_python_implementation": "CPython",
                "platform_release": "", "platform_version": "", "implementation_version": f"{python}.0",
                "extra": "",
            }


def read_lock(text: str) -> list[Pin]:
    """The pins of a lock written by `uv pip compile` (one `name==version [; marker]` per entry)."""
    pins = []
    for line in text.splitlines():
        if not line or line[0] in " #-":
            continue
        requirement = Requirement(line.rstrip(" \\"))
        versions = [spec.version for spec in requirement.specifier if spec.operator == "=="]
        if len(versions) != 1:
            raise ValueError(f"not pinned with ==: {line!r}")
        pins.append(Pin(canonicalize_name(requirement.name), Version(versions[0]), requirement.marker))
    return pins


def _applies(marker: Marker | None, environment: Environment, extra: str = "") -> bool:
    return marker is None or marker.evaluate({**environment, "extra": extra})


def _declared(name: str, version: Version) -> list[Requirement] | None:
    """What the installed distribution `name` requires, or None when the venv does not hold that version."""
    try:
        installed = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None
    if name != PROJECT and Version(installed.version) != version:
        return None
    return [Requirement(line) for line in installed.requires or ()]


def _all_extras(name: str) -> set[str]:
    provided = metadata.distribution(name).metadata.get_all("Provides-Extra") or []
    return {canonicalize_name(extra) for extra in provided}


@dataclass
class Walk:
    missing: list[str]
    walked: int


def check_lock(pins: list[Pin], environment: Environment, root_extras: set[str]) -> Walk:
    """Every requirement reachable from troopclaims in `environment` is pinned in the lock, in range."""
    locked = {pin.name: pin.version for pin in pins if _applies(pin.marker, environment)}
    locked[PROJECT] = Version(metadata.version(PROJECT))
    missing: list[str] = []
    seen: set[tuple[str, str]] = set()
    queue = [(PROJECT, "")] + [(PROJECT, extra) for extra in sorted(root_extras)]
    walked = 0
    while queue:
        name, extra = queue.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        declared = _declared(name, locked[name])
        if declared is None:
            continue
        walked += 1
        for requirement in declared:
            if not _applies(requirement.marker, environment, extra):
                continue
            wanted = canonicalize_name(requirement.name)
            where = f"{name}{f'[{extra}]' if extra else ''} needs {requirement}"
            if wanted not in locked:
                missing.append(f"{where}: not in the lock")
                continue
            if not requirement.specifier.contains(locked[wanted], prereleases=True):
                missing.append(f"{where}: the lock has {locked[wanted]}")
                continue
            queue.append((wanted, ""))
            queue.extend((wanted, canonicalize_name(asked)) for asked in requirement.extras)
    return Walk(missing, walked)


def _problems(lock_text: str, with_extras: bool) -> tuple[list[str], int]:
    pins = read_lock(lock_text)
    extras = _all_extras(PROJECT) if with_extras else set()
    problems: set[str] = set()
    walked = 0
    for environment in environments():
        walk = check_lock(pins, environment, extras)
        where = f"Python {environment['python_version']} on {environment['sys_platform']}"
        problems.update(f"{where}: {problem}" for problem in walk.missing)
        walked = max(walked, walk.walked)
    return sorted(problems), walked


def _venv_lock() -> str:
    """The lock this venv was installed from: the one whose pins it holds most exactly."""
    def held(lock: str) -> int:
        return sum(_declared(pin.name, pin.version) is not None
                   for pin in read_lock((REQUIREMENTS / lock).read_text(encoding="utf-8")))
    return max(LOCKS, key=held)


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_each_lock_names_every_dependency_of_its_packages(lock: str) -> None:
    problems, walked = _problems((REQUIREMENTS / lock).read_text(encoding="utf-8"), LOCKS[lock])
    assert not problems, f"requirements/{lock} is incomplete:\n" + "\n".join(problems)
    if lock == _venv_lock():
        # The venv's own lock must be walked through, not skipped for want of metadata.
        assert walked >= len(read_lock((REQUIREMENTS / lock).read_text(encoding="utf-8"))) // 2


def test_a_line_deleted_from_a_lock_is_named() -> None:
    lock = _venv_lock()
    text = (REQUIREMENTS / lock).read_text(encoding="utf-8")
    pins = read_lock(text)
    # Take away a package that something in the lock needs, with its hash lines.
    needed = {pin.name for pin in pins} - {PROJECT}
    victim = next(name for name in ("lxml-html-clean", "annotated-types", "mdurl") if name in needed)
    shortened = re.sub(rf"(?ms)^{re.escape(victim)}==.*?(?=^\S)", "", text)
    assert len(read_lock(shortened)) == len(pins) - 1
    problems, _ = _problems(shortened, LOCKS[lock])
    assert problems and all(victim in problem.replace("_", "-") for problem in problems)
    lxml = next((pin for pin in pins if pin.name == "lxml"), None)
    if victim == "lxml-html-clean" and lxml and _declared("lxml", lxml.version) and "html-clean" in _all_extras("lxml"):
        # justext asks for lxml[html_clean]: the extra's own requirement is walked too (lxml 6.2.1 drops the extra).
        assert any("lxml[html-clean]" in problem for problem in problems)


def test_a_version_out_of_range_is_named() -> None:
    lock = _venv_lock()
    text = (REQUIREMENTS / lock).read_text(encoding="utf-8")
    aged = re.sub(r"(?m)^pydantic-core==[^ ;\\]+", "pydantic-core==0.0.1", text)
    problems, _ = _problems(aged, LOCKS[lock])
    assert any("pydantic-core" in problem and "the lock has 0.0.1" in problem for problem in problems)


def test_an_unpinned_line_is_refused() -> None:
    with pytest.raises(ValueError, match="not pinned"):
        read_lock("lxml>=5.3 \\\n    --hash=sha256:00\n")
