"""Finding articles and reading them with what is known about them: title, outlet, byline, URL and date.

An article is a text file (.txt), or a saved web page (.html, .htm) whose main text is saved beside it
as a .txt the first time it is read; quotes are anchored to that text. A manifest in a folder, or named
on the command line, gives articles their own metadata. What a manifest says comes first, then what
the article says about itself, then the default date given on the command line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..datafile import DateValue, parse_value
from ..errors import TroopclaimsError, UsageError
from ..files import MAX_ARTICLE_BYTES, atomic_write_text, folder_files, path_kind, read_text
from .headers import read_header
from .ids import source_id
from .manifest import Listing, folder_manifest, is_manifest, read_manifest

PAGE_SUFFIXES = (".html", ".htm")
#: Fewer characters than this from a page are a menu or a notice, not an article.
MIN_PAGE_TEXT = 100
#: The name standard input goes by in messages and as an article's path.
STDIN = Path("-")


@dataclass(frozen=True)
class Entry:
    """An article to read, with its manifest row when it has one."""

    path: Path
    listing: Listing | None = None


@dataclass(frozen=True)
class Skipped:
    """An article that could not be read or added, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Article:
    """An article's text and what is known about it."""

    path: Path  # the text quotes anchor to: the file itself, or the .txt saved beside a page
    text: str
    page: Path | None  # the saved web page the text was read from
    source_id: str  # readable: outlet and title words; made unique when merged
    title: str
    outlet: str | None
    author: str | None
    agency: str | None  # the wire agency named by a dateline or byline
    url: str | None
    published: DateValue | None
    time: str | None  # the time of day, as written, when the date has one
    stated: bool  # the article itself gives its date
    dated_by: str | None  # how the date was found


def find_articles(paths: Iterable[Path]) -> tuple[list[Entry], list[Skipped]]:
    """The articles named: files as given, folders by their articles in name order, manifests by their rows.

    A folder's subfolders are read after it, in name order (one per outlet is a common way to keep a story),
    except hidden ones and links to folders: a link may lead out of the story or back into it.

    A folder's .txt that has a saved page of the same name beside it is that page's text, not an
    article of its own. A bad manifest is reported as skipped, and the folder's files are still read;
    so is a name that cannot be looked up (too long, no permission), and the other paths are still read.
    """
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path == STDIN:
            entries.append(Entry(path))
            continue
        try:
            kind = path_kind(path)
        except TroopclaimsError as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        if kind == "folder":
            for folder in _folder_tree(path):
                listed = _manifest_entries(folder_manifest(folder), skipped)
                by_file = {entry.path.resolve(): entry for entry in listed}
                try:
                    found = _folder_articles(folder)
                except TroopclaimsError as exc:
                    skipped.append(Skipped(folder, str(exc)))
                    found = []
                for article in found:
                    entries.append(by_file.pop(article.resolve(), Entry(article)))
                entries.extend(by_file.values())  # rows naming files outside the folder or in subfolders
        elif kind is None:
            raise UsageError(f"{path}: no such file or folder")
        elif is_manifest(path):
            entries.extend(_manifest_entries(path, skipped))
        else:
            entries.append(Entry(path, _listing_for(path)))
    if not entries and not skipped:
        raise UsageError("no articles (*.txt, *.html, *.htm) found in the paths given")
    return entries, skipped


def _folder_tree(top: Path) -> list[Path]:
    """top, then every subfolder below it depth first in name order; hidden folders and links left out."""
    tree = [top]
    try:
        with os.scandir(top) as entries:
            subfolders = sorted(e.name for e in entries if not e.name.startswith(".") and _plain_folder(e))
    except OSError:  # listing the folder for its articles says what is wrong, once
        return tree
    for name in subfolders:
        tree.extend(_folder_tree(top / name))
    return tree


def _plain_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _folder_articles(folder: Path) -> list[Path]:
    files = [p for p in folder_files(folder) if p.suffix.lower() in (".txt", *PAGE_SUFFIXES)]
    pages = {p.with_suffix("") for p in files if p.suffix.lower() in PAGE_SUFFIXES}
    return sorted(p for p in files if p.suffix.lower() != ".txt" or p.with_suffix("") not in pages)


def _manifest_entries(manifest: Path | None, skipped: list[Skipped]) -> list[Entry]:
    if manifest is None:
        return []
    try:
        return [Entry(listing.file, listing) for listing in read_manifest(manifest)]
    except TroopclaimsError as exc:
        skipped.append(Skipped(manifest, str(exc)))
        return []


def _listing_for(path: Path) -> Listing | None:
    """The row of the folder's manifest that names this file, if the folder has one."""
    manifest = folder_manifest(path.parent)
    if manifest is None:
        return None
    try:
        rows = read_manifest(manifest)
    except TroopclaimsError:
        return None  # reported when the folder itself is read; a file named alone still reads
    return next((row for row in rows if row.file.resolve() == path.resolve()), None)


