"""The development set's readings: loading, validating, and the equality rules the scorer uses.

Kept apart from devset_score.py so that tests can check the committed readings and the matching
rules without running the extractor or needing the article texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

KINDS = {"force", "casualties", "displaced", "trained"}
QUALIFIERS = {"exact", "about", "more_than", "at_least", "fewer_than", "up_to", "range", "vague"}
POLARITIES = {"asserted", "denied"}
NAMED_ACTORS = {"NATO", "UN", "EU", "AU", "coalition"}
PLACE_FIELDS = ("origin", "destination", "location")
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-W(0[1-9]|[1-4]\d|5[0-3]))?$")
ARTICLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Country codes with the names and demonyms news prose uses for them: enough to say that
# "North Korea", "DPRK" and "KP" are one actor. A name not listed still compares by its folded form.
_COUNTRIES = {
    "US": "United States|United States of America|USA|America|American|Americans|Washington",
    "GB": "United Kingdom|UK|Britain|Great Britain|British", "FR": "France|French",
    "DE": "Germany|German|Germans", "RU": "Russia|Russian Federation|Russian|Russians|Moscow|Kremlin",
    "UA": "Ukraine|Ukrainian|Ukrainians|Kyiv", "BY": "Belarus|Belarusian", "PL": "Poland|Polish|Poles",
    "RO": "Romania|Romanian", "LT": "Lithuania|Lithuanian", "LV": "Latvia|Latvian",
    "EE": "Estonia|Estonian", "KP": "North Korea|DPRK|North Korean|North Koreans|Pyongyang|"
    "Democratic People's Republic of Korea", "KR": "South Korea|Republic of Korea|South Korean|Seoul",
    "IL": "Israel|Israeli|Israelis|IDF|Israel Defense Forces", "LB": "Lebanon|Lebanese",
    "PS": "Palestine|Palestinian|Palestinians", "SY": "Syria|Syrian", "IQ": "Iraq|Iraqi",
    "IR": "Iran|Iranian", "TR": "Turkey|Türkiye|Turkiye|Turkish", "AF": "Afghanistan|Afghan|Afghans",
    "TD": "Chad|Chadian", "ML": "Mali|Malian", "NE": "Niger|Nigerien", "BF": "Burkina Faso|Burkinabe",
    "RW": "Rwanda|Rwandan|Rwandans", "CD": "Democratic Republic of Congo|DR Congo|DRC|Congolese",
    "XK": "Kosovo|Kosovar", "RS": "Serbia|Serbian|Serbs", "IT": "Italy|Italian|Italians",
    "HU": "Hungary|Hungarian|Hungarians", "CN": "China|Chinese", "IN": "India|Indian",
    "JP": "Japan|Japanese", "CA": "Canada|Canadian", "ES": "Spain|Spanish", "NL": "Netherlands|Dutch",
    "DK": "Denmark|Danish", "SE": "Sweden|Swedish", "FI": "Finland|Finnish", "NO": "Norway|Norwegian",
    "GE": "Georgia|Georgian", "AM": "Armenia|Armenian", "AZ": "Azerbaijan|Azerbaijani",
    "SD": "Sudan|Sudanese", "SO": "Somalia|Somali", "YE": "Yemen|Yemeni", "LY": "Libya|Libyan",
    "EG": "Egypt|Egyptian", "SA": "Saudi Arabia|Saudi", "JO": "Jordan|Jordanian",
}
_LEADING = {"the", "a", "an"}


def fold(name: str) -> str:
    """Case, diacritics, dots in abbreviations, possessives, articles and punctuation folded away."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "'").replace(".", "")
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    while words and words[0] in _LEADING:
        words = words[1:]
    return " ".join(word for word in words if word != "the")


_CODE_OF = {fold(name): code for code, names in _COUNTRIES.items() for name in [code, *names.split("|")]}
# Within a longer name only the spelled-out names stand for a country: bare codes such as "in" or "no"
# are ordinary words there.
_NAME_CODE = {fold(name): code for code, names in _COUNTRIES.items() for name in names.split("|")} | {"us": "US"}


def _coded(words: list[str]) -> list[str]:
    """Words with each country name or demonym replaced by its code: "Israeli army" and "Israel army" agree."""
    out, index = [], 0
    while index < len(words):
        for size in (4, 3, 2, 1):
            code = _NAME_CODE.get(" ".join(words[index:index + size])) if index + size <= len(words) else None
            if code:
                out.append(code.lower())
                index += size
                break
        else:
            out.append(words[index])
            index += 1
    return out


def country_code(name: str) -> str | None:
    return _CODE_OF.get(fold(name))


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word not in {"of", "and"})


