"""Russian and Kazakh people: where a role starts and ends, what evidence makes a person."""

from __future__ import annotations

import pytest

from tests.test_newswire.enrich.support import enriched


def _people(body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in enriched("Заголовок", body).entities.persons}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # the role starts at the outermost role noun; "и" joins two roles, not one
            "В совещании приняли участие акимы областей и министр энергетики Алмасадам Саткалиев.",
            {"Алмасадам Саткалиев": "министр энергетики"},
        ),
        (  # an adjective before the role noun belongs to it, in the nominative
            "Он встретился с первым заместителем министра финансов Даниярой Сейткалиевой.",
            {"Данияра Сейткалиева": "первый заместитель министра финансов"},
        ),
        (  # a speech verb before the name is evidence enough
            "Мы готовы к переговорам, – сказала Жанна Ахметова.",
            {"Жанна Ахметова": None},
        ),
        (  # a first name that is also a city's name (Medina) is the name after a role
            "Министр финансов Мадина Абылкасымова провела встречу с инвесторами.",
            {"Мадина Абылкасымова": "Министр финансов"},
        ),
        (  # a preposition before a capitalised word stays inside the role
            "Он провел встречу с Послом Японии в Казахстане Кэндзи Ямадой.",
            {"Кэндзи Ямада": "Посол Японии в Казахстане"},
        ),
        (  # "по словам" puts the name in the genitive
            "Министр транспорта Нурлан Сауранбаев провел совещание. По словам Нурлана "
            "Сауранбаева, грузы растут.",
            {"Нурлан Сауранбаев": "Министр транспорта"},
        ),
        (  # each segment of a role joined by a dash goes to the nominative
            "С заместителем Премьер-министра – министром иностранных дел Муратом Нуртлеу "
            "встретился посол.",
            {"Мурат Нуртлеу": "заместитель Премьер-министра – министр иностранных дел"},
        ),
        (  # a syllable of a Chinese name is a name word, however short
            "Он встретился с министром иностранных дел Китая Ван И в Пекине.",
            {"Ван И": "министр иностранных дел Китая"},
        ),
        (  # a speech verb after the name is evidence enough
            "Мы готовы к переговорам, сообщил Ержан Казыхан.",
            {"Ержан Казыхан": None},
        ),
        (  # a dictionary adjective and a country are no names
            "Карагандинской области выделено 20 миллиардов тенге, сообщает Kazinform.",
            {},
        ),
    ],
)
def test_russian_people(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a sentence's first word is no part of the role after it
            "Кездесуге Жапония елшісі Ерлан Баймұханов қатысты, деп хабарлайды ҚазАқпарат.",
            {"Ерлан Баймұханов": "Жапония елшісі"},
        ),
        (  # the role ends at the previous person
            "Қазақстанның көлік министрі Нұрлан Сауранбаев Қытайдың көлік министрі Ли "
            "Гочжэнмен кездесті.",
            {
                "Нұрлан Сауранбаев": "Қазақстанның көлік министрі",
                "Ли Гочжэн": "Қытайдың көлік министрі",
            },
        ),
        (  # a role at the start of a sentence, its first word capitalised for the sentence
            "Мемлекет басшысы Қасым-Жомарт Тоқаев кездесті. Ауыл шаруашылығы министрі "
            "Айдарбек Сапаров баяндады.",
            {
                "Қасым-Жомарт Тоқаев": "Мемлекет басшысы",
                "Айдарбек Сапаров": "Ауыл шаруашылығы министрі",
            },
        ),
        (  # an organisation's name in quotes belongs to the role; the name ends at its suffix
            "«Самұрық-Қазына» АҚ басқарма төрағасы Нұрлан Жақыпов Францияның Engie компаниясының "
            "басшысы Николя Мартенмен Парижде кездесті.",
            {
                "Нұрлан Жақыпов": "«Самұрық-Қазына» АҚ басқарма төрағасы",
                "Николя Мартен": "Францияның Engie компаниясының басшысы",
            },
        ),
        (  # a two-word speech verb after the name is evidence; its last word alone is not
            "Бұл маңызды қадам деп Ержан Қазыхан атап өтті. Бұл қадам деп Тамыз өтті.",
            {"Ержан Қазыхан": None},
        ),
        (  # "өтті" alone is no speech verb ("Кездесу Бакуде өтті")
            "Кездесу Бакуде өтті. Тараптар ынтымақтастықты талқылады.",
            {},
        ),
    ],
)
def test_kazakh_people(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


def _mentions(body: str) -> dict[str, list[str]]:
    persons = enriched("Заголовок", body).entities.persons
    return {p.name: [m.text for m in p.mentions] for p in persons}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a surname the dictionary knows is a person alone, at a sentence's start too
            "На встрече выступил Песков. Путин заявил, что всё в порядке.",
            {"Песков": None, "Путин": None},
        ),
        (  # a first name after a surname starts another name
            "Встреча с администрацией Владимира Путина Дмитрий Песков не прокомментировал.",
            {"Владимир Путин": None, "Дмитрий Песков": None},
        ),
        (  # a declined place is no first name
            "В Анталье Нуланд встретилась с коллегами.",
            {"Нуланд": None},
        ),
        (  # after a known first name, any surname: foreign ones, dictionary words
            "В фильме снялся Андрей Пучков. Билл Гейтс и Генри Киссинджер приехали.",
            {"Андрей Пучков": None, "Билл Гейтс": None, "Генри Киссинджер": None},
        ),
        (  # a role noun right before a word in another case is no role of it
            "Главой Рособрнадзора назначен Сергей Кравцов.",
            {"Сергей Кравцов": None},
        ),
        (  # an adjective before its noun is no surname
            "Студенты Московского университета пришли на митинг.",
            {},
        ),
        (  # a rare first name alone is no person; a common one is
            "Грузы идут через порты Актау и Алят. Вчера приехал Глеб.",
            {"Глеб": None},
        ),
        (  # particles inside a name
            "Переговоры провел эмир Тамим бин Хамад Аль Тани.",
            {"Тамим бин Хамад Аль Тани": "эмир"},
        ),
    ],
)
def test_russian_names_without_a_surname_ending(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


def test_every_form_of_a_name_is_one_person_in_the_nominative() -> None:
    body = (
        "Дмитрий Медведев приехал в город. Встреча с Дмитрием Медведевым прошла хорошо. "
        "Медведева ждали долго."
    )
    assert _mentions(body) == {
        "Дмитрий Медведев": ["Дмитрий Медведев", "Дмитрием Медведевым", "Медведева"]
    }


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a title before the name; a sentence's first word is no first name
            "Елбасы Нұрсұлтан Назарбаев кездесті. Биыл Нұрсұлтан Назарбаев келді.",
            {"Нұрсұлтан Назарбаев": "Елбасы"},
        ),
        (  # a surname alone, its case suffix taken off
            "Бұл туралы Тоқаевтың сөзінде айтылды.",
            {"Тоқаев": None},
        ),
        (  # adjectives in -лы and words that open sentences are no names
            "Көпбалалы отбасылар көмек алды. Айта кетейік, жоба аяқталды.",
            {},
        ),
    ],
)
def test_kazakh_names_alone_and_at_sentence_starts(
    body: str, people: dict[str, str | None]
) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # any profession pymorphy3 knows as a person's noun is a role
            "Скончался писатель Юрий Бондарев.",
            {"Юрий Бондарев": "писатель"},
        ),
        (  # a plural role is each listed name's, in the singular
            "Песню исполнили вместе с музыкантами Вадимом Голутвиным и Евгением Казанцевым.",
            {"Вадим Голутвин": "музыкант", "Евгений Казанцев": "музыкант"},
        ),
        (  # a role in apposition after the name
            "Андрей Клишас, глава комитета Совета Федерации, выступил с докладом.",
            {"Андрей Клишас": "глава комитета Совета Федерации"},
        ),
        (  # an age before a name is evidence; kin is no role
            "Задержан 29-летний Брендт Кристенсен. С ним был сын Гидеон Кристенсен.",
            {"Брендт Кристенсен": None, "Гидеон Кристенсен": None},
        ),
        (  # a regnal number is part of the name
            "Поздравила королева Елизавета II.",
            {"Елизавета II": "королева"},
        ),
        (  # initials written as one word with the surname; a title in quotes is no one
            "Об этом заявил В.Лукашенко. Фильм «Афоня» вышел в прокат.",
            {"Лукашенко": None},
        ),
    ],
)
def test_roles_lists_and_appositions(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a name said in address after a greeting, or opening what is said to them
            "Қайырлы күн, Динара! Лаура, кезек сізде.",
            {"Динара": None, "Лаура": None},
        ),
        (  # names listed with a person's are persons' too
            "Сөз алғандар: Ерлан Жақыпов, Мерей Қалиасқар және Риат Шони.",
            {"Ерлан Жақыпов": None, "Мерей Қалиасқар": None, "Риат Шони": None},
        ),
        (  # a profession's stem before a name is a role
            "Толығырақ тілшіміз Ұлан Нарынбек баяндайды.",
            {"Ұлан Нарынбек": "тілшіміз"},
        ),
        (  # a noun with the possessive after its complement is a role
            "Президенттің көмекшісі Мәулен Әшімбаев кездесті.",
            {"Мәулен Әшімбаев": "Президенттің көмекшісі"},
        ),
        (  # a compound name's head with the possessive is no person's
            "Сауд Арабиясында және Ұлттар Ұйымында кездесу өтті.",
            {},
        ),
        (  # a bare name before a possessed noun of a place names the place; a name before
            # an object in another case is a person's
            "Жол Сайын даңғылы мен Бірлік ауылында жөнделді. Президент Қасым-Жомарт Тоқаев "
            "облыс басшылығына тапсырма берді.",
            {"Қасым-Жомарт Тоқаев": "Президент"},
        ),
    ],
)
def test_kazakh_address_lists_and_possessive_roles(
    body: str, people: dict[str, str | None]
) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a compound profession the dictionary does not know, by its parts
            "Скандал вокруг журналиста-расследователя Ивана Голунова утих.",
            {"Иван Голунов": "журналист-расследователь"},
        ),
        (  # adjectives before an apposition's head; a participle to the nominative
            "Приехал Элвис Вейс, брюссельский профессиональный дизайнер. Выступил действующий "
            "президент Роберт Мугабе.",
            {
                "Элвис Вейс": "брюссельский профессиональный дизайнер",
                "Роберт Мугабе": "действующий президент",
            },
        ),
        (  # a plural role over a list with asides
            "Выступили музыканты Юрий Царёв (проект «Метро»), Алексей Борисов и Павел Шевелёв.",
            {"Юрий Царёв": "музыкант", "Алексей Борисов": "музыкант", "Павел Шевелёв": "музыкант"},
        ),
    ],
)
def test_compound_roles_appositions_and_lists(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # an age between a role and the name stays out of the role
            "Выступил действующий президент 89-летний Роберт Мугабе.",
            {"Роберт Мугабе": "действующий президент"},
        ),
        (  # a foreign name the dictionary does not know may be in any case after a role
            "У его супруги певицы Бейонсе родилась двойня.",
            {"Бейонсе": "певица"},
        ),
        (  # a first name in the case of the word before it goes on the name
            "Компания выплатила Деуэйну Джонсону компенсацию.",
            {"Деуэйн Джонсон": None},
        ),
    ],
)
def test_ages_indeclinable_names_and_agreeing_first_names(
    body: str, people: dict[str, str | None]
) -> None:
    assert _people(body) == people


