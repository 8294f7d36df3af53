"""Demo content of the curriculum: the providers and twelve modules derived from the theme day's workshops."""

import datetime
from zoneinfo import ZoneInfo

from portal.demo import demo_user, ensure_child_page, get_home_page, paragraph_block
from portal.models import Audience, Theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

PROVIDERS = [
    ("szw", "Ministerie van Sociale Zaken en Werkgelegenheid", "SZW"),
    ("bzk", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "BZK"),
    ("nctv", "Nationaal Coördinator Terrorismebestrijding en Veiligheid", "NCTV"),
    ("ess", "Expertise-unit Sociale Stabiliteit", "ESS"),
    ("platform-jep", "Platform JEP (Jeugd preventie Extremisme en Polarisatie)", "Platform JEP"),
    ("vng", "Vereniging van Nederlandse Gemeenten", "VNG"),
]

# slug, title, themes, audiences, level, format, minutes, provider, prerequisite slugs, tags, summary, goals
MODULES = [
    (
        "basis-inclusief-beleid",
        "Basis inclusief beleid voor gemeenten",
        ["inclusie"],
        ["beleidsmedewerkers", "bestuurders"],
        "basis",
        "e-learning",
        90,
        "szw",
        [],
        ["inclusie", "beleid"],
        "Wat inclusief beleid is en hoe u het in uw gemeente vormgeeft.",
        [
            "U kent de begrippen inclusie, gelijkwaardigheid en discriminatie.",
            "U kunt een eerste analyse maken van het eigen beleid.",
        ],
    ),
    (
        "discriminatie-aanpakken",
        "Discriminatie aanpakken: van melding tot beleid",
        ["inclusie"],
        ["beleidsmedewerkers", "professionals-sociaal-domein"],
        "verdieping",
        "training",
        240,
        "szw",
        ["basis-inclusief-beleid"],
        ["discriminatie", "meldingen"],
        "Hoe meldingen, monitoring en lokaal antidiscriminatiebeleid op elkaar aansluiten.",
        ["U weet welke rol de antidiscriminatievoorziening heeft.", "U kunt lokale cijfers duiden."],
    ),
    (
        "ontmoeting-organiseren",
        "Ontmoeting organiseren die werkt",
        ["inclusie", "polarisatie"],
        ["professionals-sociaal-domein"],
        "basis",
        "workshop",
        180,
        "ess",
        [],
        ["ontmoeting", "wijk"],
        "Vormen van ontmoeting die bijdragen aan onderling vertrouwen in de wijk.",
        [
            "U kent werkzame elementen van ontmoeting.",
            "U kunt een ontmoetingsactiviteit opzetten rond een gedeeld doel.",
        ],
    ),
    (
        "polarisatie-herkennen",
        "Polarisatie herkennen en duiden",
        ["polarisatie"],
        ["beleidsmedewerkers", "professionals-sociaal-domein", "professionals-veiligheidsdomein"],
        "basis",
        "webinar",
        60,
        "ess",
        [],
        ["polarisatie", "signalering"],
        "Wat polarisatie is, wanneer het zorgelijk wordt en welke signalen u kunt zien.",
        ["U kunt gezonde tegenstellingen onderscheiden van zorgelijke polarisatie."],
    ),
    (
        "spanningen-in-de-wijk",
        "Spanningen in de wijk: signaleren en wegen",
        ["polarisatie"],
        ["beleidsmedewerkers", "professionals-veiligheidsdomein"],
        "verdieping",
        "training",
        360,
        "ess",
        ["polarisatie-herkennen"],
        ["polarisatie", "wijk", "signalering"],
        "Een signaleringsaanpak om spanningen vroeg te zien, te wegen en op te pakken.",
        ["U kunt signalen wegen met een vaste methode.", "U weet wie in uw gemeente welke rol heeft."],
    ),
    (
        "polarisatie-op-school",
        "Polarisatie op school",
        ["polarisatie"],
        ["onderwijs", "jeugdprofessionals"],
        "basis",
        "workshop",
        150,
        "platform-jep",
        [],
        ["onderwijs", "polarisatie"],
        "Handelingsperspectief voor school en gemeente bij spanningen in de klas.",
        ["U kunt het gesprek in de klas openhouden.", "U weet wanneer en hoe u de gemeente inschakelt."],
    ),
    (
        "jongeren-en-criminaliteit",
        "Jongeren en criminaliteit: vroegsignalering",
        ["problematisch-gedrag-en-ondermijning"],
        ["jeugdprofessionals", "professionals-sociaal-domein"],
        "basis",
        "training",
        240,
        "vng",
        [],
        ["jeugd", "criminaliteit"],
        "Hoe u voorkomt dat jongeren afglijden naar de criminaliteit.",
        ["U herkent signalen van criminele uitbuiting.", "U kent de lokale route van signaal naar hulp."],
    ),
    (
        "ondermijning-sociaal-domein",
        "Ondermijning en het sociaal domein",
        ["problematisch-gedrag-en-ondermijning"],
        ["professionals-sociaal-domein", "beleidsmedewerkers"],
        "verdieping",
        "leerkring",
        480,
        "bzk",
        ["jongeren-en-criminaliteit"],
        ["ondermijning", "zorg en veiligheid"],
        "Samenwerken rond kwetsbare inwoners die in aanraking komen met ondermijnende criminaliteit.",
        [
            "U weet welke signalen van ondermijning het sociaal domein ziet.",
            "U kunt informatie delen binnen de kaders.",
        ],
    ),
    (
        "weerbaar-bestuur",
        "Weerbaar bestuur",
        ["problematisch-gedrag-en-ondermijning"],
        ["bestuurders"],
        "basis",
        "intervisie",
        120,
        "bzk",
        [],
        ["weerbaarheid", "bestuur"],
        "Omgaan met intimidatie en druk van buitenaf, voor bestuurders.",
        ["U kent de steun die er is bij intimidatie.", "U maakt afspraken in het eigen college."],
    ),
    (
        "radicalisering-signaleren",
        "Radicalisering signaleren",
        ["radicalisering-en-extremisme"],
        ["professionals-sociaal-domein", "jeugdprofessionals", "onderwijs"],
        "basis",
        "e-learning",
        60,
        "nctv",
        [],
        ["radicalisering", "signalering"],
        "Signalen van radicalisering herkennen en weten wat u ermee doet.",
        ["U herkent signalen van radicalisering.", "U weet bij wie u in uw gemeente terechtkunt."],
    ),
    (
        "casusoverleg-radicalisering",
        "Het lokale casusoverleg radicalisering",
        ["radicalisering-en-extremisme"],
        ["beleidsmedewerkers", "professionals-veiligheidsdomein"],
        "specialistisch",
        "training",
        420,
        "nctv",
        ["radicalisering-signaleren"],
        ["radicalisering", "casusoverleg", "zorg en veiligheid"],
        "Rollen, informatiedeling en nazorg in het lokale casusoverleg.",
        ["U kunt een casusoverleg inrichten en voorzitten.", "U kent de juridische kaders van informatiedeling."],
    ),
    (
        "extremisme-en-complotdenken",
        "In gesprek bij extremisme en complotdenken",
        ["radicalisering-en-extremisme", "polarisatie"],
        ["professionals-sociaal-domein", "jeugdprofessionals"],
        "verdieping",
        "workshop",
        180,
        "platform-jep",
        ["radicalisering-signaleren"],
        ["complotdenken", "gespreksvoering"],
        "Gesprekstechnieken voor inwoners die zich afkeren van de samenleving.",
        ["U blijft nieuwsgierig zonder mee te gaan in het verhaal.", "U weet wanneer u opschaalt."],
    ),
]