def same_actor(fact: str, candidate: str | None) -> bool:
    if not candidate:
        return False
    code = country_code(fact)
    return (code is not None and code == country_code(candidate)) or fold(fact) == fold(candidate)


def same_speaker(fact: str, candidate: str | None) -> bool:
    """"" is the outlet's own voice; a name matches its surname, a body its acronym or fuller name."""
    if not fact or not candidate:
        return not fact and not candidate
    a, b = _coded(fold(fact).split()), _coded(fold(candidate).split())
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short and short[-1] == long_[-1] and set(short) <= set(long_):
        return True  # "McKenzie" / "Gen. Kenneth F. McKenzie", "army" / "Israeli army"
    if len(short) == 1 and short[0] == _initials(long_):
        return True  # "IDF" / "Israel Defense Forces"
    code = country_code(fact)
    return code is not None and code == country_code(candidate)


def place_parts(value: object) -> list[str]:
    """One place or several: a YAML list, or "Poland, Romania and Germany" written as one string."""
    if isinstance(value, Mapping):
        value = value.get("name", "")
    if isinstance(value, (list, tuple)):
        return [part for item in value for part in place_parts(item)]
    parts = re.split(r",|\band\b|\bor\b|/", str(value))
    return [folded for part in parts if (folded := fold(part))]


def _same_part(a: str, b: str) -> bool:
    if a == b:
        return True
    code = country_code(a)
    if code is not None and code == country_code(b):
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    return set(short) <= set(long_)  # "Kursk" is part of "Kursk region", "Rafah" of "Rafah city"


def same_place(fact: object, candidate: object) -> bool:
    """Equal when every place named on each side matches one on the other."""
    a, b = place_parts(fact), place_parts(candidate)
    if isinstance(candidate, Mapping) and candidate.get("country"):
        b.append(fold(str(candidate["country"])))
    if not a or not b:
        return False
    return all(any(_same_part(x, y) for y in b) for x in a) and all(
        any(_same_part(y, x) for x in a) for y in place_parts(candidate)
    )


def count_key(count: Mapping[str, Any] | None) -> tuple[int | None, ...] | None:
    """What two counts must share to be the same number: a value, or the bounds of a range or vague amount."""
    if not count:
        return None
    if count.get("qualifier") in {"range", "vague"}:
        return (count.get("low"), count.get("high"))
    return (count.get("value"),)


def same_count(fact: Mapping[str, Any] | None, candidate: Mapping[str, Any] | None) -> bool:
    key = count_key(fact)
    return key is not None and key == count_key(candidate)


def date_text(value: object) -> str:
    """A YAML date, a bare year (read as an int) or a string, as ISO text."""
    return value.isoformat() if isinstance(value, date) else str(value)


def _problems_of_fact(fact: object, where: str) -> Iterable[str]:
    if not isinstance(fact, dict):
        yield f"{where}: a fact must be a mapping"
        return
    allowed = {"anchor", "occurrence", "count", "kind", "actor", "speaker", *PLACE_FIELDS, "polarity", "date"}
    for key in sorted(set(fact) - allowed):
        yield f"{where}: unknown key {key!r}"
    for key in ("anchor", "occurrence", "kind", "speaker", "polarity"):
        if key not in fact:
            yield f"{where}: missing {key!r}"
    if not isinstance(fact.get("anchor", ""), str) or not str(fact.get("anchor", "")).strip():
        yield f"{where}: anchor must be non-empty text"
    occurrence = fact.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        yield f"{where}: occurrence must be a whole number from 1"
    if "kind" in fact and fact["kind"] not in KINDS:
        yield f"{where}: kind {fact['kind']!r} is not one of {sorted(KINDS)}"
    if "polarity" in fact and fact["polarity"] not in POLARITIES:
        yield f"{where}: polarity {fact['polarity']!r} is not asserted or denied"
    for key in ("actor", "speaker"):
        if key in fact and not isinstance(fact[key], str):
            yield f"{where}: {key} must be text"
    if isinstance(fact.get("actor"), str) and not fact["actor"].strip():
        yield f"{where}: actor is empty (omit it instead)"
    for key in PLACE_FIELDS:
        value = fact.get(key)
        if key in fact and not (isinstance(value, str) and value.strip()) and not (
            isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
        ):
            yield f"{where}: {key} must be a place name or a list of them"
    if "date" in fact and not ISO_DATE.match(date_text(fact["date"])):
        yield f"{where}: date {fact['date']!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www"
    if "count" in fact:
        yield from _problems_of_count(fact["count"], where)


