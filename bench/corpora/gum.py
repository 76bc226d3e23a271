"""GUM's news genre (English Wikinews, 24 articles) with its entity annotation: optional.

GUM (Zeldes, "The GUM Corpus: Creating Multilayer Resources in the Classroom", LRE 2017;
https://github.com/amir-zeldes/gum; annotations CC BY 4.0, Wikinews text CC BY 2.5) is a
second English news set, Wikinews like NEREL, written and annotated by people who never saw
these extractors. It is not in ``../shared/data``: clone the repository anywhere outside this
one and name it with ``BENCH_GUM_DIR`` (its ``dep/GUM_news_*.conllu`` are read), or put its
``dep`` folder at ``../shared/data/gum``.

Each ``.conllu`` is one article: its first paragraph (the headline) is the title, the others
the body, one paragraph a line, the text rebuilt from the tokens and their ``SpaceAfter=No``.
GUM marks every mention (pronouns and common nouns too) with an entity type and, for entities
with a Wikipedia page, an identity. Kept: mentions of type person, place and organization
that name, as ``PERSON``, ``PLACE``, ``ORGANIZATION``: the mention's syntactic head is a
proper noun (``NNP``; ``NNPS`` too for places and organisations, ``United States``), or it
holds a name in apposition to its head (``spokesperson Julie Hahn``). The span is the name
in the mention: the run of proper nouns around that word (``Hui Chi-fung`` of ``Hui
Chi-fung from the Democratic Party``; ``U.S. President Donald Trump``), for places and
organisations through ``of``/``the``/``and`` (``Daughters of the American Revolution``).
The identity, without its parenthesised disambiguation (``John Baird (Canadian politician)``
-> ``John Baird``), is ``Span.entity``: mentions of one entity are one person (``the
President`` is Donald Trump). Split by a hash of the tokens, like KazNERD and CoNLL++ (GUM's
own dev and test hold two news articles each).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from bench.corpora.model import Document, Field, Kind, Span
from bench.corpora.split import split_of

NAME = "gum"
LANGUAGE = "en"
SPLITS = ("dev", "test")
DIR_ENV = "BENCH_GUM_DIR"
KINDS: dict[str, Kind] = {"PERSON": "person", "PLACE": "place", "ORGANIZATION": "organization"}
COUNTRY_LABELS = frozenset(["PLACE"])
OBTAIN = (
    "optional: git clone https://github.com/amir-zeldes/gum outside the repository and set "
    f"{DIR_ENV} to it, or put its dep/ folder at ../shared/data/gum"
)
_TYPES = {"person": "PERSON", "place": "PLACE", "organization": "ORGANIZATION"}
_PROPER = frozenset(["NNP", "NNPS"])
_CONNECTORS = frozenset(["of", "the", "and", "&", "for", "de", "du", "von", "van"])
_ENTITY = re.compile(r"\((\d+)-([^()]*)(\)?)|(\d+)\)")
_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)$")


def path(corpora: Path) -> Path:
    given = os.environ.get(DIR_ENV)
    return Path(given) if given else corpora / "gum"


def _files(root: Path) -> list[Path]:
    folder = root / "dep" if (root / "dep").is_dir() else root
    return sorted(folder.glob("GUM_news_*.conllu"))


@dataclass
class _Mention:
    etype: str
    identity: str | None
    first: int  # word indexes in the article
    last: int = -1


@dataclass
class _Article:
    """The words of one article: text, paragraph and characters, tag, head; its mentions."""

    paragraphs: list[list[str]] = field(default_factory=list)  # text pieces
    places: list[tuple[int, int, int]] = field(default_factory=list)  # paragraph, start, end
    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # xpos
    heads: list[int] = field(default_factory=list)  # word index of the head, -1 for the root
    relations: list[str] = field(default_factory=list)  # deprel
    mentions: list[_Mention] = field(default_factory=list)
    _open: dict[str, list[_Mention]] = field(default_factory=dict)
    _space: bool = False  # a space before the next token
    _sentence: int = 0  # the word index of the sentence's first word
    _multiword: tuple[int, int, str] | None = None  # last word id, start, form

    def paragraph(self) -> None:
        self.paragraphs.append([])
        self._space = False

    def _append(self, form: str, space_after: bool) -> int:
        """Put a token's text in the current paragraph; where it starts."""
        if not self.paragraphs:
            self.paragraph()
        pieces = self.paragraphs[-1]
        if self._space:
            pieces.append(" ")
        start = sum(len(p) for p in pieces)
        pieces.append(form)
        self._space = space_after
        return start

    def line(self, columns: list[str]) -> None:
        index, form, misc = columns[0], columns[1], _misc(columns[9])
        space_after = misc.get("SpaceAfter") != "No"
        if "-" in index:  # a multiword token: its form is the text, its words follow
            start = self._append(form, space_after)
            self._multiword = (int(index.split("-")[1]), start, form)
            return
        if "." in index:  # an empty node
            return
        paragraph = len(self.paragraphs) - 1
        if self._multiword is not None and int(index) <= self._multiword[0]:
            # A word of a multiword token: where its form is in the token's (Trump + 's).
            last, start, whole = self._multiword
            inside = whole.find(form)
            a = start + max(inside, 0)
            self.places.append((paragraph, a, a + len(form) if inside >= 0 else start + len(whole)))
            if int(index) == last:
                self._multiword = None
        else:
            start = self._append(form, space_after)
            self.places.append((len(self.paragraphs) - 1, start, start + len(form)))
        word = len(self.words)
        if index == "1":
            self._sentence = word
        head = int(columns[6]) if columns[6].isdigit() else 0
        self.words.append(form)
        self.tags.append(columns[4])
        self.heads.append(self._sentence + head - 1 if head else -1)
        self.relations.append(columns[7])
        if "Entity" in misc:
            self._entities(misc["Entity"], word)

    def _entities(self, value: str, word: int) -> None:
        for match in _ENTITY.finditer(value):
            gid, body, closes_here, closing = match.groups()
            if closing is not None:
                stack = self._open.get(closing)
                if stack:
                    stack.pop().last = word
                continue
            parts = body.split("-", 6)  # etype-infstat-salience-centering-minspan-link-identity
            identity = parts[6] if len(parts) > 6 and parts[6] else None
            mention = _Mention(parts[0], identity, word)
            self.mentions.append(mention)
            if closes_here:
                mention.last = word
            else:
                self._open.setdefault(gid, []).append(mention)


