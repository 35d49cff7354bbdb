from __future__ import annotations

from pathlib import Path

import click

from .options import FilePath, Talk, talk_options

DATA_FILE = "claims.yaml"
ARTICLES = "articles"


@click.command()
@click.argument("folder", required=False, default=".", type=FilePath(path_type=Path, file_okay=False))
@talk_options
def init(folder: Path, quiet: bool, verbose: bool) -> None:
    """Start a story in FOLDER (default: the current folder): a data file, its schema and an articles/ folder.

    It never overwrites: if FOLDER already holds a claims.yaml, it stops and changes nothing.

    \b
    Example:
      troopclaims init my-story
    """
    from ..datafile import SCHEMA_FILE, data_file_schema, new_data_file
    from ..errors import TroopclaimsError
    from ..files import safe_write_text

    talk = Talk(quiet, verbose)
    data = folder / DATA_FILE
    if data.exists() or data.is_symlink():
        raise TroopclaimsError(f"{data}: already exists; troopclaims init never overwrites a data file")
    try:
        (folder / ARTICLES).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TroopclaimsError(f"{folder}: cannot create the story folder: {exc.strerror or exc}") from None
    story = folder.resolve().name or "a new story"
    schema = folder / SCHEMA_FILE
    if not schema.exists():
        safe_write_text(schema, data_file_schema() + "\n", what="schema")
    safe_write_text(data, new_data_file(story), what="data file")
    # One say per line: each is made one line on its own, so a line break in the folder's name
    # becomes an escape while the advice keeps its own line breaks.
    for line in (
        f"Started a story in {folder}: {data}, {schema} and {folder / ARTICLES}/.",
        "Next:",
        f"  1. Save articles in {folder / ARTICLES}/ as web pages (.html) or text (.txt); a manifest.csv there",
        "     (columns file,url,outlet,published) gives each its own metadata.",
        f"  2. cd {folder}: there every command works on {DATA_FILE} (elsewhere, name it with --data {data})",
        f"  3. troopclaims add {ARTICLES}/, then troopclaims review",
        "  4. troopclaims check, then conflicts, timeline and report",
    ):
        talk.say(line)
