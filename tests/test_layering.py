"""The package's layering: stages import only from themselves and from lower stages, through public names.

A claim passes through the stages in this order; a module may import from its own stage or a lower one,
never a higher one (lazy imports inside functions and imports under TYPE_CHECKING count too). Across
stages only a stage's package is imported (``from ..files import read_text``), never its modules.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "troopclaims"

#: Rank of each stage, lowest first. Top-level modules (errors.py, paths.py, __init__.py) are rank 0.
RANKS = {
    "": 0,
    "files": 1,
    "world": 2,
    "datafile": 3,
    "time": 4,
    "intake": 5,
    "extraction": 6,
    "engine": 7,
    "present": 8,
    "cli": 9,
}
STAGES = [stage for stage in RANKS if stage not in ("", "cli")]
#: Libraries a stage may not import; every stage not listed here (the domain) may use neither click nor rich.
FORBIDDEN = {"present": {"click"}, "cli": set()}
DOMAIN_FORBIDDEN = {"click", "rich"}
MODULES = sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def package_of(path: Path) -> list[str]:
    parts = dotted(path)
    return parts if path.name == "__init__.py" else parts[:-1]


def stage_of(parts: list[str]) -> str:
    """The stage of a dotted troopclaims name: '' for troopclaims itself and its top-level modules."""
    if parts == ["troopclaims", "__main__"]:
        return "cli"  # `python -m troopclaims` is the CLI's entry point
    if len(parts) < 2 or parts[1] not in RANKS:
        return ""
    return parts[1]


def imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """Every import in the module, at any depth: (line, absolute module, names imported from it)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_of(path)
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module, [alias.name for alias in node.names]))
    return found


def targets(module: str, names: list[str]) -> list[list[str]]:
    """The troopclaims modules an import reaches: 'from troopclaims import errors' reaches troopclaims.errors."""
    parts = module.split(".")
    if parts[0] != "troopclaims":
        return []
    subpackages = {p.name for p in PACKAGE.iterdir() if p.is_dir()} | {p.stem for p in PACKAGE.glob("*.py")}
    if len(parts) == 1 and names:
        return [[*parts, name] if name in subpackages else parts for name in names]
    if len(parts) == 2 and parts[1] in RANKS and names:
        stage_dir = PACKAGE / parts[1]
        return [[*parts, name] if (stage_dir / f"{name}.py").exists() else parts for name in names]
    return [parts]


def where(path: Path, line: int, module: str) -> str:
    return f"{path.relative_to(PACKAGE.parent.parent)}:{line}: imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_domain_stages_use_neither_click_nor_rich(path: Path) -> None:
    stage = stage_of(dotted(path))
    forbidden = FORBIDDEN.get(stage, DOMAIN_FORBIDDEN)
    bad = [where(path, line, module) for line, module, _ in imports(path) if module.split(".")[0] in forbidden]
    assert not bad, f"{stage or 'top-level'} modules may not import {', '.join(sorted(forbidden))}:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_higher_stage(path: Path) -> None:
    own = stage_of(dotted(path))
    bad = []
    for line, module, names in imports(path):
        for target in targets(module, names):
            other = stage_of(target)
            if RANKS[other] > RANKS[own]:
                bad.append(f"{where(path, line, '.'.join(target))} (stage {other!r}, rank {RANKS[other]}, "
                           f"above {own or 'top-level'!r}, rank {RANKS[own]})")
    assert not bad, "a module may import only from its own stage or a lower one:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_other_stages_import_only_a_stages_public_names(path: Path) -> None:
    own = stage_of(dotted(path))
    bad = []
    for line, module, names in imports(path):
        for target in targets(module, names):
            other = stage_of(target)
            if other and other != own and len(target) > 2:
                bad.append(f"{where(path, line, '.'.join(target))}; import from troopclaims.{other} instead")
    assert not bad, "across stages, import a stage's public names, not its modules:\n" + "\n".join(bad)


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_documents_and_exports_its_public_names(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{init}: the stage needs a docstring (what it takes, what it gives)"
    package = importlib.import_module(f"troopclaims.{stage}")
    # Names mypy sees (imported under TYPE_CHECKING) are the names __all__ lists and __getattr__ serves.
    typed = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and node.level == 1 for alias in node.names}
    assert typed == set(package.__all__), f"{init}: TYPE_CHECKING imports and __all__ differ"
    for name in package.__all__:
        assert getattr(package, name) is not None, f"{init}: {name} cannot be imported"


def test_the_time_stage_never_reads_the_clock() -> None:
    # test_timex checks timex.py and timex_vocab.py; this covers every module of the stage.
    for path in sorted((PACKAGE / "time").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {module for _, module, _ in imports(path)}
        assert not modules & {"time", "calendar", "dateutil", "dateutil.parser"}, path
        attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not attributes & {"today", "now", "utcnow", "localtime", "gmtime"}, path
