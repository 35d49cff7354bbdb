"""What the forces do in a clause: the movement, where from and where to, and how it is said.

Rules, in English news prose in general:

* movement verbs (and their nouns) map to model.Movement values; "go/come/bring ... home" is a
  return with destination "home";
* a participle right after the forces ("troops leaving Syria", "forces that crossed into Iraq")
  or after "after/before" describes them; the clause's main movement is the next verb;
* places come with the preposition that governs them: from / out of -> origin, to / into /
  towards -> destination, in / at -> destination after arrive/enter/deploy verbs, location after
  stay/hold; "Syrian territory" is Syria;
* polarity: a negation before the verb, "denying that there is any", "no plans to", "instead of";
* modality, strongest first: permission ("do not have permission", "can only ... for transit"),
  demand ("must", "have to", "expel", "pleading"), possibility ("could", "may", "not ruling out"),
  plan ("will", "would", "plans to", "intention to"), else fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..world import Gazetteer, Place, TextIndex
from .places import PlaceMention, alternatives, first_place, places_in, written_name
from .denial import tree_polarity
from .roles import NamedPlace, unknown_places

if TYPE_CHECKING:
    from .tree import Piece

_NOUNS_AFTER = r"(?:\s+(?:the\s+|its\s+|their\s+|all\s+|some\s+|our\s+)?(?:[\w.,-]+\s+){0,3}?(?:troops|soldiers|forces|personnel|units|marines))"
_FORCE_NOUN = r"(?:troops|soldiers|forces|personnel|peacekeepers|units|servicemen|marines|contingents?)\b"
_MOVES = {
    "return": (
        r"return(?:s|ed|ing)?|(?:come|comes|came|coming|go|goes|going|went|gone|head(?:s|ed|ing)?|fly|flew|flown)\s+back"
        r"|(?:come|comes|came|coming|go|goes|going|went|gone|head(?:s|ed|ing)?|bring|brings|bringing|brought|"
        r"send|sends|sending|sent|fly|flew|flown|be\s+sent)\s+(?:[\w'’]+\s+){0,3}?(?:back\s+)?['‘\"“]?home\b"
        r"|repatriat(?:e|es|ed|ing|ion)|homecoming"
    ),
    "withdraw": (
        r"withdr(?:aw|aws|ew|awn|awing|awal|awals)|pull(?:s|ed|ing)?\s+(?:out|back)|pull-?outs?"
        rf"|pull(?:s|ed|ing)?(?={_NOUNS_AFTER})|retreat(?:s|ed|ing)?|draw(?:s|ing)?\s+down|drew\s+down|drawdown"
        r"|removal|evacuat(?:e|es|ed|ing|ion)|exfiltrat(?:e|es|ed|ing|ion)"
    ),
    "transit": r"transit(?:s|ed|ing)?|pass(?:es|ed|ing)?\s+through",
    "move": (
        r"mov(?:e|es|ed|ing)|movements?|shift(?:s|ed|ing)?|re-?deploy(?:s|ed|ing|ments?)?|re-?position(?:s|ed|ing)?"
        r"|relocat(?:e|es|ed|ing|ion)|transfer(?:s|red|ring)?|transport(?:s|ed|ing)?|cross(?:es|ed|ing)?\s+(?:into|over)"
        r"|head(?:s|ed|ing)?\s+(?:to|for|towards?|into)|(?:walk|roll|march|drive|drove)(?:s|ed|ing)?\s+into"
        r"|(?:go|goes|going|went)\s+into|(?:go|goes|went|gone)\s+to(?=\s+(?:the\s+)?[A-Z])|fl(?:y|ies|ew|own|ying)\s+(?:in)?to|fl(?:y|ies|ew|own|ying)(?=\s+(?:from|out)\b)|(?:'re|’re|are|is|were|was)\s+off\s+to|positioned"
    ),
    "arrive": r"arriv(?:e|es|ed|ing|als?)|enter(?:s|ed|ing)?|entry|reach(?:es|ed|ing)?|land(?:s|ed|ing)?(?=\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|overnight)\s+)?(?:in|at)\b)",
    "leave": (
        r"leav(?:e|es|ing)|left(?!\s+(?:wing|hand|side|behind|over))|depart(?:s|ed|ing|ure)?|exit(?:s|ed|ing)?"
        r"|expel(?:s|led|ling)?|expulsion|(?:break|breaks|breaking|broke)\s+out|escap(?:e|es|ed|ing)|fle(?:e|es|d|eing)"
        r"|(?:come|comes|came|coming)\s+out"
    ),
    "deploy": (
        r"deploy(?:s|ed|ing|ments?)?|dispatch(?:es|ed|ing)?|send(?:s|ing)?(?=" + _NOUNS_AFTER + r")"
        r"|(?:send|sends|sending|sent)(?=[^.;]{0,60}?\b(?:to|into|towards)\b)"
        r"|invad(?:e|es|ed|ing)|invasion|incursion|offensive\s+into|reinforc(?:e|es|ed|ing|ements?)|bolster(?:s|ed|ing)?"
        r"|pour(?:s|ed|ing)?(?=[^.;]{0,40}?\binto\b)"
        # "ordered troops to Romania": an order whose "to" governs a place (a capital), not a verb
        r"|order(?:s|ed|ing)?(?=\s+(?:[\w-]+\s+){0,3}?(?:troops|soldiers|forces|units)\s+to\s+(?-i:[A-Z]))"
    ),
    "stay": (
        # "the remaining troops will leave": an adjective naming which forces, not the clause's movement
        r"stay(?:s|ed|ing)?|remain(?:s|ed)?|remaining(?!\s+(?:[\w,.'’-]+\s+){0,3}?" + _FORCE_NOUN + r")"
        r"|keep(?:s|ing)?|kept|left\s+behind|linger(?:s|ed|ing)?"
        r"|continu(?:e|es|ed|ing)\s+(?:[\w'’]+\s+){0,4}?presence"
    ),
    "hold": (
        r"presence|garrison(?:s|ed)?|stationed|based\s+(?:in|at)|operat(?:e|es|ed|ing)\s+(?:in|inside|across)"
        r"|(?:are|is|were|was)\s+(?:not\s+|no\s+longer\s+|still\s+|already\s+)?(?:in|inside)(?=\s)"
    ),
}
MOVE_RE = re.compile("|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in _MOVES.items()), re.IGNORECASE)

#: Nouns for forces; a clause about forces names one (or continues a sentence that did).
FORCE_RE = re.compile(
    # The look-ahead of first letters lets the scan skip positions no alternative can start at (twice as fast).
    r"(?=[TtSsFfPpMmAaCcGgUuBbDdRr])\b(?:[Tt]roops?|[Ss]oldiers?|[Ff]orces?|[Ss]ervicemen|[Ss]ervice\s*members|[Pp]ersonnel|[Mm]arines|[Aa]rmy|"
    r"[Cc]onvoys?|[Aa]rmou?red\s+vehicles|[Gg]arrison|[Uu]nits?|[Bb]oots\s+on\s+the\s+ground|[Cc]ontingents?|"
    r"[Ss]quadrons?|[Dd]etachments?|[Pp]latoons?|"
    r"[Ss]pecial\s+operations?|[Dd]ivisions?|[Bb]rigades?|[Bb]attalions?|[Rr]egiments?|[Cc]ommandos|[Pp]aratroopers|"
    r"[Pp]eacekeepers|[Rr]einforcements|[Tt]roop(?=\s+(?:withdrawal|pull-?out|deployment|movements?|presence|"
    r"reduction|drawdown|buildup|build-up)\b)|TROOPS|SOLDIERS|FORCES)\b"
    # "an army commander", "a forces spokesman": a title, not forces.
    r"(?!\s+(?:commanders?|chiefs?|spokes(?:man|woman|person)|officers?|officials?|generals?|leaders?|veterans?)\b)"
)

_HOME_RE = re.compile(r"\b(?:back\s+)?home\b", re.IGNORECASE)
#: Verbs whose "in X" / "at X" says where the forces end up.
_LANDING = frozenset({"arrive", "deploy", "move"})

_NEGATION_RE = re.compile(
    r"\b(?:not|never|no\s+longer|cannot|won['’]t|wouldn['’]t|don['’]t|doesn['’]t|didn['’]t|aren['’]t|isn['’]t|"
    r"wasn['’]t|weren['’]t|haven['’]t|hasn['’]t|can['’]t|no\s+plans?\s+to|instead\s+of|rather\s+than|"
    r"no\s+(?:evidence|signs?|indications?|proof|confirmation)|"
    r"den(?:y|ies|ied|ying)\b[^.;]{0,40}?\b(?:any|a))\b|n['’]t\b",
    re.IGNORECASE,
)
_NOT_NEGATION_RE = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:rul(?:e|ed|ing)\s+out|only)\b", re.IGNORECASE)
# Each pattern opens with a look-ahead of the first letters of its words, so that the scan skips other positions.
_MODALITIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("permission", re.compile(
        r"(?=[pPaAcCmMoOnNuUbB])\b(?:permission|permitted|allowed|authori[sz](?:ation|ed)|approval|can\s+only|may\s+only|only\s+(?:be\s+)?"
        r"(?:use|used)|(?:not|n['’]t)\s+be\s+able\s+to|unable\s+to|barred|banned)\b", re.IGNORECASE)),
    ("demand", re.compile(
        r"(?=[mMhHnNrRoOdDcCuUpPeEiI])\b(?:must|ha(?:ve|s|d)\s+to|need(?:s)?\s+to|required\s+to|ordered|demand\w*|calls?\s+(?:for|on)|calling\s+"
        r"(?:for|on)|calls\s+from|urg(?:e|es|ed|ing)|plead\w*|expel\w*|expulsion|insist\w*|request(?:s|ed|ing))\b", re.IGNORECASE)),
    ("possibility", re.compile(
        r"(?=[cCmMpPrRuUoO])\b(?:could|may|might|possibl[ey]|ruling\s+out|rule\s+out|consider\w*|under\s+discussion|options?)\b",
        re.IGNORECASE)),
    ("plan", re.compile(
        r"(?=[wWsSpPiIgGeEaAdDvV'’])(?:\b(?:will|won['’]t|would|shall|plans?\s+to|planned|planning\s+to|intention|intends?|intended|going\s+to|set\s+to|"
        r"expected\s+to|about\s+to|decided\s+to|vow\w*|promis\w*|is\s+to|are\s+to)\b|['’]ll\b)", re.IGNORECASE)),
)


@dataclass(frozen=True)
class Motion:
    movement: str | None
    verb_start: int
    verb_end: int
    polarity: str
    modality: str
    origin: str | None
    destination: str | None
    location: str | None
    noun: bool  # the movement is named by a noun ("the withdrawal"), not stated by a verb


_NOUNS = re.compile(
    r"(?:movements?|withdrawals?|removal|pull-?outs?|drawdown|evacuation|redeployments?|deployments?|relocation|"
    r"transfer|repatriation|homecoming|arrivals?|entry|departure|expulsion|invasion|incursion|presence|garrisons?|"
    r"transit|move|exfiltration|reinforcements?)",
    re.IGNORECASE,
)
_KEEP_FROM = re.compile(r"\bkeep\w*\b[^.;]{0,60}?\bfrom\s+\w+ing\b", re.IGNORECASE)


#: The first words of everything MOVE_RE matches. The pattern is only tried where one of them
#: stands: trying it at every position of an article costs more than all the rest of reading it.
_MOVE_FIRST_WORDS = frozenset(
    """return returns returned returning come comes came coming go goes going went gone head heads headed heading
    fly flies flew flown flying bring brings bringing brought send sends sending sent be repatriate repatriates repatriated
    repatriating repatriation homecoming withdraw withdraws withdrew withdrawn withdrawing withdrawal withdrawals
    pull pulls pulled pulling pullout pullouts pull-out pull-outs retreat retreats retreated retreating draw draws
    drawing drew drawdown removal evacuate evacuates evacuated evacuating evacuation exfiltrate exfiltrates
    exfiltrated exfiltrating exfiltration transit transits transited transiting pass passes passed passing move moves
    moved moving movement movements shift shifts shifted shifting redeploy redeploys redeployed redeploying
    redeployment redeployments re-deploy re-deploys re-deployed re-deploying re-deployment reposition repositions
    repositioned repositioning re-position re-positioned relocate relocates relocated relocating relocation
    transfer transfers transferred transferring transport transports transported transporting cross crosses crossed
    crossing walk walks walked walking roll rolls rolled rolling march marches marched marching drive drives drove
    driving 're ’re are is were was positioned arrive arrives arrived arriving arrival arrivals enter enters entered
    entering entry reach reaches reached reaching land lands landed landing leave leaves leaving left depart departs
    departed departing departure exit exits exited exiting expel expels expelled expelling expulsion break breaks
    breaking broke escape escapes escaped escaping flee flees fled fleeing deploy deploys deployed deploying
    deployment deployments dispatch dispatches dispatched dispatching invade invades invaded invading invasion
    incursion offensive reinforce reinforces reinforced reinforcing reinforcement reinforcements bolster bolsters
    bolstered bolstering stay stays stayed staying remain remains remained remaining keep keeps keeping kept linger
    lingers lingered lingering continue continues continued continuing presence garrison garrisons garrisoned
    stationed based pour pours poured pouring order orders ordered ordering operate operates operated operating""".split()
)
_MOVE_WORD_RE = re.compile(r"['’]?[A-Za-z]+(?:-[A-Za-z]+)?")


def has_movement_hint(text: str, start: int, end: int) -> bool:
    """Could text[start:end] state a movement at all? A cheap test before reading its verbs."""
    return not _MOVE_FIRST_WORDS.isdisjoint(_MOVE_WORD_RE.findall(text[start:end].lower()))


def _verbs(text: str, start: int, end: int) -> list[tuple[str, re.Match[str]]]:
    found = []
    free = start
    for word in _MOVE_WORD_RE.finditer(text, start, end):
        if word.start() < free or word[0].lower() not in _MOVE_FIRST_WORDS:
            continue
        match = MOVE_RE.match(text, word.start(), end)
        if match is None:
            continue
        free = match.end()
        if match.lastgroup == "stay" and _KEEP_FROM.match(text, match.start(), end):
            continue  # "keep X from reaching Y" prevents; it does not keep forces anywhere
        found.append((match.lastgroup or "move", match))
    return found


def _is_noun(match: re.Match[str]) -> bool:
    return _NOUNS.fullmatch(match[0]) is not None


def _is_modifier(text: str, clause_start: int, match: re.Match[str], piece: Piece | None = None) -> bool:
    """Does this verb describe the forces rather than say what they do?

    "troops leaving Syria", "forces withdrawing from", "troops that crossed into", "after pulling out".
    """
    verb = next(piece.tokens(match.start(), match.start() + 1), None) if piece is not None else None
    if verb is not None and verb.tag_ == "VBD" and verb.dep_ == "ROOT":
        return False  # "troops arrived in X to reinforce ...": the parse sees a past tense, not a participle
    before = text[max(clause_start, match.start() - 40):match.start()]
    word = match[0].split()[0].lower()
    last = before.lower().split()[-3:]
    if last and (last[-1] in _SUBORDINATORS or (len(last) > 1 and last[-2] in _SUBORDINATORS and last[-1] in _POSSESSIVES)):
        return True  # "after pulling out", "after their withdrawal"
    if last and (last[-1] in _RELATIVES or (len(last) > 1 and last[-2] in _RELATIVES and last[-1] in _AUXILIARIES)):
        return True  # "troops that crossed into", "forces who are leaving"
    if not before.strip() and word.endswith(("ed", "ing")) and _OPENING_PHRASE_RE.match(text, match.end(), match.end() + 61):
        return True  # "Exfiltrated from Syria, the soldiers ...": an opening participle phrase
    if last and (last[-1] in _BE_HAVE or (len(last) > 1 and last[-2] in _BE_HAVE)):
        return False
    if word.endswith("ing"):
        if last and last[-1] in _BEGIN:
            return False  # "reinforcements began arriving": what they do, not which forces
        return FORCE_RE.search(before[-25:]) is not None
    if not word.endswith("ed"):
        return False
    # "troops deployed in ...", "2,400 troops in Iraq deployed as part of ...": a past participle
    # right after the forces describes them; after anything else it is the verb of the clause.
    forces = list(FORCE_RE.finditer(before))
    return bool(forces) and _PARTICIPLE_GAP.fullmatch(before, forces[-1].end()) is not None


_SUBORDINATORS = frozenset({"after", "before", "since", "while", "when", "upon", "without"})
_BEGIN = frozenset("began begun begin begins beginning started start starts continued continue continues kept keep".split())
_POSSESSIVES = frozenset({"their", "its", "the", "his", "her"})
_RELATIVES = frozenset({"that", "who", "which"})
_AUXILIARIES = frozenset({"had", "have", "has", "are", "were"})
_BE_HAVE = frozenset({"are", "is", "were", "was", "be", "been", "being", "'re", "’re", "has", "have", "had", "get", "got", "gets"})
_OPENING_PHRASE_RE = re.compile(r"[^,.;]{0,60},")
_PARTICIPLE_GAP = re.compile(r"\s*(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*)?")


def motion(text: str, start: int, end: int, gazetteer: Gazetteer, index: TextIndex, *, anchor: int | None = None,
           piece: Piece | None = None) -> Motion | None:
    """The movement a clause states, or None when it has no movement word.

    anchor: where the forces are mentioned (a count), to prefer the verb that governs them.
    piece: the sentence's parse, for the roles of places and for names the world index does not know.
    """
    verbs = _verbs(text, start, end)
    if not verbs:
        return None
    main = _main_verb(text, start, verbs, anchor, piece)
    movement, match = main
    if piece is not None and _sends_no_forces(piece, match):
        return None
    places = places_in(text, start, end, gazetteer, index, piece)
    origin = first_place(places, "origin", match.start())
    destination = first_place(places, "destination", match.start())
    known = [(p.start, p.end) for p in places] + [(s, e) for s, e, _ in index.actors_in(start, end)]
    # Only names the world does not know: one it knows that the index left out here (a namesake town in a
    # country the story does not name) was left out on purpose.
    unknown = [u for u in unknown_places(piece, start, end, known, MOVEMENT_WORDS)
               if gazetteer.lookup(u.name) is None] if piece is not None else []
    location: Place | None = None
    home = _home(text, start, end, match)
    if movement in _LANDING and destination is None:
        destination = first_place(places, "in", match.start(), after_only=True)
    if movement in ("stay", "hold", "transit"):
        location = first_place(places, "in", start) or (destination if movement == "transit" else None)
        destination = None
        if movement != "transit":
            origin = None
    if movement in ("withdraw", "leave") and destination is not None:
        movement = "move"  # "withdrawn from Syria to Iraq" is a move, not a withdrawal
    if movement == "deploy" and origin is not None and destination is not None:
        movement = "move"  # "deployed troops stationed in X to Y"
    if movement in ("move", "withdraw", "leave", "deploy", "return") and home and destination is None:
        movement = "return"
    dest_name = (written_name(text, places, destination, gazetteer) if destination is not None
                 else ("home" if home and movement == "return" else None))
    if destination is not None and dest_name is not None:
        dest_name = alternatives(text, places, destination, dest_name)
    if home and "home" in match[0].lower():
        dest_name = "home"  # "bring the troops back home", whatever else the clause names
    # A name in a place's role that the world index does not know stays, unresolved, as written.
    origin_name = written_name(text, places, origin, gazetteer) if origin is not None else _unknown(unknown, "origin")
    if dest_name is None:
        dest_name = _unknown(unknown, "destination")
    location_name = written_name(text, places, location, gazetteer) if location is not None else (
        _unknown(unknown, "in") if movement in ("stay", "hold") else None)
    return Motion(
        movement=movement,
        verb_start=match.start(),
        verb_end=match.end(),
        polarity=(tree_polarity(piece, match.start()) if piece is not None else None) or _polarity(text, start, match),
        modality=_modality(text, start, match),
        origin=origin_name if movement not in ("stay", "hold") else None,
        destination=dest_name if movement not in ("stay", "hold", "transit") else None,
        location=location_name,
        noun=_is_noun(match),
    )


#: Words a place's preposition may hang on for an unknown name to count as a place: movements and forces.
FORCE_WORDS = frozenset(
    "troops troop soldiers forces force personnel marines units contingent battalion battalions brigade brigades "
    "division divisions".split())
MOVEMENT_WORDS = _MOVE_FIRST_WORDS | FORCE_WORDS | frozenset("deployment deployments redeployment withdrawal withdrawals".split())


def _unknown(unknown: list[NamedPlace], role: str) -> str | None:
    return next((u.name for u in unknown if u.role == role), None)


def _main_verb(text: str, start: int, verbs: list[tuple[str, re.Match[str]]], anchor: int | None,
               piece: Piece | None = None) -> tuple[str, re.Match[str]]:
    finite = [(kind, m) for kind, m in verbs if not _is_modifier(text, start, m, piece)]
    pool = finite or verbs
    # Verbs say what happens; nouns ("the deployment comes after ...") only when there is no verb.
    pool = [(kind, m) for kind, m in pool if not _is_noun(m)] or pool
    if anchor is not None:
        governing = _governor(verbs, anchor, piece)
        if governing is not None:
            return governing  # "arrived after Ottawa ordered the deployment of 800 soldiers": the deployment's
        # The verb nearest the counted forces governs them: "moved 1,000 troops", "1,000 troops arrived".
        return min(pool, key=lambda v: (anchor - v[1].end()) * 1.5 if v[1].end() <= anchor else v[1].start() - anchor)
    moving = [(kind, m) for kind, m in pool if kind != "hold"]
    return (moving or pool)[0]


def _governor(verbs: list[tuple[str, re.Match[str]]], anchor: int, piece: Piece | None) -> tuple[str, re.Match[str]] | None:
    """The movement noun the counted forces hang on in the parse: "the withdrawal of [300 soldiers]"."""
    token = next(piece.tokens(anchor, anchor + 1), None) if piece is not None else None
    at = {m.start(): (kind, m) for kind, m in verbs if _is_noun(m)}
    for _ in range(4):
        if token is None or token.head is token:
            return None
        token = token.head
        if token.dep_ == "prep" and token.lower_ != "of":
            return None  # "arrived with 300 soldiers": not a noun's own forces
        if piece is not None and piece.start(token) in at:
            return at[piece.start(token)]
    return None


_SEND = frozenset("send sends sent sending dispatch dispatches dispatched dispatching".split())
#: Things sent that are not forces; a list of them, not of forces, so that any word for forces stays a movement.
_NOT_FORCES = frozenset(
    "signal signals message messages letter letters note notes warning warnings invitation invitations request "
    "requests statement condolences congratulations delegation delegations envoy envoys email emails".split()
)


def _sends_no_forces(piece: Piece, match: re.Match[str]) -> bool:
    """ "send a clear message to Moscow", "sent a letter to Riga": what is sent is named, and it is no force."""
    verb = next(piece.tokens(match.start(), match.start() + 1), None)
    if verb is None or verb.lower_ not in _SEND:
        return False
    sent = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return sent is not None and sent.lower_ in _NOT_FORCES


def _home(text: str, start: int, end: int, main: re.Match[str]) -> bool:
    """Is "home" where the main verb goes: "bring the troops home", "return home", "going home"?"""
    if "home" in main[0].lower():
        return True
    home = _HOME_RE.search(text, main.end(), min(end, main.end() + 40))
    return home is not None and not re.search(r"[,;:]", text[main.end():home.start()])


def _window(text: str, start: int, match: re.Match[str]) -> str:
    """The words from the clause start (at most ~80 characters back) to the end of the verb."""
    return text[max(start, match.start() - 80):match.end()]


#: "no" as the determiner of a movement noun denies it: "there will be no transfer", "no further withdrawals".
_NO_BEFORE_NOUN_RE = re.compile(r"\bno\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)


def _polarity(text: str, start: int, match: re.Match[str]) -> str:
    if _is_noun(match) and _NO_BEFORE_NOUN_RE.search(text, max(start, match.start() - 25), match.start()):
        return "denied"
    window = _window(text, start, match)
    near = window[-60 - len(match[0]):]
    cleaned = _NOT_NEGATION_RE.sub(" ", near)
    return "denied" if _NEGATION_RE.search(cleaned) else "asserted"


def modality_at(text: str, start: int, match: re.Match[str]) -> str:
    """How the clause from start says what the word at match does: fact, plan, possibility, demand, permission."""
    return _modality(text, start, match)


def _modality(text: str, start: int, match: re.Match[str]) -> str:
    window = _window(text, start, match)
    after = text[match.end():match.end() + 30]
    for name, pattern in _MODALITIES:
        scope = window + (after if name == "permission" else "")
        if pattern.search(scope):
            return name
    return "fact"
