"""Dedup decisions: exact repeats, revisions, near-duplicates, replays and retention."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from newswire.core.dedup import (
    MAX_REVISIONS_KEPT,
    NEWEST_KEY,
    NearIndex,
    NearKey,
    body_fingerprint,
    decide_identity,
)
from newswire.core.events import build_event
from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, SourceRef
from newswire.core.partitioning import partition_for
from newswire_dev.generate import generate
from newswire_dev.truth import score
from tests.support import applied_near, articles, parse_bytes
from tests.test_newswire.core.dedup_support import DedupStore

ALMATY = ZoneInfo("Asia/Almaty")
T0 = datetime(2025, 7, 14, 12, 31, tzinfo=ALMATY)
_VOCAB = [f"w{i}" for i in range(5000)]


def event(title: str, body: str, *, when: datetime = T0, views: int | None = 10) -> ArticleEvent:
    return ArticleEvent(
        article_id=article_id(when, title),
        published_at=when,
        views=views,
        title=title,
        body=body,
        dump_date=None,
        source=SourceRef(id="s", offset=0),
        word_count=len(body.split()),
    )


def random_body(rng: random.Random, words: int = 60) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(words))


def test_whitespace_and_unicode_form_do_not_change_the_fingerprint() -> None:
    spaced = body_fingerprint("Café  opens\nin Astana ")
    assert spaced == body_fingerprint("Cafe\u0301 opens in Astana")
    assert body_fingerprint("Cafe opens") != body_fingerprint("Café opens")


def test_identity_new_then_exact_keeps_the_highest_view_count() -> None:
    first = decide_identity(None, event("T", "body one", views=10))
    assert (first.kind, first.revision) == ("new", 1)
    again = decide_identity(first.record, event("T", "body  one", views=25))
    assert (again.kind, again.revision, again.record["views"]) == ("exact", 1, 25)
    older = decide_identity(again.record, event("T", "body one", views=12))
    assert older.record["views"] == 25


def test_identity_revision_then_replays_of_either_body_are_exact() -> None:
    first = decide_identity(None, event("T", "body one"))
    second = decide_identity(first.record, event("T", "body two"))
    assert (second.kind, second.revision) == ("revision", 2)
    for body in ("body one", "body two"):
        replay = decide_identity(second.record, event("T", body))
        assert (replay.kind, replay.revision) == ("exact", 2)


def test_a_syndicated_copy_under_another_title_points_to_the_original() -> None:
    rng = random.Random(3)
    body = random_body(rng, 200)
    store = DedupStore(near_threshold=0.7)
    original = store.process(event("Original title", body))
    copy_body = body.replace(body.split()[50], "changed") + " Reprinted by an agency."
    copy = store.process(event("Another title", copy_body, when=T0 + timedelta(hours=3)))
    assert original.kind == "new"
    assert copy.kind == "near"
    assert original.event is not None
    assert copy.event is not None
    assert copy.event.near_duplicate_of == original.event.article_id
    third = store.process(event("Third title", copy_body + " More.", when=T0 + timedelta(hours=5)))
    assert third.event is not None
    assert third.event.near_duplicate_of == original.event.article_id  # the earliest, not the copy


def test_unrelated_articles_are_not_near_duplicates() -> None:
    rng = random.Random(4)
    store = DedupStore(near_threshold=0.7)
    outcomes = [store.process(event(f"title {i}", random_body(rng))).kind for i in range(300)]
    assert outcomes == ["new"] * 300


def test_state_is_forgotten_after_the_retention_window_in_data_time() -> None:
    store = DedupStore(retention_days=10)
    store.process(event("Old", "old body"))
    assert len(store.records) == 1
    later = T0 + timedelta(days=12)
    store.process(event("New", "new body", when=later))
    assert set(store.records) == {article_id(later, "New")}
    assert article_id(T0, "Old") not in store.near.entries
    copy = store.process(event("Old, copied", "old body", when=later))
    assert copy.kind == "new"  # the forgotten article's buckets no longer match
    late = store.process(event("Late", "late body", when=T0 - timedelta(days=1)))
    assert (late.kind, late.event) == ("stale", None)  # dead-lettered, never published
    assert article_id(T0 - timedelta(days=1), "Late") not in store.records


def test_an_article_back_after_its_state_was_forgotten_never_reuses_a_revision() -> None:
    """Articles repeated and revised across more than the window, in any order: one
    (article_id, revision) never names two contents."""
    rng = random.Random(5)
    store = DedupStore(retention_days=30, partitions=4)
    bodies: dict[tuple[str, int], str] = {}
    seen: list[ArticleEvent] = []
    stale = 0
    for day in range(400):
        when = T0 + timedelta(days=day)
        incoming = [event(f"day {day}", random_body(rng, 20), when=when)]
        for old in rng.sample(seen, min(3, len(seen))):  # repeats and revisions of the past
            body = old.body if rng.random() < 0.5 else old.body + " edit" + str(day)
            incoming.append(old.model_copy(update={"body": body}))
        for article in incoming:
            outcome = store.process(article)
            stale += outcome.kind == "stale"
            if outcome.event is not None:
                identity = (outcome.event.article_id, outcome.event.revision)
                assert bodies.setdefault(identity, outcome.event.body) == outcome.event.body
        seen.extend(incoming[:1])
    assert stale > 100  # the run did go far past the window
    assert store.state_size()["articles"] < 4 * 31  # and the state stayed bounded


def test_the_window_is_kept_per_partition_as_in_the_stream() -> None:
    """Staleness follows the newest publication of the article's own partition."""

    def in_partition(partition: int, title: str) -> str:
        n = 0
        while partition_for(article_id(T0, f"{title} {n}").encode(), 2) != partition:
            n += 1
        return f"{title} {n}"

    store = DedupStore(retention_days=10, partitions=2)
    late_title = in_partition(0, "late")
    newer = T0 + timedelta(days=30)
    newer_title = next(
        t
        for t in (f"newer {n}" for n in range(100))
        if partition_for(article_id(newer, t).encode(), 2) == 1
    )
    store.process(event(newer_title, "far ahead", when=newer))  # moves partition 1 only
    assert store.process(event(late_title, "still in window")).kind == "new"
    # The same time in partition 1, whose window moved, is stale: the window is enforced,
    # and per partition.
    stale_title = next(
        t
        for t in (f"stale {n}" for n in range(100))
        if partition_for(article_id(T0, t).encode(), 2) == 1
    )
    assert store.process(event(stale_title, "out of its window")).kind == "stale"


