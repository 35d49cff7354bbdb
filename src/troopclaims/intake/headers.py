"""What the first lines of an article say about it: its date and time, its byline, its outlet or wire agency.

Articles copied as text keep the lines their site printed above the story: "Feb. 14, 2024 | Reuters",
"14 February 2024 09:30 GMT", "WASHINGTON (AP) —", "By Jane Roe | AFP", "Published: 2024-02-14",
"Author : Jane Roe". Each form is a rule here. A date counts only on a header line: one that a keyword
such as "Published" leads, or whose words outside the date are few and do not end a sentence. So a
full date in the story's first paragraph is not taken for the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: Non-blank lines read from the top of an article.
HEAD_LINES = 8
#: Characters a header line may hold besides its date: a glued-on title, "/ Updated 2 hours ago".
_REST_LIMIT = 70

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ZONE = r"(?:\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T)\b)?"
_CLOCK = (
    r"(?:(?:,|\s+at|\s*/)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?" + _ZONE + r")?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_ISO = (
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
    r"(?:[T ](?P<ih>\d{2}):(?P<imin>\d{2})(?::(?P<isec>\d{2})(?:\.\d+)?)?(?P<izone>Z|[+-]\d{2}:?\d{2})?)?"
)
_DATES = [
    re.compile(r"(?<![\w-])" + form + r"(?![\w-])", re.IGNORECASE)
    for form in (
        _ISO,  # 2024-02-14, 2024-02-14T09:30:00Z
        _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _CLOCK,  # Feb 17, 2022; Wednesday, February 2, 2022 18:42
        _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _CLOCK,  # 14 February 2024; Wed, 5 Mar 2025 08:41:09 GMT
    )
]
_KEYWORDS = r"(?:first\s+)?publish(?:ed)?(?:\s+date)?|posted|(?:last\s+)?updated|date|dated"
_KEYWORD_BEFORE = re.compile(rf"(?P<word>{_KEYWORDS})(?:\s+on)?\s*:?\s*$", re.IGNORECASE)
_KEYWORD_ANY = re.compile(rf"\b(?:{_KEYWORDS})\b(?:\s+on)?\s*:?", re.IGNORECASE)
# "WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —", "MOSCOW (TASS):", "Aug. 30 (UPI) --", "(Reuters) -"
_WIRE = re.compile(
    r"^(?:[A-Z0-9][\w.'’-]*(?:[ ,]+[A-Z0-9][\w.'’-]*)*\s+)?\((?P<agency>[A-Z][A-Za-z&.'’ -]{1,30}?)\)\s*(?:-{1,2}|—|–|:)"
)
_BYLINE = re.compile(
    r"^(?:by|author\s*:|written\s+by)\s*(?P<names>[^|/–—:]+?)\s*(?:(?P<sep>[|/–—,])\s*(?P<org>[^|/–—]+?))?\s*$",
    re.IGNORECASE,
)
_URL_LINE = re.compile(r"^(?:source\s+link|source\s+url|url|link|source|original)\s*:\s*(?P<url>https?://\S+)\s*$", re.IGNORECASE)
# After a comma in a byline these words give the writer's job, not the outlet ("By Jane Roe, Defence Correspondent").
ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|staff|contributor|analyst|columnist|chief|producer)s?\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*[|/·•—–]\s*|(?:^|\s+)-{1,2}(?:\s+|$)")
_NAME = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w&.'’-]*){0,4}$")
_WEEKDAY_ONLY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_GLUED_WEEKDAY = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*$")


@dataclass(frozen=True)
class Dated:
    """A publication date as written: a day, and the time of day when the line gives one."""

    day: date
    time: str | None  # "18:42", "09:30:00Z", "20:17:42 GMT": as precise as written, in the writer's zone
    written: str  # the words it was read from
    line: int  # 1-based line in the article
    updated: bool  # the line calls it an update: the date of a later version


@dataclass(frozen=True)
class Header:
    """What an article's first lines say about it; None where they say nothing."""

    dated: Dated | None
    author: str | None
    agency: str | None  # the wire agency named by a dateline "(AP) —" or a byline "| AFP"
    outlet: str | None  # a publication named on a date line: "| Reuters", "- The Evening Courier -"
    url: str | None  # "Source link: https://…"
    title: str | None  # the first line that is not a header line, or a first line with its date taken off


