"""Generate synthetic news-style articles about troop movements, for speed and robustness runs.

    PYTHONPATH=src python benchmarks/make_corpus.py OUT_DIR [N] [--seed S]

The articles are made from templates with random figures, places, speakers and dates: they read
like wire copy but report nothing real. Not committed as data; regenerate when needed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

_ACTORS = [("US", "American"), ("UK", "British"), ("Turkey", "Turkish"), ("Russia", "Russian"), ("France", "French")]
_PLACES = [
    "Syria", "Iraq", "northern Syria", "western Iraq", "Anbar province", "Deir ez-Zor", "Erbil", "Kirkuk",
    "Raqqa", "Hasakah", "Jordan", "Kuwait", "the Kurdistan Region", "Nineveh province", "Mosul", "Qamishli",
]
_FIRST = ["Jane", "John", "Amira", "Omar", "Lena", "Peter", "Sara", "Karim", "Maria", "David"]
_LAST = ["Holloway", "Brandt", "Haddad", "Novak", "Okafor", "Lindqvist", "Rahimi", "Castillo", "Moreau", "Kowalski"]
_ROLES = ["Defense Secretary", "Defence Minister", "military spokesman", "Foreign Minister", "army commander"]
_OUTLETS = ["the Associated Press", "Reuters", "a local news agency", "state television", "the war monitor"]
_WHEN = ["on Monday", "on Tuesday", "last week", "earlier this month", "in recent days", "on Saturday night",
         "over the weekend", "last month", "within four weeks", "by the end of the year"]
_AMOUNTS = ["about {n:,}", "more than {n:,}", "some {n:,}", "nearly {n:,}", "{n:,}", "at least {n:,}",
            "up to {n:,}", "hundreds of", "a few hundred", "several thousand", "between {n:,} and {m:,}"]
_UNITS = ["troops", "soldiers", "service members", "marines", "special forces", "armored vehicles", "trucks"]


def _amount(rng: random.Random) -> str:
    n = rng.choice([50, 120, 200, 350, 500, 700, 1000, 1200, 2500, 5000, 12000])
    return rng.choice(_AMOUNTS).format(n=n, m=n * 2)


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_ROLES)


def _sentences(rng: random.Random) -> list[str]:
    actor, demonym = rng.choice(_ACTORS)
    origin, destination = rng.sample(_PLACES, 2)
    name, role = _person(rng)
    surname = name.split()[1]
    when = rng.choice(_WHEN)
    outlet = rng.choice(_OUTLETS)
    templates = [
        f"{_amount(rng).capitalize()} {demonym} {rng.choice(_UNITS)} have moved from {origin} to {destination} {when}, officials said.",
        f"{demonym} {role} {name} said {when} that the {rng.choice(_UNITS)} would withdraw from {origin}.",
        f"\"We will not keep our forces in {destination} for long,\" {surname} told reporters.",
        f"\"They will come home,\" he added.",
        f"The {demonym} forces arrived in {destination} {when}, according to {outlet}.",
        f"{outlet.capitalize()} reported that {_amount(rng)} {rng.choice(_UNITS)} crossed into {destination} {when}.",
        f"At least {rng.randint(2, 300)} civilians were killed and {rng.randint(1000, 90000):,} people displaced, the monitor said.",
        f"The deal is worth ${rng.randint(2, 90)} million, and the border is {rng.randint(100, 900)} kilometres long.",
        f"Officials in {destination} said the troops do not have permission to stay and must leave {rng.choice(_WHEN)}.",
        f"The {demonym} military denied that there is any withdrawal from {origin}.",
        f"Analysts expect the redeployment to take {rng.randint(2, 12)} weeks, with {rng.randint(5, 40)}% of the equipment flown out.",
        f"Residents of {origin} said convoys of {rng.randint(10, 200)} vehicles were seen heading towards {destination}.",
    ]
    rng.shuffle(templates)
    return templates[: rng.randint(6, len(templates))]


def _background(rng: random.Random) -> list[str]:
    """Sentences of context that carry no claim: most of a real news story is like this."""
    place, other = rng.sample(_PLACES, 2)
    name, role = _person(rng)
    year = rng.randint(2003, 2023)
    templates = [
        f"The conflict in {place} has drawn in regional and global powers since it began in {year}.",
        f"Diplomats said talks on a political settlement had stalled, with both sides accusing the other of bad faith.",
        f"The decision was criticised by lawmakers, who said it had been taken without consulting allies.",
        f"Local officials in {other} complained that the announcement caught them by surprise.",
        f"{name}, a former {role.lower()}, said the move reflected a broader rethink of the mission.",
        f"Aid groups warned that winter would make conditions in the camps around {place} even harder.",
        f"The government has repeatedly said it will not tolerate attacks on its sovereignty.",
        f"Oil prices rose slightly on the news, and markets in the region were mixed.",
        f"Analysts say the group has lost most of its territory but remains capable of carrying out attacks.",
        f"Critics argue that the strategy has never been clearly explained to the public.",
        f"The ministry did not respond to a request for comment.",
        f"Residents described long queues at checkpoints and shortages of fuel and bread.",
        f"The region has a long history of shifting alliances, and few expect a quick resolution.",
        f"Officials declined to give details, citing security concerns.",
        f"The report could not be independently verified.",
        f"Negotiators are expected to meet again after the holidays, a diplomat said.",
        f"Schools and hospitals in {place} have struggled to reopen after years of fighting.",
        f"It was not immediately clear how the change would affect ongoing operations.",
    ]
    rng.shuffle(templates)
    return templates[: rng.randint(10, len(templates))]


def article(rng: random.Random) -> str:
    """One story of roughly 2-4 KB: a headline, then paragraphs mixing claims and background."""
    origin, destination = rng.sample(_PLACES, 2)
    headline = f"Troops leave {origin} for {destination}"
    paragraphs = [headline, ""]
    sentences = _sentences(rng) + _background(rng)
    rng.shuffle(sentences)
    while sentences:
        size = rng.randint(1, 3)
        take, sentences = sentences[:size], sentences[size:]
        paragraphs.append(" ".join(take))
        paragraphs.append("")
    return "\n".join(paragraphs)


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"article_{index:05d}.txt"
        path.write_text(article(rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int, nargs="?", default=100)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    write_corpus(options.folder, options.count, options.seed)


if __name__ == "__main__":
    main()
