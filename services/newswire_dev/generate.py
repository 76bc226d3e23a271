"""A realistic synthetic dump in the sample's format, with the ground truth of what it holds.

Written by our own code from small vocabularies (no text of the real sample): several dump
sections, articles out of chronological order, English with some Russian and Kazakh ones,
people with roles, places, amounts, quotes that lost their opening mark, and a chosen share
of exact repeats, revisions and syndicated near-duplicate copies.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from newswire.core.identity import article_id

Kind = Literal["new", "exact", "revision", "near"]

FIRST = [
    "Aigerim",
    "Nurlan",
    "Dana",
    "Yerlan",
    "Saule",
    "Timur",
    "Aliya",
    "Marat",
    "Gulnara",
    "Arman",
    "Elena",
    "Pierre",
    "Kenji",
    "Maria",
    "Lars",
    "Amara",
    "Tomasz",
    "Ingrid",
    "Rashid",
    "Mei",
    "Jonas",
    "Zeynep",
    "Oksana",
    "Diego",
    "Farida",
    "Bakhyt",
    "Aruzhan",
]
LAST = [
    "Seitkali",
    "Omarov",
    "Zhaksylyk",
    "Baimukhanov",
    "Kemelbek",
    "Duisen",
    "Lefèvre",
    "Tanaka",
    "Nørgaard",
    "Okafor",
    "Kowalski",
    "Lindqvist",
    "Haddad",
    "Chen",
    "Weber",
    "Yılmaz",
    "Shevchenko",
    "García-Ruiz",
    "Abenov",
    "Sultanova",
    "Mukhametzhan",
]
ROLES = [
    "Minister of Energy",
    "Deputy Prime Minister",
    "Minister of Foreign Affairs",
    "Governor of the Karaganda Region",
    "Chairman of the Board",
    "Ambassador",
    "Minister of Agriculture",
    "Mayor of Shymkent",
    "Chief Executive Officer",
    "Minister of Digital Development",
    "President of the Chamber of Commerce",
]
COUNTRIES = [
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Japan", "Japanese", "Tokyo"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Poland", "Polish", "Warsaw"),
    ("Norway", "Norwegian", "Oslo"),
    ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Canada", "Canadian", "Ottawa"),
    ("Vietnam", "Vietnamese", "Hanoi"),
]
ORGS = [
    "Samruk-Kazyna",
    "KazMunayGas",
    "the Eurasian Development Bank",
    "Air Astana",
    "the Asian Infrastructure Investment Bank",
    "Kazatomprom",
    "the World Bank",
    "the Organization of Turkic States",
    "Nordic Wind Partners",
    "Baiterek Holding",
]
SOURCES = [
    "Kazinform News Agency reports",
    "primeminister.kz reports",
    "Akorda reports",
    "the press service of the Ministry reports",
    "Trend News Agency reports",
]
TOPICS = [
    "renewable energy",
    "logistics corridors",
    "digital services",
    "grain exports",
    "critical minerals",
    "water management",
    "tourism",
    "healthcare",
    "rail transit",
    "artificial intelligence",
    "education exchanges",
    "civil aviation",
    "fertilisers",
]
MONEY = [
    "${n} billion",
    "${n} million",
    "{n} billion US dollars",
    "€{n} million",
    "{n} million euros",
    "{n} billion tenge",
]
VERBS = ["discussed", "reviewed", "assessed", "outlined", "examined", "agreed on"]
FILLER = [
    "pilot projects",
    "joint ventures",
    "a roadmap",
    "customs procedures",
    "investment guarantees",
    "training programmes",
    "export quotas",
    "pipeline capacity",
    "a feasibility study",
    "supply chains",
    "tariff schedules",
    "research grants",
]

RU_NAMES = ["Айгерим Сейткали", "Нурлан Омаров", "Дана Жаксылык", "Ерлан Баймуханов"]
RU_SENT = [
    "Стороны обсудили {t} и перспективы сотрудничества в {c}.",
    "По словам министра, объем инвестиций составил {n} миллиардов тенге.",
    "{p} отметил важность реализации совместных проектов в {c}.",
    "В ходе встречи была подписана дорожная карта по развитию отрасли до {y} года.",
    "Эксперты ожидают рост товарооборота на {n} процентов в следующем году.",
]
KK_SENT = [
    "Тараптар {t} саласындағы ынтымақтастықты талқылады.",
    "Министрдің айтуынша, жобаның құны {n} миллиард теңгені құрайды.",
    "{p} бірлескен жобаларды жүзеге асырудың маңыздылығын атап өтті.",
    "Кездесу барысында {y} жылға дейінгі жол картасына қол қойылды.",
    "Өңірде жаңа өндіріс орындары ашылып, жұмыс орындары құрылады.",
]
# Russian and Kazakh leads and quotes in the agencies' patterns: a role before the name, a
# second person declined (Russian instrumental after "с", Kazakh "-мен/-бен/-пен"), an
# attribution clause, and a quote attributed by a dash clause. People: (nominative,
# instrumental, feminine).
RU_PEOPLE = [
    ("Айгерим Сейткали", "Айгерим Сейткали", True),
    ("Нурлан Омаров", "Нурланом Омаровым", False),
    ("Дана Жаксылык", "Даной Жаксылык", True),
    ("Ерлан Баймуханов", "Ерланом Баймухановым", False),
    ("Тимур Абенов", "Тимуром Абеновым", False),
    ("Гульнара Султанова", "Гульнарой Султановой", True),
    ("Марат Кемелбек", "Маратом Кемелбеком", False),
]
RU_ROLES = [  # (nominative, instrumental)
    ("Министр энергетики Казахстана", "министром энергетики Казахстана"),
    ("Аким Карагандинской области", "акимом Карагандинской области"),
    ("Премьер-министр Республики Казахстан", "Премьер-министром Республики Казахстан"),
    ("Посол Японии", "послом Японии"),
    (
        "Заместитель министра иностранных дел Германии",
        "заместителем министра иностранных дел Германии",
    ),
    ("Председатель правления Kazatomprom", "председателем правления Kazatomprom"),
]
RU_SOURCES = [
    "сообщает пресс-служба Акорды",
    "передает корреспондент Kazinform",
    "передает Kazinform со ссылкой на пресс-службу Акорды",
    "сообщает primeminister.kz",
    "передает пресс-служба МИД РК",
]
RU_LEAD_VERBS = [("провел встречу", "провела встречу"), ("встретился", "встретилась")]
RU_QUOTE_VERBS = [("отметил", "отметила"), ("подчеркнул", "подчеркнула"), ("заявил", "заявила")]
RU_QUOTES = [
    "Мы заинтересованы в развитии сотрудничества в сфере {t}",
    "Наши страны готовы реализовать совместные проекты на {n} миллиардов тенге",
    "{c} остается одним из ключевых партнеров Казахстана",
]
KK_PEOPLE = [
    "Айгерім Сейтқали",
    "Нұрлан Омаров",
    "Дана Жақсылық",
    "Ерлан Баймұханов",
    "Тимур Әбенов",
]
KK_ROLES = [
    "Қазақстанның энергетика министрі",
    "Түркия Президенті",
    "Жапония елшісі",
    "Қарағанды облысының әкімі",
    "Германияның сыртқы істер министрі",
]
KK_SOURCES = ["ҚазАқпарат", "Ақорданың баспасөз қызметі", "primeminister.kz"]
KK_QUOTE_VERBS = ["деді", "деп атап өтті", "деп мәлімдеді"]
KK_QUOTES = [
    "Біз {t} саласындағы ынтымақтастықты дамытуға мүдделіміз",
    "Бірлескен жобалардың құны {n} миллиард теңгеге жетеді",
]
RU_TITLES = ["Обсуждены вопросы сотрудничества в сфере {t}", "{p} провел встречу с инвесторами"]
KK_TITLES = ["{t} саласындағы ынтымақтастық талқыланды", "{p} инвесторлармен кездесті"]


@dataclass
class _Article:
    article_id: str
    local_time: datetime
    title: str
    paragraphs: list[str]
    views: int
    revision: int = 1
    root: str = ""
    language: str = "en"  # ISO 639-1 of the text the writer chose


@dataclass
class Corpus:
    """The dump text and its ground truth (what a correct deduplicator publishes)."""

    text: str
    occurrences: list[dict[str, Any]] = field(default_factory=list)

    def truth(self) -> dict[str, Any]:
        expected = [o for o in self.occurrences if o["kind"] != "exact"]
        kinds: dict[str, int] = {}
        for o in self.occurrences:
            kinds[o["kind"]] = kinds.get(o["kind"], 0) + 1
        return {
            "occurrences": self.occurrences,
            "expected_events": [
                {
                    "article_id": o["article_id"],
                    "revision": o["revision"],
                    "near_duplicate_of": o["near_duplicate_of"],
                }
                for o in expected
            ],
            "counts": kinds,
        }


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def amount(self) -> str:
        n = self.rng.choice(
            [f"{self.rng.randint(1, 99)}.{self.rng.randint(1, 9)}", str(self.rng.randint(2, 900))]
        )
        return self.rng.choice(MONEY).format(n=n)

    def sentence(self, country: tuple[str, str, str]) -> str:
        r = self.rng
        name, demonym, capital = country
        other = r.choice([c for c in COUNTRIES if c is not country])
        templates = [
            f"The parties {r.choice(VERBS)} {r.choice(FILLER)} in {r.choice(TOPICS)} and "
            f"{r.choice(FILLER)} between {name} and {other[0]}.",
            f"According to {r.choice(ORGS)}, trade turnover reached {self.amount()} in "
            f"{r.randint(2019, 2025)}, up {r.randint(2, 60)} percent.",
            f"{r.choice(ROLES)} {self.person()} noted that {r.choice(TOPICS)} remains a "
            f"priority for the {demonym} side.",
            f"Projects worth {self.amount()} are planned in {capital} and the "
            f"{r.choice(['northern', 'southern', 'eastern', 'western'])} regions.",
            f"A memorandum on {r.choice(FILLER)} was signed with {r.choice(ORGS)} in {capital}.",
            f"Delegations from {other[0]} and {name} {r.choice(VERBS)} {r.choice(FILLER)} "
            f"for {r.randint(2026, 2035)}.",
            f"{r.choice(FILLER).capitalize()} worth {self.amount()} will support "
            f"{r.choice(TOPICS)} over {r.randint(2, 12)} years.",
        ]
        return r.choice(templates)

    def quote(self, speaker: str, country: tuple[str, str, str]) -> str:
        r = self.rng
        body = (
            f"We see great potential in {r.choice(TOPICS)} with {country[0]} and are "
            f"ready to expand {r.choice(FILLER)}"
        )
        if r.random() < 0.6:  # the scraper lost the opening quotation mark
            return f'{body}," {speaker} said.'
        return f'{speaker} said that "{body}."'

    def english(self) -> tuple[str, list[str]]:
        r = self.rng
        country = r.choice(COUNTRIES)
        role, speaker = r.choice(ROLES), self.person()
        title = r.choice(
            [
                f"{speaker} Discusses {r.choice(TOPICS).title()} With {country[1]} Partners",
                f"{country[0] if country[0] != 'Kazakhstan' else 'Mongolia'} and Kazakhstan Agree "
                f"on {r.choice(FILLER).title()}",
                f"{r.choice(ORGS).removeprefix('the ')} to Invest in {r.choice(TOPICS).title()}",
                f"{role} {speaker} Visits {country[2]}",
            ]
        )
        first = (
            f"{role} of {country[0]} {speaker} held a meeting on {r.choice(TOPICS)} "
            f"in {country[2]}, {r.choice(SOURCES)}."
        )
        paragraphs = [first]
        for _ in range(r.randint(3, 10)):
            paragraphs.append(" ".join(self.sentence(country) for _ in range(r.randint(2, 4))))
        if r.random() < 0.7:
            paragraphs.insert(r.randint(2, len(paragraphs)), self.quote(speaker, country))
        return title, paragraphs

    def cyrillic(self, kazakh: bool) -> tuple[str, list[str]]:
        r = self.rng
        sentences, titles = (KK_SENT, KK_TITLES) if kazakh else (RU_SENT, RU_TITLES)

        def fill(template: str) -> str:
            return template.format(
                t=r.choice(TOPICS),
                c=r.choice(COUNTRIES)[0],
                p=r.choice(RU_NAMES),
                n=r.randint(2, 900),
                y=r.randint(2026, 2035),
            )

        paragraphs = [
            " ".join(fill(r.choice(sentences)) for _ in range(r.randint(2, 4)))
            for _ in range(r.randint(3, 8))
        ]
        title = fill(r.choice(titles))
        # The lead and the quote come from their own generator, seeded by what was drawn: the
        # shared one draws as it always has, so a seed's English articles stay as they were.
        own = random.Random("\n".join([title, *paragraphs]))  # noqa: S311 - test data
        lead, quote = _kazakh_lead(own) if kazakh else _russian_lead(own)
        paragraphs.insert(0, lead)
        paragraphs.insert(own.randint(2, len(paragraphs)), quote)
        return title, paragraphs


def _russian_lead(r: random.Random) -> tuple[str, str]:
    """A lead (two people, roles before names, the second declined) and a dash-clause quote."""
    (name, _, feminine), (_, other, _) = r.sample(RU_PEOPLE, 2)
    (role, _), (_, other_role) = r.sample(RU_ROLES, 2)
    verb = r.choice(RU_LEAD_VERBS)[feminine]
    lead = f"{role} {name} {verb} с {other_role} {other}, {r.choice(RU_SOURCES)}."
    said = r.choice(RU_QUOTE_VERBS)[feminine]
    text = r.choice(RU_QUOTES).format(
        t=r.choice(TOPICS), n=r.randint(2, 900), c=r.choice(["Китай", "Япония", "Германия"])
    )
    close = r.choice(["»", ""])  # the opening mark is lost in the scrape; sometimes both
    return lead, f"{text}{close}, – {said} {name}."


def _instrumental(name: str) -> str:
    """Kazakh instrumental on a name's last sound: -мен after vowels and м, н, ң; -бен after
    other voiced sounds; -пен after voiceless ones."""
    last = name[-1].lower()
    if last in "аәеиоөұүыіэюяумнң":
        return f"{name}мен"
    return f"{name}бен" if last in "жзлрй" else f"{name}пен"


def _kazakh_lead(r: random.Random) -> tuple[str, str]:
    name, other = r.sample(KK_PEOPLE, 2)
    role, other_role = r.sample(KK_ROLES, 2)
    lead = (
        f"{role} {name} {other_role} {_instrumental(other)} кездесті, деп хабарлайды "
        f"{r.choice(KK_SOURCES)}."
    )
    text = r.choice(KK_QUOTES).format(t=r.choice(TOPICS), n=r.randint(2, 900))
    return lead, f"{text}», – {r.choice(KK_QUOTE_VERBS)} {name}."


def _header(a: _Article, views: int) -> str:
    return f"{a.local_time:%d.%m.%Y, %H:%M} {views}"


def generate(
    articles: int,
    *,
    repeat_rate: float = 0.1,
    revision_rate: float = 0.03,
    near_dup_rate: float = 0.03,
    seed: int = 0,
    sections: int = 3,
    zone: ZoneInfo | None = None,
    start: date = date(2025, 7, 1),
) -> Corpus:
    """``articles`` occurrences in ``sections`` dump sections, with the given shares of kinds."""
    if articles < 0 or sections < 1:
        raise ValueError("articles must be >= 0 and sections >= 1")
    if repeat_rate + revision_rate + near_dup_rate > 1:
        raise ValueError("repeat, revision and near-duplicate rates must add up to at most 1")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    writer = _Writer(rng)
    zone = zone or ZoneInfo("Asia/Almaty")
    seen: list[_Article] = []
    corpus = Corpus(text="")
    lines: list[str] = []
    per_section = max(1, -(-articles // sections)) if articles else 0
    for index in range(articles):
        section = index // per_section if per_section else 0
        dump_day = start + timedelta(days=section)
        # A new section's marker stands on the line of its first header, as in real dumps.
        marker = f" date {dump_day.isoformat()} " if index % per_section == 0 else ""
        roll = rng.random()
        kind: Kind = "new"
        if seen and roll < repeat_rate:
            kind = "exact"
        elif seen and roll < repeat_rate + revision_rate:
            kind = "revision"
        elif seen and roll < repeat_rate + revision_rate + near_dup_rate:
            kind = "near"
        article = _occurrence(kind, writer, seen, dump_day, zone)
        views = article.views = article.views + rng.randint(1, 5000)
        near_of = article.root if kind == "near" else None
        corpus.occurrences.append(
            {
                "index": index,
                "kind": kind,
                "article_id": article.article_id,
                "revision": article.revision,
                "near_duplicate_of": near_of,
                "language": article.language,
            }
        )
        lines.append(marker + _header(article, views))
        lines.append(article.title)
        paragraphs = article.paragraphs
        if kind == "exact" and rng.random() < 0.5:  # re-scrapes differ in whitespace only
            paragraphs = [p.replace(" ", "  ", 1) for p in paragraphs]
        lines.extend(paragraphs)
    corpus.text = "\n".join(lines) + ("\n" if lines else "")
    return corpus


def _occurrence(
    kind: Kind, writer: _Writer, seen: list[_Article], dump_day: date, zone: ZoneInfo
) -> _Article:
    rng = writer.rng
    if kind == "exact":
        return rng.choice(seen)
    if kind == "revision":
        article = rng.choice(seen)
        country = rng.choice(COUNTRIES)
        edited = list(article.paragraphs)
        spot = rng.randrange(1, len(edited)) if len(edited) > 1 else 0
        edited[spot] = writer.sentence(country) + " " + writer.sentence(country)
        article.paragraphs = edited
        article.revision += 1
        return article
    local_time = datetime.combine(dump_day, datetime.min.time()) - timedelta(
        minutes=rng.randint(60, 20 * 24 * 60)
    )
    if kind == "near":
        original = rng.choice(seen)
        title, _ = writer.english()
        paragraphs = list(original.paragraphs)
        paragraphs[0] = paragraphs[0].rsplit(",", 1)[0] + f", {rng.choice(SOURCES)}."
        paragraphs.append(f"The story was first published by {rng.choice(ORGS)}.")
        root, language = original.root, original.language
    else:
        lang = rng.random()
        if lang < 0.08:
            (title, paragraphs), language = writer.cyrillic(kazakh=False), "ru"
        elif lang < 0.12:
            (title, paragraphs), language = writer.cyrillic(kazakh=True), "kk"
        else:
            (title, paragraphs), language = writer.english(), "en"
        root = ""
    aid = article_id(local_time.replace(tzinfo=zone), title)
    article = _Article(
        aid,
        local_time,
        title,
        paragraphs,
        views=rng.randint(100, 5000),
        root=root or aid,
        language=language,
    )
    seen.append(article)
    return article
