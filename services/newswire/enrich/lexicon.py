"""Closed-class English words the extractors key on: titles, role and organisation heads,
connectors and speech verbs. Language, not data: places, countries and currencies come from
the gazetteer."""

from __future__ import annotations

ROLE_HEADS = frozenset(
    """president minister governor chairman chairwoman chairperson ceo ambassador mayor akim
    spokesperson spokesman spokeswoman founder co-founder director secretary head leader chief
    envoy commissioner senator premier chancellor king queen prince emir sultan adviser
    advisor representative rector speaker prosecutor judge consul coordinator manager
    president-elect vice-president general""".split()
)
ROLE_MODIFIERS = frozenset(
    """deputy acting vice first prime foreign former executive special senior interim
    managing general state defence defense finance""".split()
)
TITLES = frozenset("mr mrs ms dr prof sir dame his her excellency sheikh".split())
PLACE_HEADS = frozenset("prefecture region province oblast district county republic".split())
ORG_HEADS = frozenset(
    """ministry organization organisation agency bank company council federation fund union
    committee corporation group holding association community forum university institute
    service parliament senate mazhilis government commission partners airlines airways
    international office court assembly authority chamber foundation party society center
    centre league alliance academy inc ltd llc plc corp bureau secretariat nations akimat
    administration""".split()
)
ROLE_ACRONYMS = frozenset("CEO CFO CTO COO MP".split())
CONNECTORS = frozenset("of for the and on de".split())
SPEECH_VERBS = frozenset(
    """said says noted stated emphasized emphasised added stressed underlined told explained
    highlighted remarked announced declared pointed affirmed""".split()
)
PRONOUNS = frozenset("he she".split())
CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# A capitalised word this common in English is rarely part of a person's name: with evidence
# (a role, a title, a speech verb) a name word may be up to LOOSE, without it up to STRICT.
NAME_WORD_ZIPF_LOOSE = 4.5
NAME_WORD_ZIPF_STRICT = 3.5
