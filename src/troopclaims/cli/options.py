"""Options shared by several commands, so each is declared once with one help text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import one_line

if TYPE_CHECKING:
    from ..datafile import Dataset

F = TypeVar("F", bound=Callable[..., Any])


def _refuse_empty(value: Any, param: click.Parameter | None, ctx: click.Context | None, fail: Callable[..., Any]) -> None:
    # An empty argument would become Path("") — the current folder — and read or write there unasked.
    if isinstance(value, str) and value == "":
        fail("an empty value names nothing; give one", param, ctx)


class FilePath(click.Path):
    """click.Path that refuses an empty argument and keeps its messages on one line."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        _refuse_empty(value, param, ctx, self.fail)
        return super().convert(value, param, ctx)

    def fail(self, message: str, param: click.Parameter | None = None, ctx: click.Context | None = None) -> Any:
        super().fail(one_line(message), param, ctx)


class Text(click.types.StringParamType):
    """A text argument that may not be empty."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        _refuse_empty(value, param, ctx, self.fail)
        return value


def data_option(func: F) -> F:
    return click.option(
        "--data",
        "data",
        type=FilePath(path_type=Path, dir_okay=False),
        default=None,
        help="The claims data file (YAML); - reads it from standard input. Default: $TROOPCLAIMS_DATA, else the "
        "claims.yaml of the story the current folder is in (found upward), else the bundled demo (said on stderr).",
    )(func)


def gazetteer_option(func: F) -> F:
    return click.option(
        "--gazetteer",
        "gazetteer",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        default=None,
        help="A file of places and actors (the gazetteer format) on top of the built-in ones and the data file's.",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def source_option(func: F) -> F:
    return click.option("--source", "source", metavar="ID|OUTLET", help="Only this source (its id or outlet name).")(func)


#: The environment variable naming a data file, for a shell that works on one story.
DATA_VARIABLE = "TROOPCLAIMS_DATA"
DEMO_NOTICE = (
    "no story here (no --data, no $TROOPCLAIMS_DATA, no claims.yaml in this folder or above): "
    "showing the bundled demo data, US troops leaving Syria in 2019"
)


def find_data(data: Path | None) -> Path | None:
    """The data file a command works on: --data, then $TROOPCLAIMS_DATA, then the story the current folder is in."""
    import os

    if data is not None:
        return data
    named = os.environ.get(DATA_VARIABLE, "")
    if named:
        return Path(named)
    from ..datafile import find_story

    return find_story(Path.cwd())


def resolve_data(data: Path | None) -> Path:
    """find_data, else the bundled demo, said in one line on stderr unless the command was given --quiet."""
    found = find_data(data)
    if found is not None:
        return found
    from ..paths import default_data_path

    context = click.get_current_context(silent=True)
    if context is None or not context.params.get("quiet"):
        click.echo(DEMO_NOTICE, err=True)
    return default_data_path()


def story_data(data: Path | None) -> Path:
    """The data file a writing command (add, review) works on: never the bundled demo by default."""
    found = find_data(data)
    if found is None:
        raise click.UsageError(
            "no story here: name its data file with --data (or $TROOPCLAIMS_DATA), run inside a story folder, "
            "or start one with troopclaims init FOLDER"
        )
    return found


def is_demo(path: Path) -> bool:
    """Whether path is the bundled demo data file."""
    import os

    from ..paths import default_data_path

    try:
        return os.path.samefile(path, default_data_path())
    except (OSError, ValueError):
        return False


def is_stdin(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def load_data(data: Path | None, gazetteer: Path | None = None) -> Dataset:
    """The data file --data names ("-": standard input, with source files found from the current folder)."""
    from ..datafile import load_dataset

    if is_stdin(data):
        from ..files import MAX_DATA_BYTES, STDIN_NAME, read_stdin

        return load_dataset(Path(STDIN_NAME), read_stdin(limit=MAX_DATA_BYTES, what="data"), gazetteer)
    return load_dataset(resolve_data(data), gazetteer=gazetteer)


def talk_options(func: F) -> F:
    """--quiet and --verbose: how much a command says on stderr besides its errors."""
    func = click.option("--verbose", "-v", "verbose", is_flag=True, help="Say more on stderr: what was read from each file.")(func)
    return click.option("--quiet", "-q", "quiet", is_flag=True, help="Say nothing on stderr but errors.")(func)


class Talk:
    """What a command says on stderr, as --quiet and --verbose ask."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        if quiet and verbose:
            raise click.UsageError("--quiet and --verbose exclude each other")
        self.quiet, self.verbose = quiet, verbose

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(one_line(message), err=True)

    def detail(self, message: str) -> None:
        if self.verbose:
            click.echo(one_line(message), err=True)
