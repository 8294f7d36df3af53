"""Demo content of the knowledge base: the theme day with its workshops, and the first e-zine."""

import datetime
from zoneinfo import ZoneInfo

from portal.demo import ensure_child_page, get_home_page, paragraph_block, rich
from portal.models import Theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
THEME_DAY_DATE = datetime.date(2026, 2, 6)

# (slug, title, theme slug, intro, speakers, report)
WORKSHOPS = [
    ("iedereen-doet-mee", "Iedereen doet mee: inclusief beleid in de wijk", "inclusie",
     "Hoe maak je beleid dat alle inwoners bereikt? Deelnemers werkten met voorbeelden uit wijkaanpakken.",
     "Beleidsadviseur inclusie, gemeente (voorbeeld)\nExpertise-unit Sociale Stabiliteit",
     "Deelnemers wisselden uit hoe zij bewoners betrekken die de gemeente minder snel bereikt. Vaak genoemd: "
     "sleutelfiguren in de wijk en een lange adem."),
    ("discriminatie-herkennen-en-aanpakken", "Discriminatie herkennen en aanpakken", "inclusie",
     "Van melding tot aanpak: wat kan de gemeente doen tegen discriminatie?",
     "Antidiscriminatievoorziening (voorbeeld)\nMinisterie van SZW",
     "De workshop liet zien hoe meldingen, monitoring en lokaal beleid op elkaar aansluiten."),
    ("ontmoeting-en-verbinding", "Ontmoeting en verbinding tussen bewoners", "inclusie",
     "Welke vormen van ontmoeting dragen echt bij aan onderling vertrouwen?",
     "Welzijnsorganisatie (voorbeeld)",
     "Ontmoeting werkt het best rond een gedeeld doel, zo bleek uit de voorbeelden die deelnemers meebrachten."),
    ("polarisatie-en-bestuur", "Polarisatie en het lokaal bestuur", "polarisatie",
     "Wat kun je als bestuurder doen als het debat in de gemeente verhardt?",
     "Ministerie van BZK\nBurgemeester (voorbeeld)",
     "Bestuurders bespraken hoe zij het gesprek openhouden zonder spanningen aan te wakkeren."),
    ("spanningen-in-de-wijk-duiden", "Spanningen in de wijk duiden", "polarisatie",
     "Een signaleringsaanpak om spanningen vroeg te zien en te wegen.",
     "Expertise-unit Sociale Stabiliteit",
     "Deelnemers oefenden met het duiden van signalen: wat is ruis, wat vraagt om actie en wie pakt het op?"),
    ("polarisatie-op-school", "Polarisatie op school", "polarisatie",
     "Handelingsperspectief voor onderwijs en gemeente bij spanningen in de klas.",
     "Schoolleider (voorbeeld)\nPlatform JEP",
     "Scholen en gemeenten zoeken elkaar vaak pas op als het al misgaat. Vaste contactpersonen helpen."),
    ("jongeren-en-criminaliteit", "Jongeren en criminaliteit: vroegsignalering en perspectief", "problematisch-gedrag-en-ondermijning",
     "Hoe voorkom je dat jongeren afglijden naar de criminaliteit?",
     "Jeugdprofessional (voorbeeld)\nMinisterie van JenV",
     "Perspectief bieden (school, werk, een plek om te zijn) bleek net zo belangrijk als signaleren."),
    ("ondermijning-en-sociaal-domein", "Ondermijning en het sociaal domein", "problematisch-gedrag-en-ondermijning",
     "Samenwerken rond kwetsbare inwoners die in aanraking komen met ondermijnende criminaliteit.",
     "Regionaal informatie- en expertisecentrum (voorbeeld)",
     "Het sociaal domein ziet vaak als eerste signalen van ondermijning, maar weet niet altijd wat ermee te doen."),
    ("weerbare-bestuurders-en-ambtenaren", "Weerbare bestuurders en ambtenaren", "problematisch-gedrag-en-ondermijning",
     "Omgaan met intimidatie en druk van buitenaf.",
     "Ministerie van BZK",
     "Deelnemers deelden ervaringen met intimidatie en wat hen hielp: steun van de organisatie en duidelijke afspraken."),
    ("online-radicalisering", "Online radicalisering van jongeren", "radicalisering-en-extremisme",
     "Wat gebeurt er online en hoe kun je als professional aansluiten bij de leefwereld van jongeren?",
     "NCTV\nJeugdprofessional (voorbeeld)",
     "Online en offline lopen door elkaar. Professionals hoeven geen expert te zijn om het gesprek aan te gaan."),
    ("casusoverleg-radicalisering", "Het casusoverleg radicalisering", "radicalisering-en-extremisme",
     "De rol van de gemeente in het lokale casusoverleg.",
     "Expertise-unit Sociale Stabiliteit\nNCTV",
     "Een goed casusoverleg vraagt heldere rollen, afspraken over informatiedeling en aandacht voor nazorg."),
    ("extremisme-en-complotdenken", "Extremisme en complotdenken", "radicalisering-en-extremisme",
     "Signaleren en het gesprek aangaan met inwoners die zich afkeren van de samenleving.",
     "Expertise-unit Sociale Stabiliteit",
     "Deelnemers oefenden gesprekstechnieken: nieuwsgierig blijven zonder mee te gaan in het verhaal."),
]

