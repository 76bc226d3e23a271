"""Russian and Kazakh words the Cyrillic person rules key on, beyond the closed classes of
``lexicon.py`` (shared with the other extractors): language, not data.

- Kazakh titles that stand before a name like a role and are never a name's word:
  ``Елбасы Нұрсұлтан Назарбаев`` (with the possessive of "our": ``Елбасымыз``);
- the words of a Russian role that may follow a name after a comma (apposition): the role
  nouns of ``lexicon.RU_ROLE_HEADS`` are read in the nominative there.
"""

from __future__ import annotations

# Kazakh title stems: any word beginning with one is a title, not a name.
KK_TITLE_STEMS = ("елбасы",)
