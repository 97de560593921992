"""Demo events for `manage.py seed_demo`: the morning meeting series with the topics of spring 2024 and
spring 2025, its coming occurrences, Good Spiral and networking days, theme workshops and director meetings.
Idempotent: rows are found by slug and never changed once created. Texts are our own, in fi, sv and en."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from networks.models import Network

from .models import Event, EventSeries, EventSession, ProgrammeItem
from .series import generate_occurrences

HELSINKI = ZoneInfo("Europe/Helsinki")
TEAMS_LINK = "https://teams.example.org/l/meetup-join/hyte-morning-meeting"
MORNING_RULE = "FREQ=MONTHLY;BYDAY=-1TU;BYMONTH=1,2,3,4,5,8,9,10,11,12"
DIET_QUESTION = {
    "key": "diet",
    "label": {
        "fi": "Erityisruokavalio tai allergiat",
        "sv": "Specialkost eller allergier",
        "en": "Special diet or allergies",
    },
    "required": False,
}

MORNING = {
    "fi": "Hyvinvoinnin ja terveyden edistämisen aamu",
    "sv": "Morgonmöte om främjande av hälsa och välfärd",
    "en": "Health and wellbeing morning",
}
MORNING_SUMMARY = {
    "fi": "Neljänkymmenen minuutin verkkotapaaminen kuukauden viimeisenä tiistaina: ajankohtainen aihe, "
    "lyhyt alustus ja aikaa kysymyksille.",
    "sv": "Ett fyrtio minuter långt nätmöte den sista tisdagen i månaden: ett aktuellt tema, en kort "
    "inledning och tid för frågor.",
    "en": "A forty-minute online meeting on the last Tuesday of the month: a topical theme, a short talk "
    "and time for questions.",
}

# The topics of the past morning meetings (dates and titles from the unit's public pages).
PAST_MORNINGS = [
    (
        "2024-01-30",
        "Organisaatioiden välinen yhteistyö",
        "Samarbete mellan organisationer",
        "Organizational cooperation",
    ),
    (
        "2024-02-27",
        "Digipalvelut aivoterveyden edistämisen välineenä",
        "Digitala tjänster som verktyg för hjärnhälsa",
        "Digital services as a tool for promoting brain health",
    ),
    ("2024-03-26", "Kaatumisten ehkäisy", "Att förebygga fall", "Preventing falls"),
    (
        "2024-04-30",
        "Verenpaineen omahoito-ohjelma",
        "Egenvårdsprogram för blodtrycket",
        "Hypertension self-care program",
    ),
    (
        "2024-05-28",
        "Savuton ja nikotiiniton elämä",
        "Ett rök- och nikotinfritt liv",
        "Promoting a non-smoking and nicotine-free life",
    ),
    ("2025-01-28", "Ajankohtaista ravitsemuksesta", "Aktuellt om näring", "Current information on nutrition"),
    (
        "2025-02-25",
        "Hedelmällisyydestä puhuminen sote-palveluissa",
        "Att tala om fertilitet i social- och hälsovården",
        "Discussions on fertility in social welfare and healthcare services",
    ),
    ("2025-03-25", "Terveyttä luonnosta", "Hälsa från naturen", "Health from nature"),
    ("2025-04-29", "Vinkkejä planetaariseen terveyteen", "Tips för planetär hälsa", "Tips for planetary health"),
    (
        "2025-05-27",
        "Savuton ja nikotiiniton elämä",
        "Ett rök- och nikotinfritt liv",
        "Promoting a non-smoking and nicotine-free life",
    ),
]


def seed(stdout):
    series = _morning_series()
    for day, fi, sv, en in PAST_MORNINGS:
        _past_morning(series, dt.date.fromisoformat(day), {"fi": fi, "sv": sv, "en": en})
    if not series.events.filter(start__gte=timezone.now()).exists():
        generate_occurrences(series=series, count=4)
    _network_days()
    _theme_workshops()
    _director_meetings()
    _developer_coaching()


def _aware(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI)


def _translated(name, values):
    return {f"{name}_{language}": text for language, text in values.items()}


def _morning_series():
    series = EventSeries.objects.filter(rrule=MORNING_RULE, kind=Event.Kind.MORNING_MEETING).first()
    if series:
        return series
    return EventSeries.objects.create(
        rrule=MORNING_RULE,
        starts_on=dt.date(2024, 1, 1),
        start_time=dt.time(8, 15),
        duration_minutes=40,
        kind=Event.Kind.MORNING_MEETING,
        format=Event.Format.ONLINE,
        online_url=TEAMS_LINK,
        **_translated("title", MORNING),
        **_translated("summary", MORNING_SUMMARY),
        **_translated("venue", {"fi": "Teams", "sv": "Teams", "en": "Teams"}),
    )


def _past_morning(series, day, topic):
    start = _aware(day, 8, 15)
    if Event.objects.filter(series=series, start=start).exists():
        return
    Event.objects.create(
        series=series,
        slug=f"aamu-{day.isoformat()}",
        kind=Event.Kind.MORNING_MEETING,
        format=Event.Format.ONLINE,
        online_url=TEAMS_LINK,
        status=Event.Status.PUBLISHED,
        start=start,
        end=_aware(day, 8, 55),
        **_translated("title", {lang: f"{MORNING[lang]}: {topic[lang]}" for lang in topic}),
        **_translated("summary", MORNING_SUMMARY),
        **_translated("venue", {"fi": "Teams", "sv": "Teams", "en": "Teams"}),
    )


def _next_date(month: int, day: int) -> dt.date:
    """The next such date from today (this year's if still to come, else next year's)."""
    today = timezone.localdate()
    candidate = dt.date(today.year, month, day)
    return candidate if candidate > today else dt.date(today.year + 1, month, day)


def _working_day(day: dt.date, weekday: int) -> dt.date:
    """The first given weekday on or after `day`, moved past the Christmas and New Year holidays."""
    if (day.month, day.day) >= (12, 18):
        day = dt.date(day.year + 1, 1, 8)
    elif day.month == 1 and day.day < 8:
        day = dt.date(day.year, 1, 8)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _event(slug, **fields):
    """Create the event once; return it (new or existing) and whether it was created."""
    existing = Event.objects.filter(slug=slug).first()
    if existing:
        return existing, False
    fields.setdefault("status", Event.Status.PUBLISHED)
    return Event.objects.create(slug=slug, **fields), True


def _programme(event, items):
    for start, end, title, speaker in items:
        ProgrammeItem.objects.create(event=event, start=start, end=end, speaker=speaker, **_translated("title", title))


def _network_days():
    autumn = _next_date(10, 8)
    event, created = _event(
        f"hyva-kierre-paiva-{autumn.year}",
        kind=Event.Kind.GOOD_SPIRAL_DAY,
        format=Event.Format.HYBRID,
        start=_aware(autumn, 9),
        end=_aware(autumn, 15, 30),
        capacity=120,
        questions=[DIET_QUESTION],
        enrollment_closes=_aware(autumn - dt.timedelta(days=10), 23, 59),
        cancellation_deadline=_aware(autumn - dt.timedelta(days=7), 23, 59),
        online_url="https://teams.example.org/l/meetup-join/good-spiral-day",
        **_translated(
            "title",
            {
                "fi": f"Hyvä kierre -päivä {autumn.year}",
                "sv": f"Den goda spiralens dag {autumn.year}",
                "en": f"Good Spiral day {autumn.year}",
            },
        ),
        **_translated(
            "summary",
            {
                "fi": "Syksyn kohtaamispäivä kaikille verkoston teemoille: kokemuksia alueelta, työpajoja "
                "ja verkostoitumista.",
                "sv": "Höstens mötesdag för nätverkets alla teman: erfarenheter från regionen, verkstäder "
                "och nätverkande.",
                "en": "The autumn get-together for all the network's themes: experiences from the region, workshops "
                "and time to meet colleagues.",
            },
        ),
        **_translated(
            "venue",
            {
                "fi": "Biomedicum, Haartmaninkatu 8, Helsinki",
                "sv": "Biomedicum, Haartmansgatan 8, Helsingfors",
                "en": "Biomedicum, Haartmaninkatu 8, Helsinki",
            },
        ),
    )
    if created:
        _programme(
            event,
            [
                (
                    _aware(autumn, 9),
                    _aware(autumn, 9, 30),
                    {
                        "fi": "Aamukahvi ja ilmoittautuminen",
                        "sv": "Morgonkaffe och registrering",
                        "en": "Coffee and registration",
                    },
                    "",
                ),
                (
                    _aware(autumn, 9, 30),
                    _aware(autumn, 10, 15),
                    {
                        "fi": "Hyvinvoinnin tilannekuva Uudellamaalla",
                        "sv": "Lägesbilden av välfärden i Nyland",
                        "en": "Wellbeing in Uusimaa: the current picture",
                    },
                    "HYTE-tiimi / HYTE team",
                ),
                (
                    _aware(autumn, 10, 30),
                    _aware(autumn, 12),
                    {
                        "fi": "Teemojen rinnakkaiset työpajat",
                        "sv": "Parallella verkstäder för temana",
                        "en": "Parallel workshops by theme",
                    },
                    "",
                ),
                (
                    _aware(autumn, 13),
                    _aware(autumn, 15),
                    {
                        "fi": "Onnistumisia alueelta: hyvät käytännöt",
                        "sv": "Lyckade exempel från regionen: goda praxis",
                        "en": "Successes from the region: good practices",
                    },
                    "",
                ),
            ],
        )
    spring = _next_date(5, 12)
    event, created = _event(
        f"verkostopaiva-{spring.year}",
        kind=Event.Kind.NETWORKING_DAY,
        format=Event.Format.ONSITE,
        start=_aware(spring, 12),
        end=_aware(spring, 16),
        capacity=80,
        questions=[DIET_QUESTION],
        enrollment_closes=_aware(spring - dt.timedelta(days=14), 23, 59),
        cancellation_deadline=_aware(spring - dt.timedelta(days=7), 23, 59),
        **_translated(
            "title",
            {
                "fi": f"Hyvän kierteen verkostopäivä {spring.year}",
                "sv": f"Den goda spiralens nätverksdag {spring.year}",
                "en": f"Good Spiral networking day {spring.year}",
            },
        ),
        **_translated(
            "summary",
            {
                "fi": "Kevään verkostopäivässä tutustutaan toisiin toimijoihin ja sovitaan yhteisistä "
                "kehittämiskohteista.",
                "sv": "På vårens nätverksdag lär vi känna varandra och kommer överens om gemensamma utvecklingsmål.",
                "en": "At the spring networking day members get to know one another and agree on shared development "
                "goals.",
            },
        ),
        **_translated(
            "venue",
            {
                "fi": "Meilahden tornisairaala, Haartmaninkatu 4, Helsinki",
                "sv": "Mejlans tornsjukhus, Haartmansgatan 4, Helsingfors",
                "en": "Meilahti Tower Hospital, Haartmaninkatu 4, Helsinki",
            },
        ),
    )
    if created:
        _programme(
            event,
            [
                (
                    _aware(spring, 12),
                    _aware(spring, 12, 30),
                    {"fi": "Tervetuloa", "sv": "Välkommen", "en": "Welcome"},
                    "",
                ),
                (
                    _aware(spring, 12, 30),
                    _aware(spring, 14),
                    {"fi": "Verkostokahvila", "sv": "Nätverkskafé", "en": "Network café"},
                    "",
                ),
                (
                    _aware(spring, 14, 15),
                    _aware(spring, 16),
                    {
                        "fi": "Yhteiset kehittämiskohteet",
                        "sv": "Gemensamma utvecklingsmål",
                        "en": "Shared development goals",
                    },
                    "",
                ),
            ],
        )


WORKSHOP_THEMES = [
    # (network slug, fi, sv, en)
    ("nicotine-free-life", "savuttomuuden", "rökfrihet", "non-smoking"),
    (
        "children-and-adolescents",
        "lasten ja nuorten hyvinvoinnin",
        "barns och ungas välfärd",
        "children's and adolescents' wellbeing",
    ),
    (
        "long-term-unemployed",
        "pitkäaikaistyöttömien palvelujen",
        "tjänster för långtidsarbetslösa",
        "services for the long-term unemployed",
    ),
    (
        "obesity",
        "lihavuuden ehkäisyn ja hoidon",
        "förebyggande och behandling av fetma",
        "prevention and treatment of obesity",
    ),
    ("fall-prevention", "kaatumisten ehkäisyn", "fallprevention", "fall prevention"),
]


def _network(slug):
    """The demo network of that slug (networks/demo.py), or None when it is not there."""
    return Network.objects.filter(slug=slug).first()


def _theme_workshops():
    today = timezone.localdate()
    day = today + dt.timedelta(weeks=1)
    for keyword, fi, sv, en in WORKSHOP_THEMES:
        network = _network(keyword)
        day = _working_day(day + dt.timedelta(weeks=2), 3)  # a Thursday, two weeks apart
        _event(
            f"tyopaja-{keyword}",
            kind=Event.Kind.DEVELOPMENT_WORKSHOP,
            network=network,
            format=Event.Format.ONLINE,
            start=_aware(day, 13),
            end=_aware(day, 15, 30),
            capacity=40,
            online_url="https://teams.example.org/l/meetup-join/good-spiral-workshop",
            **_translated(
                "title",
                {
                    "fi": f"Kehittämistyöpaja: {fi} teemaverkosto",
                    "sv": f"Utvecklingsverkstad: temanätverket för {sv}",
                    "en": f"Development workshop: the {en} theme network",
                },
            ),
            **_translated(
                "summary",
                {
                    "fi": "Verkoston vuosittainen työpaja, jossa jaetaan kokemuksia ja valitaan seuraavan vuoden "
                    "kehittämiskohteet.",
                    "sv": "Nätverkets årliga verkstad där vi delar erfarenheter och väljer nästa års utvecklingsmål.",
                    "en": "The network's yearly workshop, where members share experience and choose next year's "
                    "development goals.",
                },
            ),
            **_translated("venue", {"fi": "Teams", "sv": "Teams", "en": "Teams"}),
        )


def _director_meetings():
    today = timezone.localdate()
    for slug_keyword, network_slug, weeks, titles in [
        (
            "public-health",
            "public-health-directors",
            4,
            {
                "fi": "Perusterveydenhuollon johtajaverkoston kokous",
                "sv": "Möte för direktörsnätverket inom primärvården",
                "en": "Public health directors' network meeting",
            },
        ),
        (
            "oral-health",
            "oral-health-directors",
            6,
            {
                "fi": "Suun terveydenhuollon johtajaverkoston kokous",
                "sv": "Möte för direktörsnätverket inom munhälsovården",
                "en": "Oral health directors' network meeting",
            },
        ),
    ]:
        network = _network(network_slug)
        day = _working_day(today + dt.timedelta(weeks=weeks), 2)  # a Wednesday
        _event(
            f"johtajakokous-{slug_keyword}",
            kind=Event.Kind.NETWORK_MEETING,
            network=network,
            audience=Event.Audience.NETWORK_MEMBERS if network else Event.Audience.PUBLIC,
            status=Event.Status.PUBLISHED if network else Event.Status.DRAFT,
            format=Event.Format.HYBRID,
            start=_aware(day, 14),
            end=_aware(day, 16),
            online_url="https://teams.example.org/l/meetup-join/directors",
            **_translated("title", titles),
            **_translated(
                "summary",
                {
                    "fi": "Verkoston jäsenten kokous: ajankohtaiset asiat, lausunnot ja yhteiset kehittämiskohteet.",
                    "sv": "Möte för nätverkets medlemmar: aktuella frågor, utlåtanden och gemensamma utvecklingsmål.",
                    "en": "A meeting for the network's members: current matters, statements and shared "
                    "development work.",
                },
            ),
            **_translated(
                "venue",
                {
                    "fi": "HUS Perusterveydenhuollon yksikkö ja Teams",
                    "sv": "HUS enhet för primärvård och Teams",
                    "en": "HUS Primary Health Care Unit and Teams",
                },
            ),
        )


COACHING_SESSIONS = [
    # (weeks from the start, days, fi, sv, en)
    (0, 2, "Kehittämisen menetelmät", "Utvecklingsmetoder", "Development methods"),
    (
        6,
        2,
        "Asiakaslähtöisyys ja palvelumuotoilu",
        "Kundorientering och tjänstedesign",
        "Customer orientation and service design",
    ),
    (12, 2, "Talous ja arviointi", "Ekonomi och utvärdering", "Economics and evaluation"),
    (
        18,
        1,
        "Päätöspäivä: kehittämistehtävien esittely",
        "Avslutningsdag: presentation av utvecklingsuppgifterna",
        "Closing day: presenting the development tasks",
    ),
]


def _developer_coaching():
    """The developer coaching course: three two-day sessions and a closing day, one enrolment for all."""
    first = _working_day(timezone.localdate() + dt.timedelta(weeks=10), 1)  # a Tuesday
    days = []
    for weeks, length, fi, sv, en in COACHING_SESSIONS:
        start_day = first + dt.timedelta(weeks=weeks)
        days.append((start_day, start_day + dt.timedelta(days=length - 1), {"fi": fi, "sv": sv, "en": en}))
    venue = {
        "fi": "HUS Perusterveydenhuollon yksikkö, Helsinki",
        "sv": "HUS enhet för primärvård, Helsingfors",
        "en": "HUS Primary Health Care Unit, Helsinki",
    }
    event, created = _event(
        f"kehittajavalmennus-{first.year}",
        kind=Event.Kind.COACHING_SESSION,
        format=Event.Format.ONSITE,
        start=_aware(days[0][0], 9),
        end=_aware(days[-1][1], 16),
        capacity=24,
        enrollment_closes=_aware(first - dt.timedelta(days=21), 23, 59),
        cancellation_deadline=_aware(first - dt.timedelta(days=14), 23, 59),
        questions=[DIET_QUESTION],
        **_translated(
            "title",
            {
                "fi": f"Sosiaali- ja terveydenhuollon kehittäjävalmennus {first.year}",
                "sv": f"Utvecklarcoachning inom social- och hälsovården {first.year}",
                "en": f"Developer coaching for health and social services {first.year}",
            },
        ),
        **_translated(
            "summary",
            {
                "fi": "Valmennus alueen kehittäjille: menetelmiä, palvelumuotoilua, taloutta ja arviointia. "
                "Jokainen vie läpi oman kehittämistehtävänsä.",
                "sv": "Coachning för regionens utvecklare: metoder, tjänstedesign, ekonomi och utvärdering. "
                "Var och en genomför en egen utvecklingsuppgift.",
                "en": "Coaching for the region's developers: methods, service design, economics and evaluation. "
                "Each participant carries out a development task of their own.",
            },
        ),
        **_translated("venue", venue),
    )
    if created:
        for start_day, end_day, title in days:
            EventSession.objects.create(
                event=event,
                start=_aware(start_day, 9),
                end=_aware(end_day, 16),
                **_translated("title", title),
                **_translated("venue", venue),
            )
    alumni = _network("developer-coaching-alumni")
    if alumni is None:
        return
    autumn = _next_date(9, 16)
    _event(
        f"kehittajien-vuositapaaminen-{autumn.year}",
        kind=Event.Kind.NETWORK_MEETING,
        network=alumni,
        audience=Event.Audience.NETWORK_MEMBERS,
        format=Event.Format.ONSITE,
        start=_aware(autumn, 13),
        end=_aware(autumn, 16),
        capacity=60,
        **_translated(
            "title",
            {
                "fi": f"Kehittäjäalumnien vuositapaaminen {autumn.year}",
                "sv": f"Årsträff för utvecklaralumner {autumn.year}",
                "en": f"Annual meeting of the developer alumni {autumn.year}",
            },
        ),
        **_translated(
            "summary",
            {
                "fi": "Valmennuksen käyneiden maksuton vuositapaaminen: kuulumisia kehittämistöistä ja uusia ideoita.",
                "sv": "Kostnadsfri årsträff för dem som gått coachningen: nytt om utvecklingsarbetet och nya idéer.",
                "en": "A free yearly get-together for those who took the coaching: news of their development work "
                "and fresh ideas.",
            },
        ),
        **_translated("venue", venue),
    )