def test_a_name_in_latin_letters_in_parentheses_is_the_same_person() -> None:
    body = "Другой кандидат — Шейк Модибо Диарра (Cheick Modibo Diarra), бывший премьер."
    assert _mentions(body) == {"Шейк Модибо Диарра": ["Шейк Модибо Диарра", "Cheick Modibo Diarra"]}


def test_a_surname_like_an_adjective_after_a_first_name_goes_to_the_nominative() -> None:
    body = "Концерт открыло выступление стендап-комика Данилы Поперечного."
    assert _people(body) == {"Данила Поперечный": "стендап-комик"}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a surname like an adjective before its noun is that noun's adjective
            "Иван Голунов выступил в зале Никитинского суда.",
            {"Иван Голунов": None},
        ),
        (  # a name after the noun of what it names is that thing's
            "Об этом сообщает агентство Рейтер.",
            {},
        ),
        (  # a speaker is named in the nominative
            "Глава группы наблюдателей от Афросоюза заявил, что выборы прошли.",
            {},
        ),
        (  # a place before a comma is not listed with the person after it
            "Находясь в Тусоне, Кэтрин не звонила.",
            {"Кэтрин": None},
        ),
    ],
)
def test_names_of_things_after_their_nouns_and_speakers(
    body: str, people: dict[str, str | None]
) -> None:
    assert _people(body) == people


