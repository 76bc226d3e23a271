"""One enriched document against its gold annotation: article-level tallies, role and money
figures, mention-level tallies where the event carries mentions, and every error with its
class.

Article level compares the set of entities of an article by key (``gold.py`` says which
annotation counts and how it is keyed): persons by surname key (``clues.same_person``; a
predicted person also by the keys of its mentions in another script: «Фолькер Буфье
(Volker Bouffier)» is one person carrying both, where NEREL annotates two),
places by key, organisations by containment of their word sets (a predicted ``Минздрав``
matches gold ``Минздрава России``, gold ``МВД`` matches predicted ``МВД России``; one gold
organisation may match several predicted ones and the other way round), countries by ISO
code, money by value (six significant digits and the currency; and, separately, by overlap
of the predicted amount's text with the body's gold spans). A prediction that matches only a
neutral annotation is excused: out of precision.

Error classes, the first that applies, so that a developer sees where recall and precision
go:

- persons, missed: ``title_only`` (every mention in the title: enrichment reads the body),
  ``in_table`` (every mention in a row of results: a line whose words are a third or more
  numbers), ``taken_as_organization`` (a predicted organisation's name covers the mention),
  ``taken_as_place`` (the name is a predicted place), ``other_script`` (Latin or CJK in a
  Cyrillic text, or the reverse), ``single_word`` (never named with two words or more),
  ``after_role`` (named in full right after a gold role: ``министр ... Сергей Лавров``),
  ``no_surname_ending`` (Cyrillic, named in full, a surname without -ов/-ин/-ко/-ұлы...: the
  extractors need other evidence then), ``common_word_in_name`` (English, named in full, a
  word of the name common in English by the gazetteer's word frequencies, ``Tiger Woods``,
  ``Mark Butcher``: without a role or a speech verb the English rules want rare words),
  ``full_name_missed``;
- persons, wrong: ``name_boundary`` (on a gold person, other words: ``Билла Клинтона Джо``),
  ``key_mismatch`` (on a gold person whose surname keys differently: a declension not
  undone), ``other_type:<LABEL>`` (on a gold annotation of another label: ORGANIZATION,
  PROFESSION...), ``not_annotated``, ``not_located`` (the name is nowhere in the text);
- places, missed: ``title_only``, ``in_table``, ``other_name_found`` (a predicted place stands
  on the span under another key: the city ``Aktobe`` in the region ``Ақтөбе облысы``),
  ``not_in_gazetteer`` (the enrichment's gazetteer does not know the surface: it cannot be
  found), ``taken_as_organization``, ``taken_as_person``, ``missed`` (the gazetteer knows it,
  the rules did not take it); wrong: ``on_gold_place`` (the other side of
  ``other_name_found``), ``other_type:<LABEL>``, ``not_annotated``, ``not_located``;
- organisations, missed: ``title_only``, ``in_table``, ``taken_as_person``,
  ``taken_as_place``, ``lowercase`` (no capital: ``полиции``), ``acronym``, ``missed``;
  wrong: ``boundary`` (on a gold organisation, words neither contained nor containing),
  ``other_type:<LABEL>``, ``not_annotated``, ``not_located``;
- countries: missed ``title_only``, ``not_in_gazetteer``, ``missed``, and ``unmapped_gold``
  (a NEREL COUNTRY no table maps: not scored, listed); wrong ``not_annotated``;
- money: missed ``unparsed_gold`` (no value to compare, and no predicted amount on it) or
  ``missed``; wrong ``value_mismatch`` (on a gold amount, another value), ``not_annotated``;
- roles: ``person_missed``, ``no_role``, ``wrong_role`` (the note says what was predicted;
  a role is right when a word of it has a lemma of the gold role's head: ``gold.role_heads``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bench.corpora import Corpus, Document, Span
from bench.scoring import countries
from bench.scoring.clues import (
    SURNAME_ENDINGS,
    common_in_english,
    covers,
    first,
    in_table,
    occurrence,
    overlaps,
    same_organization,
    same_person,
    script,
)
from bench.scoring.gold import Gold, gold, organization_key, place_key, role_heads, role_words
from bench.scoring.keys import person_key, words
from bench.scoring.locate import (
    Occurrence,
    locate,
    mention_texts,
    mentions_of,
    place_occurrences,
)
from bench.scoring.tally import Error, MentionTally, Side, Tally, context
from newswire.core.models import ArticleEvent, Money

MENTION_KINDS = ("persons", "places", "organizations", "money")


@dataclass
class Result:
    """What one document (or, added up, a corpus split) scored."""

    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    mentions: dict[str, dict[str, MentionTally]] | None = None  # kind -> field -> tally
    errors: list[Error] = field(default_factory=list)

    def __iadd__(self, other: Result) -> Result:
        for name, tally in other.tallies.items():
            self.tallies[name] += tally
        for name, count in other.counts.items():
            self.counts[name] += count
        if other.mentions is not None:
            if self.mentions is None:
                self.mentions = {}
            for kind, by_field in other.mentions.items():
                mine = self.mentions.setdefault(kind, {})
                for where, mention_tally in by_field.items():
                    mine.setdefault(where, MentionTally())
                    mine[where] += mention_tally
        self.errors += other.errors
        return self


@dataclass
class Predicted:
    """The predicted entities of one key: their names and where they stand."""

    names: list[str] = field(default_factory=list)
    at: list[Occurrence] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None  # a place's
    # A person's keys in every script the text names them in: its name's, and its original's
    # in parentheses («Фолькер Буфье (Volker Bouffier)»; NEREL annotates the original as a
    # second PERSON, and a person who carries it as a mention is both).
    keys: set[str] = field(default_factory=set)


Checks = list[tuple[str, Callable[[], bool]]]
Wrong = Callable[[str, Predicted], tuple[str, Occurrence | None]]


def _class(checks: Checks, otherwise: str) -> str:
    return next((name for name, applies in checks if applies()), otherwise)


def _value_key(amount: float, currency: str) -> str:
    """An amount as compared: six significant digits and the currency."""
    return f"{amount:.6g} {currency}"


def _body(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.field == "body"]


class _Scorer:
    def __init__(self, document: Document, corpus: Corpus, event: ArticleEvent) -> None:
        self.document = document
        self.language = document.language
        self.corpus = corpus
        self.event = event
        self.gold: Gold = gold(document, corpus)
        self.result = Result()
        self.mentioned = False  # whether the event's entities carry mentions
        self.persons = self._persons()
        self.places = self._places()
        self.organizations = self._organizations()
        self.amounts = [(m, self._where(m, self._verbatim, m.text)) for m in event.money]

    # Predictions, by key, with where they stand --------------------------------------------

    def _where(
        self, entity: object, find: Callable[[str], list[Occurrence]], name: str
    ) -> list[Occurrence]:
        """The entity's mentions when the event carries them, else ``find(name)``."""
        given = mentions_of(entity)
        if given is not None:
            self.mentioned = True
            return given
        return find(name)

    def _locate(self, name: str) -> list[Occurrence]:
        return locate(self.document, name)

    def _verbatim(self, text: str) -> list[Occurrence]:
        body, out = self.document.body, []
        start = body.find(text) if text else -1
        while start >= 0:
            out.append(("body", start, start + len(text)))
            start = body.find(text, start + 1)
        return out  # type: ignore[return-value]  # "body" is a Field

    def _persons(self) -> dict[str, Predicted]:
        out: dict[str, Predicted] = defaultdict(Predicted)
        for person in self.event.entities.persons:
            key = person_key(person.name, self.language)
            item = out[key]
            item.names.append(person.name)
            item.keys.add(key)
            own = script(person.name)
            others = (text for text in mention_texts(person) if script(text) != own)
            item.keys.update(person_key(text, self.language) for text in others)
            item.at += self._where(person, self._locate, person.name)
            if person.role:
                item.roles.append(person.role)
        return out

    def _places(self) -> dict[str, Predicted]:
        out: dict[str, Predicted] = defaultdict(Predicted)
        occurrences = place_occurrences(self.document)
        for location in self.event.entities.locations:
            info = place_key(location.name, self.language)
            item = out[info.key]
            item.names.append(location.name)
            item.country = location.country or info.country
            item.at += self._where(location, lambda k: occurrences.get(k, []), info.key)
        return out

    def _organizations(self) -> dict[str, Predicted]:
        out: dict[str, Predicted] = defaultdict(Predicted)
        for organization in self.event.entities.organizations:
            key = organization_key(organization.name, self.language)
            if key:
                item = out[key]
                item.names.append(organization.name)
                item.at += self._where(organization, self._locate, organization.name)
        return out

    @staticmethod
    def _spans_of(predicted: dict[str, Predicted]) -> list[Occurrence]:
        return [o for item in predicted.values() for o in item.at]

    def _overlapped(self, spans: list[Span], predicted: dict[str, Predicted]) -> bool:
        at = self._spans_of(predicted)
        return any(overlaps(o, occurrence(s)) for s in spans for o in at)

    def _covered(self, spans: list[Span], predicted: dict[str, Predicted]) -> bool:
        """A predicted name covers at least half of one of the spans."""
        at = self._spans_of(predicted)
        return any(covers(o, occurrence(s)) for s in spans for o in at)

    def _all_in_table(self, spans: list[Span]) -> bool:
        return all(in_table(self.document, s) for s in spans)

    def _same_person(self, predicted: str, gold_keys: Iterable[str]) -> bool:
        """Whether the predicted person of key ``predicted`` is the gold one of these keys."""
        item = self.persons.get(predicted)
        keys = item.keys if item is not None else {predicted}
        return any(same_person(k, g) for k in keys for g in gold_keys)

    # Errors ------------------------------------------------------------------------------

    def error(
        self, *, kind: str, side: Side, cls: str, key: str, surface: str,
        at: Occurrence | None, note: str = "",
    ) -> None:  # fmt: skip
        where, start, end = at if at is not None else (None, -1, -1)
        self.result.errors.append(
            Error(
                kind=kind,
                side=side,
                cls=cls,
                key=key,
                surface=surface,
                document=self.document.name,
                note=note or self.document.note,
                field=where,
                start=start,
                end=end,
                context=context(self.document, where, start, end),
            )
        )

    def other_label(self, at: list[Occurrence], own: str) -> str | None:
        """The label of a gold span not of the ``own`` kind that a prediction stands on."""
        for span in self.document.spans:
            if self.corpus.KINDS.get(span.label) == own:
                continue
            if any(overlaps(o, occurrence(span)) for o in at):
                return span.label
        return None

    def wrong_class(self, kind: str, spans: list[Span]) -> Wrong:
        """The class of a wrong prediction: on a gold span of its own kind, of another
        kind, or on nothing annotated."""

        def classify(key: str, item: Predicted) -> tuple[str, Occurrence | None]:
            if not item.at:
                return "not_located", None
            own = [s for s in spans if any(overlaps(o, occurrence(s)) for o in item.at)]
            if own:
                return self._own_class(kind, item, own[0]), item.at[0]
            label = self.other_label(item.at, kind)
            return (f"other_type:{label}" if label else "not_annotated"), item.at[0]

        return classify

    @staticmethod
    def _own_class(kind: str, item: Predicted, span: Span) -> str:
        if kind == "person":
            gold_last, last = words(span.text)[-1:], words(item.names[0])[-1:]
            same_word = bool(gold_last and last) and gold_last[0][:4] == last[0][:4]
            return "key_mismatch" if same_word else "name_boundary"
        return "on_gold_place" if kind == "place" else "boundary"

    # Article level -------------------------------------------------------------------------

    def match(
        self,
        kind: str,
        *,
        gold_items: dict[str, list[Span]],
        neutral: Iterable[str],
        predicted: dict[str, Predicted],
        missed: Callable[[str, list[Span]], str],
        wrong: Wrong,
        same: Callable[[str, str], bool] = str.__eq__,
    ) -> None:
        neutral = list(neutral)
        tally = Tally(gold=len(gold_items), predicted=len(predicted))
        for key, spans in gold_items.items():
            if any(same(p, key) for p in predicted):
                tally.found += 1
                continue
            shown = first(spans)
            self.error(kind=kind, side="fn", cls=missed(key, spans), key=key,
                       surface=shown.text, at=occurrence(shown))  # fmt: skip
        for key, item in predicted.items():
            if any(same(key, g) for g in gold_items):
                tally.right += 1
            elif any(same(key, n) for n in neutral):
                tally.excused += 1
            else:
                tally.wrong += 1
                cls, at = wrong(key, item)
                self.error(kind=kind, side="fp", cls=cls, key=key, surface=item.names[0], at=at)
        self.result.tallies[kind] += tally

    def persons_score(self) -> None:
        kinds = self.corpus.KINDS
        roles = [occurrence(s) for s in self.document.spans if kinds.get(s.label) == "role"]
        own_script = "latin" if self.language == "en" else "cyrillic"

        def missed(key: str, spans: list[Span]) -> str:
            body = _body(spans)
            return _class(
                [
                    ("title_only", lambda: not body),
                    ("in_table", lambda: self._all_in_table(body)),
                    ("taken_as_organization", lambda: self._covered(body, self.organizations)),
                    (
                        "taken_as_place",
                        lambda: any(
                            place_key(s.text, self.language).key in self.places for s in body
                        ),
                    ),
                    ("other_script", lambda: any(script(s.text) != own_script for s in body)),
                    ("single_word", lambda: all(len(words(s.text)) < 2 for s in spans)),
                    (
                        "after_role",
                        lambda: any(
                            r[0] == "body" and 0 <= s.start - r[2] <= 2 for s in body for r in roles
                        ),
                    ),
                    (
                        "no_surname_ending",
                        lambda: own_script == "cyrillic" and not key.endswith(SURNAME_ENDINGS),
                    ),
                    (
                        "common_word_in_name",
                        lambda: (
                            own_script == "latin"
                            and any(common_in_english(w) for s in body for w in words(s.text))
                        ),
                    ),
                ],
                "full_name_missed",
            )

        aliases = self.gold.person_aliases

        def same(predicted: str, gold_key: str) -> bool:
            return self._same_person(predicted, aliases.get(gold_key, {gold_key}))

        self.match(
            "persons",
            gold_items=self.gold.persons,
            neutral=self.gold.person_neutral,
            predicted=self.persons,
            missed=missed,
            wrong=self.wrong_class("person", self.gold.person_spans),
            same=same,
        )
        full = [k for k, ss in self.gold.persons.items() if any(len(words(s.text)) > 1 for s in ss)]
        self.result.counts["persons_full_gold"] += len(full)
        self.result.counts["persons_full_found"] += sum(
            any(same(p, k) for p in self.persons) for k in full
        )

    def places_score(self) -> None:
        def missed(key: str, spans: list[Span]) -> str:
            body = _body(spans)
            return _class(
                [
                    ("title_only", lambda: not body),
                    ("in_table", lambda: self._all_in_table(body)),
                    ("other_name_found", lambda: self._overlapped(body, self.places)),
                    ("not_in_gazetteer", lambda: not self.gold.place_info[key].in_gazetteer),
                    ("taken_as_organization", lambda: self._covered(body, self.organizations)),
                    ("taken_as_person", lambda: self._covered(body, self.persons)),
                ],
                "missed",
            )

        self.match(
            "places",
            gold_items=self.gold.places,
            neutral=self.gold.place_neutral,
            predicted=self.places,
            missed=missed,
            wrong=self.wrong_class("place", self.gold.place_spans),
        )

    def organizations_score(self) -> None:
        def missed(key: str, spans: list[Span]) -> str:
            body = _body(spans)
            return _class(
                [
                    ("title_only", lambda: not body),
                    ("in_table", lambda: self._all_in_table(body)),
                    ("taken_as_person", lambda: self._covered(body, self.persons)),
                    ("taken_as_place", lambda: self._covered(body, self.places)),
                    ("lowercase", lambda: all(s.text == s.text.lower() for s in body)),
                    (
                        "acronym",
                        lambda: all(len(words(s.text)) == 1 and s.text.isupper() for s in body),
                    ),
                ],
                "missed",
            )

        self.match(
            "organizations",
            gold_items=self.gold.organizations,
            neutral=self.gold.organization_neutral,
            predicted=self.organizations,
            missed=missed,
            wrong=self.wrong_class("organization", self.gold.organization_spans),
            same=same_organization,
        )

    def countries_score(self) -> None:
        predicted: dict[str, Predicted] = defaultdict(Predicted)
        codes = [*self.event.countries]
        codes += [loc.country for loc in self.event.entities.locations if loc.country]
        for code in codes:
            predicted[code].names.append(code)
        gazetteer = countries.table().gazetteer

        def missed(key: str, spans: list[Span]) -> str:
            body = _body(spans)
            return _class(
                [
                    ("title_only", lambda: not body),
                    (
                        "not_in_gazetteer",
                        lambda: all(gazetteer.place(s.text, self.language) is None for s in body),
                    ),
                ],
                "missed",
            )

        def wrong(key: str, item: Predicted) -> tuple[str, Occurrence | None]:
            """Not annotated; shown where a predicted place of that country stands."""
            at = [o for p in self.places.values() if p.country == key for o in p.at]
            return "not_annotated", (at[0] if at else None)

        self.match(
            "countries",
            gold_items=self.gold.countries,
            neutral=self.gold.country_neutral,
            predicted=predicted,
            missed=missed,
            wrong=wrong,
        )
        counts = self.result.counts
        counts["countries_unmapped"] += len(self.gold.countries_unmapped)
        for how, count in self.gold.countries_how.items():
            counts[f"countries_mapped_{how}"] += count
        for span in self.gold.countries_unmapped:
            self.error(kind="countries", side="fn", cls="unmapped_gold", key="?",
                       surface=span.text, at=occurrence(span))  # fmt: skip

    def money_score(self) -> None:
        """By value: the set of the article's amounts (gold that parses) against the set of
        predicted ones; a prediction on a gold amount that does not parse is excused. By
        span: the body's gold amounts (enrichment reads the body) a predicted amount's text
        overlaps, and the predicted amounts on one."""
        golds = self.gold.money
        values: dict[str, Span] = {}
        for span, value in golds:
            if value is not None:
                values.setdefault(_value_key(*value), span)
        predicted: dict[str, tuple[Money, list[Occurrence]]] = {}
        for amount, at in self.amounts:
            predicted.setdefault(_value_key(amount.amount, amount.currency), (amount, at))
        by_value = Tally(gold=len(values), predicted=len(predicted))
        for key, span in values.items():
            if key in predicted:
                by_value.found += 1
            else:
                self.error(kind="money", side="fn", cls="missed", key=key, surface=span.text,
                           at=occurrence(span))  # fmt: skip
        for key, (amount, at) in predicted.items():
            hits = [v for s, v in golds if any(overlaps(occurrence(s), o) for o in at)]
            if key in values:
                by_value.right += 1
            elif hits and all(v is None for v in hits):
                by_value.excused += 1  # on an amount the gold parser could not read
            else:
                by_value.wrong += 1
                self.error(kind="money", side="fp",
                           cls="value_mismatch" if hits else "not_annotated", key=key,
                           surface=amount.text, at=at[0] if at else None)  # fmt: skip
        self.result.tallies["money"] += by_value
        self._money_spans()

    def _money_spans(self) -> None:
        golds = self.gold.money
        spans = [s for s, _ in golds]  # title and body: an amount in a title is one too
        at_all = [o for _, at in self.amounts for o in at]
        by_span = Tally(gold=len(spans), predicted=len(self.amounts))
        for span, value in golds:
            on = any(overlaps(occurrence(span), o) for o in at_all)
            by_span.found += on
            if value is None and not on:
                self.error(kind="money", side="fn", cls="unparsed_gold", key="?",
                           surface=span.text, at=occurrence(span))  # fmt: skip
        for _, at in self.amounts:
            hit = any(overlaps(occurrence(s), o) for s in spans for o in at)
            by_span.right += hit
            by_span.wrong += not hit
        self.result.tallies["money_span"] += by_span

    def roles_score(self) -> None:
        counts = self.result.counts
        for key, pairs in self.gold.roles.items():
            heads = {k for _, role in pairs for k in role_heads(role.text, self.language)}
            person, role = pairs[0]
            counts["roles_gold"] += 1
            aliases = self.gold.person_aliases.get(key, {key})
            found = next(
                (p for k, p in self.persons.items() if self._same_person(k, aliases)), None
            )
            cls, note = None, ""
            if found is None:
                cls = "person_missed"
            elif not found.roles:
                counts["roles_person_found"] += 1
                cls = "no_role"
            else:
                counts["roles_person_found"] += 1
                counts["roles_predicted"] += 1
                if any(heads & role_words(r, self.language) for r in found.roles):
                    counts["roles_right"] += 1
                else:
                    cls, note = "wrong_role", f"predicted: {found.roles[0]}"
            if cls is not None:
                self.error(kind="roles", side="fn", cls=cls, key=key, note=note,
                           surface=f"{person.text} — {role.text}", at=occurrence(role))  # fmt: skip

    # Mention level -------------------------------------------------------------------------

    def mentions_score(self) -> None:
        if not self.mentioned:
            return
        predicted = {
            "persons": self._spans_of(self.persons),
            "places": self._spans_of(self.places),
            "organizations": self._spans_of(self.organizations),
            "money": [o for _, at in self.amounts for o in at],
        }
        out: dict[str, dict[str, MentionTally]] = {}
        for kind in MENTION_KINDS:
            scored, neutral = self.gold.spans_of(kind)
            out[kind] = {
                where: mention_tally(where, scored, neutral, predicted[kind])
                for where in ("title", "body")
            }
        self.result.mentions = out


