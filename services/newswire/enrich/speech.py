"""The closed-class words of Russian and Kazakh reported speech that ``quotes`` keys on:
speech verbs, the phrases that credit a speaker (``по словам``, ``сөзінше``), the words that
close a Kazakh quoted clause (``деп``, ``екенін``), and the words that end a speaker's name.
Language, not data: which names are persons is the persons extractor's."""

from __future__ import annotations

from functools import cache

from newswire.enrich.lexicon import KK_SPEECH_VERBS, RU_SPEECH_VERBS


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (it reads best so)."""
    return tuple(text.split())


# Past tense, masculine: the feminine adds "а" (заявил, заявила). Singular only: "заявили в
# МИД" names no person.
_RU_PAST = _words(
    """заявил сказал сообщил отметил подчеркнул добавил заметил пояснил указал уточнил
    резюмировал рассказал признал объяснил напомнил ответил предупредил пообещал
    констатировал призвал посетовал написал признался выразил говорил сообщал заявлял
    рассказывал отмечал подчеркивал подчёркивал"""
)
_RU_PRESENT = _words(
    """говорит отмечает подчеркивает подчёркивает заявляет считает полагает утверждает
    уверен уверена убежден убеждена убеждён признает признаёт поясняет рассказывает
    добавляет уточняет"""
)
_RU_FEMININE = {verb[:-2] + "ась" if verb.endswith("ся") else verb + "а" for verb in _RU_PAST}
RU_VERBS = frozenset({*_RU_PAST, *_RU_FEMININE, *_RU_PRESENT, *RU_SPEECH_VERBS})
# Plural and impersonal: reported speech whose speaker is no one person ("В Минздраве
# заявили, что ...", "», — говорится в заявлении").
RU_NO_SPEAKER_VERBS = frozenset(
    {verb + "и" for verb in _RU_PAST if not verb.endswith("ся")}
    | set(
        _words(
            """говорится говорят сообщают заявляют отмечают считают утверждают добавляют
            подчеркивают рассказывают сообщается отмечается подчеркивается подчёркивается
            заявлялось сообщалось"""
        )
    )
)
# "..., заявив, что ...": the speaker is the subject of the sentence's main verb.
RU_GERUNDS = frozenset(
    _words(
        """заявив заявляя отметив отмечая подчеркнув подчеркивая подчёркивая добавив
        сообщив пояснив уточнив напомнив признав"""
    )
)
# The speaker before the verb and ", что" or a colon after it ("X заявил, что ...").
RU_SPEAKER_FIRST_VERBS = RU_VERBS | RU_NO_SPEAKER_VERBS | RU_GERUNDS
# After a dash that closes a quote ("», – деді X", "», – дейді ол").
KK_DASH_VERBS = frozenset(
    {*KK_SPEECH_VERBS, "дейді", "деді ол", "түсіндірді", "жеткізді", "сендірді", "ескертті"}
)
# Kazakh, the verb last: "X ... деп атап өтті." The quoted clause ends with one of these.
KK_CLAUSE_ENDS = ("деп", "екенін", "екендігін")
# Right after a quote's closing mark, without "деп": "«...» деді."
KK_MARK_VERBS = ("деді", "дейді")
KK_VERB_LAST = tuple(
    sorted(
        {*KK_SPEECH_VERBS, "хабарлады", "сендірді", "ескертті", "түсіндірді", "жеткізді",
         "мәлім етті", "айтып өтті", "атап айтты", "дейді", "айтады"},
        key=len,
        reverse=True,
    )
)  # fmt: skip
_CREDIT_VERBS = "|".join(sorted({*_RU_PAST, *_RU_FEMININE}, key=len, reverse=True))
# "По словам X, ...", "Как заявил X, ...": regex alternatives, matched ignoring case.
ACCORDING_TO = ("по словам", "по мнению", rf"как (?:{_CREDIT_VERBS})")
KK_ACCORDING_TO = ("сөзінше", "айтуынша", "пікірінше")
# "… осылай деп мәлімдеді" ("said so"): what was said is in the sentences before.
KK_SO = frozenset(("осылай", "осындай", "былай", "солай"))
PRONOUNS = frozenset(("он", "она", "ол"))
# Words after which the next name is no speaker ("— заявил он в беседе с Лавровым").
PREPOSITIONS = frozenset(
    _words(
        """в во на с со по о об при у к ко из за от до для без перед после через между под над
    про когда где который которая"""
    )
)
# A Kazakh name nobody was found by is kept only with one of these (no morphology to ask).
KK_SURNAME_ENDINGS = ("ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "қызы", "улы", "кызы")
SURNAME_ENDINGS = (
    "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "ский", "ская", "цкий",
    "цкая", "енко", "ук", "юк", "ұлы", "қызы", "швили", "дзе", "ян",
)  # fmt: skip


@cache
def dash_verbs() -> str:
    """The verbs of a dash clause as one regex alternation, longest first."""
    verbs = sorted({*RU_VERBS, *RU_NO_SPEAKER_VERBS, *KK_DASH_VERBS}, key=len, reverse=True)
    return "|".join(verb.replace(" ", "[ \u00a0]") for verb in verbs)
