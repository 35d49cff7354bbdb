from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from troopclaims.cli import main

REPO = Path(__file__).resolve().parent.parent
TESTDATA = Path(__file__).resolve().parent / "data"
VALID = TESTDATA / "valid" / "claims.yaml"
BUNDLED = REPO / "data" / "claims.yaml"

Invoke = Callable[..., Result]

# CI's blocking runs draw the same examples every time (.ci/run names the profile): a property that a commit did
# not touch cannot turn main red by chance. Elsewhere the draws stay random, to find what the fixed ones miss.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("TROOPCLAIMS_HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["TROOPCLAIMS_HYPOTHESIS_PROFILE"])


@pytest.fixture
def run() -> Invoke:
    """Run the CLI in-process; stdout and stderr are kept apart, as a user's terminal has them."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(autouse=True)
def _no_data_named_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own $TROOPCLAIMS_DATA must not change which data file the tests read."""
    monkeypatch.delenv("TROOPCLAIMS_DATA", raising=False)


@pytest.fixture(autouse=True)
def _a_cache_of_the_tests_own(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The analysis cache in a folder of each test's own: never the developer's cache folder, and no test sees
    what another left (programs run in a subprocess inherit it)."""
    monkeypatch.setenv("TROOPCLAIMS_CACHE_DIR", str(tmp_path_factory.mktemp("analysis-cache")))