def _problems_of_count(count: object, where: str) -> Iterable[str]:
    if not isinstance(count, dict):
        yield f"{where}: count must be a mapping"
        return
    for key in sorted(set(count) - {"value", "qualifier", "unit", "low", "high"}):
        yield f"{where}: unknown count key {key!r}"
    qualifier = count.get("qualifier")
    if qualifier not in QUALIFIERS:
        yield f"{where}: count qualifier {qualifier!r} is not one of {sorted(QUALIFIERS)}"
    numbers = ("low", "high") if qualifier in {"range", "vague"} else ("value",)
    for key in numbers:
        number = count.get(key)
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            yield f"{where}: a {qualifier} count needs a whole number {key}"
    if len(numbers) == 2 and all(isinstance(count.get(k), int) for k in numbers) and count["low"] > count["high"]:
        yield f"{where}: count low is above high"


def problems(doc: object, name: str) -> list[str]:
    """Everything wrong with one story file, each naming where; empty when it follows the format."""
    if not isinstance(doc, dict):
        return [f"{name}: a story file must be a mapping"]
    found: list[str] = []
    for key in ("story", "title", "articles"):
        if key not in doc:
            found.append(f"{name}: missing {key!r}")
    if doc.get("story") is not None and doc.get("story") != Path(name).stem:
        found.append(f"{name}: story {doc.get('story')!r} differs from the file name")
    articles = doc.get("articles")
    if not isinstance(articles, list) or not articles:
        return [*found, f"{name}: articles must be a non-empty list"]
    for index, article in enumerate(articles, 1):
        where = f"{name}: article {index}"
        if not isinstance(article, dict):
            found.append(f"{where}: must be a mapping")
            continue
        for key in ("id", "url", "query", "outlet", "published", "facts"):
            if key not in article:
                found.append(f"{where}: missing {key!r}")
        if not ARTICLE_ID.match(str(article.get("id", ""))):
            found.append(f"{where}: id {article.get('id')!r} must be lower-case letters, digits and hyphens")
        if not str(article.get("url", "")).startswith(("http://", "https://")):
            found.append(f"{where}: url must start with http:// or https://")
        if "published" in article and not re.match(r"^\d{4}-\d{2}(-\d{2})?$", date_text(article["published"])):
            found.append(f"{where}: published must be YYYY-MM-DD or YYYY-MM")
        facts = article.get("facts")
        if not isinstance(facts, list) or not facts:
            found.append(f"{where}: facts must be a non-empty list")
            continue
        for number, fact in enumerate(facts, 1):
            found.extend(_problems_of_fact(fact, f"{where} ({article.get('id')}) fact {number}"))
    return found


def load_stories(folder: Path) -> list[dict[str, Any]]:
    """Every story file in the folder, in name order; the file name is kept as "_file"."""
    stories = []
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(doc, dict):
            doc["_file"] = path.name
            stories.append(doc)
    return stories


# --- Dispute readings: what a careful reader flags across a story's articles (conflicts_score.py) ---

COUNT_DISPUTES = {"count", "force-size"}
PLACE_DISPUTES = {"destination", "origin", "location"}
ANSWER_DISPUTES = {"completion", "occurred", "permission"}
DISPUTE_KINDS = COUNT_DISPUTES | PLACE_DISPUTES | ANSWER_DISPUTES | {"timing", "duration"}
SEVERITIES = {"hard", "soft"}
_SIDE_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def answer(value: object) -> str | None:
    """A yes/no side as "yes" or "no"; YAML reads a bare yes or no as a boolean."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value if value in {"yes", "no"} else None


def bound(count: Mapping[str, Any]) -> str:
    """Which way a count's qualifier points: "more than 1,000" and "fewer than 1,000" are two answers."""
    qualifier = count.get("qualifier")
    if qualifier in {"more_than", "at_least"}:
        return "above"
    return "below" if qualifier in {"fewer_than", "up_to"} else "at"


def side_key(kind: str, value: object) -> object:
    """What two sides of one dispute must not share: the same answer given twice is no dispute."""
    if kind in COUNT_DISPUTES and isinstance(value, dict):
        return count_key(value), bound(value)
    if kind in PLACE_DISPUTES:
        return tuple(sorted(place_parts(value)))
    if kind in ANSWER_DISPUTES:
        return answer(value)
    return date_text(value) if kind == "timing" else value


def _problems_of_value(kind: str, value: object, where: str) -> Iterable[str]:
    if kind in COUNT_DISPUTES:
        yield from _problems_of_count(value, where)
    elif kind in PLACE_DISPUTES:
        if not place_parts(value) or not isinstance(value, (str, list)):
            yield f"{where}: a {kind} side's value must be a place name or a list of them"
    elif kind in ANSWER_DISPUTES:
        if answer(value) is None:
            yield f"{where}: a {kind} side's value must be yes or no"
    elif kind == "timing":
        if not _SIDE_DATE.match(date_text(value)):
            yield f"{where}: a timing side's value must be a date, YYYY-MM-DD or YYYY-MM"
    elif isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        yield f"{where}: a duration side's value must be a number of days"