def find_dates(line: str) -> list[tuple[re.Match[str], date]]:
    """Every full date (day, month and year) in a line, left to right, none overlapping another."""
    found: list[tuple[re.Match[str], date]] = []
    for pattern in _DATES:
        for match in pattern.finditer(line):
            day = _day_of(match)
            if day is not None and not any(m.start() < match.end() and match.start() < m.end() for m, _ in found):
                found.append((match, day))
    return sorted(found, key=lambda pair: pair[0].start())


def read_header(text: str) -> Header:
    """What the article's first HEAD_LINES non-blank lines say about it."""
    dated: Dated | None = None
    author = agency = outlet = url = title = None
    for number, line in _head(text):
        header, line_title = False, line
        for match, day in find_dates(line):
            updated = _header_date(line, match)
            if updated is None:
                continue
            header = True
            found = Dated(day, _clock(match), match.group(0).strip(" ,/"), number, updated)
            if dated is None or (dated.updated and not updated):
                dated = found
            line_title = line_title.replace(match.group(0), " ")
        link = _URL_LINE.match(line)
        if link:
            header, url = True, url or link["url"]
        byline = _BYLINE.match(line) if len(line) <= 120 else None
        if byline:
            header, author = True, author or byline["names"].strip()
            org = (byline["org"] or "").strip()
            if org and _NAME.match(org) and not (byline["sep"] == "," and ROLE.search(org)):
                agency = agency or org
        wire = _WIRE.match(line)
        if wire:
            agency = agency or wire["agency"].strip()
            if title is None:  # the story begins with no headline above it: its first sentence stands in
                title = _first_sentence(line[wire.end() :])
        if header:
            outlet = outlet or _named_outlet(line)
        if title is None and not header and not wire:
            title = line
        elif title is None and header and number == 1:
            # A title with the date glued on: "Convoy crosses the border: officialsWed, 5 Mar 2025 08:41:09 GMT"
            rest = _GLUED_WEEKDAY.sub("", _KEYWORD_ANY.sub(" ", line_title)).strip(" |-—–,/:")
            title = rest if len(rest) > 20 else None
    return Header(dated, author, agency, outlet, url, title)


def _first_sentence(text: str, limit: int = 150) -> str | None:
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text.strip(), maxsplit=1)[0].rstrip(".")
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence or None


def _head(text: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            lines.append((number, raw.strip()))
            if len(lines) == HEAD_LINES:
                break
    return lines


def _day_of(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    try:
        if parts.get("iso"):
            return date(int(parts["iy"]), int(parts["im"]), int(parts["id"]))
        return date(int(parts["year"]), _MONTHS[parts["month"].lower()[:3]], int(parts["day"]))
    except ValueError:
        return None


def _clock(match: re.Match[str]) -> str | None:
    """The time of day as written, in 24-hour form: "18:42", "09:30:00Z", "20:17 GMT"."""
    parts = match.groupdict()
    if parts.get("iso"):
        if not parts.get("ih"):
            return None
        seconds = f":{parts['isec']}" if parts.get("isec") else ""
        return f"{parts['ih']}:{parts['imin']}{seconds}{parts.get('izone') or ''}"
    if not parts.get("hour"):
        return None
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    clock = f"{hour:02d}:{minute:02d}" + (f":{parts['second']}" if parts.get("second") else "")
    zone = parts.get("zone")
    if not zone:
        return clock
    return clock + zone if zone == "Z" or zone[0] in "+-" else f"{clock} {zone}"


def _header_date(line: str, match: re.Match[str]) -> bool | None:
    """None when the date is not a header date; else whether the line calls it an update."""
    before = line[: match.start()]
    keyword = _KEYWORD_BEFORE.search(before)
    if keyword:
        return "updated" in keyword["word"].lower()
    rest = _SEPARATORS.sub(" ", before + " " + line[match.end() :]).strip(" ,")
    if len(rest) > _REST_LIMIT or rest.endswith((".", "!", "?", '"', "”")):
        return None
    return bool(re.search(r"(?i)\bupdated\b", before))


def _named_outlet(line: str) -> str | None:
    """A publication's name standing alone between separators on a header line."""
    for match, _ in reversed(find_dates(line)):
        line = f"{line[: match.start()]} | {line[match.end() :]}"
    if _BYLINE.match(line) or _URL_LINE.match(line):
        return None
    for segment in _SEPARATORS.split(_KEYWORD_ANY.sub(" | ", line)):
        segment = segment.strip(" ,")
        if segment and _NAME.match(segment) and not _WEEKDAY_ONLY.fullmatch(segment):
            return segment
    return None
