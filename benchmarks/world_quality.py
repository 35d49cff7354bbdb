"""Place resolution and actor accuracy of the extractor with the world layer, on sentences written for it.

Each case is a news-style sentence written for this benchmark (no article text), with the fields a careful
reader gives its first force claim: actor, origin, destination and location (None: the sentence names none).
A place is given by the name a reader would use, and compared with what the gazetteer makes of that name;
"id" pins the exact place where the name is ambiguous. Run: python benchmarks/world_quality.py
"""

from __future__ import annotations

import sys
import time

from troopclaims.datafile import parse_value
from troopclaims.extraction import extract_article
from troopclaims.world import Gazetteer, load_gazetteer

FIELDS = ("actor", "origin", "destination", "location")

CASES: list[dict[str, str | None]] = [
    # --- the Sahel ---
    {"text": "About 1,000 Chadian soldiers were deployed to Burkina Faso last month.", "actor": "Chad", "destination": "Burkina Faso"},
    {"text": "Some 400 Burkinabe troops moved from Ouagadougou to Djibo, the army said.", "actor": "Burkina Faso", "origin": "Ouagadougou", "destination": "Djibo"},
    {"text": "Mauritania has sent 200 soldiers to its eastern border with Mali.", "actor": "Mauritania", "destination": "Mali"},
    {"text": "Nigerian forces pulled out of Maiduguri on Tuesday, residents said.", "actor": "Nigeria", "origin": "Maiduguri"},
    {"text": "Chad withdrew 1,200 troops from the Lake Chad region in 2020.", "actor": "Chad", "origin": "Lake Chad Basin"},
    {"text": "About 600 Senegalese troops arrived in Banjul in January.", "actor": "Senegal", "destination": "Banjul"},
    # --- Ukraine ---
    {"text": "Ukrainian forces pushed 3,000 troops into the Kursk region of Russia in August.", "actor": "Ukraine", "destination": "Kursk Oblast"},
    {"text": "Russia moved about 5,000 soldiers from Belarus to Bryansk, Ukrainian intelligence said.", "actor": "Russia", "origin": "Belarus", "destination": "Bryansk"},
    {"text": "Ukraine pulled its troops out of Avdiivka after months of fighting.", "actor": "Ukraine", "origin": "Avdiivka"},
    {"text": "Some 2,000 Russian troops remain in Transnistria, according to Moldova.", "actor": "Russia", "location": "Transnistria"},
    {"text": "Ukrainian units withdrew from Bakhmut to positions near Chasiv Yar.", "actor": "Ukraine", "origin": "Bakhmut", "destination": "Chasiv Yar"},
    {"text": "More than 10,000 Russian soldiers were stationed in occupied Crimea.", "actor": "Russia", "location": "Crimea"},
    {"text": "The Kremlin sent 1,500 troops to the Donbas in the spring.", "actor": "Russia", "destination": "Donbas"},
    # --- the Baltics and Poland ---
    {"text": "About 3,000 Polish troops moved to the border with Belarus on Friday.", "actor": "Poland", "destination": "Belarus"},
    {"text": "Germany will station 4,800 soldiers in Lithuania by 2027.", "actor": "Germany", "location": "Lithuania"},
    {"text": "The Bundeswehr deployed 150 troops to Rukla, Lithuania.", "actor": "Germany", "destination": "Rukla"},
    {"text": "British troops arrived in Estonia to lead the NATO battlegroup in Tapa.", "actor": "UK", "destination": "Estonia"},
    {"text": "Some 1,000 US soldiers moved from Germany to Poland's Rzeszow airport.", "actor": "US", "origin": "Germany", "destination": "Rzeszow-Jasionka Airport"},
    {"text": "Latvia said 800 Canadian troops are based in Adazi.", "actor": "Canada", "location": "Adazi"},
    # --- Korea ---
    {"text": "North Korea moved 10,000 troops to the Demilitarized Zone, Seoul said.", "actor": "North Korea", "destination": "Korean Demilitarized Zone"},
    {"text": "About 28,500 American troops are stationed in South Korea.", "actor": "US", "location": "South Korea"},
    {"text": "Some 12,000 North Korean soldiers were sent to Russia's Kursk region.", "actor": "North Korea", "destination": "Kursk Oblast"},
    {"text": "South Korean marines deployed to Yeonpyeong island after the shelling.", "actor": "South Korea", "destination": "Yeonpyeong"},
    {"text": "The US moved 2,000 soldiers from Camp Humphreys to Okinawa, officials said.", "actor": "US", "origin": "Camp Humphreys", "destination": "Okinawa"},
    {"text": "North Korean troops pulled back from guard posts in northern South Korea, the report said.", "actor": "North Korea"},
    # --- the Horn of Africa ---
    {"text": "Ethiopia deployed 3,000 troops to Somalia's Gedo region.", "actor": "Ethiopia", "destination": "Gedo"},
    {"text": "Kenyan troops withdrew from Kismayo in December, the mission said.", "actor": "Kenya", "origin": "Kismayo"},
    {"text": "Some 2,000 Burundian soldiers left Somalia under the ATMIS drawdown.", "actor": "Burundi", "origin": "Somalia"},
    {"text": "Eritrean forces remain in Tigray despite the ceasefire.", "actor": "Eritrea", "location": "Tigray"},
    {"text": "About 4,000 US troops are based at Camp Lemonnier in Djibouti.", "actor": "US", "location": "Camp Lemonnier"},
    {"text": "Egypt sent 1,000 soldiers to Mogadishu in January.", "actor": "Egypt", "destination": "Mogadishu"},
    # --- Gaza and Lebanon ---
    {"text": "The IDF moved two brigades from Gaza to the northern border with Lebanon.", "actor": "Israel", "origin": "Gaza Strip", "destination": "Lebanon"},
    {"text": "Israeli troops withdrew from Khan Younis on Sunday.", "actor": "Israel", "origin": "Khan Yunis"},
    {"text": "About 10,000 UNIFIL peacekeepers are deployed in southern Lebanon.", "actor": "UNIFIL", "location": "southern Lebanon"},
    {"text": "Lebanese army troops deployed to Tyre after the ceasefire.", "actor": "Lebanon", "destination": "Tyre"},
    {"text": "Israeli forces entered Rafah in southern Gaza in May.", "actor": "Israel", "destination": "Rafah"},
    {"text": "The Lebanese army sent 5,000 soldiers to south Lebanon, a minister said.", "actor": "Lebanon", "destination": "southern Lebanon"},
    {"text": "Some 300 Israeli soldiers remained in five hilltop positions inside Lebanon.", "actor": "Israel", "location": "Lebanon"},
    # --- Afghanistan ---
    {"text": "The last 2,500 US troops left Afghanistan in August 2021.", "actor": "US", "origin": "Afghanistan"},
    {"text": "About 1,000 Turkish soldiers stayed at Kabul airport.", "actor": "Turkey", "location": "Hamid Karzai International Airport"},
    {"text": "American forces handed over Bagram Air Base and flew to Qatar.", "actor": "US", "origin": "Bagram Air Base", "destination": "Qatar"},
    {"text": "German troops withdrew from Mazar-i-Sharif in June.", "actor": "Germany", "origin": "Mazar-e Sharif"},
    {"text": "The Taliban sent hundreds of fighters to the Panjshir Valley.", "actor": "Taliban", "destination": "Panjshir Valley"},
    {"text": "Pakistan deployed 5,000 troops to the Torkham crossing.", "actor": "Pakistan", "destination": "Torkham crossing"},
    # --- the Balkans ---
    {"text": "NATO sent 700 more troops to northern Kosovo after the clashes.", "actor": "NATO", "destination": "northern Kosovo"},
    {"text": "About 4,500 KFOR soldiers are stationed in Kosovo.", "actor": "KFOR", "location": "Kosovo"},
    {"text": "Serbian troops moved to the border with Kosovo, Belgrade said.", "actor": "Serbia", "destination": "Kosovo"},
    {"text": "Some 600 US soldiers are based at Camp Bondsteel near Ferizaj.", "actor": "US", "location": "Camp Bondsteel"},
    {"text": "EUFOR deployed 500 reserve troops to Sarajevo in March.", "actor": "EUFOR", "destination": "Sarajevo"},
    {"text": "Kosovo police moved 300 officers into the north of Kosovo.", "actor": "Kosovo"},
    # --- Latin America ---
    {"text": "Colombia sent 2,000 soldiers to Catatumbo after the attacks.", "actor": "Colombia", "destination": "Catatumbo"},
    {"text": "Venezuelan troops massed near the Essequibo border, Guyana said.", "actor": "Venezuela", "destination": "Essequibo"},
    {"text": "Mexico deployed 10,000 National Guard troops to its northern border.", "actor": "Mexico"},
    {"text": "Brazil moved 600 soldiers to Roraima state near Venezuela.", "actor": "Brazil", "destination": "Roraima"},
    {"text": "About 1,000 Kenyan police officers arrived in Port-au-Prince.", "actor": "Kenya", "destination": "Port-au-Prince"},
    {"text": "Ecuadorian troops were deployed in Guayaquil's prisons.", "actor": "Ecuador", "location": "Guayaquil"},
    # --- the South China Sea ---
    {"text": "China deployed 200 maritime militia vessels near Second Thomas Shoal.", "actor": "China", "destination": "Second Thomas Shoal"},
    {"text": "Philippine marines stationed on the Sierra Madre remain at Second Thomas Shoal.", "actor": "Philippines", "location": "Second Thomas Shoal"},
    {"text": "The PLA sent 1,000 troops to Hainan for drills.", "actor": "China", "destination": "Hainan"},
    {"text": "About 2,500 US Marines arrived in Darwin for a rotation.", "actor": "US", "destination": "Darwin"},
    {"text": "Vietnamese troops are stationed on 21 features in the Spratly Islands.", "actor": "Vietnam", "location": "Spratly Islands"},
    {"text": "Japan moved 500 troops to Yonaguni near Taiwan.", "actor": "Japan", "destination": "Yonaguni"},
    # --- ambiguity ---
    {"text": "US troops arrived in Georgia for exercises near Tbilisi.", "actor": "US", "destination": "Georgia", "id": "destination=GE"},
    {"text": "About 800 soldiers from Fort Stewart, Georgia, deployed to Poland.", "actor": None, "origin": "Fort Stewart", "destination": "Poland"},
    {"text": "Lebanese troops deployed in Tripoli after clashes in the city.", "actor": "Lebanon", "destination": "Tripoli", "id": "destination=geonames:266826"},
    {"text": "Libyan forces moved 300 fighters to Tripoli from Misrata.", "actor": "Libya", "destination": "Tripoli", "origin": "Misrata", "id": "destination=geonames:2210247"},
    {"text": "French troops left Niger for Chad in December.", "actor": "France", "origin": "Niger", "destination": "Chad", "id": "origin=NE"},
    {"text": "Chad Smith said 500 Jordanian troops moved to the border with Syria.", "actor": "Jordan", "destination": "Syria"},
    {"text": "About 400 soldiers left Jordan on Monday, Michael Jordan told reporters.", "actor": None, "origin": "Jordan"},
]