def test_generated_corpus_dedup_quality_is_high() -> None:
    corpus = generate(1500, repeat_rate=0.1, revision_rate=0.05, near_dup_rate=0.05, seed=11)
    store = DedupStore(near_threshold=0.7)
    predicted = []
    for article in articles(parse_bytes(corpus.text.encode())):
        outcome = store.process(build_event(article, ALMATY))
        predicted.append((outcome.kind, outcome.event.near_duplicate_of if outcome.event else None))
    result = score(predicted, corpus.truth()["occurrences"])
    assert result["exact"]["precision"] == result["exact"]["recall"] == 1.0
    assert result["revision"]["precision"] == result["revision"]["recall"] == 1.0
    assert result["near"]["precision"] >= 0.95
    assert result["near"]["recall"] >= 0.9


def test_a_record_knows_its_latest_bodies_only() -> None:
    """Bounded state: an article edited more often than ``MAX_REVISIONS_KEPT`` times forgets its
    oldest bodies, and one of them coming back is a revision (README, "Bounded state")."""
    store = DedupStore(near_threshold=0.9)
    bodies = [random_body(random.Random(seed)) for seed in range(MAX_REVISIONS_KEPT + 1)]
    for number, body in enumerate(bodies, start=1):
        outcome = store.process(event("often edited", body))
        assert outcome.event is not None
        assert outcome.event.revision == number
    assert store.process(event("often edited", bodies[1])).kind == "exact"  # still kept
    again = store.process(event("often edited", bodies[0]))  # the oldest, forgotten
    assert again.kind == "revision"
    assert again.event is not None
    assert again.event.revision == MAX_REVISIONS_KEPT + 2