def test_a_role_the_sentence_says_after_a_verb_of_being() -> None:
    body = "Сергей Иванов работал министром обороны. Анна Петрова стала писателем."
    assert _people(body) == {"Сергей Иванов": "министр обороны", "Анна Петрова": "писатель"}


def test_a_woman_and_a_man_of_one_surname_are_two_people_and_a_role_of_the_other() -> None:
    body = "Встреча с Александром Колпаковым прошла. Помощник Александры Колпаковой приехал."
    assert _people(body) == {"Александр Колпаков": None, "Александра Колпакова": None}


def test_an_organisation_in_quotes_belongs_to_the_role_and_is_no_person() -> None:
    body = "Глава «Металлоинвеста» Андрей Варичев выступил."
    assert _people(body) == {"Андрей Варичев": "Глава «Металлоинвеста»"}


def test_a_surname_or_first_name_alone_is_a_mention_of_the_person_named_in_full() -> None:
    body = (
        "Пресс-секретарь Дмитрий Песков выступил. Песков прокомментировал слова. "
        "Дмитрий добавил, что встреча прошла."
    )
    assert _mentions(body) == {"Дмитрий Песков": ["Дмитрий Песков", "Песков", "Дмитрий"]}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a name the dictionary reads as a town's as likely is the person's in Kazakh text;
            # with its noun it is the place
            "Шетелдіктердің бәрі бірдей бірден Абайдың есімін атайды. Абай ауданында жол салынды.",
            {"Абай": None},
        ),
        (  # a first name set off by a comma at either end of a sentence is said in address
            "Бүгін жоба басталды. Индира, бұл құжаттың маңыздылығы неде? Менде әзірге осы, Динара.",
            {"Индира": None, "Динара": None},
        ),
        (  # not a Kazakh word the Russian letters read as a name (Әрине: Арина)
            "Бүгін жоба басталды. Әрине, бұл құжаттың маңыздылығы зор.",
            {},
        ),
        (  # a common first name as written may open a Kazakh sentence; a rare one may not
            "Жоба басталды. Светлана осы қылмысқа қатысты заңның қатаңдатылуын қолдайды.",
            {"Светлана": None},
        ),
    ],
)
def test_kazakh_names_over_towns_address_and_sentence_starts(
    body: str, people: dict[str, str | None]
) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a compound of a role or a trade is no name's first word, but the role
            "Поп-звезда Мадонна выступила в Лондоне. Экс-президент Борис Ельцин прилетел.",
            {"Борис Ельцин": "Экс-президент"},
        ),
        (  # after the role's country, a word the dictionary does not know is the holder
            "Император Японии Акихито отрёкся от престола.",
            {"Акихито": "Император Японии"},
        ),
        (  # a foreign first name the dictionary reads only as a plural (Фрэнки: Franks)
            "Французский спортсмен Фрэнки Запата пересёк Ла-Манш.",
            {"Фрэнки Запата": "Французский спортсмен"},
        ),
        (  # an unknown name in -а after a role in the nominative, though guessed a genitive
            "На фотографии моряк Мендонса целует медсестру.",
            {"Мендонса": "моряк"},
        ),
        (  # an unknown first name in -а goes on with a first name after it (not «Зулема»)
            "Министр здравоохранения Перу Зулема Томас назвала состояние тяжёлым.",
            {"Зулема Томас": "Министр здравоохранения Перу"},
        ),
        (  # the role the name agrees with is its own, not the farther one it depends on
            "Он стал главой штаба телеведущей Ксении Собчак.",
            {"Ксения Собчак": "телеведущий"},
        ),
        (  # a kin noun is no role, whatever reading the dictionary ranks (внучка: внучек)
            "Кроме того, внучка Минтимера Шаймиева вошла в совет директоров.",
            {"Минтимер Шаймиев": None},
        ),
    ],
)
def test_role_compounds_countries_and_agreement(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


def test_a_role_said_of_a_person_named_again_by_surname() -> None:
    body = "Другой кандидат — Модибо Сидибе. С 2007 года Сидибе работал премьером Мали."
    assert _people(body) == {"Модибо Сидибе": "премьер Мали"}


def test_an_occupation_is_the_role_rather_than_a_standing() -> None:
    body = (
        "Лауреат премии Grammy Даниил Трифонов выступил в Москве. "
        "Трифонов, пианист из Нижнего Новгорода, сыграл Рахманинова."
    )
    assert _people(body)["Даниил Трифонов"] == "пианист"


def test_a_latin_name_after_a_trade_is_a_person_and_after_an_office_or_a_noun_is_not() -> None:
    body = (
        "В 1994 году он женился на 15-летней певице Aaliyah. Аккаунты блогера Mimeng закрыты. "
        "По словам генерального секретаря Osapp, тюрьмы переполнены. Контракт с компанией Apple "
        "подписан, сообщает корреспондент Kazinform."
    )
    assert _people(body) == {"Aaliyah": "певица", "Mimeng": "блогер"}


def test_a_latin_name_after_a_trade_and_before_a_name_is_the_trades_complement() -> None:
    body = (
        "Сооснователь Microsoft 64-летний Билл Гейтс покидает совет. Группа анонсировала "
        "мировой тур Global Spirit Tour."
    )
    assert _people(body) == {"Билл Гейтс": "Сооснователь Microsoft"}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # an aside in parentheses and a preposition inside the complement stay in the role
            "Об этом сообщила со ссылкой на пресс-секретаря Фонда борьбы с коррупцией (ФБК) "
            "Киру Ярмыш газета.",
            {"Кира Ярмыш": "пресс-секретарь Фонда борьбы с коррупцией (ФБК)"},
        ),
        (
            "Кремль объявил об увольнении начальника Управления по контролю за оборотом "
            "наркотиков Юрия Девяткина.",
            {"Юрий Девяткин": "начальник Управления по контролю за оборотом наркотиков"},
        ),
        (  # not a preposition before another person's role
            "Он встретился с министром в Москве с журналистом Иваном Ивановым.",
            {"Иван Иванов": "журналист"},
        ),
        (  # nor one whose object is the name's («по делу»); a noun only read as a person's
            # in another case is no role (политику: the policy)
            "Уволены генералы полиции по делу Ивана Голунова. Он подверг критике политику "
            "Дональда Трампа.",
            {"Иван Голунов": None, "Дональд Трамп": None},
        ),
    ],
)
def test_roles_with_asides_and_prepositions_in_their_complement(
    body: str, people: dict[str, str | None]
) -> None:
    assert _people(body) == people