def read_article(entry: Entry, default: DateValue | None = None, *, save_text: bool = False, stdin: str | None = None) -> Article:
    """Read one article; TroopclaimsError when it cannot be read or holds no text.

    save_text writes a page's text beside it (atomically) so that quotes can be anchored to a file;
    an existing .txt is kept as it is, since its reader may have corrected it.
    """
    path, listing = entry.path, entry.listing
    if path != STDIN and _is_pdf(path):
        raise TroopclaimsError(f"{path}: is a PDF, not text or a saved web page; troopclaims does not read PDFs: "
                               "save its text as a .txt beside it and add that")
    if path.suffix.lower() in PAGE_SUFFIXES:
        article = _read_page(path, save_text)
    else:
        text = stdin if path == STDIN and stdin is not None else read_text(path, limit=MAX_ARTICLE_BYTES, what="article")
        if _only_addresses(text):
            raise TroopclaimsError(
                f"{path}: a list of addresses, not an article; troopclaims never downloads: save each page beside it "
                "and list them in a manifest.csv (file,url,outlet,published)"
            )
        article = _read_text(path, text)
    if not article.text.strip():
        raise TroopclaimsError(f"{path}: holds no article text")
    return _with_listing(article, listing, default)


def _is_pdf(path: Path) -> bool:
    """A PDF by its name or by the signature its first bytes carry, whatever it is named."""
    if path.suffix.lower() == ".pdf":
        return True
    try:
        if not path.is_file():  # a FIFO or a device is not opened here (it could wait forever); the reader refuses it
            return False
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:  # reading it properly says what is wrong
        return False


def _only_addresses(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(re.fullmatch(r"https?://\S+(?:[ ,;\t]+\S+)*", line) for line in lines)


def _read_text(path: Path, text: str, page: Path | None = None) -> _Read:
    header = read_header(text)
    title = header.title or next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
    dated = header.dated
    return _Read(
        path=path,
        text=text,
        page=page,
        title=title[:200],
        outlet=header.outlet or header.agency,
        author=header.author,
        agency=header.agency,
        url=header.url,
        published=parse_value(dated.day.isoformat()) if dated else None,
        time=dated.time if dated else None,
        dated_by=f"dateline {dated.written!r} (line {dated.line})" if dated else None,
    )


def _read_page(page: Path, save_text: bool) -> _Read:
    from .pages import read_page

    html = read_text(page, limit=MAX_ARTICLE_BYTES, what="web page")
    found = read_page(html)
    if len(found.text) < MIN_PAGE_TEXT:
        raise TroopclaimsError(f"{page}: no article text found in the page")
    target = page.with_suffix(".txt")
    text = found.text
    if path_kind(target) is not None:
        text = read_text(target, limit=MAX_ARTICLE_BYTES, what="article")
    elif save_text:
        try:
            atomic_write_text(target, text)
        except OSError as exc:
            raise TroopclaimsError(f"{page}: cannot save its text as {target.name}: {exc.strerror or exc}") from None
    return _Read(
        path=target,
        text=text,
        page=page,
        title=(found.title or found.text.splitlines()[0])[:200],
        outlet=found.outlet,
        author=found.author,
        agency=found.agency,
        url=found.url,
        published=parse_value(found.day.isoformat()) if found.day else None,
        time=found.time,
        dated_by=found.dated_by,
    )


@dataclass(frozen=True)
class _Read:
    """What the article itself says, before the manifest and the default date are applied."""

    path: Path
    text: str
    page: Path | None
    title: str
    outlet: str | None
    author: str | None
    agency: str | None
    url: str | None
    published: DateValue | None
    time: str | None
    dated_by: str | None


def _with_listing(read: _Read, listing: Listing | None, default: DateValue | None) -> Article:
    published, time, dated_by, stated = read.published, read.time, read.dated_by, read.published is not None
    if listing is not None and listing.published is not None:
        published, time, dated_by, stated = listing.published, listing.time, f"given in {listing.manifest.as_posix()}:{listing.line}", False
    elif published is None and default is not None:
        published, time, dated_by = default, None, None
    title = (listing.title if listing else None) or read.title
    outlet = (listing.outlet if listing else None) or read.outlet
    wanted = source_id(outlet, title, _stem(read.page or read.path))
    return Article(
        path=read.path,
        text=read.text,
        page=read.page,
        source_id=wanted,
        title=title,
        outlet=outlet,
        author=(listing.author if listing else None) or read.author,
        agency=read.agency,
        url=(listing.url if listing else None) or read.url,
        published=published,
        time=time,
        stated=stated,
        dated_by=dated_by,
    )


def _stem(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-._") or "article"
