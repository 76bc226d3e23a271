"""Russian and Kazakh words the Cyrillic person rules key on, beyond the closed classes of
``lexicon.py`` (shared with the other extractors): language, not data.

- Russian nouns of organisations and places whose name follows them («агентство Рейтер»,
  «округа Чарльз», «клуб «Барселона»»): the capitalised word after one is that name, no
  person's (lemmas, as pymorphy3 gives them);
- Russian verbs that say what a person is or was, with the role in the instrumental after
  them («Сидибе работал премьером Мали», «был назначен председателем»);
- Kazakh titles that stand before a name like a role and are never a name's word:
  ``Елбасы Нұрсұлтан Назарбаев`` (with the possessive of "our": ``Елбасымыз``);
- stems of Kazakh professions, which stand before a name like a role with a possessive
  (``тілшіміз Ұлан Нарынбек``, ``әріптесім Риат Шони``, ``шахматшы Франсиско Троис``): no
  Kazakh dictionary installs, so a word beginning with one is such a noun;
- stems of Kazakh nouns of places, buildings and events that a bare name goes before as a
  modifier, with a possessive, plural or case ending: «Сайын даңғылы» (an avenue),
  «Бірлік ауылында» (a village), «Ұлы Отан соғысы» (a war): the name there is no person's;
- Kazakh greetings and thanks before a name said in address (``Қайырлы күн, Динара``,
  ``Рақмет, Зейін.``): a TV anchor's hand-over names the reporter;
- Russian nouns of people that are no role: kin and words for anyone (``сын``,
  ``супруга``, ``девочка``). Any other animate common noun pymorphy3 knows is read as a role
  before or after a name (``писатель``, ``футболист``, ``продюсеру``), beside the role heads
  of ``lexicon.RU_ROLE_HEADS``; these still tell that the name after them is a person's.
"""

from __future__ import annotations

# Kazakh title stems: any word beginning with one is a title, not a name.
KK_TITLE_STEMS = ("елбасы",)
KK_PROFESSION_STEMS = (
    "тілші", "әріптес", "журналист", "ақын", "жазушы", "әнші", "сәулетші", "шахматшы",
    "спортшы", "дәрігер", "мұғалім", "ұстаз", "ғалым", "профессор", "академик", "үміткер",
    "суретші", "композитор", "режиссер", "режиссёр", "актер", "актёр", "бапкер", "балуан",
)  # fmt: skip
KK_NAMED_THING_STEMS = (
    "ауыл", "аул", "аудан", "көше", "даңғыл", "қала", "облыс", "кент", "мектеп",
    "университет", "алаң", "саябақ", "ескерткіш", "мешіт", "орталығ", "стадион", "көл",
    "өзен", "соғыс", "мерекес", "атындағы", "театр", "аурухана", "жол",
)  # fmt: skip
# The last word of a greeting or thanks before an addressed name, and the comma after it.
KK_GREETING_ENDS = frozenset(("рақмет", "рахмет", "күн", "таң", "жарық", "сәлем"))

# Lemmas, as pymorphy3 gives them.
# Kin nouns: a capitalised word right after one, in its case, is a name («дочь Стефани»,
# «сын Гидеон»), whatever else the dictionary reads it as (Стефани: a town).
RU_KIN = frozenset(
    [
        "сын", "дочь", "жена", "муж", "супруг", "супруга", "брат", "сестра", "мать", "отец",
        "внук", "внучка", "внучок", "вдова", "вдовец", "племянник", "племянница", "невеста",
        "жених",
    ]
)  # fmt: skip

# Nouns of people that are no role: kin, and anyone at all.
RU_NOT_ROLES = RU_KIN | frozenset(
    [
        "дед",
        "бабушка",
        "дедушка",
        "мама",
        "тётя",
        "дядя",
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

RU_NAMED_THING_NOUNS = frozenset(
    [
        "агентство",
        "компания",
        "газета",
        "издание",
        "журнал",
        "телеканал",
        "радиостанция",
        "канал",
        "партия",
        "банк",
        "фонд",
        "клуб",
        "группа",
        "театр",
        "фирма",
        "корпорация",
        "холдинг",
        "концерн",
        "корпорация",
        "университет",
        "институт",
        "издательство",
        "студия",
        "сайт",
        "портал",
        "сеть",
        "бренд",
        "марка",
        "фестиваль",
        "конкурс",
        "премия",
        "фильм",
        "роман",
        "песня",
        "альбом",
        "операция",
        "город",
        "село",
        "деревня",
        "посёлок",
        "улица",
        "проспект",
        "площадь",
        "район",
        "округ",
        "область",
        "край",
        "провинция",
        "штат",
        "регион",
        "остров",
        "река",
        "озеро",
        "гора",
        "аэропорт",
        "станция",
    ]
)

RU_ROLE_VERBS = frozenset(
    [
        "был",
        "была",
        "были",
        "стал",
        "стала",
        "стали",
        "работал",
        "работала",
        "работает",
        "служил",
        "служила",
        "являлся",
        "являлась",
        "является",
        "назначен",
        "назначена",
        "избран",
        "избрана",
        "остаётся",
        "остается",
    ]
)

# Heads of a standing rather than an occupation: a person's role is another one when the
# article gives both («лауреат премии Grammy», then «пианист»).
RU_STANDINGS = frozenset(
    [
        "лауреат",
        "победитель",
        "победительница",
        "призёр",
        "призер",
        "фаворит",
        "кандидат",
        "претендент",
        "номинант",
        "обладатель",
        "обладательница",
        "участник",
        "участница",
    ]
)

# Trades named with whom they work for after them: a Latin name after one is as often the
# employer's («корреспондент Kazinform», «аналитик Goldman Sachs», «пользователи Twitter»).
RU_EMPLOYED_TRADES = frozenset(
    [
        "корреспондент",
        "журналист",
        "обозреватель",
        "аналитик",
        "эксперт",
        "сотрудник",
        "редактор",
        "колумнист",
        "владелец",
        "совладелец",
        "пользователь",
        "клиент",
        "инвестор",
        "акционер",
        "партнёр",
        "партнер",
        "работник",
        "специалист",
        "консультант",
        "юрист",
        "адвокат",
        "спонсор",
    ]
)

# Titles written with a capital before the name in mid-sentence («Папа Иоанн Павел II»,
# «Патриарх Кирилл»): a role still (a capitalised word there is otherwise a name's).
RU_TITLES = frozenset(
    [
        "папа",
        "патриарх",
        "император",
        "императрица",
        "король",
        "королева",
        "принц",
        "принцесса",
        "кронпринц",
        "султан",
        "шейх",
        "эмир",
        "митрополит",
        "архиепископ",
    ]
)