class DedupAgainstAPlainModel(RuleBasedStateMachine):
    """The store against a dict of distinct bodies per article, over repeats, edits, replays."""

    @initialize()
    def setup(self) -> None:
        self.store = DedupStore(near_threshold=0.9)
        self.model: dict[str, list[str]] = {}  # article id -> distinct bodies in order
        self.titles: dict[str, str] = {}
        self.history: list[ArticleEvent] = []  # every input, for replays
        self.views: dict[str, int | None] = {}  # article id -> the highest view count seen
        self.rng = random.Random(0)

    def _apply(self, incoming: ArticleEvent) -> None:
        bodies = self.model.setdefault(incoming.article_id, [])
        # A record keeps its latest MAX_REVISIONS_KEPT bodies: an older one is a revision again.
        kept = bodies[-MAX_REVISIONS_KEPT:]
        known = body_fingerprint(incoming.body) in {body_fingerprint(b) for b in kept}
        outcome = self.store.process(incoming)
        self.history.append(incoming)
        seen = [v for v in (self.views.get(incoming.article_id), incoming.views) if v is not None]
        self.views[incoming.article_id] = max(seen, default=None)
        if known:
            assert outcome.kind == "exact"
            assert outcome.event is None
            return
        bodies.append(incoming.body)
        assert outcome.event is not None
        assert outcome.kind == ("new" if len(bodies) == 1 else "revision")
        assert outcome.event.revision == len(bodies)

    @rule(n=st.integers(0, 10_000))
    def new_article(self, n: int) -> None:
        title = f"title {n}"
        self.titles[article_id(T0, title)] = title
        self._apply(event(title, random_body(self.rng)))

    @rule(pick=st.integers(0, 10_000), views=st.integers(0, 10**6), spaces=st.booleans())
    def repeat(self, pick: int, views: int, spaces: bool) -> None:
        if not self.model:
            return
        aid = sorted(self.model)[pick % len(self.model)]
        body = self.model[aid][-1]
        if spaces:
            body = "  " + body.replace(" ", "   ") + "\n"
        self._apply(event(self.titles[aid], body, views=views))

    @rule(pick=st.integers(0, 10_000))
    def revise(self, pick: int) -> None:
        if not self.model:
            return
        aid = sorted(self.model)[pick % len(self.model)]
        self._apply(event(self.titles[aid], self.model[aid][-1] + " " + random_body(self.rng, 5)))

    @rule(pick=st.integers(0, 10_000))
    def replay(self, pick: int) -> None:
        if self.history:
            self._apply(self.history[pick % len(self.history)])

    @invariant()
    def each_record_is_the_models(self) -> None:
        # The state the stream would store: revisions published, the latest bodies kept (in
        # order), the highest view count seen. (That each revision is published once follows
        # from _apply: every publish asserts revision == len(bodies), which only grows.)
        assert set(self.store.records) == set(self.model)
        for aid, bodies in self.model.items():
            record = self.store.records[aid]
            assert record["revision"] == len(bodies)
            kept = bodies[-MAX_REVISIONS_KEPT:]
            assert record["bodies"] == [body_fingerprint(b) for b in kept]
            assert record["views"] == self.views[aid]


TestDedupAgainstAPlainModel = DedupAgainstAPlainModel.TestCase
TestDedupAgainstAPlainModel.settings = settings(max_examples=60, stateful_step_count=40)