def mention_tally(
    where: str, scored: list[Span], neutral: list[Span], predicted: list[Occurrence]
) -> MentionTally:
    """Exact and overlap matches of predicted spans with gold spans, in one field."""
    gold_at = {occurrence(s) for s in scored if s.field == where}
    neutral_at = [occurrence(s) for s in neutral if s.field == where]
    mine = {o for o in predicted if o[0] == where}
    tally = MentionTally(gold=len(gold_at), predicted=len(mine))
    tally.exact_found = tally.exact_right = len(gold_at & mine)
    tally.overlap_found = sum(any(overlaps(g, p) for p in mine) for g in gold_at)
    for p in mine:
        if any(overlaps(p, g) for g in gold_at):
            tally.overlap_right += 1
        elif any(overlaps(p, n) for n in neutral_at):
            tally.excused += 1
    return tally


def score(document: Document, corpus: Corpus, event: ArticleEvent) -> Result:
    """Everything one enriched document scores against its annotation."""
    scorer = _Scorer(document, corpus, event)
    scorer.persons_score()
    scorer.places_score()
    scorer.organizations_score()
    scorer.countries_score()
    if "money" in corpus.KINDS.values():  # CoNLL++ annotates no amounts
        scorer.money_score()
    scorer.roles_score()
    scorer.mentions_score()
    return scorer.result
