"""Who says each part of an article: attributions ("X said", "according to X") and cited sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..world import Gazetteer
from .people import (
    ACCORDING_RE,
    APPOSED_RE,
    BACK_REFERENCE_RE,
    CALLS_RE,
    CUE_RE,
    DETERMINERS,
    LOWER_IN_NP,
    MEDIA_WORDS,
    NAME,
    NAME_OR_WORD_RE,
    NAME_RE,
    NOT_NAMES,
    ORG_WORDS,
    POSSESSIVE_SPEECH_RE,
    REPORT_BY_RE,
    ROLE_HEADS,
    SKIPPABLE,
    SPEECH_RE,
    Attribution,
    People,
    Person,
    RoleSignature,
    words_of,
)
from .saying import WITNESSES, cues

if TYPE_CHECKING:
    from .tree import ArticleParse


# --- attributions ---------------------------------------------------------------------------------------------

#: "a senior official familiar with the talks said": a speaking noun with a long modifier after it.
_MODIFIED_SPEAKER_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal)\s+(?P<np>(?:[\w.'’-]+\s+){0,3}?(?:official|officials|source|sources|"
    r"diplomat|diplomats|spokesman|spokeswoman|spokesperson|analyst|analysts|expert|experts|commander|officer))\s+"
    r"(?:familiar|close|with|who|from|in|at|involved|briefed|speaking)\b[^,;:\"“”]{0,100}$"
)
#: "according to UN estimates": the estimates are the UN's.
_DATA_NOUNS = frozenset("estimates estimate figures data statistics count tally assessment assessments calculations".split())
#: A headline or line that ends in ": <Name>" names who says it: "Troops will leave by May: Pentagon".
_COLON_SOURCE_RE = re.compile(r":\s*(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
#: The opening noun phrase of a sentence, the subject a participle or a second verb goes back to.
_OPENING_NP_RE = re.compile(r"\s*(?:[Tt]he\s+)?(?P<np>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*)(?=\s+[a-z])")
_SECOND_VERB_RE = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had|also|later|then)\s+)*$")
_FINITE = frozenset("would will is are was were has have had could can may might should must shall".split())
#: Plural heads that name fighters in general: "Kurdish fighters said" gives no speaker one could quote.
_FIGHTERS = frozenset("fighters militants rebels insurgents gunmen troops soldiers forces militias jihadists".split())

@dataclass(frozen=True)
class _NounPhrase:
    start: int
    end: int
    text: str


def _tokens_back(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(re.finditer(r"[\w.'’-]+|[^\w\s]", text[start:end]))


class Attributions:
    """Finds who says each part of an article, resolving pronouns and titles as it reads."""

    def __init__(self, text: str, gazetteer: Gazetteer, parse: ArticleParse | None = None) -> None:
        self.text = text
        self.parse = parse
        self.gazetteer = gazetteer
        self.people = People(text, gazetteer)
        self.last_cited: str | None = None
        self.last_speaker: Attribution | None = None
        self.republished: str | None = None  # "X reports:" cites X for the rest of the article
        self._sentence_start = 0

    def in_span(self, start: int, end: int, sentence_start: int | None = None) -> Attribution | None:
        """The attribution stated within text[start:end], if any (the first one wins).

        sentence_start: where the clause's sentence begins, whose subject a participle ("..., warning that")
        or a second verb ("X is planning ..., and has indicated that") goes back to.
        """
        text = self.text
        self._sentence_start = start if sentence_start is None else sentence_start
        if not CUE_RE.search(text, start, end) and not POSSESSIVE_SPEECH_RE.search(text, start, end):
            colon = _COLON_SOURCE_RE.search(text, start, end) if text.startswith("\n", end) or end == len(text) else None
            if colon is not None and len(colon["np"].split()) <= 4:
                return self._classify(_NounPhrase(colon.start("np"), colon.end("np"), colon["np"]), colon.start(), after=True)
            return None  # no verb of saying, "according to", "reports:" or "calls from": nothing to attribute
        intro = re.match(r"\s*(?P<np>[A-Z][^\n:]{1,60}?)\s+reports?\s*:", text[start:end])
        if intro and self._is_media(intro["np"]):
            # "X reports: ..." introduces republished text: X is the source of all that follows.
            self.republished = self._clean(intro["np"])
            start += intro.end()
        found: Attribution | None = None
        possessive = POSSESSIVE_SPEECH_RE.search(text, start, end)
        if possessive is not None:
            # What follows "X's assertion that" is X's, whoever is named after it.
            phrase = self._phrase_before(possessive.start(), start)
            found = self._classify(phrase, possessive.start(), after=False) if phrase is not None else None
        according_phrase: _NounPhrase | None = None
        if self.parse is not None:
            tree, according_phrase = self._from_tree(start, end)
            # A bare noun from the tree ("ministry") where the words give more ("the Latvian defence ministry")
            # yields to the words.
            if tree is not None and tree.speaker is not None and " " not in tree.speaker and tree.speaker.islower():
                fuller = (self._subject_of(v, start, end) for v in SPEECH_RE.finditer(text, start, end))
                tree = next((a for a in fuller if a is not None and a.speaker), tree)
            found = found or tree
        for verb in [] if found is not None else SPEECH_RE.finditer(text, start, end):
            found = self._subject_of(verb, start, end)
            if found is not None:
                break
        if found is None:
            # "amid calls from Iraqi lawmakers to expel ...": a demand has its authors too.
            calls = CALLS_RE.search(text, start, end)
            if calls is not None:
                demand = self._classify(_NounPhrase(calls.start("np"), calls.end("np"), calls["np"]), calls.start(), after=True)
                if demand is not None:
                    found = Attribution(demand.speaker, demand.role, demand.cited, demand.person, sentence_wide=False)
        according = ACCORDING_RE.search(text, start, end)
        if according is not None:
            phrase = according_phrase or self._phrase_after(according.end(), end)
            if phrase is not None and len(words_of(phrase.text)) > 1 and words_of(phrase.text)[-1] in _DATA_NOUNS:
                owner = phrase.text.rsplit(None, 1)[0]
                phrase = _NounPhrase(phrase.start, phrase.start + len(owner), owner)
            if phrase is not None:
                other = self._classify(phrase, according.start(), after=True)
                found = self._merge(found, other)
        if found is not None:
            if found.cited:
                self.last_cited = found.cited
            if found.speaker:
                self.last_speaker = found
        return found

    def _from_tree(self, start: int, end: int) -> tuple[Attribution | None, _NounPhrase | None]:
        """The first speaker the parse names in text[start:end], and what "according to" governs there."""
        assert self.parse is not None
        piece = self.parse.at(start)
        if piece is None:
            return None, None
        according: _NounPhrase | None = None
        for cue in cues(piece, start, end):
            phrase = _NounPhrase(cue.phrase[0], cue.phrase[1], self.text[cue.phrase[0]:cue.phrase[1]])
            if cue.according:
                according = according or phrase
                continue
            found = self._classify(phrase, cue.start, after=cue.after)
            if found is None and cue.person and self.gazetteer.lookup(phrase.text) is None:
                found = Attribution(speaker=self._clean(phrase.text))  # a surname the article gives no more of
            if found is not None:
                found = self._with_told(found, cue.word, cue.end, end)
                return (replace(found, bare=True) if cue.bare else found), according
        return None, according

    @staticmethod
    def _merge(first: Attribution | None, second: Attribution | None) -> Attribution | None:
        if first is None or second is None:
            return first or second
        return Attribution(first.speaker or second.speaker, first.role or second.role, first.cited or second.cited,
                           first.person or second.person, first.sentence_wide or second.sentence_wide)

    def _subject_of(self, verb: re.Match[str], start: int, end: int) -> Attribution | None:
        text = self.text
        preceding = text[max(start, verb.start() - 3):verb.start()]
        if verb[0] in ("reports", "report"):
            # "media reports about ...": a noun, and the citation is the whole phrase.
            noun = re.search(r"\b([\w-]+)\s+$", text[max(start, verb.start() - 40):verb.start()])
            if noun and noun[1].lower() in MEDIA_WORDS:
                phrase = self._phrase_before(verb.start(), start)
                base = self._clean(phrase.text) if phrase is not None else noun[1]
                return Attribution(cited=f"{base} {verb[0]}")
        if verb[0].endswith("ing") and not text[start:verb.start()].strip():
            # "adding that ...": the speaker is the one of the clause before, or the sentence's subject
            return self._sentence_subject(start)
        # Inverted: '..., said the Pentagon chief.'  '"...," said Jane Doe.'
        inverted = bool(re.search(r"[,\"”’]\s*$", preceding)) or verb.start() == start
        if inverted:
            found = self._after(verb, end)
            if found is not None:
                return found
        apposed = APPOSED_RE.search(text, max(start, verb.start() - 200), verb.start())
        phrase = (_NounPhrase(apposed.start("np"), apposed.end("np"), apposed["np"]) if apposed is not None
                  else self._phrase_before(verb.start(), start))
        if (phrase is not None and re.search(r"\bas\s+$", text[max(start, phrase.start - 4):phrase.start])
                and re.fullmatch(r"[\s,.;:!?—–-]*", text[verb.end():end])):
            return None  # "..., as the president promised.": a comparison, not the source of the clause
        found = self._classify(phrase, verb.start(), after=False) if phrase is not None else None
        if found is not None:
            return self._with_told(found, verb[0], verb.end(), end)
        if not inverted:
            # "..., at the same time assured the minister, Jane Doe." -- the subject ends the sentence.
            rest = self._phrase_after(verb.end(), end)
            if rest is not None and re.fullmatch(r"[\s.!?\"”’]*", text[rest.end:end]):
                return self._after(verb, end)
        if _SECOND_VERB_RE.search(text, max(start, verb.start() - 30), verb.start()):
            return self._sentence_subject(start)  # "Moscow is planning drills, and has indicated that"
        return None

    def _sentence_subject(self, before: int) -> Attribution | None:
        """The person, body or country that opens the sentence, when it opens before position before."""
        start = self._sentence_start
        if start >= before:
            return None
        opening = _OPENING_NP_RE.match(self.text, start, before)
        if opening is None:
            return None
        return self._classify(_NounPhrase(opening.start("np"), opening.end("np"), opening["np"]), start, after=False)

    def _after(self, verb: re.Match[str], end: int) -> Attribution | None:
        phrase = self._phrase_after(verb.end(), end)
        if phrase is None:
            return None
        found = self._classify(phrase, verb.start(), after=True)
        return self._with_told(found, verb[0], verb.end(), end) if found is not None else None

    def _with_told(self, found: Attribution, verb: str, verb_end: int, end: int) -> Attribution:
        """'X told the Associated Press': the outlet told is cited as well."""
        if verb != "told" or found.cited:
            return found
        outlet = re.match(r"\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})", self.text[verb_end:end])
        if outlet is not None and (self._is_media(outlet[1]) or outlet[1].isupper()):
            return Attribution(found.speaker, found.role, self._clean(outlet[1]), found.person)
        return found

    def _phrase_before(self, verb_start: int, start: int) -> _NounPhrase | None:
        """The noun phrase that is the subject of a verb, reading back over adverbs and auxiliaries."""
        text = self.text
        tokens = _tokens_back(text, max(start, verb_start - 160), verb_start)
        offset = max(start, verb_start - 160)
        index = len(tokens) - 1
        # "Jane Doe, said", "Jane Doe, on Monday, confirmed": commas and adverbials between subject and verb.
        while index >= 0 and (tokens[index][0] == "," or tokens[index][0].lower().strip(".") in SKIPPABLE):
            index -= 1
        end_index = index
        while index >= 0:
            token = tokens[index][0]
            lower = token.lower().strip(".")
            if token[:1].isupper() or lower in LOWER_IN_NP or token in ("'s", "’s") or lower.endswith(("'s", "’s")):
                index -= 1
                continue
            break
        while index < end_index and tokens[index + 1][0].lower() in NOT_NAMES:
            index += 1  # "Though Doe said", "Then the minister said": a capitalised opening word
        if end_index < 0:
            return None
        if index == end_index:
            modified = _MODIFIED_SPEAKER_RE.search(text, max(start, verb_start - 160), verb_start)
            if modified is not None:
                return _NounPhrase(modified.start("np"), modified.end("np"), modified["np"])
            # No noun phrase right before the verb: a pronoun or name subject a few words back
            # ("he changed his mind and stated").
            for back in range(end_index, max(-1, end_index - 8), -1):
                word = tokens[back][0]
                if word in (",", ";", ":", '"', "“", "”"):
                    break
                if word.lower() in ("he", "she") or self.people.person_for(word, create=False) is not None:
                    return _NounPhrase(offset + tokens[back].start(), offset + tokens[back].end(), word)
            return None
        first = tokens[index + 1]
        last = tokens[end_index]
        phrase_start, phrase_end = offset + first.start(), offset + last.end()
        return _NounPhrase(phrase_start, phrase_end, text[phrase_start:phrase_end])

    def _phrase_after(self, position: int, end: int) -> _NounPhrase | None:
        """The noun phrase after a verb or 'according to', up to punctuation or a following clause."""
        text = self.text
        match = re.match(r"\s*(?P<np>[^,.;:!?\"“”()\n]+)(?P<apposed>,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})?", text[position:end])
        if not match:
            return None
        raw = match["np"]
        if match["apposed"] and any(w in ROLE_HEADS for w in words_of(raw)):
            raw += match["apposed"]  # "the spokesman, John Roe"; not "estimates, Russia"
        if re.match(r"(?:that|to|it|this|these|those)\b", raw):
            return None  # a clause or an object follows the verb, not its subject
        cut = re.search(r"\s(?:that|who|which|on|in|at|after|before|during|as|when|while|to)\s", raw)
        if cut and not re.match(r"\s*(?:of|for)\b", raw[cut.start():]):
            raw = raw[:cut.start()]
        raw = raw.strip()
        if not raw or len(raw) > 120:
            return None
        phrase_start = position + match.start("np")
        return _NounPhrase(phrase_start, phrase_start + len(raw), raw)

    def _classify(self, phrase: _NounPhrase, at: int, *, after: bool) -> Attribution | None:
        words = words_of(phrase.text)
        if not words:
            return None
        if words[0] in ("he", "she") and len(words) == 1:
            last = self.last_speaker
            if last is not None and last.person is None and last.speaker and _one_witness(last.speaker):
                return Attribution(speaker=last.speaker)  # "a resident told reporters ... He said": the resident
            person = self.people.last_before(phrase.start)
            if person is not None:
                return self._person(person, phrase.start)
            last = self.last_speaker  # "a government spokeswoman said. ..., she said": one unnamed person
            return last if last is not None and last.role is not None and last.person is None else None
        if words == ["it"] and not after and phrase.start > self._sentence_start:
            return self._sentence_subject(phrase.start)  # "Rwanda has refuted it, but it acknowledged that"
        if words[0] in ("they", "it", "we", "i", "you", "there", "this", "which", "who"):
            return None
        if any(w in _FINITE for w in words) or phrase.text[:1].isdigit():
            return None  # "said 300 troops would follow": a clause, not who said it
        if words[-1] in _FIGHTERS and phrase.text.split()[-1][:1].islower():
            return None  # "Kurdish fighters said", "the forces said": no one a reader could quote ("Defense Forces" can be)
        if self._is_media(phrase.text):
            if BACK_REFERENCE_RE.fullmatch(phrase.text.strip()):
                return Attribution(cited=self.last_cited) if self.last_cited else None
            by = REPORT_BY_RE.match(phrase.text.strip())  # "a report by the state news agency"
            return Attribution(cited=self._clean(by[1] if by else phrase.text))
        person = self._named(phrase)
        if person is not None:
            return self._person(person, phrase.start)
        if any(w in ROLE_HEADS for w in words):
            return self._role(phrase, at)
        if any(w in ORG_WORDS for w in words) or self.gazetteer.find_actors(phrase.text):
            return Attribution(speaker=self._institution(phrase.text))
        if words[-1] in WITNESSES or "sources" in words or "source" in words:
            return Attribution(speaker=self._clean(phrase.text))  # "two diplomatic sources told AFP": people who spoke
        return None

    def _named(self, phrase: _NounPhrase) -> Person | None:
        for match in NAME_OR_WORD_RE.finditer(phrase.text):
            if " " not in match[0] and self.gazetteer.lookup(match[0]) is not None:
                continue  # "Ankara said": a capital speaking for its government, not a person
            person = self.people.person_for(match[0], create=False)
            if person is not None:
                return person
        names = list(NAME_RE.finditer(phrase.text))
        if names and self.people._plausible(names[-1][0], titled=True):
            return self.people.person_for(names[-1][0], create=True)
        return None

    def _person(self, person: Person, position: int) -> Attribution:
        self.people.mention(position, person)
        return Attribution(person.name, person.role, None, person)

    def _role(self, phrase: _NounPhrase, at: int) -> Attribution | None:
        words = words_of(phrase.text)
        signature = self.people.signature(phrase.text)
        if "counterpart" in words and self.last_speaker is not None and self.last_speaker.person is not None:
            base = next((sig for _, sig in self.last_speaker.person.roles), None)
            if base is not None:
                signature = RoleSignature(base.head, base.domain, signature.nation)
        # An appositive name just before: "Jane Doe, the spokeswoman for the ministry, said".
        before = self.text[max(0, phrase.start - 60):phrase.start]
        appositive = re.search(rf"({NAME}),\s*$", before)
        if appositive:
            person = self.people.person_for(appositive[1], create=True)
            if person is not None:
                return self._person(person, phrase.start)
        person = self.people.last_before(phrase.start, signature) or self.people.first_after(phrase.start, signature)
        if person is not None:
            return self._person(person, phrase.start)
        return Attribution(speaker=self._clean(phrase.text), role=self._clean(phrase.text))

    def _institution(self, phrase: str) -> str:
        """'Iraq's military' -> 'Iraqi military'; 'the Baghdad government' -> 'Iraqi government'."""
        cleaned = self._clean(phrase)
        match = re.match(r"(?P<place>[A-Z][\w -]*?)(?:['’]s)?\s+(?P<rest>[a-z][\w -]*)$", cleaned)
        if match:
            place = self.gazetteer.lookup(match["place"])
            country = self.gazetteer.country_of(place) if place is not None else None
            if place is not None and country is not None and country.demonyms and (place is country or place.kind == "city"):
                return f"{country.demonyms[0]} {match['rest']}"
        return cleaned

    @staticmethod
    def _is_media(phrase: str) -> bool:
        words = words_of(phrase)
        # "Press Secretary Jane Doe", "a news agency official": a person with a title, not the outlet.
        return any(w in MEDIA_WORDS for w in words) and not any(w in ROLE_HEADS for w in words)

    @staticmethod
    def _clean(phrase: str) -> str:
        words = phrase.strip(" ,.;:").split()
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        return " ".join(words)


def _one_witness(phrase: str) -> bool:
    """Is the phrase one witness ("a Gao resident", "a witness"), not several ("residents")?"""
    word = phrase.split()[-1].lower()
    return word in WITNESSES and word[:-1] not in WITNESSES and word[:-2] not in WITNESSES