# Where in-person sessions take place, in turn: the provinces' larger towns, as a municipality would expect.
SESSION_PLACES = ["Utrecht", "Zwolle", "Den Haag", "Eindhoven", "Amersfoort", "Groningen", "Arnhem", "Rotterdam"]


def session_dates(index, count=3):
    """Sessions spread over the coming year (relative to the day the demo is loaded): each module's first one
    within its first three months, the next ones about four months apart, on weekdays, morning or afternoon."""
    today = datetime.date.today()
    first = today + datetime.timedelta(days=10 + 8 * index)
    dates = []
    for number in range(count):
        day = first + datetime.timedelta(days=120 * number + 3 * number)
        day += datetime.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)  # never a weekend
        if day - today > datetime.timedelta(days=365):
            break
        start = datetime.time(9, 30) if (index + number) % 2 else datetime.time(13, 30)
        dates.append(datetime.datetime.combine(day, start, AMSTERDAM))
    return dates


FORMAT_SETUP = {
    "workshop": "een workshop van een dagdeel met een casus uit de eigen gemeente",
    "training": "een training met oefeningen in kleine groepen",
    "e-learning": "een e-learning die u in uw eigen tempo doorloopt",
    "webinar": "een webinar met vragen uit de praktijk",
    "intervisie": "intervisie in een vaste groep van zes tot acht collega's",
    "leerkring": "een leerkring van drie bijeenkomsten met collega's uit andere gemeenten",
}


