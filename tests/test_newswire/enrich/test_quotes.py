"""Quotes and their speakers: English marks, Russian and Kazakh reported speech."""

from __future__ import annotations

from newswire.core.models import Person
from newswire.enrich.quotes import quotes

_PEOPLE = [Person(key="абылкасымова", name="Мадина Абылкасымова", role="Министр финансов")]


def test_a_pronoun_in_the_dash_clause_is_the_person_last_named() -> None:
    found = quotes(
        [
            "Министр финансов Мадина Абылкасымова провела встречу с инвесторами.",
            "Мы обеспечим прозрачность бюджета», — отметила она.",
        ],
        _PEOPLE,
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("Мадина Абылкасымова", "Мы обеспечим прозрачность бюджета")
    ]


def test_the_quote_starts_at_its_opening_mark_when_it_kept_one() -> None:
    found = quotes(
        ["Министр сказал: «Бюджет сбалансирован», – отметила Мадина Абылкасымова."], _PEOPLE
    )
    assert [(q.speaker, q.text) for q in found] == [("Мадина Абылкасымова", "Бюджет сбалансирован")]


def test_a_dash_without_a_speech_verb_is_no_quote() -> None:
    assert (
        quotes(["Казахстан и Китай – стратегические партнеры, отметили эксперты."], _PEOPLE) == []
    )


def test_a_title_alone_is_no_speaker() -> None:
    found = quotes(["Катар открыт для инвестиций», – заявил Эмир."], _PEOPLE)
    assert [(q.speaker, q.text) for q in found] == [(None, "Катар открыт для инвестиций")]


def test_english_shapes_need_their_marks() -> None:
    found = quotes(
        [
            'Minister Murat Nurtleu said: "We will open three new routes next year."',
            "We highly appreciate the support of Central Asia,” Hidehiko Yuzaki said.",
            "Murat Nurtleu said the routes will open next year.",  # no marks: no quote
        ],
        [Person(key="nurtleu", name="Murat Nurtleu"), Person(key="yuzaki", name="Hidehiko Yuzaki")],
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("Murat Nurtleu", "We will open three new routes next year."),
        ("Hidehiko Yuzaki", "We highly appreciate the support of Central Asia"),
    ]


def test_a_pronoun_is_the_last_person_a_paragraph_names() -> None:
    found = quotes(
        [
            "Murat Nurtleu met Hidehiko Yuzaki in Astana.",
            'He said: "Both sides agreed on the new transit routes."',
        ],
        [Person(key="nurtleu", name="Murat Nurtleu"), Person(key="yuzaki", name="Hidehiko Yuzaki")],
    )
    assert [q.speaker for q in found] == ["Hidehiko Yuzaki"]


def test_a_quote_in_a_later_paragraph_still_names_the_person_named_before() -> None:
    people = [Person(key="yuzaki", name="Hidehiko Yuzaki")]
    paragraphs = ["Hidehiko Yuzaki visited Astana.", 'He said that "the talks went very well."']
    found = quotes(paragraphs, people)
    assert [(q.text, q.speaker) for q in found] == [
        ("the talks went very well.", "Hidehiko Yuzaki")
    ]


_PESKOV = Person(key="песков", name="Дмитрий Песков")
_TOKAYEV = Person(key="токаев", name="Қасым-Жомарт Тоқаев")


def _said(paragraphs: list[str], people: list[Person], language: str = "ru") -> list[tuple]:
    return [(q.speaker, q.text) for q in quotes(paragraphs, people, language)]


def test_the_dash_clause_speaker_follows_the_verb_after_a_no_break_space() -> None:
    found = _said(["«Переговоры прошли успешно»,\u00a0— сказал Песков журналистам в Сочи."], [])
    assert found == [("Песков", "Переговоры прошли успешно")]


def test_a_name_behind_a_preposition_in_the_dash_clause_is_no_speaker() -> None:
    found = _said(["«Мы готовы к диалогу», — заявил дипломат на встрече с Дмитрием Песковым."], [])
    assert found == [(None, "Мы готовы к диалогу")]


def test_the_name_after_a_role_in_the_dash_clause_is_the_speaker_not_its_complement() -> None:
    assert _said(["«Цены вырастут», — сообщил представитель Пескова."], [_PESKOV]) == [
        (None, "Цены вырастут")
    ]
    assert _said(["«Цены вырастут», — сообщил министр финансов России Антон Силуанов."], []) == [
        ("Антон Силуанов", "Цены вырастут")
    ]


def test_a_quote_of_several_sentences_runs_back_to_its_opening_mark_past_nested_ones() -> None:
    paragraph = "Он вышел. «Проект «Север» готов. Стройка начнётся весной», — отметил Песков."
    assert _said([paragraph], [_PESKOV]) == [
        ("Дмитрий Песков", "Проект «Север» готов. Стройка начнётся весной")
    ]


