"""What of a document's annotation is scored, and as what key.

Per kind, the spans scored and those that only excuse a prediction ("neutral": a prediction
matching one is neither right nor wrong):

- persons: every span of the person kind, except one inside another person's span (the
  outermost counts) and one inside the name of an organisation, facility, award, work, law or
  product (``премия имени Чайковского``, ``Фонд борьбы с коррупцией Алексея Навального``):
  the extractors never take an organisation's words for a person's, by design; those are
  neutral. Persons are keyed by the surname (``keys.person_key``; matched allowing two letters
  of lemma noise, ``clues.same_person``); people of one surname in one article (Барак and
  Мишель Обама) are one key. A one-word mention that is the first name of a person named in
  full in the document (``Барак`` after ``Барак Обама``) is that person; mentions the corpus
  says are of one entity (GUM) are one person, answering to each of their surnames;
- places: city, country, region and location spans that name a place: an adjective
  (``российских``, ``Московского``) and a place containing another (``центре Москвы``) are
  neutral, as are demonyms, facilities and districts. Keyed by the gazetteer's place where it
  knows the surface (``Вашингтоне`` -> washington, a country by its ISO code), else by lemmas;
- organisations: the outermost organisation span; an inner one and facilities are neutral.
  Keyed by their words (lemmas, function words left out);
- countries: the ISO codes of the corpus's country spans (NEREL COUNTRY; the KazNERD GPE and
  CoNLL LOC spans that ``countries.CountryTable`` maps). Neutral: the countries of every other
  gold place (a predicted ``US`` from ``Вашингтоне``) and of demonyms, and a country named
  inside a longer gold span of any label (``Қазақстан`` in an organisation's or a position's
  name: KazNERD and CoNLL++ annotate flat, never the country inside); such a country is a
  neutral place as well;
- money: every money span; ``money.parse`` gives its value where it can;
- roles: ``WORKS_AS`` relations (person -> role span): the person's key and the role's head.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from bench.corpora import Corpus, Document, Span
from bench.scoring import countries, money
from bench.scoring.keys import (
    fold,
    is_adjective,
    is_cyrillic,
    name_words,
    person_key,
    phrase_key,
    ru_lemmas,
    ru_part_of_speech,
    word_key,
    words,
)

NAME_CONTAINERS = frozenset(["organization", "facility", "work"])
PLACE_NEUTRAL = frozenset(["demonym", "facility", "district"])
ORG_NEUTRAL = frozenset(["facility"])


def organization_key(text: str, language: str) -> str:
    """An organisation's words as keys, sorted, space-separated (``name_words``)."""
    return " ".join(sorted(name_words(text, language)))


def _inside(inner: Span, outer: Span) -> bool:
    return (
        inner is not outer
        and inner.field == outer.field
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
    )


def _within_any(span: Span, others: list[Span]) -> bool:
    return any(_inside(span, other) for other in others)


def _contains_any(span: Span, others: list[Span]) -> bool:
    return any(_inside(other, span) for other in others)


@dataclass(frozen=True, slots=True)
class PlaceKey:
    key: str  # "country:KZ" or "name:washington"
    country: str | None  # the place's country, where the gazetteer or table says
    in_gazetteer: bool  # the enrichment's gazetteer knows the surface


def place_key(text: str, language: str, norm: str | None = None) -> PlaceKey:
    table = countries.table()
    place = countries.gazetteer_place(text, language, norm)
    known = place is not None
    if not is_adjective(text, language):
        mapped = table.map(text, language, norm)
        if mapped.code and mapped.how in ("table", "gazetteer"):
            return PlaceKey(f"country:{mapped.code}", mapped.code, known)
    if place is not None:
        if place.kind in ("country", "demonym"):
            return PlaceKey(f"country:{place.country}", place.country, known)
        return PlaceKey(f"name:{fold(place.name)}", place.country, known)
    return PlaceKey(f"name:{phrase_key(text, language)}", None, known)


def role_head(text: str, language: str) -> str:
    """The head word of a role, as a key: Russian, its first noun (``министра иностранных
    дел`` -> министр); Kazakh, its last word (``Қазақстан Президенті`` -> президент);
    English, its last word."""
    found = words(text)
    if not found:
        return fold(text)
    if language == "ru":
        return word_key(_ru_head_noun(found) or found[-1], language)
    return _kazakh_stem(word_key(found[-1], language)) if language == "kk" else fold(found[-1])


def _ru_head_noun(found: list[str]) -> str | None:
    return next((w for w in found if ru_part_of_speech(w) == "NOUN"), None)


