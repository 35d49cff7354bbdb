"""The documentation: a short README, a command reference that is current, and links that lead somewhere."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from .conftest import REPO

DOCS = REPO / "docs"
PAGES = sorted([REPO / "README.md", *DOCS.glob("*.md")])
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    # GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    return {_slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


def test_readme_is_at_most_300_lines() -> None:
    assert len((REPO / "README.md").read_text(encoding="utf-8").splitlines()) <= 300


def test_command_reference_is_generated_from_the_commands() -> None:
    make = runpy.run_path(str(DOCS / "make_reference.py"))
    assert (DOCS / "commands.md").read_text(encoding="utf-8") == make["reference"](), (
        "docs/commands.md is stale: run python docs/make_reference.py"
    )


def test_command_reference_names_every_command() -> None:
    from troopclaims.cli import main

    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## troopclaims {name}\n" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file_and_heading(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        goal = (page.parent / path).resolve() if path else page
        assert goal.exists(), f"{page.name}: {target} leads nowhere"
        if anchor and goal.suffix == ".md":
            assert anchor in _anchors(goal), f"{page.name}: no heading #{anchor} in {goal.name}"