def _problems_of_dispute(dispute: object, where: str, ids: set[str]) -> Iterable[str]:
    if not isinstance(dispute, dict):
        yield f"{where}: a dispute must be a mapping"
        return
    yield from (f"{where}: unknown key {k!r}" for k in sorted(set(dispute) - {"id", "kind", "severity", "question",
                                                                              "sides", "note"}))
    yield from (f"{where}: missing {k!r}" for k in ("id", "kind", "severity", "question", "sides") if k not in dispute)
    if "id" in dispute and not ARTICLE_ID.match(str(dispute["id"])):
        yield f"{where}: id {dispute['id']!r} must be lower-case letters, digits and hyphens"
    kind = dispute.get("kind")
    if "kind" in dispute and kind not in DISPUTE_KINDS:
        yield f"{where}: kind {kind!r} is not one of {sorted(DISPUTE_KINDS)}"
    if "severity" in dispute and dispute["severity"] not in SEVERITIES:
        yield f"{where}: severity {dispute['severity']!r} is not hard or soft"
    if "question" in dispute and not (isinstance(dispute["question"], str) and dispute["question"].strip()):
        yield f"{where}: question must be non-empty text"
    sides = dispute.get("sides")
    if "sides" in dispute and (not isinstance(sides, list) or len(sides) < 2):
        yield f"{where}: sides must be a list of two or more"
        return
    seen_articles: set[str] = set()
    seen_values: list[object] = []
    for number, side in enumerate(sides or [], 1):
        at = f"{where} side {number}"
        if not isinstance(side, dict) or set(side) != {"articles", "value"}:
            yield f"{at}: a side is a mapping of exactly articles and value"
            continue
        yield from _problems_of_articles(side["articles"], at, ids, 1)
        for article in side["articles"] if isinstance(side["articles"], list) else []:
            if article in seen_articles:
                yield f"{at}: article {article!r} is on two sides"
            seen_articles.add(str(article))
        if kind in DISPUTE_KINDS:
            wrong = list(_problems_of_value(str(kind), side["value"], at))
            yield from wrong
            key = None if wrong else side_key(str(kind), side["value"])
            if key is not None and key in seen_values:
                yield f"{at}: the same value as another side"
            seen_values.append(key)


def _problems_of_articles(articles: object, where: str, ids: set[str], fewest: int) -> Iterable[str]:
    if not isinstance(articles, list) or len(articles) < fewest:
        yield f"{where}: articles must be a list of {fewest} or more article ids"
        return
    for article in articles:
        if article not in ids:
            yield f"{where}: {article!r} is no article of this story"
    if len(set(map(str, articles))) < len(articles):
        yield f"{where}: an article is named twice"


def _problems_of_not_dispute(pair: object, where: str, ids: set[str]) -> Iterable[str]:
    if not isinstance(pair, dict):
        yield f"{where}: a not-dispute must be a mapping"
        return
    yield from (f"{where}: unknown key {key!r}" for key in sorted(set(pair) - {"kind", "articles", "reason"}))
    if pair.get("kind") not in DISPUTE_KINDS:
        yield f"{where}: kind {pair.get('kind')!r} is not one of {sorted(DISPUTE_KINDS)}"
    yield from _problems_of_articles(pair.get("articles"), where, ids, 2)
    if not (isinstance(pair.get("reason"), str) and pair["reason"].strip()):
        yield f"{where}: reason must be non-empty text"


def dispute_problems(doc: object, name: str) -> list[str]:
    """Everything wrong with a story file's disputes and not_disputes; empty when both follow the format."""
    if not isinstance(doc, dict):
        return [f"{name}: a story file must be a mapping"]
    ids = {str(a.get("id")) for a in doc.get("articles") or [] if isinstance(a, dict)}
    found: list[str] = []
    disputes = doc.get("disputes", [])
    if not isinstance(disputes, list):
        return [f"{name}: disputes must be a list"]
    for index, dispute in enumerate(disputes, 1):
        label = dispute.get("id") if isinstance(dispute, dict) else None
        found += _problems_of_dispute(dispute, f"{name}: dispute {index}" + (f" ({label})" if label else ""), ids)
    named = [str(d.get("id")) for d in disputes if isinstance(d, dict) and "id" in d]
    found += [f"{name}: dispute id {i!r} is used twice" for i in sorted({i for i in named if named.count(i) > 1})]
    pairs = doc.get("not_disputes", [])
    if not isinstance(pairs, list):
        return [*found, f"{name}: not_disputes must be a list"]
    for index, pair in enumerate(pairs, 1):
        found += _problems_of_not_dispute(pair, f"{name}: not_dispute {index}", ids)
    return found
