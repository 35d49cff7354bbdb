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
        help="The claims data file (YAML); - reads it from standard input (commands that only read it). Default: $TROOPCLAIMS_DATA, else the "
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
    if is_stdin(data):
        # Standard input can be read, not written back: a command that saves every decision needs a file.
        raise click.UsageError("--data - reads standard input, which cannot be written back: name the data file")
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


def candidates_option(func: F) -> F:
    """--include-candidates, for the outputs that show reviewed claims only unless asked (report, ClaimReview)."""
    return click.option(
        "--include-candidates",
        "include_candidates",
        is_flag=True,
        help="Show the candidates nobody has reviewed too, each marked as such (by default only reviewed claims).",
    )(func)


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


# --- The options every command that reads a data file shares (docs/guide.md#what-every-command-shares) ---

#: The exit code of `conflicts --fail-on-conflict` when it finds any: not 1 (bad data) nor 2 (usage).
EXIT_CONFLICTS = 3
OUTPUT_HELP = "Write the output to FILE ('-': standard output), atomically; never over the data file or an article."
REVIEWED_ONLY_HELP = "Only claims a person has reviewed: machine candidates left to review are left out."
SINCE_HELP = "Only claims dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): their own date, else their article's."
NO_CACHE_HELP = "Analyse afresh rather than reuse the cached result of an earlier run on the same files."
UNTIL_HELP = "Only claims dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD): their own date, else their article's."


# click 8.5 types ParamType as generic; the oldest click the ranges allow does not subscript it at run time.
class DateParam(click.ParamType):  # type: ignore[type-arg]
    """A date of a year, a month or a day, as the data file writes publication dates."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from ..datafile import parse_value

        _refuse_empty(value, param, ctx, self.fail)
        if not isinstance(value, str):
            return value
        try:
            parsed = parse_value(value)
        except ValueError as exc:
            self.fail(one_line(str(exc)), param, ctx)
        if parsed.precision not in ("year", "month", "day"):
            self.fail(f"{value!r}: give a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)", param, ctx)
        return parsed


def output_option(default_note: str = "") -> Callable[[F], F]:
    """-o/--output FILE. default_note: what the command writes when it is left out (standard output if empty)."""

    def decorate(func: F) -> F:
        return click.option(
            "-o", "--output", "output", metavar="FILE", type=Text(), default=None,
            help=OUTPUT_HELP + (f" Default: {default_note}." if default_note else " Default: standard output."),
        )(func)

    return decorate


def no_cache_option(func: F) -> F:
    return click.option("--no-cache", "no_cache", is_flag=True, help=NO_CACHE_HELP)(func)


def reviewed_only_option(func: F) -> F:
    return click.option("--reviewed-only", "reviewed_only", is_flag=True, help=REVIEWED_ONLY_HELP)(func)


def window_options(func: F) -> F:
    """--since and --until: a time window on the claims, by each claim's date."""
    func = click.option("--until", "until", metavar="DATE", type=DateParam(), default=None, help=UNTIL_HELP)(func)
    return click.option("--since", "since", metavar="DATE", type=DateParam(), default=None, help=SINCE_HELP)(func)


def inputs_of(dataset: Dataset) -> list[Path]:
    """The files a command read: an output is never written over one of them."""
    inputs = [dataset.path, *(dataset.root / source.file for source in dataset.sources.values())]
    return inputs + [path for path in (dataset.gazetteer_path, dataset.extra_gazetteer) if path is not None]


def narrow(dataset: Dataset, reviewed_only: bool = False, since: Any = None, until: Any = None) -> Dataset:
    """The dataset with only the claims --reviewed-only and the --since/--until window keep."""
    import dataclasses

    claims = dataset.claims
    if reviewed_only:
        claims = [claim for claim in claims if claim.reviewed]
    if since is not None or until is not None:
        from ..time import within

        claims = within(dataset, claims, since, until)
    return dataset if claims is dataset.claims else dataclasses.replace(dataset, claims=claims)


def write_output(output: str | None, text: str | bytes, protect: list[Path], talk: Talk, what: str, summary: str) -> None:
    """text to standard output (no -o, or '-'), else to the file -o names, said on stderr with its summary.

    protect: the files the command read, never written over; what: the noun for messages ("report",
    "database"); summary: what the file holds, for "wrote FILE: ...".
    """
    from ..files import safe_write_bytes

    if output is None or output == "-":
        if isinstance(text, bytes):
            raise click.UsageError(f"{what} needs a FILE to write to (-o FILE)")
        click.echo(text, nl=False)
        return
    data = text.encode("utf-8") if isinstance(text, str) else text
    safe_write_bytes(Path(output), data, what=what, protect=protect)
    talk.say(f"wrote {output}: {summary}")


def render_view(view: Any, output_format: str, output: str | None, protect: list[Path], talk: Talk) -> None:
    """A view in the chosen --format, to standard output or to the -o file."""
    import io
    import sys

    from ..present import RENDERERS

    if output is None or output == "-":
        RENDERERS[output_format](view, sys.stdout)
        return
    buffer = io.StringIO()
    RENDERERS[output_format](view, buffer)
    write_output(output, buffer.getvalue(), protect, talk, "output", f"{view.title} ({output_format})")


class Reading:
    """What the shared options of a command that reads the data file asked for, and how to honour them."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.data: Path | None = params.pop("data")
        self.gazetteer: Path | None = params.pop("gazetteer")
        self.output_format: str = params.pop("output_format", "")
        self.output: str | None = params.pop("output")
        self.talk = Talk(params.pop("quiet"), params.pop("verbose"))
        self.reviewed_only: bool = params.pop("reviewed_only")
        self.since = params.pop("since", None)
        self.until = params.pop("until", None)
        self.no_cache: bool = params.pop("no_cache", True)

    def load(self) -> Dataset:
        dataset = load_data(self.data, self.gazetteer)
        self.talk.detail(f"read {dataset.path}: {len(dataset.sources)} sources, {len(dataset.claims)} claims")
        narrowed = narrow(dataset, self.reviewed_only, self.since, self.until)
        if narrowed is not dataset:
            self.talk.detail(f"{len(narrowed.claims)} of {len(dataset.claims)} claims kept by --reviewed-only, --since and --until")
        return narrowed

    def render(self, view: Any, dataset: Dataset) -> None:
        render_view(view, self.output_format, self.output, inputs_of(dataset), self.talk)

    def write(self, text: str | bytes, dataset: Dataset, what: str, summary: str) -> None:
        write_output(self.output, text, inputs_of(dataset), self.talk, what, summary)


def reading_options(
    *formats: str, default: str = "table", window: bool = True, output_note: str = "", cached: bool = False
) -> Callable[[F], F]:
    """The shared options of a command that reads the data file, handed to it as one `reading` argument.

    formats: the --format choices (none: the command has no --format); window: --since and --until;
    cached: the command's view is kept in the analysis cache (cli/cached.py), and --no-cache is offered.
    """
    import functools

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def command(**params: Any) -> Any:
            return func(reading=Reading(params), **params)

        wrapped: Any = command
        if window:
            wrapped = window_options(wrapped)
        if cached:
            wrapped = no_cache_option(wrapped)
        wrapped = reviewed_only_option(wrapped)
        wrapped = talk_options(wrapped)
        wrapped = output_option(output_note)(wrapped)
        if formats:
            wrapped = format_option(*formats, default=default)(wrapped)
        wrapped = gazetteer_option(wrapped)
        return data_option(wrapped)  # type: ignore[no-any-return]

    return decorate
