"""Deterministic extraction of candidate claims from one news article.

Reading order: the article is cut into paragraphs (lines) and sentences, sentences into clauses
(at ";", ", but", ", as", ", while", ", where" and before "and <number>"). A clause gives a claim for
each count of forces or of people killed, displaced or trained in it, or, failing a count, one
claim when it moves, keeps or denies forces. Each claim's quote is its sentence when the sentence
gives one claim, else its clause, widened when needed so that it occurs exactly once in the article.

Nothing here reads the network or the clock: the same text gives the same claims.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..datafile import MAX_COUNT, Amount, Claim, Count, DateValue, When
from ..world import Gazetteer, load_gazetteer
from .actors import Actors
from .counts import CountMention, counts_in
from .dating import Dates
from .motion import FORCE_RE, Motion, has_movement_hint, motion
from .places import places_in
from .presence import presence
from .people import SPEECH_VERBS
from .speech import Attributions
from .attributing import attribution_of
from .backdrop import with_story_origin
from .headline import gist, is_headline, repeated
from .tree import ArticleParse, dateline_end
from .text import AUXILIARY, Sentence, Uniqueness, fold_text, iter_sentences, one_line, read_sentences, soften_breaks

__all__ = ["extract_article", "iter_sentences"]

# --- claims ---------------------------------------------------------------------------------------------------

@dataclass
class _Draft:
    sentence: int
    clause: tuple[int, int]
    kind: str
    actor: str | None
    motion: Motion | None
    count: CountMention | None = None
    whole_sentence: bool = False  # the claim needs the sentence (its count is in another clause)
    location: str | None = None


_ELIDED_RE = re.compile(rf"(?:but|and|yet)\s+(?:{AUXILIARY}|then)\b", re.IGNORECASE)
#: Before a counted force that is already in place: "has 2,400 troops in", "an existing 3,000-strong force".
_HOLD_BEFORE = re.compile(
    r"\b(?:has|have|had|maintains?|maintained|keeps?|kept|existing|current|remaining|there\s+(?:are|were|is))\s+"
    r"(?:(?:some|about|around|roughly|nearly|more\s+than|over|at\s+least|an?|its|their|currently|still)\s+)*$",
    re.IGNORECASE,
)
_WE_RE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
#: A trailing attribution: a comma or closing quote, up to five words, then a verb of saying.
_SPEECH_TAIL_RE = re.compile(rf"[,\"”]\s+(?:[\w.'’-]+\s+){{0,5}}?(?:{SPEECH_VERBS})\b")
#: What follows the verb of a trailing attribution: its end, an adverbial, or an inverted subject.
_TRAILING_RE = re.compile(
    r"\s*(?:$|[.,;!?\"”)]|(?:on|in|at|last|before|after|while|during|when|as|earlier|later|late|yesterday|today|"
    r"tonight|this|next|adding|noting|citing|according|without|despite)\b|(?:the|a|an|his|her)\s+[\w-]+(?:\s+[\w-]+)?\s*(?:$|[.,;])|[A-Z])"
)
_CIVILIANS_RE = re.compile(
    r"\b(?:civilians|residents|inhabitants|people|villagers|families|refugees|citizens|nationals|foreigners|diplomats|"
    r"migrants|journalists|staff|population|locals|children|women)\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"\b(?:they|we|them|ourselves|themselves)\b", re.IGNORECASE)


class _Reader:
    def __init__(self, text: str, source_id: str, published: DateValue | None, gazetteer: Gazetteer) -> None:
        self.original = text  # quotes are cut from this, soft line breaks and all
        self.text = soften_breaks(text)  # what the rules read: a sentence wrapped over lines is one line
        self.source_id = source_id
        self.published = published
        self.gazetteer = gazetteer
        self.sentences = read_sentences(self.text)
        # Datelines are left out: "(AFP)" is an agency, not the Armed Forces of the Philippines.
        self.index = gazetteer.index(self.text, [(dateline_end(self.text, s.start, s.end), s.end) for s in self.sentences])
        self.actors = Actors(self.text, self.index, gazetteer)
        self.parse = ArticleParse(self.text, [(s.start, s.end) for s in self.sentences])
        self.speech = Attributions(self.text, gazetteer, self.parse)
        self.dates = Dates(self.text, published)

    # -- drafting --

    def drafts(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        previous_force = -10
        last_force: CountMention | None = None  # the forces a bare "another 150-250" counts more of
        for index, sentence in enumerate(self.sentences):
            sentence.attributions = [self.speech.in_span(*clause, sentence.start) for clause in sentence.clauses]
            sentence.republished = self.speech.republished
            made: list[_Draft] = []
            carried: CountMention | None = None
            if index - previous_force > 1:
                last_force = None
            context = self.sentences[index - 1].start if index else None
            for clause in sentence.clauses:
                counts = counts_in(self.text, clause, context=context, carried=last_force)
                last_force = next((c for c in reversed(counts) if c.kind == "force"), last_force)
                if counts:
                    for count in counts:
                        made.append(self._count_draft(index, clause, count))
                    carried = counts[0]
                elif carried is not None and _ELIDED_RE.match(self.text, clause[0]):
                    # "Some 400 marines were stationed ..., but were pulled out ...": the same troops.
                    draft = self._count_draft(index, clause, carried)
                    if draft.motion is not None:
                        draft.whole_sentence = True
                        made.append(draft)
                else:
                    elided = bool(made) and _ELIDED_RE.match(self.text, clause[0]) is not None
                    moving = self._motion_draft(index, clause, index - previous_force <= 2 or bool(made),
                                                made[-1].actor if elided else None)
                    if moving is not None:
                        draft = moving
                        if draft.location is None and self.text.startswith("where", clause[0]):
                            draft.location = self._last_place(sentence, clause)  # "..., where they will stay"
                        made.append(draft)
                    elif (there := presence(self.text, *clause, self.gazetteer, self.index, self.parse.at(clause[0]))):
                        # no count, no movement, but forces taking part: "troops were operating in X"
                        actor = (self.actors.before(there.verb_start, clause[0]) or self.actors.in_clause(*clause, there.verb_start)
                                 or self.actors.subject_in_tree(self.parse.at(clause[0]), there.verb_start))
                        made.append(_Draft(index, clause, "force", actor or self.actors.default, there))
            if any(d.kind == "force" for d in made):
                previous_force = index
            drafts.extend(made)
        return drafts

    def _last_place(self, sentence: Sentence, clause: tuple[int, int]) -> str | None:
        """The place named last before a clause, in its sentence: what "where" refers to."""
        places = self.index.places_in(sentence.start, clause[0])
        return places[-1][2].name if places else None

    def _count_draft(self, index: int, clause: tuple[int, int], count: CountMention) -> _Draft:
        actor = (self.actors.within(count.amount.end, count.unit_end) or self.actors.before(count.amount.start, clause[0])
                 or self.actors.member_of(count.unit_end, clause[1]))
        if count.kind != "force":
            return _Draft(index, clause, count.kind, actor, None, count)
        if actor is None and not self.actors.unknown_name(count.amount.end, count.unit_start):
            actor = (self.actors.in_clause(clause[0], clause[1], count.amount.start)
                     or self._subject_actor(clause[0], count.amount.start)
                     or self.actors.subject_in_tree(self.parse.at(clause[0]), count.amount.start) or self.actors.default)
        piece = self.parse.at(clause[0])
        moved = motion(self.text, clause[0], self._content_end(clause, count.unit_end), self.gazetteer, self.index,
                       anchor=count.amount.start, piece=piece)
        holding = _HOLD_BEFORE.search(self.text, max(clause[0], count.amount.start - 40), count.amount.start)
        if moved is None or holding is not None:
            # "has 2,400 troops in Iraq", "an existing 3,000-strong force": a force in place, where it is.
            places = places_in(self.text, count.unit_end, clause[1], self.gazetteer, self.index, piece)
            inside = [p for p in places if p.role == "in"] or (
                [p for p in places_in(self.text, clause[0], clause[1], self.gazetteer, self.index, piece)
                 if p.role in ("in", "destination")]
                if holding is not None else [])
            if inside or holding is not None:
                location = inside[0].place.name if inside else None
                moved = Motion("hold", count.unit_start, count.unit_end, "asserted",
                               moved.modality if moved else "fact", None, None, location, False)
        return _Draft(index, clause, count.kind, actor, self._homecoming(moved, actor), count)

    def _homecoming(self, moved: Motion | None, actor: str | None) -> Motion | None:
        """A move to the forces' own country is a return: US troops going to the United States go home."""
        if moved is None or moved.destination is None or moved.movement not in ("move", "withdraw", "leave", "deploy"):
            return moved
        home = self.gazetteer.home_of(actor)
        if home is not None and home.name == moved.destination:
            return Motion("return", moved.verb_start, moved.verb_end, moved.polarity, moved.modality,
                          moved.origin, moved.destination, moved.location, moved.noun)
        return moved

    def _motion_draft(self, index: int, clause: tuple[int, int], after_force: bool, inherited: str | None) -> _Draft | None:
        if not has_movement_hint(self.text, *clause):
            return None
        all_forces = list(FORCE_RE.finditer(self.text, clause[0], clause[1]))
        if not (all_forces or inherited or (after_force and _PRONOUN_RE.search(self.text, clause[0], clause[1]))
                or self.index.actors_in(*clause)):
            return None  # nobody's forces in this clause: no need to read its verbs
        moved = motion(self.text, clause[0], self._content_end(clause, clause[0]), self.gazetteer, self.index,
                       piece=self.parse.at(clause[0]))
        if moved is None:
            return None
        verb = moved.verb_start
        if self._civilians_move(clause[0], verb, all_forces):
            return None  # "told civilians not to leave their shelters": people moving, not forces
        forces = [m for m in all_forces if abs(m.start() - verb) <= 90]
        actor: str | None = None
        if moved.noun and not (moved.origin or moved.destination or moved.location
                               or _WE_RE.search(self.text, clause[0], clause[1])):
            return None  # "the move reflected a rethink", "the invasion would result in": named, not stated
        if forces:
            nearest = min(forces, key=lambda m: (m.start() > verb, abs(m.start() - verb)))
            actor = self.actors.before(nearest.start(), clause[0])
            if actor is None and re.search(r"\b(?:its|their)\s+$", self.text[max(clause[0], nearest.start() - 8):nearest.start()]):
                actor = self.actors.within(clause[0], nearest.start())
            if actor is None and not self.actors.unknown_name(clause[0], nearest.start()):
                actor = self._subject_actor(clause[0], verb) or self.actors.default
        elif inherited is not None:
            actor = inherited  # "... can only transit and do not have permission to stay": the same forces
        elif (subject := self._subject_actor(clause[0], verb)
              or self.actors.subject_in_tree(self.parse.at(clause[0]), verb)) is not None:
            actor = subject  # "Turkey launched an offensive into ...", "the US was ruling out crossing into ..."
        elif after_force and _PRONOUN_RE.search(self.text, clause[0], clause[1]):
            actor = self.actors.default  # "They will go home.": the forces of the sentence before
        else:
            return None
        return _Draft(index, clause, "force", actor, self._homecoming(moved, actor))

    def _content_end(self, clause: tuple[int, int], after: int) -> int:
        """Where what is said ends and the attribution begins: "..., the minister said before flying to X".

        Whatever follows the speech verb of a trailing attribution is about the speaker, not the forces.
        """
        tail = _SPEECH_TAIL_RE.search(self.text, after, clause[1])
        if tail is None or not _TRAILING_RE.match(self.text, tail.end(), clause[1]):
            return clause[1]  # 'Trump said: "..."', 'the government stated that ...': the words come after the verb
        return tail.start() if has_movement_hint(self.text, clause[0], tail.start()) else clause[1]

    def _civilians_move(self, start: int, verb: int, forces: list[re.Match[str]]) -> bool:
        """Is the nearest noun before a movement verb a word for civilians (the ones told to leave)?"""
        floor = max([start] + [m.end() for m in forces if m.end() <= verb])
        return _CIVILIANS_RE.search(self.text, floor, verb) is not None

    def _subject_actor(self, start: int, verb: int) -> str | None:
        """A country or armed group named as a noun shortly before a verb of movement."""
        for found_start, found_end, actor in reversed(self.index.actors_in(max(start, verb - 60), verb)):
            following = self.text[found_end:verb]
            if re.match(r"(?:['’]s)?\s+[A-Za-z]", following) and not re.match(r"\s+(?:and|has|have|had|is|was|were|are|will|would|wasn['’]t|isn['’]t|"
                                                                            r"did|does|didn['’]t|could|may|might|can|must|should|launched|began|started|"
                                                                            r"conducted|also|then|had)\b", following):
                continue  # "US President", "Iraq's military": an adjective, not the subject
            if self.text[found_start:found_end].islower():
                continue
            return actor
        return None

    # -- claims --

    def claims(self) -> list[Claim]:
        drafts = self.drafts()
        if is_headline(self.text, self.sentences):
            body = [gist(d.kind, d.count.amount.value if d.count else None, d.motion) for d in drafts if d.sentence > 0]
            drafts = [d for d in drafts if d.sentence > 0
                      or not repeated(gist(d.kind, d.count.amount.value if d.count else None, d.motion), body)]
        drafts = [replace(d, motion=m) for d, m in zip(drafts, with_story_origin([d.motion for d in drafts], self.gazetteer))]
        per_sentence = Counter(d.sentence for d in drafts)
        folded = Uniqueness(fold_text(self.text))
        claims: list[Claim] = []
        seen: set[tuple[object, ...]] = set()
        for draft in drafts:
            span = self._quote_span(draft, per_sentence[draft.sentence] == 1, folded)
            if span is None:
                continue
            claim = self._claim(draft, span, len(claims) + 1)
            key = (claim.quote, claim.kind, claim.count, claim.movement, claim.unit)
            if key in seen:
                continue
            seen.add(key)
            claims.append(claim)
        return claims

    def _quote_span(self, draft: _Draft, alone: bool, folded: Uniqueness) -> tuple[int, int] | None:
        sentence = self.sentences[draft.sentence]
        candidates: list[tuple[int, int]] = []
        if not alone and not draft.whole_sentence:
            candidates.append((dateline_end(self.text, *draft.clause), draft.clause[1]))
        # A dateline ("GAO, Mali (AFP) -") is where the outlet wrote from, not part of what anyone claims.
        opening = dateline_end(self.text, sentence.start, sentence.end)
        candidates.append((opening, sentence.end))
        # Sentences are in article order: the neighbours in the paragraph are the list's neighbours.
        following = self.sentences[draft.sentence + 1] if draft.sentence + 1 < len(self.sentences) else None
        if following is not None and following.paragraph == sentence.paragraph:
            candidates.append((opening, following.end))
        previous = self.sentences[draft.sentence - 1] if draft.sentence > 0 else None
        if previous is not None and previous.paragraph == sentence.paragraph:
            candidates.append((dateline_end(self.text, previous.start, previous.end), sentence.end))
        for start, end in candidates:
            if end - start > MAX_QUOTE:  # a run-on "sentence" is no quote a reviewer can check
                continue
            if folded.once(fold_text(self.text[start:end]).strip(" ")):
                return start, end
        return None

    def _claim(self, draft: _Draft, span: tuple[int, int], number: int) -> Claim:
        attribution = attribution_of(self.text, self.sentences, draft.sentence, draft.clause)
        moved = draft.motion
        count = draft.count
        fields: dict[str, object] = {}
        if count is not None:
            model_count = _model_count(count.amount)
            if model_count is not None:
                fields["count"] = model_count
                fields["unit"] = one_line(count.unit)
        if moved is not None:
            fields["movement"] = moved.movement
            fields["origin"] = moved.origin
            fields["destination"] = moved.destination
            fields["location"] = moved.location or draft.location
            fields["polarity"] = moved.polarity
            fields["modality"] = moved.modality
        when = self._when(draft, span)
        return Claim(
            id=f"{self.source_id}-x{number:03d}",
            source=self.source_id,
            quote=self.original[span[0]:span[1]],
            kind=draft.kind,
            speaker=one_line(attribution.speaker),
            speaker_role=one_line(attribution.role),
            cited=one_line(attribution.cited),
            actor=one_line(draft.actor),
            when=when,
            reviewed=False,
            **fields,
        )

    def _when(self, draft: _Draft, span: tuple[int, int]) -> When | None:
        start, end = draft.clause if draft.clause[0] >= span[0] and draft.clause[1] <= span[1] else span
        focus = (draft.motion.verb_start if draft.motion is not None else
                 draft.count.amount.start if draft.count is not None else start)
        sentence = self.sentences[draft.sentence]
        return self.dates.date((start, end), (sentence.start, sentence.end), focus,
                               count=(draft.count.amount.start, draft.count.amount.end) if draft.count else None,
                               fact=draft.motion is not None and draft.motion.modality == "fact",
                               moving=draft.motion is not None and draft.motion.movement not in (None, "stay", "hold"))


def _model_count(amount: Amount) -> Count | None:
    numbers = [n for n in (amount.value, amount.low, amount.high) if n is not None]
    if any(n > MAX_COUNT for n in numbers):
        return None
    if amount.qualifier == "vague":
        return Count(qualifier="vague", low=amount.low, high=amount.high, text=one_line(amount.words))
    if amount.qualifier == "range":
        return Count(qualifier="range", low=amount.low, high=amount.high, text=one_line(amount.text))
    return Count(qualifier=amount.qualifier, value=amount.value, text=one_line(amount.text))


MAX_QUOTE = 5000  # model.Claim.quote's limit


def extract_article(
    text: str, *, source_id: str, published: DateValue | None, gazetteer: Gazetteer | None = None
) -> list[Claim]:
    """Candidate claims (reviewed=False) read from one article, in article order.

    published anchors relative dates ("last week"); without it, when.value is left unset.
    gazetteer: the places and actors to know (default: the built-in one).
    """
    return _Reader(text, source_id, published, gazetteer or load_gazetteer()).claims()