def test_a_near_index_restored_from_its_stored_entries_decides_alike() -> None:
    rng = random.Random(3)
    bodies = [random_body(rng) for _ in range(40)]
    live = NearIndex(retention_days=30)
    for position, body in enumerate(bodies, start=1):
        when = T0 + timedelta(days=position)
        live.advance(when)
        decision = live.decide(NearKey.of(event(f"T{position}", body, when=when)), 0.7, position)
        live.add(decision.entry)
    assert len(live.entries) < len(bodies)  # the early days were forgotten
    stored = [*live.entries.items(), (NEWEST_KEY, live.newest)]
    restored = NearIndex.restore(30, reversed(stored))
    assert restored.entries == live.entries
    assert restored.newest == live.newest
    probe_when = T0 + timedelta(days=41)
    for body in bodies[-5:]:
        probe = NearKey.of(event("copy", body + " extra", when=probe_when))
        assert restored.decide(probe, 0.7, 99) == live.decide(probe, 0.7, 99)
        assert restored.decide(probe, 0.7, 99).original is not None


def test_a_replayed_entry_replaces_itself_and_later_positions_do_not_count() -> None:
    index = NearIndex(retention_days=30)
    first = index.decide(NearKey.of(event("A", "one two three four five six seven")), 0.7, 1)
    index.add(first.entry)
    index.add(first.entry)  # the same article replayed after a crash
    assert list(index.entries) == [first.entry["id"]]
    copy = NearKey.of(event("B", "one two three four five six seven"))
    assert index.decide(copy, 0.7, 2).original == first.entry
    assert index.decide(copy, 0.7, 1).original is None  # decided as at its first position


def test_an_article_sent_again_at_a_later_position_keeps_its_first_decision() -> None:
    # After a crash an earlier stage may send an article again: the near stage meets it at a
    # later position, after the copies that took it as their root. Were it decided there, it
    # would be a near duplicate of itself, and its re-emission would differ.
    index = NearIndex(retention_days=30)
    body = "one two three four five six seven eight nine ten"
    original = NearKey.of(event("A", body))
    copy = NearKey.of(event("B", body + " eleven"))
    first = applied_near(index, original, 0.7, 1)
    assert (first.kind, first.near_duplicate_of) == ("new", None)
    assert applied_near(index, copy, 0.7, 2).near_duplicate_of == original.article_id
    again = applied_near(index, original, 0.7, 3)
    assert (again.kind, again.near_duplicate_of) == ("new", None)
    assert again.entry == first.entry  # written again as it was (its place in the order too)
    copy_again = applied_near(index, copy, 0.7, 4)
    assert (copy_again.kind, copy_again.near_duplicate_of) == ("near", original.article_id)
    assert index.entries[original.article_id]["seq"] == 1  # its place in the order stays


def test_an_article_is_never_a_near_duplicate_of_itself_once_its_entry_is_forgotten() -> None:
    # Its near duplicates can outlive its own entry in the window; sent again then, it matches
    # them, and their root is itself.
    index = NearIndex(retention_days=30)
    body = "one two three four five six seven eight nine ten"
    original = NearKey.of(event("A", body, when=T0))
    applied_near(index, original, 0.7, 1)
    copy = NearKey.of(event("B", body + " eleven", when=T0 + timedelta(days=20)))
    assert applied_near(index, copy, 0.7, 2).near_duplicate_of == original.article_id
    later = NearKey.of(event("Z", "an unrelated story entirely", when=T0 + timedelta(days=32)))
    assert original.article_id in applied_near(index, later, 0.7, 3).forgotten
    again = applied_near(index, original, 0.7, 4)
    assert (again.kind, again.near_duplicate_of) == ("new", None)


def test_a_near_key_survives_its_header_and_decides_as_the_event_would() -> None:
    article = event("A", "one two three four five six seven eight nine ten")
    key = NearKey.of(article)
    assert NearKey.from_json(key.to_json()) == key
    revised = NearKey.of(article.model_copy(update={"revision": 2}))
    assert (revised.sig, revised.keys) == ("", ())  # revisions are never compared