def test_a_role_before_a_dash_after_a_no_break_space_is_the_names() -> None:
    body = "Он выступил с музыкантами группы СВ\xa0— Вадимом Голутвиным и Юрием Китаевым."
    assert _people(body) == {
        "Вадим Голутвин": "музыкант группы СВ",
        "Юрий Китаев": "музыкант группы СВ",
    }


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a plural role before a colon is each listed name's
            "Под расследование попали экс-президенты: Альберто Фухимори (1990—2000 годы), "
            "Алехандро Толедо (2001—2006 годы).",
            {"Альберто Фухимори": "экс-президент", "Алехандро Толедо": "экс-президент"},
        ),
        (  # and before «, среди которых —»
            "Прилетели известные писатели, среди которых — Павел Басинский и Михаил Павлов.",
            {"Павел Басинский": "известный писатель", "Михаил Павлов": "известный писатель"},
        ),
        (  # and before «, в том числе»
            "На фестиваль приехали музыканты, в том числе Юрий Царёв и Павел Шевелёв.",
            {"Юрий Царёв": "музыкант", "Павел Шевелёв": "музыкант"},
        ),
        (  # a plural the dictionary reads first as another noun's singular (критика)
            "Прилетели писатели и критики, среди которых — Павел Басинский и Михаил Павлов.",
            {"Павел Басинский": "критик", "Михаил Павлов": "критик"},
        ),
        (  # a title with a capital in mid-sentence is a role
            "В 1986 году Папа Иоанн Павел II назначил его архиепископом.",
            {"Иоанн Павел II": "Папа"},
        ),
        (  # the listed names keep their own case, not the role's genitive
            "Вчера на сцену вышли пять экс-президентов: Иван Петров и Пётр Сидоров.",
            {"Иван Петров": "экс-президент", "Пётр Сидоров": "экс-президент"},
        ),
        (  # a singular one before a colon is not: what follows is said to it
            "Он сказал министру: Иван Петров уйдёт.",
            {"Иван Петров": None},
        ),
    ],
)
def test_a_plural_role_opening_a_list(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (  # a Kazakh given name the Russian dictionary lacks, alone or before a surname
            "Ол жолдасы Дәуренмен бірге жоба әзірлейді. Кеше Әсел Мәркен сөз сөйледі.",
            {"Дәурен": None, "Әсел Мәркен": None},
        ),
        (  # in address at a sentence's start
            "Жоба басталды. Сағыныш, енді «Цифрлы Қазақстан» бағдарламасы бар.",
            {"Сағыныш": None},
        ),
        (  # not before a word of the Russian dictionary, a month, a road, or «Азия-Тынық»
            "Алтын Орда тарихы зерттелді. Наурыз мерекесі өтті. Ұлы Жібек жолы бойында. "
            "Өнерпаз Азия-Тынық мұхиты фестивалінде өнер көрсетті.",
            {},
        ),
    ],
)
def test_kazakh_given_names_as_evidence(body: str, people: dict[str, str | None]) -> None:
    assert _people(body) == people


def test_a_name_after_a_kin_noun_is_a_persons_though_the_dictionary_reads_a_town() -> None:
    body = "Возможно, у него есть дочь Стефани от искусствоведа Хелен Макинтайр."
    event = enriched("Заголовок", body)
    assert {p.name for p in event.entities.persons} == {"Стефани", "Хелен Макинтайр"}
    assert event.entities.locations == []


def test_a_rare_first_name_alone_in_russian_counts_when_common_in_kazakhstan() -> None:
    body = "Акционерами выступали его сыновья - Радик (51% акций). Грузы идут через порт Алят."
    assert _people(body) == {"Радик": None}
    # in any case: the name's dictionary form is looked up
    assert _people("Половину акций передали Радику (51% акций).") == {"Радик": None}


def test_a_latin_name_after_a_trade_takes_no_role_across_an_earlier_name() -> None:
    body = "Глава Минкульта Иван Петров композитор Long Arm выступил."
    assert _people(body)["Long Arm"] == "композитор"
