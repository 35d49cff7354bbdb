"""Write a large invented dataset: N short news articles (default 50) with their claims and a gazetteer.

Every article is made up from templates about a made-up region (Norland, Estmark, Valdoria,
Kaskia), so nothing in it can be mistaken for real news; the data file extends the gazetteer
with those places. Three stories sit months apart and a background claim years before them,
so the timeline needs its breaks; outlets disagree on counts and destinations, deny each other,
and some quotes nest in or cross others, so the report meets every case it must draw.

Run: python benchmarks/make_dataset.py OUT_DIR [--sources 50] [--seed 7] [--claims 2000]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

GAZETTEER = {
    "places": [
        {"name": "Norland", "kind": "country", "demonym": ["Norlandic", "Norlanders"]},
        {"name": "Estmark", "kind": "country", "demonym": ["Estmarkian", "Estmarkians"]},
        {"name": "Valdoria", "kind": "country", "demonym": ["Valdorian", "Valdorians"]},
        {"name": "Kaskia", "kind": "country", "demonym": ["Kaskian", "Kaskians"]},
        {"name": "northern Estmark", "kind": "region", "within": "Estmark"},
        {"name": "Camp Hallen", "kind": "base", "within": "northern Estmark"},
        {"name": "Tarvo", "kind": "city", "within": "northern Estmark"},
        {"name": "Brenna", "kind": "city", "within": "Valdoria"},
        {"name": "Orsa air base", "kind": "base", "within": "Valdoria"},
        {"name": "Lumi", "kind": "city", "within": "Kaskia"},
        {"name": "Fjellby", "kind": "base", "within": "Kaskia"},
    ],
    "home_of": {"Norland": "Norland", "Valdoria": "Valdoria", "Kaskia": "Kaskia"},
}

OUTLETS = [
    "Harbour Courier", "Northern Ledger", "Valdoria Today", "Kaskian Wire", "Estmark Post", "The Border Review",
    "Radio Lindholm", "Morning Sentinel", "Coastline Daily", "The Plains Herald", "Tarvo Evening News", "unknown",
]
FILLERS = [
    "The ministry did not give a timetable.",
    "Roads near the border were closed to civilian traffic for several hours.",
    "Residents reported long convoys passing through overnight.",
    "The figures could not be independently confirmed.",
    "Talks between the two governments are expected to continue this week.",
    "Farmers along the route complained about damaged roads.",
    "Opposition members called for a debate in parliament.",
    "A spokesperson for the alliance declined to comment.",
]
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class Story:
    key: str
    actor: str
    demonym: str
    origin: str
    base: str
    destination: str
    elsewhere: str
    start: date
    counts: tuple[int, ...]
    minister: tuple[str, str]  # the actor's own official
    local: tuple[str, str]  # an official where the troops are leaving
    host: tuple[str, str]  # an official where they are going
    monitor: str
    crossing: str


STORIES = [
    Story("norland", "Norland", "Norlandic", "Estmark", "Camp Hallen", "Valdoria", "Kaskia", date(2023, 3, 6),
          (300, 800, 1200, 1500), ("Marta Lindqvist", "Norland's defence minister"), ("Aivar Kask", "Estmark army spokesman"),
          ("Jonas Vell", "Valdoria's foreign minister"), "the Border Watch Group", "the Lind crossing"),
    Story("valdoria", "Valdoria", "Valdorian", "Brenna", "Orsa air base", "Kaskia", "Estmark", date(2023, 8, 14),
          (450, 900, 2000), ("Jonas Vell", "Valdoria's foreign minister"), ("Ilse Marr", "mayor of Brenna"),
          ("Petra Osk", "Kaskia's interior minister"), "the Plains Monitoring Mission", "the Sarn bridge"),
    Story("kaskia", "Kaskia", "Kaskian", "Lumi", "Fjellby", "Estmark", "Valdoria", date(2024, 5, 6),
          (150, 400, 650), ("Petra Osk", "Kaskia's interior minister"), ("Tomas Rill", "governor of Lumi"),
          ("Aivar Kask", "Estmark army spokesman"), "the Northern Observatory", "the Vesi ferry"),
]

Sentence = tuple[str, list[dict[str, Any]]]  # the text, and its claims (quote + fields)


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _t_move(s: Story, rng: random.Random, pub: date) -> Sentence:
    n, when = rng.choice(s.counts), pub - timedelta(days=rng.randint(1, 3))
    left = f"{s.demonym} forces began moving {n:,} troops out of {s.origin}"
    moved = f"{n:,} troops out of {s.origin} towards {s.destination} on {WEEKDAYS[when.weekday()]}"
    text = f"{s.demonym} forces began moving {n:,} troops out of {s.origin} towards {s.destination} on {WEEKDAYS[when.weekday()]}, officials said."
    # The two quotes cross: the narrower readings of one sentence overlap without nesting.
    return text, [
        {"quote": left, "actor": s.actor, "count": {"value": n}, "unit": "troops", "movement": "leave", "origin": s.origin},
        {"quote": moved, "actor": s.actor, "count": {"value": n}, "unit": "troops", "movement": "move", "origin": s.origin,
         "destination": s.destination, "when": {"text": f"on {WEEKDAYS[when.weekday()]}", "value": when.isoformat()}},
    ]


def _t_plan(s: Story, rng: random.Random, pub: date) -> Sentence:
    n = rng.choice(s.counts)
    name, role = s.minister
    quote = f"\"{n:,} of our soldiers will be in {s.destination} by the end of the month,\" {name}, {role}, told reporters."
    return quote, [{"quote": quote, "speaker": name, "speaker_role": role, "actor": s.actor, "count": {"value": n}, "unit": "soldiers",
                    "movement": "move", "destination": s.destination, "modality": "plan",
                    "when": {"text": "by the end of the month", "value": f"{pub.year}-{pub.month:02d}", "kind": "deadline"}}]


def _t_home(s: Story, rng: random.Random, pub: date) -> Sentence:
    name, role = s.minister
    quote = f"{name} said the troops were \"coming home to {s.actor}\" and would not stay abroad."
    return quote, [{"quote": quote, "speaker": name, "speaker_role": role, "actor": s.actor, "movement": "return",
                    "origin": s.origin, "destination": "home", "modality": "plan"}]


def _t_monitor(s: Story, rng: random.Random, pub: date) -> Sentence:
    n = rng.choice(s.counts) + rng.choice((-50, 0, 50))
    text = f"{s.monitor.capitalize()} said it had counted about {n:,} soldiers crossing at {s.crossing} last week."
    return text, [{"quote": text, "cited": s.monitor, "actor": s.actor, "count": {"qualifier": "about", "value": n}, "unit": "soldiers",
                   "movement": "transit", "origin": s.origin, "destination": s.destination,
                   "when": {"text": "last week", "value": _week(pub - timedelta(days=7))}}]


def _t_denial(s: Story, rng: random.Random, pub: date) -> Sentence:
    name, role = s.local
    quote = f"\"There is no withdrawal from {s.origin},\" said {name}, {role}."
    return quote, [{"quote": quote, "speaker": name, "speaker_role": role, "actor": s.actor, "movement": "withdraw",
                    "origin": s.origin, "polarity": "denied"}]


def _t_background(s: Story, rng: random.Random, pub: date) -> Sentence:
    year, n = s.start.year - rng.randint(3, 5), rng.choice((2000, 2500, 3000))
    inner = f"first deployed to {s.origin} in {year}"
    text = f"{s.demonym} troops {inner}, when the mission began with {n:,} soldiers."
    # The inner quote nests inside the whole sentence's.
    return text, [
        {"quote": text, "actor": s.actor, "count": {"value": n}, "unit": "soldiers", "movement": "deploy", "destination": s.origin},
        {"quote": inner, "actor": s.actor, "movement": "deploy", "destination": s.origin,
         "when": {"text": f"in {year}", "value": str(year)}},
    ]


def _t_elsewhere(s: Story, rng: random.Random, pub: date) -> Sentence:
    n = rng.choice(s.counts)
    text = f"Officials in {s.elsewhere} said at least {n:,} of the soldiers were heading there instead of {s.destination}."
    return text, [{"quote": text, "cited": f"officials in {s.elsewhere}", "actor": s.actor, "count": {"qualifier": "at_least", "value": n},
                   "unit": "soldiers", "movement": "move", "origin": s.origin, "destination": s.elsewhere}]


def _t_since(s: Story, rng: random.Random, pub: date) -> Sentence:
    since, n = pub - timedelta(days=rng.randint(5, 12)), rng.randint(40, 160)
    text = f"Since {_day(since)}, more than {n} vehicles have left {s.base}."
    return text, [{"quote": text, "actor": s.actor, "count": {"qualifier": "more_than", "value": n}, "unit": "vehicles",
                   "movement": "leave", "origin": s.base, "when": {"text": f"Since {_day(since)}", "value": since.isoformat(), "kind": "open_interval"}}]


def _t_arrived(s: Story, rng: random.Random, pub: date) -> Sentence:
    n = rng.choice(s.counts)
    text = f"About {n:,} troops arrived in {s.destination} earlier this month, local media reported."
    return text, [{"quote": text, "cited": "local media", "actor": s.actor, "count": {"qualifier": "about", "value": n}, "unit": "troops",
                   "movement": "arrive", "destination": s.destination,
                   "when": {"text": "earlier this month", "value": f"{pub.year}-{pub.month:02d}"}}]


def _t_stay(s: Story, rng: random.Random, pub: date) -> Sentence:
    name, role = s.host
    quote = f"{name}, {role}, said the {s.demonym} soldiers could stay in {s.destination} \"only until the summer\"."
    return quote, [{"quote": quote, "speaker": name, "speaker_role": role, "actor": s.actor, "movement": "stay",
                    "location": s.destination, "modality": "permission"}]


TEMPLATES: list[Callable[[Story, random.Random, date], Sentence]] = [
    _t_move, _t_plan, _t_home, _t_monitor, _t_denial, _t_background, _t_elsewhere, _t_since, _t_arrived, _t_stay,
]


def _t_convoy(s: Story, rng: random.Random, pub: date, number: int, unit: str) -> Sentence:
    """A dated convoy report, numbered so that an article can hold dozens of them, each quote once.

    Each article's convoys belong to a unit of their own: they load the report page, not the comparison
    engine, whose cost at scale benchmarks/conflicts_scale.py measures.
    """
    n, when = rng.randint(2, 60) * 25, pub - timedelta(days=rng.randint(0, 9))
    name, role = rng.choice((s.minister, s.local, s.host))
    text = f"Convoy {number} carried {n:,} troops of the {unit} from {s.origin} to {s.destination} on {_day(when)}, {name} said."
    return text, [{"quote": text, "speaker": name, "speaker_role": role, "actor": unit, "count": {"value": n}, "unit": "troops",
                   "movement": "move", "origin": s.origin, "destination": s.destination,
                   "when": {"text": f"on {_day(when)}", "value": when.isoformat()}}]


def _article(
    index: int, story: Story, rng: random.Random, convoys: int = 0
) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
    outlet = OUTLETS[index % len(OUTLETS)]
    slug = "source" if outlet == "unknown" else outlet.lower().replace("the ", "").replace(" ", "-")
    source_id = f"{slug}-{index + 1:02d}"
    pub = story.start + timedelta(days=rng.randint(0, 16))
    templates = rng.sample(TEMPLATES, rng.randint(3, 5))
    sentences = [template(story, rng, pub) for template in templates]
    unit = f"{story.demonym} {index + 1}th Brigade"
    sentences += [_t_convoy(story, rng, pub, number, unit) for number in range(1, convoys + 1)]
    fillers = rng.sample(FILLERS, 2)
    place = story.origin.upper()
    paragraphs = [f"{place}, {_day(pub)} {pub.year} — {sentences[0][0]} {fillers[0]}"]
    paragraphs += [text for text, _ in sentences[1:]]
    paragraphs.append(fillers[1])
    text = "\n\n".join(paragraphs) + "\n"
    claims: list[dict[str, Any]] = []
    for _, found in sentences:
        for claim in found:
            if text.count(claim["quote"]) == 1:  # a quote must occur once in its article
                claims.append({"id": f"{source_id}-{len(claims) + 1:02d}", "source": source_id, **claim})
    # Every seventh article gives no date of its own: the month is worked out from its content.
    published: dict[str, str] = (
        {"date": f"{pub.year}-{pub.month:02d}", "basis": "inferred", "reason": "undated; the events it reports fix the month"}
        if index % 7 == 6 else {"date": pub.isoformat(), "basis": "stated"}
    )
    headline = f"{story.demonym} troops on the move from {story.origin}, {outlet if outlet != 'unknown' else 'reports'} say"
    source = {"id": source_id, "file": f"articles/{source_id}.txt", "outlet": outlet, "title": headline, "published": published}
    if index % 9 == 4:
        source["url"] = f"https://example.org/{source_id}"
    return source, text, claims


def write_dataset(folder: Path, sources: int = 50, seed: int = 7, claims: int = 0) -> Path:
    """Write claims.yaml, gazetteer.yaml and articles/ into folder; return the data file's path.

    claims: at least this many claims in all, made up with numbered convoy reports (0: the articles' own only).
    """
    rng = random.Random(seed)
    folder = Path(folder)
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    all_sources: list[dict[str, Any]] = []
    all_claims: list[dict[str, Any]] = []
    for index in range(sources):
        # Most articles cover the first story, so one stretch of weeks is dense and the others sparse.
        story = STORIES[0] if index % 5 < 3 else STORIES[1 + index % 2]
        # About 4 claims an article come from the templates; convoys make up the rest of the total asked for.
        convoys = max(0, -(-(claims - 4 * sources) // sources)) if claims else 0
        source, text, found = _article(index, story, rng, convoys)
        (folder / source["file"]).write_text(text, encoding="utf-8")
        all_sources.append(source)
        all_claims.extend(found)
    (folder / "gazetteer.yaml").write_text(yaml.safe_dump(GAZETTEER, sort_keys=False, allow_unicode=True), encoding="utf-8")
    data = {"version": 1, "gazetteer": "gazetteer.yaml", "sources": all_sources, "claims": all_claims}
    header = "# Invented articles about an invented region, written by benchmarks/make_dataset.py: none of it happened.\n"
    path = folder / "claims.yaml"
    path.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--claims", type=int, default=0, help="at least this many claims in all (adds convoy reports)")
    args = parser.parse_args()
    print(write_dataset(args.folder, args.sources, args.seed, args.claims))


if __name__ == "__main__":
    main()