def test_straight_marks_close_the_quote_before_the_dash() -> None:
    found = _said(['Он вышел. "Это был трудный день", - рассказал Песков.'], [_PESKOV])
    assert found == [("Дмитрий Песков", "Это был трудный день")]


def test_said_that_quotes_the_clause_after_that_and_names_the_subject() -> None:
    paragraphs = [
        "Президент США Дональд Трамп заявил в понедельник, что переговоры продолжатся, "
        "передает ТАСС."
    ]
    assert _said(paragraphs, []) == [("Дональд Трамп", "переговоры продолжатся")]


def test_said_that_takes_a_pronoun_for_the_person_named_before() -> None:
    paragraphs = ["Дмитрий Песков прибыл в Минск.", "Он добавил, что визит продлится два дня."]
    assert _said(paragraphs, [_PESKOV]) == [("Дмитрий Песков", "визит продлится два дня.")]


def test_said_that_skips_a_relative_clause_after_the_subject() -> None:
    paragraph = "Песков, который прибыл в Минск утром, заявил, что визит продлится два дня."
    assert _said([paragraph], [_PESKOV]) == [("Дмитрий Песков", "визит продлится два дня.")]


def test_the_complement_of_a_role_or_a_name_after_a_preposition_is_no_subject() -> None:
    assert _said(["Адвокат Маркива заявил, что его подзащитный невиновен."], []) == [
        (None, "его подзащитный невиновен.")
    ]
    assert _said(["Глава миссии от Евросоюза заявил, что выборы прошли честно."], []) == [
        (None, "выборы прошли честно.")
    ]


def test_a_plural_verb_gives_a_quote_without_a_speaker() -> None:
    assert _said(["В министерстве заявили, что тарифы не изменятся."], [_PESKOV]) == [
        (None, "тарифы не изменятся.")
    ]


def test_according_to_resolves_a_declined_surname_to_the_person_found() -> None:
    paragraphs = ["По словам Пескова, встреча пройдёт в Кремле."]
    assert _said(paragraphs, [_PESKOV]) == [("Дмитрий Песков", "встреча пройдёт в Кремле")]


def test_according_to_keeps_a_name_nobody_found_in_its_dictionary_form() -> None:
    paragraphs = ["По словам министра иностранных дел Сергея Лаврова, визит состоится в мае."]
    assert _said(paragraphs, []) == [("Сергей Лавров", "визит состоится в мае")]


def test_as_said_names_the_speaker_in_the_nominative() -> None:
    paragraphs = ["Как заявила Мария Захарова, ответ последует незамедлительно."]
    assert _said(paragraphs, []) == [("Мария Захарова", "ответ последует незамедлительно")]


def test_a_paragraph_ending_with_said_and_a_colon_introduces_the_next_one() -> None:
    paragraphs = ["Песков написал в Telegram:", "«Мы ждём ответа до пятницы»."]
    assert _said(paragraphs, [_PESKOV]) == [("Дмитрий Песков", "Мы ждём ответа до пятницы")]


def test_a_person_a_colon_and_a_quote() -> None:
    paragraphs = ["Пресс-секретарь президента Дмитрий Песков: «Решение ещё не принято»."]
    assert _said(paragraphs, []) == [("Дмитрий Песков", "Решение ещё не принято")]
    assert _said(["Итог встречи: «решение отложено на месяц»."], []) == []


def test_kazakh_dash_clause_and_a_speaker_named_before_the_quote() -> None:
    paragraphs = [
        "«Жоба келесі жылы аяқталады», — деді Қасым-Жомарт Тоқаев.",
        "Марат Оспанов: «Бағдарлама ауылға арналған», — дейді.",
        "«Баға өсуі мүмкін», — дейді мамандар.",
    ]
    assert _said(paragraphs, [_TOKAYEV], "kk") == [
        ("Қасым-Жомарт Тоқаев", "Жоба келесі жылы аяқталады"),
        ("Марат Оспанов", "Бағдарлама ауылға арналған"),
        (None, "Баға өсуі мүмкін"),
    ]


def test_kazakh_according_to_names_the_speaker_in_the_genitive() -> None:
    paragraphs = ["Марат Оспановтың сөзінше, жоба келесі жылы аяқталады."]
    assert _said(paragraphs, [], "kk") == [("Марат Оспанов", "жоба келесі жылы аяқталады")]


