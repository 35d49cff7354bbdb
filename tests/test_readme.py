"""The README's "Start your own story" runs as written, from an empty folder to a report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from troopclaims.datafile import load_dataset

from .conftest import REPO


def _walk() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own story", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the section has no bash block"
    return match[1]


@pytest.mark.skipif(sys.platform == "win32", reason="the walk is a bash script")
def test_start_your_own_story_runs_as_written(tmp_path: Path) -> None:
    script = tmp_path / "walk.sh"
    script.write_text(_walk(), encoding="utf-8")
    folder = tmp_path / "work"
    folder.mkdir()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", str(script)], cwd=folder, env=env, input="a\n" * 50, text=True, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    story = folder / "my-story"
    dataset = load_dataset(story / "claims.yaml")
    assert dataset.unreviewed == 0 and dataset.claims
    assert {s.outlet for s in dataset.sources.values()} == {"Reuters", "AFP"}
    assert "reuters-airlift-takes-german-troops-out-of" in dataset.sources
    assert "afp-base-empties-as-soldiers-fly-out" in dataset.sources
    assert re.search(r"\b1 conflicts?: 1 hard", done.stdout)
    assert (story / "report.html").stat().st_size > 10_000