JEP_SESSION = (
    "platform-jep-lokale-samenwerking",
    "Platform JEP: wat helpt en wat hindert lokale samenwerking",
    "Platform JEP (Jeugd preventie Extremisme en Polarisatie) over de samenwerking tussen het sociaal domein en het veiligheidsdomein.",
    "Platform JEP",
    "Platform JEP presenteerde wat helpt en wat hindert bij lokale samenwerking tussen het sociaal domein en het "
    "veiligheidsdomein: elkaar kennen vóór er een casus is, duidelijke afspraken over informatiedeling, en ruimte om te leren.",
)

EZINE_ARTICLES = [
    ("terugblik-themadag", "Samen voor sociale stabiliteit: een terugblik",
     "Ruim 250 bestuurders, beleidsmedewerkers en professionals kwamen op 6 februari in Amersfoort bijeen.",
     ["Op de landelijke themadag ‘Samen voor sociale stabiliteit’ toetsten deelnemers in twaalf workshops de richting "
      "van het rijksbrede curriculum voor gemeenten, op de thema's inclusie, polarisatie, problematisch gedrag en "
      "ondermijning, en radicalisering en extremisme."]),
    ("behoeftepeiling", "Wat gemeenten nodig hebben",
     "De behoeftepeiling onder gemeenten gaf de richting voor het curriculum.",
     ["Gemeenten vroegen om praktische kennis, uitwisseling met collega-gemeenten en ondersteuning bij de samenwerking "
      "tussen zorg en veiligheid. Dit is voorbeeldinhoud."]),
    ("platform-jep", "Samenwerken tussen zorg en veiligheid",
     "Platform JEP over wat helpt en hindert in de lokale samenwerking.",
     ["Elkaar kennen voordat er een casus is, blijkt de belangrijkste voorwaarde voor goede samenwerking."]),
]


def load(report):
    from .models import EventIndexPage, EventPage, EventSessionPage, EzineArticlePage, EzineIndexPage, EzineIssuePage

    home = get_home_page()
    themes = {theme.slug: theme for theme in Theme.objects.all()}

    events, _ = ensure_child_page(
        home, EventIndexPage, "bijeenkomsten", title="Bijeenkomsten", show_in_menus=True,
        intro="Themadagen, workshops en webinars over sociale stabiliteit.",
    )
    theme_day, _ = ensure_child_page(
        events, EventPage, "samen-voor-sociale-stabiliteit", title="Samen voor sociale stabiliteit",
        intro="Landelijke themadag voor bestuurders, beleidsmedewerkers en professionals van gemeenten.",
        starts_at=datetime.datetime.combine(THEME_DAY_DATE, datetime.time(9, 30), AMSTERDAM),
        ends_at=datetime.datetime.combine(THEME_DAY_DATE, datetime.time(16, 30), AMSTERDAM),
        location="Amersfoort",
        body=[paragraph_block(
            "Ruim 250 bestuurders, beleidsmedewerkers en professionals toetsten op deze dag in twaalf workshops de "
            "richting van het rijksbrede curriculum voor gemeenten.")],
    )
    for slug, title, intro, speakers, report_text in [JEP_SESSION]:
        ensure_child_page(theme_day, EventSessionPage, slug, title=title, kind="plenary", intro=intro,
                          speakers=speakers, report=rich(report_text))
    for slug, title, theme_slug, intro, speakers, report_text in WORKSHOPS:
        ensure_child_page(theme_day, EventSessionPage, slug, title=title, kind="workshop", theme=themes[theme_slug],
                          intro=intro, speakers=speakers, report=rich(report_text))

    ezine, _ = ensure_child_page(
        home, EzineIndexPage, "e-zine", title="E-zine", show_in_menus=True,
        intro="Verslagen, interviews en achtergronden over sociale stabiliteit.",
    )
    first_issue, _ = ensure_child_page(
        ezine, EzineIssuePage, "themadag-2026", title="Terugblik op de themadag ‘Samen voor sociale stabiliteit’",
        issue_number=1, issue_date=datetime.date(2026, 3, 2),
        intro="Het eerste e-zine doet verslag van de landelijke themadag in Amersfoort.",
    )
    for slug, title, intro, paragraphs in EZINE_ARTICLES:
        ensure_child_page(first_issue, EzineArticlePage, slug, title=title, intro=intro,
                          author="Redactie Kennisportaal", body=[paragraph_block(*paragraphs)])
