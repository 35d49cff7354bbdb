"""The spaCy pipeline extraction reads: which one is loaded, what is left out, and who never loads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from troopclaims.errors import UsageError
from troopclaims.extraction import pipeline

from .conftest import BUNDLED


def test_the_setting_names_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pipeline.MODEL_ENV, "  xx_my_pipeline ")
    assert pipeline.model_name() == "xx_my_pipeline"


def test_the_official_package_is_preferred_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy.util

    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == pipeline.OFFICIAL)
    assert pipeline.model_name() == pipeline.OFFICIAL
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    assert pipeline.model_name() == pipeline.REPUBLISHED


def test_a_pipeline_that_is_not_installed_is_a_usage_error_naming_the_setting() -> None:
    with pytest.raises(UsageError, match=pipeline.MODEL_ENV) as raised:
        pipeline.load_pipeline("xx_no_such_pipeline_here")
    assert raised.value.exit_code == 2


def test_a_pipeline_without_a_parser_is_refused(tmp_path: Path) -> None:
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(UsageError, match="no dependency parser"):
        pipeline.load_pipeline(str(tmp_path / "blank"))


def test_the_default_pipeline_parses_without_the_components_extraction_never_reads() -> None:
    nlp = pipeline.load_pipeline(pipeline.REPUBLISHED)
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    assert not set(pipeline.UNUSED) & set(nlp.pipe_names)
    assert pipeline.load_pipeline(pipeline.REPUBLISHED) is nlp  # loaded once per process


@pytest.mark.parametrize("args", [
    ["--help"],
    ["list", "--data", str(BUNDLED)],
    ["conflicts", "--data", str(BUNDLED)],
    ["timeline", "--data", str(BUNDLED)],
    ["report", "--data", str(BUNDLED), "--output", "{out}"],
])
def test_commands_that_read_no_article_never_import_spacy(args: list[str], tmp_path: Path) -> None:
    args = [a.replace("{out}", str(tmp_path / "report.html")) for a in args]
    code = (
        "import sys\n"
        "from troopclaims.cli import main\n"
        "try:\n"
        f"    main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO SPACY')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "NO SPACY", done.stderr


def test_extract_does_import_spacy(tmp_path: Path) -> None:
    """The check above can fail: a command that reads an article loads the parser."""
    article = tmp_path / "a.txt"
    article.write_text("The army said 300 soldiers left Gao on Monday.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from troopclaims.cli import main\n"
        "try:\n"
        f"    main(['extract', {str(article)!r}, '--published', '2024-03-01', '--format', 'json'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO SPACY')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "SPACY", done.stderr