def _kazakh_stem(word: str) -> str:
    """A Kazakh role word without its possessive (``президенті`` -> ``президент``)."""
    for ending in ("сы", "сі", "ы", "і"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def role_words(text: str, language: str) -> set[str]:
    """A role's words as keys; Russian, every lemma of each word, and of a former office
    its office (``экс-президент``: президент; ``премьера``: премьер), so that a role
    matches by its head whichever reading the dictionary ranks first."""
    keys = {word_key(w, language) for w in words(text)}
    if language == "kk":
        return keys | {_kazakh_stem(k) for k in keys}
    if language == "ru":
        parts = [p for w in words(text) for p in _parts(w)]
        keys |= {k for p in parts if is_cyrillic(p) for k in ru_lemmas(p)}
    return keys


def role_heads(text: str, language: str) -> set[str]:
    """The keys a gold role's head is matched by: ``role_head``, and in Russian every
    lemma of the head word (and of a former office, its office: ``экс-президента``)."""
    head = role_head(text, language)
    if language != "ru":
        return {head}
    noun = _ru_head_noun(words(text))
    if noun is None:
        return {head}
    return {head} | {k for p in _parts(noun) for k in ru_lemmas(p)}


def _parts(word: str) -> list[str]:
    """A word and, for a former office, the office (экс-президент: президент). Not the parts
    of other compounds: премьер-министр is no министр, генерал-майор no генерал-лейтенант."""
    former = word.lower().startswith(_FORMER)
    return [word, word[len(_FORMER) :]] if former and len(word) > len(_FORMER) else [word]


_FORMER = "экс-"


@dataclass
class Gold:
    """One document's scored annotation, by kind."""

    persons: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    person_neutral: set[str] = field(default_factory=set)
    person_spans: list[Span] = field(default_factory=list)  # mention level
    person_neutral_spans: list[Span] = field(default_factory=list)
    places: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    place_info: dict[str, PlaceKey] = field(default_factory=dict)
    place_neutral: set[str] = field(default_factory=set)
    place_spans: list[Span] = field(default_factory=list)
    place_neutral_spans: list[Span] = field(default_factory=list)
    organizations: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    organization_neutral: set[str] = field(default_factory=set)
    organization_spans: list[Span] = field(default_factory=list)
    organization_neutral_spans: list[Span] = field(default_factory=list)
    countries: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    country_neutral: set[str] = field(default_factory=set)
    countries_unmapped: list[Span] = field(default_factory=list)
    countries_how: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    money: list[tuple[Span, tuple[float, str] | None]] = field(default_factory=list)
    roles: dict[str, list[tuple[Span, Span]]] = field(default_factory=lambda: defaultdict(list))
    first_names: dict[str, str] = field(default_factory=dict)  # first-name key -> surname key
    # Every key a gold person answers to: its own, and for an entity the corpus names (GUM),
    # its mentions' surnames too ("Hui Chi-fung" is the entity "Ted Hui").
    person_aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def person_of(self, span: Span, language: str) -> str:
        """The key of the person a gold mention names: the surname of the entity the corpus
        says it is of (GUM), else its own surname, or for a lone first name, the surname of
        the person of that first name named in full."""
        if span.entity:
            return person_key(span.entity, language)
        key = person_key(span.text, language)
        if len(words(span.text)) == 1 and key in self.first_names:
            return self.first_names[key]
        return key

    def spans_of(self, kind: str) -> tuple[list[Span], list[Span]]:
        """(scored, neutral) spans of a kind, for the mention level."""
        return {
            "persons": (self.person_spans, self.person_neutral_spans),
            "places": (self.place_spans, self.place_neutral_spans),
            "organizations": (self.organization_spans, self.organization_neutral_spans),
            "money": ([s for s, _ in self.money], []),
        }[kind]


def gold(document: Document, corpus: Corpus) -> Gold:
    language = document.language
    by_kind: dict[str, list[Span]] = defaultdict(list)
    for span in document.spans:
        kind = corpus.KINDS.get(span.label)
        if kind is not None:
            by_kind[kind].append(span)
    out = Gold()
    _persons(out, by_kind, language)
    _places(out, by_kind, language)
    _organizations(out, by_kind, language)
    _countries(out, document, corpus, by_kind)
    out.money = [(s, money.parse(s.text)) for s in by_kind["money"]]
    _roles(out, document, language)
    return out


def _persons(out: Gold, by_kind: dict[str, list[Span]], language: str) -> None:
    containers = [s for k in NAME_CONTAINERS for s in by_kind[k]]
    people = by_kind["person"]
    scored = []
    for span in people:
        if _within_any(span, containers) or _within_any(span, people):
            out.person_neutral.add(person_key(span.text, language))
            out.person_neutral_spans.append(span)
        else:
            scored.append(span)
    out.first_names = {
        word_key(words(s.text)[0], language, name=True): person_key(s.text, language)
        for s in scored
        if len(words(s.text)) >= 2
    }
    for span in scored:
        key = out.person_of(span, language)
        out.persons[key].append(span)
        out.person_aliases[key] |= {key, person_key(span.text, language)}
    out.person_spans = scored
    out.person_neutral -= set(out.persons)


def _places(out: Gold, by_kind: dict[str, list[Span]], language: str) -> None:
    places = by_kind["place"]
    for span in places:
        info = place_key(span.text, language, span.norm)
        if is_adjective(span.text, language) or _contains_any(span, places):
            out.place_neutral.add(info.key)
            out.place_neutral_spans.append(span)
        else:
            out.places[info.key].append(span)
            out.place_info.setdefault(info.key, info)
            out.place_spans.append(span)
    for kind in PLACE_NEUTRAL:
        for span in by_kind[kind]:
            out.place_neutral.add(place_key(span.text, language, span.norm).key)
            out.place_neutral_spans.append(span)
    out.place_neutral -= set(out.places)


def _organizations(out: Gold, by_kind: dict[str, list[Span]], language: str) -> None:
    organizations = by_kind["organization"]
    for span in organizations:
        key = organization_key(span.text, language)
        if not key:
            continue
        if _within_any(span, organizations):
            out.organization_neutral.add(key)
            out.organization_neutral_spans.append(span)
        else:
            out.organizations[key].append(span)
            out.organization_spans.append(span)
    for kind in ORG_NEUTRAL:
        for span in by_kind[kind]:
            out.organization_neutral.add(organization_key(span.text, language))
            out.organization_neutral_spans.append(span)


def _countries(
    out: Gold, document: Document, corpus: Corpus, by_kind: dict[str, list[Span]]
) -> None:
    table = countries.table()
    language = document.language
    for span in document.spans:
        if span.label not in corpus.COUNTRY_LABELS:
            continue
        mapped = table.map(span.text, language, span.norm)
        if mapped.code is not None:
            out.countries[mapped.code].append(span)
            out.countries_how[mapped.how] += 1
        elif span.label == "COUNTRY":  # GPE and LOC that map to nothing are other places
            out.countries_unmapped.append(span)
    for info in out.place_info.values():
        if info.country:
            out.country_neutral.add(info.country)
    for span in by_kind["demonym"] + by_kind["place"]:
        mapped = table.map(span.text, language, span.norm)
        if mapped.code:
            out.country_neutral.add(mapped.code)
        place = countries.gazetteer_place(span.text, language, span.norm)
        if place is not None:
            out.country_neutral.add(place.country)
    out.country_neutral |= _countries_inside(document, corpus)
    out.country_neutral -= set(out.countries)
    out.place_neutral |= {f"country:{code}" for code in out.country_neutral} - set(out.places)
    out.place_neutral |= _places_inside(document, corpus) - set(out.places)


def _countries_inside(document: Document, corpus: Corpus) -> set[str]:
    """Countries named by a word or two inside any other gold span (``Қазақстан`` in
    ``Қазақстан Республикасының Үкіметі``): KazNERD and CoNLL++ annotate flat, so such a
    country is annotated as nothing; NEREL annotates it nested (then it is gold anyway)."""
    table = countries.table()
    found: set[str] = set()
    for span in document.spans:
        if span.label in corpus.COUNTRY_LABELS and corpus.KINDS.get(span.label) != "place":
            continue
        for text in _inner_phrases(span):
            mapped = table.map(text, document.language)
            if mapped.code is not None and mapped.how != "adjective":
                found.add(mapped.code)
    return found


def _places_inside(document: Document, corpus: Corpus) -> set[str]:
    """Keys of the places named by a word or two inside a gold span of another kind
    (``Павлодар`` in the FACILITY ``Павлодар мұнай-химия зауыты``, ``Europe`` in the ORG
    ``Organisation for Security and Cooperation in Europe``): annotated flat, as with
    countries (``_countries_inside``); NEREL annotates such a city nested, then it is gold.
    Not inside a person's name (``Jack London``). By key, as the article level scores: a
    place named so anywhere is excused in the whole article."""
    found: set[str] = set()
    language = document.language
    for span in document.spans:
        kind = corpus.KINDS.get(span.label)
        if kind in ("place", "person") or span.label in corpus.COUNTRY_LABELS:
            continue
        for text in _inner_phrases(span):
            if countries.gazetteer_place(text, language) is not None:
                found.add(place_key(text, language).key)
    return found


def _inner_phrases(span: Span) -> Iterator[str]:
    """Every run of one or two words inside a span of two words or more."""
    parts = words(span.text)
    if len(parts) < 2:
        return
    for size in (1, 2):
        for i in range(len(parts) - size + 1):
            yield " ".join(parts[i : i + size])


def _roles(out: Gold, document: Document, language: str) -> None:
    spans = {s.id: s for s in document.spans}
    for relation in document.relations:
        person, role = spans.get(relation.arg1), spans.get(relation.arg2)
        if relation.label != "WORKS_AS" or person is None or role is None:
            continue
        out.roles[out.person_of(person, language)].append((person, role))
