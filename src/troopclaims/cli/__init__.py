"""The troopclaims command line: each command parses its options, calls the library, and renders.

Only click is imported here; each command imports what it needs when it runs, so that
`troopclaims --help` and shell completion stay cheap.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click


class _Group(click.Group):
    """Turns the package's one exception into a click error at the edge, with its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        from ..errors import TroopclaimsError, UsageError

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(str(exc), _command_context(ctx)) from None
        except TroopclaimsError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:  # output piped into `head`: stop quietly
            ctx.exit(0)
        except OSError as exc:  # a refusal no stage foresaw (a name too long, no permission): one line all the same
            from ..errors import one_line
            from ..files import os_reason

            named = f"{exc.filename}: " if exc.filename is not None else ""
            raise click.ClickException(one_line(f"{named}{os_reason(exc)}")) from None
        except KeyboardInterrupt:  # Ctrl-C: the shell's convention, 128 + SIGINT, without click's "Aborted!"
            ctx.exit(130)


    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands in --help, from each one's first paragraph in HOMES: no command is imported."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            # A command not imported yet has a stand-in with its first paragraph, shortened exactly as it would be.
            loaded = dict.__contains__(self.commands, name) or name not in HOMES
            command = self.get_command(ctx, name) if loaded else click.Command(name, help=HOMES[name][2])
            if command is not None:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _command_context(ctx: click.Context) -> click.Context:
    """The context of the subcommand that ran, so a usage error shows that command's usage, not the group's."""
    name = ctx.invoked_subcommand
    command = main.get_command(ctx, name) if name else None
    return click.Context(command, info_name=name, parent=ctx) if command is not None else ctx


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="troopclaims", prog_name="troopclaims")
def main() -> None:
    """Sourced claims about troop movements from news articles, and where the sources disagree.

    A story of your own starts with `troopclaims init FOLDER`; inside FOLDER (or below it) every
    command works on FOLDER/claims.yaml. Elsewhere name a data file with --data PATH or
    TROOPCLAIMS_DATA=PATH. With none of these the reading commands show the bundled demo (five
    articles on US troops leaving northeastern Syria in October 2019) and say so on stderr.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims list --source shafaq
      troopclaims conflicts --kind numeric
    """


#: Each command's module, its function there, and the first paragraph of its help. A command's module is
#: imported the first time the command is looked up, so `troopclaims --help` lists the commands from here
#: without importing any (tests/test_cli.py checks these against the commands themselves).
HOMES: dict[str, tuple[str, str, str]] = {
    'init': ('init', 'init', 'Start a story in FOLDER (default: the current folder): a data file, its schema and an articles/ folder.'),
    'add': ('add', 'add', 'Bring articles into a story: read them, extract candidate claims, and add both to the data file.'),
    'review': ('review', 'review', 'Step through the candidates left to review: accept, edit, reject, accept a whole article, undo, skip or quit.'),
    'check': ('check', 'check', 'Validate claims data files: YAML, schema, references, articles, quotes and counts.'),
    'schema': ('check', 'schema', 'Print the JSON Schema of the claims data file, for editors and other tools.'),
    'list': ('listing', 'list_claims', 'List the claims of the data file, with where each quote stands in its article and the conflicts each is in.'),
    'conflicts': ('conflicts', 'conflicts', 'Show where sources contradict each other, event by event, hard ones first.'),
    'events': ('conflicts', 'events', "Show the events: claims about one movement or presence of one actor's forces."),
    'timeline': ('timeline', 'timeline', 'Show how the story unfolded: each claim at its date, with its precision and who said it.'),
    'report': ('report', 'report', 'Write one page to share: the timeline, the conflicts side by side, and the articles with every quote marked.'),
    'export': ('export', 'export', 'Export the claims for other tools: Web Annotations, schema.org Claims, or one SQLite database.'),
    'extract': ('extract', 'extract', 'Read articles (files, folders, saved web pages, manifests; - for standard input) into candidate claims.'),
}


class _Commands(dict):  # type: ignore[type-arg]
    """The group's commands by name, each imported from its module when first looked up; click and the tests
    use it as the dict a group keeps."""

    def __init__(self, homes: dict[str, tuple[str, str, str]]) -> None:
        super().__init__()
        self._homes = homes

    def __getitem__(self, name: str) -> click.Command:
        if name in self._homes and not dict.__contains__(self, name):
            from importlib import import_module

            module, function, _ = self._homes[name]
            dict.__setitem__(self, name, getattr(import_module(f".{module}", __name__), function))
        return dict.__getitem__(self, name)  # type: ignore[no-any-return]

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self else default

    def __contains__(self, name: object) -> bool:
        return name in self._homes or dict.__contains__(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter([*self._homes, *(name for name in dict.keys(self) if name not in self._homes)])

    def __len__(self) -> int:
        return len(list(iter(self)))

    def keys(self) -> Any:
        return list(self)

    def items(self) -> Any:
        return [(name, self[name]) for name in self]

    def values(self) -> Any:
        return [self[name] for name in self]


main.commands = _Commands(HOMES)
