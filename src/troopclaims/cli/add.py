from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import one_line
from .options import FilePath, Talk, Text, data_option, gazetteer_option, is_stdin, story_data, talk_options

if TYPE_CHECKING:
    from ..datafile import Dataset, DateValue, Extracted
    from ..intake import Skipped


@click.command()
@click.argument("paths", nargs=-1, required=True, type=FilePath(path_type=Path))
@data_option
@click.option(
    "--published", metavar="DATE", type=Text(), help="Publication date for articles that neither a manifest nor their own text dates."
)
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--allow-duplicate", is_flag=True,
    help="Add an article even when its text is already in the story (a reprint by another outlet, kept as a source of its own).",
)
@talk_options
@gazetteer_option
def add(
    paths: tuple[Path, ...], data: Path | None, published: str | None, jobs: int, allow_duplicate: bool, quiet: bool, verbose: bool,
    gazetteer: Path | None,
) -> None:
    """Bring articles into a story: read them, extract candidate claims, and add both to the data file.

    PATHS are articles (.txt, or saved web pages .html/.htm), folders of them (subfolders too,
    hidden ones not), or manifests (CSV or YAML with the columns file, url, outlet, published,
    title, author); - reads paths from standard input, one a line. A folder's manifest.csv or
    manifest.yaml is read with it.
    A page's main text is saved beside it as a .txt, which quotes are anchored to. Each new
    source gets its title, outlet, byline, URL and date from the manifest first, then from
    the article, then --published. An article that cannot be read or dated is named at the
    end and the others are still added (exit 1). Candidates come in unreviewed; a candidate
    rejected in review is never added again. Running it twice adds nothing: a candidate whose
    words overlap a claim the story holds for that article is that claim, whatever review made
    of it. An article whose text is already in the story under another name (the same text, or
    a copy sharing 80% of it) is named and not added, unless --allow-duplicate.

    \b
    Examples (in a story folder made by troopclaims init):
      troopclaims add articles/
      troopclaims add articles/airlift.txt --published 2024-02 --verbose
    """
    data = story_data(data)
    talk = Talk(quiet, verbose)
    named = list(paths)
    if any(is_stdin(path) for path in named):
        named = [p for p in named if not is_stdin(p)] + [Path(line.strip()) for line in sys.stdin if line.strip()]
    add_articles(named, data, published, jobs, talk, gazetteer, allow_duplicate)


def parse_default_date(published: str | None) -> DateValue | None:
    from ..errors import UsageError
    from ..intake import parse_published

    if not published:
        return None
    try:
        return parse_published(published)[0]
    except ValueError as exc:
        raise UsageError(f"--published: {exc}") from None


def add_articles(
    paths: list[Path], data: Path, published: str | None, jobs: int, talk: Talk, gazetteer: Path | None = None,
    allow_duplicate: bool = False,
) -> None:
    """What `add` and `extract --merge` do: read, extract, merge, then name every article left out."""
    from ..datafile import merge_into
    from ..errors import TroopclaimsError
    from ..extraction import extract_files
    from ..intake import Skipped, find_articles
    from .progress import tracked

    default = parse_default_date(published)
    if not data.is_file():
        raise TroopclaimsError(f"{data}: no such data file; make one with: troopclaims init {data.parent}")
    entries, skipped = find_articles(paths)
    extracted: list[Extracted] = []
    story = _story(data)
    gazetteers = tuple(p for p in (story.gazetteer_path if story else None, gazetteer) if p is not None)
    results = extract_files(entries, default, jobs, save_text=True, gazetteers=gazetteers)
    for result in tracked(results, len(entries), "reading articles", enabled=not talk.quiet):
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            extracted.append(result)
            for warning in result.warnings:
                click.echo(one_line(f"warning: {warning}"), err=True)
            talk.detail(_described(result))
    if not allow_duplicate:
        extracted = _without_copies(extracted, story, talk)
    done = merge_into(data, extracted, published is not None)
    skipped.extend(Skipped(path, reason) for path, reason in done.refused)
    added = f"; new sources: {', '.join(done.sources_added)}" if done.sources_added else ""
    talk.say(f"{data}: added {done.claims_added} unreviewed claims{added}; {done.claims_skipped} already there")
    report_skipped(skipped)


def _story(path: Path) -> Dataset | None:
    """The story as the data file holds it, when it is a valid data file (merging reports it otherwise)."""
    from ..datafile import check_file

    result = check_file(path)
    return result.dataset if result.dataset is not None and not result.errors else None


def _without_copies(extracted: list[Extracted], story: Dataset | None, talk: Talk) -> list[Extracted]:
    """The articles whose text is not already in the story under another name; each copy is named on stderr."""
    from ..engine import near_copy
    from ..files import MAX_ARTICLE_BYTES, read_text

    known = dict(story.texts) if story else {}
    names = {sid: f"source {sid} ({source.file})" for sid, source in story.sources.items()} if story else {}
    sources = {(story.root / source.file).resolve() for source in story.sources.values()} if story else set()
    kept = []
    for article in extracted:
        # Already a source (the merge adds only its new candidates), or a name the merge refuses and says why.
        if article.path.resolve() in sources or not str(article.path).isprintable():
            kept.append(article)
            continue
        text = read_text(article.path, limit=MAX_ARTICLE_BYTES, what="article")
        copy = near_copy(text, known)
        shown = article.page or article.path
        if copy is not None:
            talk.say(f"not added: {shown} is the article already in the story as {names[copy.second]}: "
                     f"{copy.share:.0%} of its text; --allow-duplicate adds it as a source of its own")
            continue
        known[str(shown)], names[str(shown)] = text, f"{shown}, added in this run"
        kept.append(article)
    return kept


def _described(article: Extracted) -> str:
    date = article.published.value if article.published else "undated"
    if article.time:
        date += f" {article.time}"
    how = f" ({article.dated_by})" if article.dated_by else ""
    outlet = article.outlet or "outlet unknown"
    return f"{article.path}: {len(article.claims)} candidates; {outlet}; {date}{how}; {article.title!r}"


def report_skipped(skipped: list[Skipped]) -> None:
    """Each article left out, one line each on stderr, then exit 1 naming them all."""
    if not skipped:
        return
    for item in skipped:
        named = item.reason if item.reason.startswith(one_line(str(item.path))) else f"{item.path}: {item.reason}"
        click.echo(one_line(f"skipped: {named}"), err=True)
    names = ", ".join(str(item.path) for item in skipped)
    raise click.ClickException(one_line(f"{len(skipped)} article(s) not added: {names}"))