def _misc(column: str) -> dict[str, str]:
    return dict(item.partition("=")[::2] for item in column.split("|") if "=" in item)


def _read(lines: list[str]) -> _Article:
    article = _Article()
    for line in lines:
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            article.paragraph()
        elif line and not line.startswith("#"):
            columns = line.split("\t")
            if len(columns) >= 10:
                article.line(columns)
    return article


def _head(words: range, heads: list[int]) -> int:
    """The word of a run whose syntactic head is outside it."""
    return next((w for w in words if heads[w] not in words), words[-1])


def _name_word(mention: _Mention, label: str, article: _Article) -> int | None:
    """The word a mention names by, or None: its syntactic head when a proper noun
    (``Donald Trump``, ``The President``, ``United States``), else the head of a run of proper
    nouns in apposition to the mention's head (``spokesperson Julie Hahn``: flat or appos;
    not the compound ``Environment Canada`` before it); not ``critics of U.S. President Donald
    Trump's policies``. A person's name is singular (not ``Muslims``)."""
    tags, heads = article.tags, article.heads
    proper = ("NNP",) if label == "PERSON" else ("NNP", "NNPS")
    head = _head(range(mention.first, mention.last + 1), heads)
    if tags[head] in proper:
        return head
    w = mention.first
    while w <= mention.last:
        if tags[w] not in proper:
            w += 1
            continue
        end = w
        while end + 1 <= mention.last and tags[end + 1] in proper:
            end += 1
        name = _head(range(w, end + 1), heads)
        if heads[name] == head and article.relations[name] in ("flat", "appos"):
            return name
        w = end + 1
    return None


def _name_run(word: int, mention: _Mention, article: _Article, label: str) -> tuple[int, int]:
    """The proper nouns around ``word`` in the mention, through connectors inside for a place
    or an organisation (``Daughters of the American Revolution``), not for a person."""
    tags, words = article.tags, article.words
    connectors = frozenset() if label == "PERSON" else _CONNECTORS

    def part(w: int) -> bool:
        return tags[w] in _PROPER or words[w].lower() in connectors

    first, last = word, word
    while first > mention.first and part(first - 1):
        first -= 1
    while last < mention.last and part(last + 1):
        last += 1
    while first < word and tags[first] not in _PROPER:
        first += 1
    while last > word and tags[last] not in _PROPER:
        last -= 1
    return first, last


def _document(path: Path) -> Document:
    article = _read(path.read_text(encoding="utf-8").splitlines())
    texts = ["".join(p).strip() for p in article.paragraphs]
    title = texts[0]
    # Where each paragraph's text begins in the body (paragraph 0 is the title).
    shifts: dict[int, int] = {0: 0}
    length = 0
    for k, text in enumerate(texts[1:], start=1):
        if text:
            shifts[k] = length
            length += len(text) + 1
    body = "\n".join(t for t in texts[1:] if t)
    spans: list[Span] = []
    for mention in article.mentions:
        label = _TYPES.get(mention.etype)
        word = None if label is None or mention.last < 0 else _name_word(mention, label, article)
        if label is None or word is None:
            continue
        first, last = _name_run(word, mention, article, label)
        (paragraph, a, _), (other, _, b) = article.places[first], article.places[last]
        if paragraph != other:
            continue
        where: Field = "title" if paragraph == 0 else "body"
        a, b = a + shifts[paragraph], b + shifts[paragraph]
        identity = unquote(mention.identity).replace("_", " ") if mention.identity else None
        name = _DISAMBIGUATION.sub("", identity).strip() if identity else None
        text = title if where == "title" else body
        spans.append(
            Span(f"T{len(spans) + 1}", label, where, a, b, text[a:b], norm=name, entity=name)
        )
    return Document(
        corpus=NAME,
        split=split_of(NAME, article.words),
        name=path.stem,
        language=LANGUAGE,
        title=title,
        body=body,
        spans=tuple(spans),
        note=path.name,
    )


def read(corpora: Path, split: str) -> list[Document]:
    documents = (_document(p) for p in _files(path(corpora)))
    return [d for d in documents if d.split == split]
