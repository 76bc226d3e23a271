"""Russian and Kazakh words the Cyrillic person rules key on, beyond the closed classes of
``lexicon.py`` (shared with the other extractors): language, not data.

- Kazakh titles that stand before a name like a role and are never a name's word:
  ``Елбасы Нұрсұлтан Назарбаев`` (with the possessive of "our": ``Елбасымыз``);
- Russian nouns of people that are no role: kin and words for anyone (``сын``,
  ``супруга``, ``девочка``). Any other animate common noun pymorphy3 knows is read as a role
  before or after a name (``писатель``, ``футболист``, ``продюсеру``), beside the role heads
  of ``lexicon.RU_ROLE_HEADS``; these still tell that the name after them is a person's.
"""

from __future__ import annotations

# Kazakh title stems: any word beginning with one is a title, not a name.
KK_TITLE_STEMS = ("елбасы",)

# Lemmas, as pymorphy3 gives them.
RU_NOT_ROLES = frozenset(
    [
        "сын",
        "дочь",
        "жена",
        "муж",
        "супруг",
        "супруга",
        "брат",
        "сестра",
        "мать",
        "отец",
        "внук",
        "внучка",
        "дед",
        "бабушка",
        "дедушка",
        "мама",
        "тётя",
        "дядя",
        "племянник",
        "племянница",
        "сестра",
        "вдова",
        "вдовец",
        "невеста",
        "жених",
        "родственник",
        "родственница",
        "человек",
        "мужчина",
        "женщина",
        "девочка",
        "мальчик",
        "ребёнок",
        "парень",
        "девушка",
        "друг",
        "подруга",
        "житель",
        "жительница",
        "гражданин",
        "гражданка",
        "пассажир",
        "сосед",
        "соседка",
        "знакомый",
        "коллега",
        "товарищ",
        "господин",
        "госпожа",
        "люди",
        "сторонник",
        "противник",
        "автор",
        "герой",
        "персонаж",
    ]
)