def _same_place(world: Gazetteer, expected: str | None, got: str | None, pinned: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    found = world.resolve(got)
    if pinned is not None:
        return found is not None and found.id == pinned
    wanted = world.resolve(expected)
    return found is not None and wanted is not None and (found.same(wanted) or world.contains(wanted, found))


def main() -> None:
    world = load_gazetteer()
    published = parse_value("2024-06-01")
    right = {field: 0 for field in FIELDS}
    misses: list[str] = []
    started = time.perf_counter()
    for case in CASES:
        text = str(case["text"])
        claims = [c for c in extract_article(text, source_id="case", published=published) if c.kind == "force"]
        claim = claims[0] if claims else None
        pins = dict(part.split("=", 1) for part in str(case.get("id") or "").split(";") if part)
        for field in FIELDS:
            expected = case.get(field)
            got = getattr(claim, field) if claim is not None else None
            if field == "actor":
                ok = (world.actor_for(got) or got) == expected if got else expected is None
            else:
                ok = _same_place(world, expected, got, pins.get(field))
            right[field] += ok
            if not ok:
                misses.append(f"{field:<11} expected {expected!r:<28} got {got!r:<28} {text}")
    elapsed = time.perf_counter() - started
    print(f"{len(CASES)} sentences, {elapsed:.2f} s")
    print(f"| field | right | accuracy |\n|---|---|---|")
    for field in FIELDS:
        print(f"| {field} | {right[field]}/{len(CASES)} | {right[field] / len(CASES):.2f} |")
    if "--misses" in sys.argv:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
