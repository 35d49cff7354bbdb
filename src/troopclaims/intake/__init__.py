"""Intake: finding articles, reading them, and what they say about themselves.

Takes paths given on the command line (article files, folders, manifests); gives each article's text
(a saved web page's main text, read with trafilatura) with its title, outlet, byline, wire agency, URL
and publication date, how that date was found, and a readable source id.
Modules: headers.py (datelines and bylines in text), pages.py (saved web pages), manifest.py,
ids.py (source ids), articles.py (finding and reading articles).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .articles import STDIN, Article, Entry, Skipped, find_articles, read_article
    from .headers import Dated, Header, find_dates, read_header
    from .ids import slug, source_id, unique_source_id
    from .manifest import Listing, parse_published, read_manifest

__all__ = [
    "STDIN",
    "Article",
    "Dated",
    "Entry",
    "Header",
    "Listing",
    "Skipped",
    "find_articles",
    "find_dates",
    "parse_published",
    "read_article",
    "read_header",
    "read_manifest",
    "slug",
    "source_id",
    "unique_source_id",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "STDIN": "articles",
    "Article": "articles",
    "Entry": "articles",
    "Skipped": "articles",
    "find_articles": "articles",
    "read_article": "articles",
    "Dated": "headers",
    "Header": "headers",
    "find_dates": "headers",
    "read_header": "headers",
    "slug": "ids",
    "source_id": "ids",
    "unique_source_id": "ids",
    "Listing": "manifest",
    "parse_published": "manifest",
    "read_manifest": "manifest",
}


__getattr__ = lazy_exports(__name__, _HOME)
