"""Saved web pages: the article's text and what the page says about it, read with trafilatura and htmldate.

trafilatura finds the main text among menus, footers and comments, and reads the title, site name and
author from the page's metadata (OpenGraph, schema.org JSON-LD, meta tags). htmldate finds the
publication date in the same metadata, the URL or the text. The date's source is told by looking for
the date htmldate returns in the page's own structured fields, so a source records how it was dated.
Both libraries are imported here only, and only when a page is read: they cost about 0.25 s to import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .headers import ROLE, read_header

# Structured places a page states its publication date, as (how to find it, how to describe it).
_META_DATES = (
    ("//meta[@property='article:published_time']/@content", "meta article:published_time"),
    ("//meta[@property='og:published_time']/@content", "meta og:published_time"),
    ("//meta[@itemprop='datePublished']/@content", "meta itemprop datePublished"),
    ("//meta[@name='date' or @name='pubdate' or @name='publishdate' or @name='DC.date.issued']/@content", "meta date"),
    ("//time[@itemprop='datePublished']/@datetime", "time itemprop datePublished"),
    ("//time[@pubdate]/@datetime", "time pubdate"),
)
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ](?P<clock>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?P<zone>Z|[+-]\d{2}:?\d{2})?")


@dataclass(frozen=True)
class Page:
    text: str  # the article as text: the title, a blank line, then one paragraph a line with blank lines between
    title: str | None
    outlet: str | None
    author: str | None
    agency: str | None
    url: str | None
    day: date | None
    time: str | None
    dated_by: str | None  # how the date was found


def read_page(html: str) -> Page:
    """The article in a saved web page, with its metadata; text is empty when no article text was found."""
    import htmldate
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    title = _clean(getattr(document, "title", None))
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n" if paragraphs else ""

    tree = _parsed(html)
    # htmldate gets a tree of its own: given a string that looks like an address it would download it, and it
    # may prune the tree it is given, which the reading of structured dates below still needs whole.
    own_tree = _parsed(html)
    found = htmldate.find_date(own_tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d") if own_tree is not None else None
    day = date.fromisoformat(found) if found else None
    time, dated_by = None, None
    if day is not None:
        dated_by = "htmldate (page metadata, URL or text)"
        for raw, how in _structured_dates(tree):
            if raw.startswith(day.isoformat()):
                dated_by = f"{how} {raw!r}"
                time = _time_of(raw)
                break
    # The lines under the headline hold the byline and dateline that the main text leaves out.
    header = read_header("\n".join(_lines_from(_visible_lines(tree), title)))
    if header.dated is not None and (day is None or dated_by and dated_by.startswith("htmldate")):
        if day is None or header.dated.day == day:
            day, time = header.dated.day, header.dated.time
            dated_by = f"dateline {header.dated.written!r} on the page"
    site = _clean(getattr(document, "sitename", None))
    if site and " " not in site and "." in site:  # a host name, the last resort of trafilatura: a written name is better
        site = _title_suffix(tree, title) or site
    outlet = site or _title_suffix(tree, title) or header.outlet or header.agency
    return Page(
        text=text,
        title=title,
        outlet=outlet,
        author=_author(getattr(document, "author", None)) or header.author,
        agency=header.agency,
        url=_clean(getattr(document, "url", None)) or _structured_url(tree) or header.url,
        day=day,
        time=time,
        dated_by=dated_by,
    )


def _parsed(html: str) -> Any:
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html) if html.strip() else None
    except (etree.LxmlError, ValueError):  # an empty document, or only comments
        return None


def _structured_dates(tree: Any) -> list[tuple[str, str]]:
    found = [
        (item["datePublished"].strip(), "schema.org datePublished")
        for item in _json_ld(tree)
        if isinstance(item.get("datePublished"), str)
    ]
    if tree is not None:
        for path, how in _META_DATES:
            found.extend((str(value).strip(), how) for value in tree.xpath(path))
    return found


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """Every object of the page's schema.org JSON-LD blocks."""
    if tree is None:
        return []
    found: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            found.extend(_walk(json.loads(script)))
        except ValueError:
            continue
    return found


def _structured_url(tree: Any) -> str | None:
    """The article's address from its schema.org JSON-LD, when the page's meta tags give none."""
    for item in _json_ld(tree):
        value = item.get("url") or item.get("mainEntityOfPage")
        if isinstance(value, dict):
            value = value.get("@id")
        if isinstance(value, str) and value.startswith(("http://", "https://")) and "datePublished" in item:
            return value.strip()
    return None


def _author(value: object) -> str | None:
    """trafilatura's author, without the job titles it keeps as names ("Lena Berg; Staff Writer")."""
    names = [part for part in (_clean(piece) for piece in str(value or "").split(";")) if part and not ROLE.search(part)]
    return "; ".join(names) or None


def _walk(data: Any) -> list[dict[str, Any]]:
    """Every JSON object in a JSON-LD block, through lists and @graph."""
    stack: list[Any] = [data]
    found: list[dict[str, Any]] = []
    while stack and len(found) < 100:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _time_of(raw: str) -> str | None:
    match = _ISO_TIME.match(raw)
    if match is None:
        return None
    return match["clock"] + (match["zone"] or "")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:300] or None


_HIDDEN = {"script", "style", "noscript", "template"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "br", "section", "article", "header", "footer", "time", "span", "tr", "td"}


def _visible_lines(tree: Any) -> list[str]:
    """The page's text one block a line, without scripts and styles (the tree is left as it is)."""
    if tree is None:
        return []
    chunks: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _BLOCKS:
            chunks.append("\n")
        if element.text and element.tag not in _HIDDEN:
            chunks.append(element.text)
        if element.tail:
            chunks.append(element.tail)
    return [" ".join(line.split()) for line in "".join(chunks).splitlines() if line.strip()]


def _lines_from(lines: list[str], title: str | None) -> list[str]:
    """The lines from the headline on, or the first lines when the headline is not found."""
    if title:
        for index, line in enumerate(lines):
            if line == title:
                return lines[index:]
    return lines


def _title_suffix(tree: Any, title: str | None) -> str | None:
    """The site's name from a <title> written "Headline - Site" or "Headline | Site"."""
    if tree is None or not title:
        return None
    full = " ".join(" ".join(tree.xpath("//title/text()")).split())
    match = re.fullmatch(re.escape(title) + r"\s+[-|–—:]\s+(?P<site>.{2,60})", full)
    return match["site"] if match else None