def test_kazakh_verb_last_quotes_what_stands_before_dep() -> None:
    paragraphs = [
        "Облыс әкімі Марат Оспанов жаңа мектептер биыл ашылады деп атап өтті.",
        "Жалпы бұл жоба маңызды екенін айтты.",  # no name opens the sentence
        "Кездесуде Марат Оспанов осылай деп мәлімдеді.",  # what was said is before
    ]
    assert _said(paragraphs, [], "kk") == [
        ("Марат Оспанов", "жаңа мектептер биыл ашылады"),
        (None, "Жалпы бұл жоба маңызды"),
    ]


def test_a_kazakh_word_that_is_no_name_is_no_speaker() -> None:
    assert _said(["«Бұл маңызды қадам», — деді Елбасы."], [], "kk") == [(None, "Бұл маңызды қадам")]


def test_a_quote_the_dash_clause_interrupts_goes_on_after_it() -> None:
    paragraph = "«Мы раздаём маски бесплатно, — говорит Песков, — и будем раздавать дальше»."
    assert _said([paragraph], [_PESKOV]) == [
        ("Дмитрий Песков", "Мы раздаём маски бесплатно"),
        ("Дмитрий Песков", "и будем раздавать дальше"),
    ]


def test_impersonal_and_plural_present_verbs_give_quotes_without_a_speaker() -> None:
    paragraphs = [
        "Также сообщается, что матч перенесут на май.",
        "Западные агентства сообщают, что переговоры сорваны.",
    ]
    assert _said(paragraphs, []) == [
        (None, "матч перенесут на май."),
        (None, "переговоры сорваны."),
    ]


def test_a_source_in_latin_letters_is_no_speaker() -> None:
    assert _said(["Forbes уточняет, что сделка закрыта в понедельник."], []) == [
        (None, "сделка закрыта в понедельник.")
    ]


def test_a_title_alone_is_the_articles_one_holder_of_that_role() -> None:
    president = Person(key="тоқаев", name="Қасым-Жомарт Тоқаев", role="Президент")
    minister = Person(key="оспанов", name="Марат Оспанов", role="көлік министрі")
    envoy = Person(key="сейтқали", name="Айгерім Сейтқали", role="энергетика министрі")
    assert _said(["«Жол биыл салынады», — деді Президент."], [president, minister], "kk") == [
        ("Қасым-Жомарт Тоқаев", "Жол биыл салынады")
    ]
    # Two ministers: "the minister" is neither.
    assert _said(["«Жол биыл салынады», — деді министр."], [minister, envoy], "kk") == [
        (None, "Жол биыл салынады")
    ]
    assert _said(["«Жол биыл салынады», — деді министр."], [minister], "kk") == [
        ("Марат Оспанов", "Жол биыл салынады")
    ]


def test_an_aside_of_a_date_or_a_gerund_between_subject_and_verb_is_skipped() -> None:
    paragraphs = [
        "Премьер-министр Борис Джонсон во вторник, 31 марта, заявил, что карантин продлят.",
        "Дмитрий Песков, отвечая на вопрос журналистов, также отметил, что визит состоится.",
    ]
    assert _said(paragraphs, [_PESKOV]) == [
        ("Борис Джонсон", "карантин продлят."),
        ("Дмитрий Песков", "визит состоится."),
    ]


def test_according_to_a_role_then_the_name_in_apposition() -> None:
    paragraphs = ["По словам тренера команды, Сергея Иванова, игроки готовы к матчу."]
    assert _said(paragraphs, []) == [("Сергей Иванов", "игроки готовы к матчу")]


def test_kazakh_name_after_a_role_before_a_colon_is_the_speaker() -> None:
    paragraphs = [
        "Белгілі журналист Дәурен Қуат: «Кеңес отырысы сирек өтеді», — дейді.",
        "Бүгін Президент: «Біз алға жылжимыз», — деді.",  # a capital for grammar: no name
    ]
    assert _said(paragraphs, [], "kk") == [
        ("Дәурен Қуат", "Кеңес отырысы сирек өтеді"),
        (None, "Біз алға жылжимыз"),
    ]


def test_a_gerund_quotes_for_the_person_who_opens_the_sentence() -> None:
    paragraphs = [
        "Дмитрий Песков поддержал инициативу, заявив, что она своевременна.",
        "Южная Корея опровергает слухи о Пескове, заявляя, что он здоров.",
    ]
    assert _said(paragraphs, [_PESKOV]) == [
        ("Дмитрий Песков", "она своевременна."),
        (None, "он здоров."),
    ]


def test_kazakh_closing_mark_then_the_verb_without_a_dash() -> None:
    paragraphs = ["Марат Оспанов «Жоба биыл аяқталады» деді."]
    assert _said(paragraphs, [], "kk") == [("Марат Оспанов", "Жоба биыл аяқталады")]


def test_an_impersonal_verb_opening_a_sentence() -> None:
    assert _said(["Сообщается, что матч перенесут."], []) == [(None, "матч перенесут.")]
