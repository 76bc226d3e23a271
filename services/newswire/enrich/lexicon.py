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
# What a person is called before their name in English news besides an office: a trade, a
# post in a team, a part in a story ("midfielder Mauro Silva", "dissident Wang Donghai").
# Evidence of a person for the English rules only (organisations read ROLE_HEADS alone).
PERSON_NOUNS = frozenset(
    """captain coach trainer skipper striker midfielder defender goalkeeper keeper winger
    forward referee umpire batsman bowler seamer spinner wicketkeeper all-rounder jockey
    rider driver pitcher golfer champion player teammate actor actress singer musician
    songwriter singer-songwriter author writer novelist poet playwright director producer
    photographer designer artist painter composer journalist reporter correspondent editor
    columnist publisher analyst economist trader banker lawyer attorney barrister solicitor
    curator professor scientist researcher dissident activist campaigner critic candidate
    owner investor entrepreneur businessman businesswoman
    tycoon chef doctor cardinal pope bishop archbishop emperor empress tsar czar colonel
    lieutenant sergeant admiral marshal commander""".split()
)
# Words of a football club's name after its town ("Leeds United", "Crystal Palace"): a name
# with one is a club, never a person.
CLUB_WORDS = frozenset(
    """united city rovers wanderers athletic athletico albion town county hotspur forest
    rangers celtic thistle orient villa palace argyle academical alexandra borussia
    deportivo sporting dynamo dinamo lokomotiv spartak olympique olympiakos olympiacos
    racing atletico juventus ajax hertha fortuna sparta spartak hansa lada benfica eintracht
    werder energie alemannia arminia rapid slavia dukla legia steaua partizan hajduk sturm
    torpedo zenit shakhtar rotor vitesse roda feyenoord schalke bayer""".split()
)
# Last words of the names of places, buildings, events, laws, prizes and publications: a
# name ending with one is no person's ("Ellis Park", "Davis Cup", "Sky News").
NOT_SURNAMES = frozenset(
    """park bridge street road avenue square stadium arena cathedral castle tower airport
    station harbour harbor bay river lake island islands mount valley museum gallery
    galleries collection collections theatre theater hotel hospital college university act
    treaty prize award cup trophy open championship championships games news times post
    journal herald gazette tribune telegraph magazine daily weekly review""".split()
)
PREPOSITIONS = frozenset("in at from to of for on by near into across against".split())
# Lower-case words inside a name ("Aravinda de Silva", "Kevin De Bruyne", "Ronald de Boer").
NAME_PARTICLES = frozenset(
    "de da di du del della der den van von ter ten le la dos das bin ibn".split()
)
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

# Russian and Kazakh: the same closed classes. Russian role nouns are lemmas (pymorphy3 gives
# the lemma of any case); Kazakh role nouns carry the possessive a role takes after its
# complement ("Түркия Президенті", "Қазақстанның көлік министрі").
RU_ROLE_HEADS = frozenset(
    """президент вице-президент министр премьер-министр вице-премьер вице-министр заместитель
    председатель сопредседатель посол аким глава губернатор мэр секретарь генсек госсекретарь
    директор гендиректор руководитель спикер канцлер король королева эмир султан принц
    советник помощник представитель пресс-секретарь депутат сенатор комиссар прокурор
    генпрокурор судья ректор начальник основатель управляющий""".split()
)
KK_ROLE_HEADS = frozenset(
    """президенті вице-президенті министрі премьер-министрі вице-министрі вице-премьері
    орынбасары төрағасы төрайымы елшісі әкімі мэрі басшысы хатшысы директоры спикері
    депутаты сенаторы кеңесшісі өкілі губернаторы канцлері королі ректоры бастығы
    әкім елші төраға басшы""".split()
)
# Capitalised Kazakh words that are never part of a name ("Мемлекет басшысы", "Үкімет").
KK_NOT_NAMES = frozenset(
    """мемлекет үкімет парламент сенат мәжіліс республикасы республикасының федералдық
    сыртқы ұлттық халықаралық біріккен орталық мемлекеттік біз тараптар""".split()
)
# Speech verbs of the dash clause after a quote ("», – отметил ...", "», – деді ...").
RU_SPEECH_VERBS = frozenset(
    """отметил отметила подчеркнул подчеркнула заявил заявила сказал сказала сообщил
    сообщила добавил добавила заметил заметила пояснил пояснила указал указала уточнил
    уточнила резюмировал резюмировала""".split()
)
KK_SPEECH_VERBS = ("деді", "атап өтті", "мәлімдеді", "айтты", "қосты", "атап көрсетті")