def module_body(summary, format_, minutes, provider, goals):
    """Three paragraphs a trainer would write: what it is about, how it is set up, where it comes from."""
    hours, rest = divmod(minutes, 60)
    length = f"{hours} uur" + (f" en {rest} minuten" if rest else "") if hours else f"{minutes} minuten"
    return [
        f"{summary} De module gaat uit van situaties die deelnemers zelf meemaken. Wat u leert: " + " ".join(goals),
        f"De opzet: {FORMAT_SETUP.get(format_, format_)}, in totaal {length}. {provider.name} verzorgt de module; "
        "deelnemers krijgen vooraf een korte opdracht en achteraf de gebruikte materialen.",
        "De module is afgeleid van een workshop op de landelijke themadag ‘Samen voor sociale stabiliteit’ "
        "(6 februari 2026, Amersfoort) en is voorbeeldinhoud van dit portaal.",
    ]


def load(report):
    from .models import CurriculumIndexPage, ModulePage, ModuleSession, Provider

    providers = {}
    for slug, name, abbreviation in PROVIDERS:
        providers[slug], _ = Provider.objects.get_or_create(
            slug=slug, defaults={"name": name, "abbreviation": abbreviation}
        )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}

    index, _ = ensure_child_page(
        get_home_page(),
        CurriculumIndexPage,
        "curriculum",
        title="Curriculum",
        show_in_menus=True,
        intro="Modules van het rijksbrede curriculum: filter op thema, doelgroep, niveau, vorm en aanbieder.",
    )
    modules = {}
    for position, (
        slug,
        title,
        theme_slugs,
        audience_slugs,
        level,
        format_,
        minutes,
        provider,
        prerequisite_slugs,
        tags,
        summary,
        goals,
    ) in enumerate(MODULES):
        online = format_ in ("webinar", "e-learning")
        # No registration links: a demo must not send anyone to a form outside the portal.
        sessions = [
            ModuleSession(
                starts_at=starts_at,
                online=online,
                location="" if online else SESSION_PLACES[(position + number) % len(SESSION_PLACES)],
            )
            for number, starts_at in enumerate(session_dates(position))
        ]
        module, created = ensure_child_page(
            index,
            ModulePage,
            slug,
            title=title,
            intro=summary,
            learning_goals=[("goal", goal) for goal in goals],
            body=[paragraph_block(*module_body(summary, format_, minutes, providers[provider], goals))],
            themes=[themes[s] for s in theme_slugs],
            audiences=[audiences[s] for s in audience_slugs],
            level=level,
            format=format_,
            duration_minutes=minutes,
            provider=providers[provider],
            prerequisites=[modules[s] for s in prerequisite_slugs],
            tags=tags,
            sessions=sessions,
            cost="Gratis voor gemeenten",
            completion_criteria="Actieve deelname aan alle onderdelen.",
            last_reviewed=datetime.date(2026, 3, 1),
        )
        modules[slug] = module

    load_course_paths(modules, audiences)


# title, audience, intro, module slugs with the trainer's note
COURSE_PATHS = [
    (
        "Basis sociale stabiliteit voor nieuwe beleidsmedewerkers",
        "beleidsmedewerkers",
        "Een eerste kennismaking met de vier thema's, in een logische volgorde.",
        [
            ("basis-inclusief-beleid", "Start hier: de begrippen."),
            ("polarisatie-herkennen", "Kort webinar; kan thuis."),
            ("spanningen-in-de-wijk", "Neem een actuele casus uit de eigen gemeente mee."),
            ("radicalisering-signaleren", "E-learning, vóór de laatste bijeenkomst afronden."),
        ],
    ),
    (
        "Samenwerken tussen zorg en veiligheid",
        "professionals-sociaal-domein",
        "Voor teams uit het sociaal domein die samenwerken met politie, veiligheidshuis en gemeente.",
        [
            ("jongeren-en-criminaliteit", ""),
            ("ondermijning-sociaal-domein", "Leerkring over drie bijeenkomsten."),
            ("radicalisering-signaleren", ""),
            ("casusoverleg-radicalisering", "Samen met collega's uit het veiligheidsdomein."),
        ],
    ),
]


def load_course_paths(modules, audiences):
    from .models import CoursePath
    from .paths import add_step

    trainer = demo_user("trainer")
    for title, audience_slug, intro, steps in COURSE_PATHS:
        if CoursePath.objects.filter(title=title).exists():
            continue
        path = CoursePath.objects.create(
            title=title, audience=audiences[audience_slug], intro=intro, owner=trainer, is_curated=True
        )
        for slug, note in steps:
            add_step(path, modules[slug], note)
