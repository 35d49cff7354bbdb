"""The kept copy of the built-in gazetteer (world/snapshot.py): current, equal to a fresh build, never stale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from troopclaims.world import snapshot
from troopclaims.world.gazetteer import Gazetteer
from troopclaims.world.loading import build_default, load_world
from troopclaims.world.matching import Matcher


def _state(gazetteer: Gazetteer) -> dict[str, Any]:
    """Everything a gazetteer holds but its world index, with its name indexes as plain data."""
    state = {name: value for name, value in vars(gazetteer).items() if name != "world"}
    for name, value in state.items():
        if isinstance(value, Matcher):
            state[name] = {**vars(value), "_starts": None}  # a compiled pattern, made again on first use
    return state


def test_the_kept_gazetteer_is_current_and_equal_to_a_fresh_build() -> None:
    kept = snapshot.load_snapshot(load_world())
    assert kept is not None, "gazetteer.pickle is stale: run python -m troopclaims.world.snapshot"
    built = build_default()
    assert kept.world is built.world
    assert _state(kept) == _state(built)
    # The same answers, through the public methods a command uses.
    text = "US troops left Syria's al-Hasakah province for Erbil in northern Iraq."
    assert kept.find(text) == built.find(text) and kept.find_actors(text) == built.find_actors(text)
    assert kept.resolve("Erbil", context=text) == built.resolve("Erbil", context=text)


def test_a_copy_made_from_other_inputs_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "gazetteer.pickle"
    head, _, kept = snapshot.SNAPSHOT.read_bytes().partition(b"\n")
    stale.write_bytes(head[:-40] + b"0" * 40 + b"\n" + kept)  # the same pickle under another key
    monkeypatch.setattr(snapshot, "SNAPSHOT", stale)
    assert snapshot.load_snapshot(load_world()) is None
    stale.write_bytes(b"")
    assert snapshot.load_snapshot(load_world()) is None
    monkeypatch.setattr(snapshot, "SNAPSHOT", tmp_path / "missing.pickle")
    assert snapshot.load_snapshot(load_world()) is None


def test_an_edited_source_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world = load_world()
    before = snapshot.snapshot_key(world)
    sources = []
    for path in snapshot._SOURCES:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        sources.append(copy)
    monkeypatch.setattr(snapshot, "_SOURCES", tuple(sources))
    assert snapshot.snapshot_key(world) == before
    sources[0].write_text(sources[0].read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert snapshot.snapshot_key(world) != before
    sources[0].unlink()
    assert snapshot.snapshot_key(world) is None
