"""Demo content of the knowledge base: the theme day with its workshops, and the first e-zine."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from portal.access import restrict_to_municipal_staff
from portal.demo import ensure_child_page, get_home_page, paragraph_block, rich
from portal.models import Theme

from .demo_texts import CASE_STUDY_DETAILS, GUIDANCE_BODIES, contact_email

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
THEME_DAY_DATE = datetime.date(2026, 2, 6)

# (slug, title, theme slug, intro, speakers, report)
WORKSHOPS = [
    (
        "iedereen-doet-mee",
        "Iedereen doet mee: inclusief beleid in de wijk",
        "inclusie",
        "Hoe maak je beleid dat alle inwoners bereikt? Deelnemers werkten met voorbeelden uit wijkaanpakken.",
        "Beleidsadviseur inclusie, gemeente (voorbeeld)\nExpertise-unit Sociale Stabiliteit",
        "Deelnemers wisselden uit hoe zij bewoners betrekken die de gemeente minder snel bereikt. Vaak genoemd: "
        "sleutelfiguren in de wijk en een lange adem.",
    ),
    (
        "discriminatie-herkennen-en-aanpakken",
        "Discriminatie herkennen en aanpakken",
        "inclusie",
        "Van melding tot aanpak: wat kan de gemeente doen tegen discriminatie?",
        "Antidiscriminatievoorziening (voorbeeld)\nMinisterie van SZW",
        "De workshop liet zien hoe meldingen, monitoring en lokaal beleid op elkaar aansluiten.",
    ),
    (
        "ontmoeting-en-verbinding",
        "Ontmoeting en verbinding tussen bewoners",
        "inclusie",
        "Welke vormen van ontmoeting dragen echt bij aan onderling vertrouwen?",
        "Welzijnsorganisatie (voorbeeld)",
        "Ontmoeting werkt het best rond een gedeeld doel, zo bleek uit de voorbeelden die deelnemers meebrachten.",
    ),
    (
        "polarisatie-en-bestuur",
        "Polarisatie en het lokaal bestuur",
        "polarisatie",
        "Wat kun je als bestuurder doen als het debat in de gemeente verhardt?",
        "Ministerie van BZK\nBurgemeester (voorbeeld)",
        "Bestuurders bespraken hoe zij het gesprek openhouden zonder spanningen aan te wakkeren.",
    ),
    (
        "spanningen-in-de-wijk-duiden",
        "Spanningen in de wijk duiden",
        "polarisatie",
        "Een signaleringsaanpak om spanningen vroeg te zien en te wegen.",
        "Expertise-unit Sociale Stabiliteit",
        "Deelnemers oefenden met het duiden van signalen: wat is ruis, wat vraagt om actie en wie pakt het op?",
    ),
    (
        "polarisatie-op-school",
        "Polarisatie op school",
        "polarisatie",
        "Handelingsperspectief voor onderwijs en gemeente bij spanningen in de klas.",
        "Schoolleider (voorbeeld)\nPlatform JEP",
        "Scholen en gemeenten zoeken elkaar vaak pas op als het al misgaat. Vaste contactpersonen helpen.",
    ),
    (
        "jongeren-en-criminaliteit",
        "Jongeren en criminaliteit: vroegsignalering en perspectief",
        "problematisch-gedrag-en-ondermijning",
        "Hoe voorkom je dat jongeren afglijden naar de criminaliteit?",
        "Jeugdprofessional (voorbeeld)\nMinisterie van JenV",
        "Perspectief bieden (school, werk, een plek om te zijn) bleek net zo belangrijk als signaleren.",
    ),
    (
        "ondermijning-en-sociaal-domein",
        "Ondermijning en het sociaal domein",
        "problematisch-gedrag-en-ondermijning",
        "Samenwerken rond kwetsbare inwoners die in aanraking komen met ondermijnende criminaliteit.",
        "Regionaal informatie- en expertisecentrum (voorbeeld)",
        "Het sociaal domein ziet vaak als eerste signalen van ondermijning, maar weet niet altijd wat ermee te doen.",
    ),
    (
        "weerbare-bestuurders-en-ambtenaren",
        "Weerbare bestuurders en ambtenaren",
        "problematisch-gedrag-en-ondermijning",
        "Omgaan met intimidatie en druk van buitenaf.",
        "Ministerie van BZK",
        "Deelnemers deelden ervaringen met intimidatie en wat hen hielp: steun van de organisatie en duidelijke "
        "afspraken.",
    ),
    (
        "online-radicalisering",
        "Online radicalisering van jongeren",
        "radicalisering-en-extremisme",
        "Wat gebeurt er online en hoe kun je als professional aansluiten bij de leefwereld van jongeren?",
        "NCTV\nJeugdprofessional (voorbeeld)",
        "Online en offline lopen door elkaar. Professionals hoeven geen expert te zijn om het gesprek aan te gaan.",
    ),
    (
        "casusoverleg-radicalisering",
        "Het casusoverleg radicalisering",
        "radicalisering-en-extremisme",
        "De rol van de gemeente in het lokale casusoverleg.",
        "Expertise-unit Sociale Stabiliteit\nNCTV",
        "Een goed casusoverleg vraagt heldere rollen, afspraken over informatiedeling en aandacht voor nazorg.",
    ),
    (
        "extremisme-en-complotdenken",
        "Extremisme en complotdenken",
        "radicalisering-en-extremisme",
        "Signaleren en het gesprek aangaan met inwoners die zich afkeren van de samenleving.",
        "Expertise-unit Sociale Stabiliteit",
        "Deelnemers oefenden gesprekstechnieken: nieuwsgierig blijven zonder mee te gaan in het verhaal.",
    ),
]

JEP_SESSION = (
    "platform-jep-lokale-samenwerking",
    "Platform JEP: wat helpt en wat hindert lokale samenwerking",
    "Platform JEP (Jeugd preventie Extremisme en Polarisatie) over de samenwerking tussen het sociaal domein en het "
    "veiligheidsdomein.",
    "Platform JEP",
    "Platform JEP presenteerde wat helpt en wat hindert bij lokale samenwerking tussen het sociaal domein en het "
    "veiligheidsdomein: elkaar kennen vóór er een casus is, duidelijke afspraken over informatiedeling, en ruimte om "
    "te leren.",
)

EZINE_ARTICLES = [
    (
        "terugblik-themadag",
        "Samen voor sociale stabiliteit: een terugblik",
        "Ruim 250 bestuurders, beleidsmedewerkers en professionals kwamen op 6 februari in Amersfoort bijeen.",
        [
            "Op de landelijke themadag ‘Samen voor sociale stabiliteit’ toetsten deelnemers in twaalf workshops de "
            "richting "
            "van het rijksbrede curriculum voor gemeenten, op de thema's inclusie, polarisatie, problematisch gedrag "
            "en "
            "ondermijning, en radicalisering en extremisme."
        ],
    ),
    (
        "wat-gemeenten-nodig-hebben",
        "Wat gemeenten nodig hebben",
        "De behoeftepeiling onder gemeenten gaf de richting voor het curriculum.",
        [
            "Gemeenten vroegen om praktische kennis, uitwisseling met collega-gemeenten en ondersteuning bij de "
            "samenwerking "
            "tussen zorg en veiligheid. Dit is voorbeeldinhoud."
        ],
    ),
    (
        "platform-jep",
        "Samenwerken tussen zorg en veiligheid",
        "Platform JEP over wat helpt en hindert in de lokale samenwerking.",
        ["Elkaar kennen voordat er een casus is, blijkt de belangrijkste voorwaarde voor goede samenwerking."],
    ),
]


# The second issue: (slug, title, intro, paragraphs); "{case:slug}" and "{module:slug}" become links in the portal.
SECOND_ISSUE_ARTICLES = [
    (
        "wijk-als-vroegsignaleringsnetwerk",
        "De wijk als netwerk dat vroeg ziet",
        "Hoe Rotterdam en Amersfoort spanningen in de wijk eerder op tafel krijgen.",
        [
            "Spanningen tussen groepen bewoners komen zelden uit het niets. Achteraf blijken er signalen te zijn "
            "geweest bij het wijkteam, de wijkagent of de woningcorporatie, maar niemand had ze naast elkaar gelegd.",
            "In Rotterdam bespreken wijkteams en wijkagenten daarom elke maand hun signalen met een vaste methode "
            "({case:wijkteams-signaleren-spanningen}). In Amersfoort hielp een reeks dialoogtafels na een incident "
            "om het vertrouwen te herstellen ({case:dialoogtafels-na-incident}).",
            "Wie zelf aan de slag wil, kan beginnen met de module {module:spanningen-in-de-wijk}.",
        ],
    ),
    (
        "interview-zorg-en-veiligheid",
        "‘Elkaar kennen voordat er een casus is’",
        "Een procesregisseur en een wijkagent over samenwerken tussen zorg en veiligheid.",
        [
            "Ze zitten elke week aan dezelfde tafel in het Zorg- en Veiligheidshuis, en dat is volgens hen het "
            "hele geheim. ‘Als je elkaar al kent, bel je eerder. En dan hoef je niet eerst uit te leggen wie je bent.’",
            "Het verhaal van hun aanpak staat bij de praktijkvoorbeelden "
            "({case:samenwerken-zorg-veiligheid-persoonsgericht}). Het interview is fictief, net als de personen.",
        ],
    ),
    (
        "nieuw-in-het-curriculum",
        "Nieuw in het curriculum",
        "Drie modules die gemeenten in de behoeftepeiling het vaakst noemden.",
        [
            "In de behoeftepeiling vroegen gemeenten het vaakst om praktische hulp bij polarisatie, bij signalen "
            "van ondermijning en bij het lokale casusoverleg. Het curriculum biedt daarvoor nu onder meer "
            "{module:polarisatie-herkennen}, {module:ondermijning-sociaal-domein} en "
            "{module:casusoverleg-radicalisering}.",
            "De data van de eerstvolgende bijeenkomsten staan in de agenda op de pagina Bijeenkomsten.",
        ],
    ),
]


def with_links(paragraph, pages):
    """A paragraph with {case:slug} and {module:slug} replaced by links to those pages (their titles)."""
    for (kind, slug), page in pages.items():
        paragraph = paragraph.replace(f"{{{kind}:{slug}}}", f'<a linktype="page" id="{page.pk}">{page.title}</a>')
    return paragraph


# slug, title, municipality, partner municipalities, start, end, themes, domains, tags, evidence, related modules,
# intro, challenge, approach, results, lessons
CASE_STUDIES = [
    (
        "wijkteams-signaleren-spanningen",
        "Wijkteams signaleren spanningen vroeg",
        "GM0599",
        [],
        2021,
        None,
        ["polarisatie"],
        ["sociaal-domein", "politie", "welzijn"],
        ["signalering", "wijk"],
        "beschreven",
        ["spanningen-in-de-wijk"],
        "Wijkteams en wijkagenten wegen signalen van spanningen in een vast overleg.",
        "Spanningen tussen groepen bewoners werden pas zichtbaar als er incidenten waren.",
        "Eens per maand bespreken wijkteam, wijkagent en welzijnswerk signalen met een vaste methode.",
        "Signalen komen eerder op tafel; twee keer kon een conflict tussen jongerengroepen worden gesust.",
        "Houd het overleg klein en vast; zorg dat iemand de opvolging bewaakt.",
    ),
    (
        "dialoogtafels-na-incident",
        "Dialoogtafels na een incident in de wijk",
        "GM0307",
        [],
        2023,
        2024,
        ["polarisatie", "inclusie"],
        ["welzijn", "maatschappelijke-organisaties"],
        ["dialoog", "wijk"],
        "praktijkervaring",
        ["ontmoeting-organiseren"],
        "Na een incident organiseerde de gemeente dialoogtafels met bewoners.",
        "Een incident bij een gebedshuis zorgde voor onrust en wederzijds wantrouwen.",
        "Onafhankelijke gespreksleiders voerden zes dialoogtafels met bewoners, ondernemers en sleutelfiguren.",
        "Bewoners gaven aan elkaar beter te begrijpen; er ontstond een bewonersinitiatief.",
        "Begin snel, maar neem de tijd voor de voorbereiding met sleutelfiguren.",
    ),
    (
        "school-en-gemeente-polarisatie",
        "School en gemeente samen bij spanningen in de klas",
        "GM0772",
        [],
        2022,
        None,
        ["polarisatie"],
        ["onderwijs", "jeugd"],
        ["onderwijs", "gespreksvoering"],
        "theoretisch-onderbouwd",
        ["polarisatie-op-school"],
        "Vaste contactpersonen tussen scholen en gemeente.",
        "Docenten wisten niet bij wie ze terechtkonden bij zorgen over leerlingen.",
        "Elke school heeft een vaste contactpersoon bij de gemeente en een gezamenlijke scholing voor docenten.",
        "Scholen melden eerder en weten wat ze kunnen verwachten.",
        "Investeer in de relatie vóórdat er een incident is.",
    ),
    (
        "inclusieve-gemeente-als-werkgever",
        "De gemeente als inclusieve werkgever",
        "GM0344",
        [],
        2020,
        2023,
        ["inclusie"],
        ["sociaal-domein"],
        ["inclusie", "werkgeverschap"],
        "beschreven",
        ["basis-inclusief-beleid"],
        "Hoe een gemeente haar eigen organisatie inclusiever maakte.",
        "De samenstelling van de ambtelijke organisatie weerspiegelde de stad onvoldoende.",
        "Anoniem solliciteren, trainingen voor selectiecommissies en een netwerk van medewerkers.",
        "Meer diversiteit in nieuwe instroom; de aanpak is opgenomen in het personeelsbeleid.",
        "Zorg voor draagvlak bij leidinggevenden en meet de voortgang.",
    ),
    (
        "meldpunt-discriminatie-regio",
        "Regionaal meldpunt discriminatie dichterbij",
        "GM0153",
        ["GM0193"],
        2019,
        None,
        ["inclusie"],
        ["maatschappelijke-organisaties"],
        ["discriminatie", "meldingen"],
        "beschreven",
        ["discriminatie-aanpakken"],
        "Gemeenten in de regio maken het melden van discriminatie laagdrempeliger.",
        "Inwoners meldden discriminatie zelden; het meldpunt was onbekend.",
        "Spreekuren in wijkcentra, een campagne en samenwerking met sportclubs.",
        "Het aantal meldingen steeg; de gemeenten kregen beter zicht op wat er speelt.",
        "Meer meldingen is geen slecht teken: het betekent vaak meer vertrouwen.",
    ),
    (
        "jongeren-perspectief-ondermijning",
        "Perspectief voor jongeren in een kwetsbare wijk",
        "GM0855",
        [],
        2021,
        None,
        ["problematisch-gedrag-en-ondermijning"],
        ["jeugd", "politie", "sociaal-domein"],
        ["jeugd", "criminaliteit"],
        "theoretisch-onderbouwd",
        ["jongeren-en-criminaliteit"],
        "Een wijkaanpak die jongeren uit de criminaliteit houdt met werk, school en rolmodellen.",
        "Jongeren werden geronseld voor drugshandel.",
        "Jongerenwerk, school, politie en werkgevers bieden samen een traject per jongere.",
        "Minder jongeren in beeld bij de politie; meer jongeren met een leerwerkplek.",
        "Perspectief bieden werkt alleen als het snel en concreet is.",
    ),
    (
        "bibob-en-sociaal-domein",
        "Signalen van ondermijning uit het sociaal domein",
        "GM0268",
        [],
        2022,
        None,
        ["problematisch-gedrag-en-ondermijning"],
        ["sociaal-domein", "veiligheidsdomein"],
        ["ondermijning", "zorg en veiligheid"],
        "beschreven",
        ["ondermijning-sociaal-domein"],
        "Consulenten leren signalen van ondermijning te herkennen en te delen.",
        "Consulenten zagen signalen, maar wisten niet wat ze ermee mochten doen.",
        "Een werkinstructie, een vast aanspreekpunt bij veiligheid en casusbespreking.",
        "Signalen komen vaker en beter onderbouwd bij het veiligheidsdomein.",
        "Maak duidelijk wat er met een signaal gebeurt; dat motiveert om te melden.",
    ),
    (
        "weerbaar-raadslid",
        "Weerbare raadsleden",
        "GM0014",
        [],
        2023,
        None,
        ["problematisch-gedrag-en-ondermijning"],
        ["veiligheidsdomein"],
        ["weerbaarheid", "bestuur"],
        "praktijkervaring",
        ["weerbaar-bestuur"],
        "Raadsleden en wethouders leren omgaan met intimidatie.",
        "Meerdere raadsleden werden bedreigd op sociale media.",
        "Een training, een vertrouwenspersoon en afspraken met de politie over aangifte.",
        "Raadsleden voelen zich gesteund en doen vaker aangifte.",
        "Bespreek intimidatie openlijk in de raad; dat doorbreekt het taboe.",
    ),
    (
        "casusoverleg-radicalisering-regio",
        "Een regionaal casusoverleg radicalisering",
        "GM0080",
        ["GM1900"],
        2018,
        None,
        ["radicalisering-en-extremisme"],
        ["veiligheidsdomein", "zorg", "politie"],
        ["casusoverleg", "radicalisering"],
        "effectief",
        ["casusoverleg-radicalisering"],
        "Kleinere gemeenten bundelen hun casusoverleg radicalisering.",
        "Kleine gemeenten hadden te weinig casussen om expertise op te bouwen.",
        "Een gezamenlijk casusoverleg met vaste partners en een regionale coördinator.",
        "Snellere en beter onderbouwde interventies; evaluatie door een onderzoeksbureau.",
        "Regionaal samenwerken vraagt heldere afspraken over regie en informatiedeling.",
    ),
    (
        "online-radicalisering-jeugdwerk",
        "Jongerenwerk online",
        "GM0363",
        [],
        2022,
        None,
        ["radicalisering-en-extremisme", "polarisatie"],
        ["jeugd", "welzijn"],
        ["online", "jongeren"],
        "praktijkervaring",
        ["radicalisering-signaleren"],
        "Jongerenwerkers zijn ook online aanwezig waar jongeren zijn.",
        "Jongeren kwamen online in aanraking met extremistische content.",
        "Online jongerenwerkers voeren gesprekken op platforms waar jongeren actief zijn.",
        "Jongerenwerkers bereiken jongeren die offline buiten beeld blijven.",
        "Geef jongerenwerkers ruimte en steun: online werk is ook 's avonds.",
    ),
    (
        "complotdenken-in-gesprek",
        "In gesprek met inwoners die zich afkeren",
        "GM0106",
        [],
        2021,
        2023,
        ["radicalisering-en-extremisme"],
        ["sociaal-domein"],
        ["complotdenken", "gespreksvoering"],
        "praktijkervaring",
        ["extremisme-en-complotdenken"],
        "Consulenten gaan het gesprek aan met inwoners die het vertrouwen in de overheid kwijt zijn.",
        "Inwoners weigerden contact met de gemeente en verspreidden complottheorieën.",
        "Training in gesprekstechnieken en intervisie voor consulenten.",
        "Consulenten houden vaker contact; enkele inwoners namen weer deel aan trajecten.",
        "Blijf nieuwsgierig en zoek de zorg achter het verhaal.",
    ),
    (
        "statushouders-en-buurt",
        "Statushouders en buurtbewoners ontmoeten elkaar",
        "GM1969",
        [],
        2020,
        2022,
        ["inclusie"],
        ["welzijn", "maatschappelijke-organisaties"],
        ["ontmoeting", "integratie"],
        "praktijkervaring",
        ["ontmoeting-organiseren"],
        "Een plattelandsgemeente brengt nieuwkomers en dorpsbewoners samen.",
        "Nieuwkomers bleven geïsoleerd in kleine kernen.",
        "Maatjesprojecten, sportclubs en dorpshuizen organiseren samen activiteiten.",
        "Meer nieuwkomers zijn lid van een vereniging.",
        "Sluit aan bij wat er al is in het dorp.",
    ),
    (
        "rellen-nazorg",
        "Nazorg na ongeregeldheden",
        "GM0718",
        [],
        2021,
        2021,
        ["problematisch-gedrag-en-ondermijning", "polarisatie"],
        ["politie", "jeugd"],
        ["ongeregeldheden", "jongeren"],
        "beschreven",
        [],
        "Na ongeregeldheden zette de gemeente in op herstel en gesprek.",
        "Jongeren waren betrokken bij ongeregeldheden in het centrum.",
        "Gesprekken met ouders, herstelgerichte afspraken en extra jongerenwerk.",
        "Geen herhaling in het jaar erna.",
        "Combineer handhaving met perspectief.",
    ),
    (
        "netwerk-sleutelfiguren",
        "Een netwerk van sleutelfiguren",
        "GM0503",
        [],
        2017,
        2020,
        ["polarisatie", "radicalisering-en-extremisme"],
        ["maatschappelijke-organisaties", "veiligheidsdomein"],
        ["sleutelfiguren", "signalering"],
        "beschreven",
        ["polarisatie-herkennen"],
        "Sleutelfiguren uit gemeenschappen als oren en ogen in de stad.",
        "De gemeente had weinig zicht op wat er in gemeenschappen speelde.",
        "Een netwerk van sleutelfiguren dat twee keer per jaar bijeenkomt, met trainingen.",
        "Snellere duiding bij incidenten.",
        "Onderhoud het netwerk ook als het rustig is.",
    ),
    (
        "vrouwen-in-de-wijk",
        "Vrouwennetwerk tegen uitsluiting",
        "GM0606",
        [],
        2022,
        None,
        ["inclusie"],
        ["welzijn"],
        ["inclusie", "vrouwen"],
        "praktijkervaring",
        [],
        "Vrouwen uit de wijk versterken elkaar.",
        "Vrouwen met een migratieachtergrond voelden zich niet gehoord.",
        "Een netwerk met maandelijkse bijeenkomsten en een eigen budget.",
        "Meer deelname aan inspraak in de wijk.",
        "Geef eigenaarschap en een eigen budget.",
    ),
    (
        "samenwerken-zorg-veiligheid-persoonsgericht",
        "Persoonsgerichte aanpak: zorg en veiligheid aan één tafel",
        "GM0202",
        [],
        2019,
        None,
        ["problematisch-gedrag-en-ondermijning", "radicalisering-en-extremisme"],
        ["zorg", "veiligheidsdomein", "sociaal-domein"],
        ["zorg en veiligheid", "casusoverleg"],
        "effectief",
        ["casusoverleg-radicalisering", "ondermijning-sociaal-domein"],
        "Een persoonsgerichte aanpak waarin zorg en veiligheid samen optrekken.",
        "Zorg en veiligheid werkten langs elkaar heen bij complexe casussen.",
        "Eén regisseur per persoon, één plan, en een vast overleg met zorg, politie en gemeente.",
        "Minder recidive volgens de evaluatie van het Veiligheidshuis.",
        "Investeer in het elkaar kennen; dan wordt informatie delen vanzelfsprekend.",
    ),
]

GUIDANCE = [
    (
        "handreiking-spanningen-duiden",
        "Handreiking: spanningen in de wijk duiden",
        "handreiking",
        ["polarisatie"],
        ["beleidsmedewerkers"],
        ["signalering", "wijk"],
        "Een methode om signalen van spanningen te verzamelen en te wegen.",
    ),
    (
        "factsheet-polarisatie",
        "Factsheet polarisatie",
        "factsheet",
        ["polarisatie"],
        ["bestuurders", "beleidsmedewerkers"],
        ["polarisatie"],
        "Wat is polarisatie, en wanneer wordt het een probleem? De kern op één pagina.",
    ),
    (
        "toolkit-gesprek-in-de-klas",
        "Toolkit: het gesprek in de klas",
        "toolkit",
        ["polarisatie", "radicalisering-en-extremisme"],
        ["onderwijs"],
        ["onderwijs", "gespreksvoering"],
        "Werkvormen voor docenten bij maatschappelijke spanningen.",
    ),
    (
        "onderzoek-lokale-samenwerking",
        "Onderzoek: wat helpt en hindert lokale samenwerking",
        "onderzoek",
        ["radicalisering-en-extremisme", "problematisch-gedrag-en-ondermijning"],
        ["beleidsmedewerkers"],
        ["zorg en veiligheid"],
        "Uitkomsten van gesprekken met gemeenten over samenwerking tussen sociaal domein en veiligheidsdomein.",
    ),
    (
        "handreiking-inclusief-beleid",
        "Handreiking inclusief beleid",
        "handreiking",
        ["inclusie"],
        ["beleidsmedewerkers"],
        ["inclusie", "beleid"],
        "Stappen om inclusie in gemeentelijk beleid te verankeren.",
    ),
    (
        "draaiboek-casusoverleg",
        "Draaiboek casusoverleg radicalisering (alleen voor gemeenten)",
        "handreiking",
        ["radicalisering-en-extremisme"],
        ["beleidsmedewerkers"],
        ["casusoverleg"],
        "Afspraken, rollen en privacyregels van het lokale casusoverleg; alleen voor ingelogde medewerkers van "
        "gemeenten.",
    ),
]
# Guidance for logged-in municipal staff (and editors) only: Wagtail page privacy with a group restriction.
RESTRICTED_GUIDANCE = {"draaiboek-casusoverleg"}


def load_case_studies(home):
    from curriculum.models import ModulePage
    from portal.models import Audience

    from .models import (
        CaseStudyIndexPage,
        CaseStudyPage,
        Domain,
        GuidanceIndexPage,
        GuidancePage,
        Municipality,
        MunicipalStaffMembership,
    )
    from .municipality_import import parse_municipalities, store_municipalities

    demo_file = Path(__file__).resolve().parent / "data" / "municipalities-demo.csv"
    store_municipalities(parse_municipalities(demo_file.read_bytes()))
    municipalities = {m.cbs_code: m for m in Municipality.objects.all()}
    staff_member = get_user_model().objects.filter(username="medewerker").first()
    if staff_member is not None:
        MunicipalStaffMembership.objects.get_or_create(
            user=staff_member, defaults={"municipality": municipalities["GM0307"]}
        )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    modules = {module.slug: module for module in ModulePage.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}

    index, _ = ensure_child_page(
        home,
        CaseStudyIndexPage,
        "praktijkvoorbeelden",
        title="Praktijkvoorbeelden",
        show_in_menus=True,
        intro="Wat deden andere gemeenten? Filter op thema, provincie, grootte en meer, of kies ‘gemeenten zoals de "
        "mijne’.",
    )
    for (
        slug,
        title,
        code,
        partner_codes,
        start,
        end,
        theme_slugs,
        domain_slugs,
        tags,
        evidence,
        module_slugs,
        intro,
        challenge,
        approach,
        results,
        lessons,
    ) in CASE_STUDIES:
        details = CASE_STUDY_DETAILS[slug]
        related = [modules[m] for m in module_slugs if m in modules]
        # Links that stay inside the portal: the modules that teach the approach.
        module_links = ", ".join(f'<a linktype="page" id="{module.pk}">{module.title}</a>' for module in related)
        further = (
            [f"Wie met deze aanpak aan de slag wil, vindt de basis in de module {module_links}."] if related else []
        )
        contact_name, contact_role = details["contact"]
        ensure_child_page(
            index,
            CaseStudyPage,
            slug,
            title=title,
            intro=intro,
            municipality=municipalities[code],
            other_municipalities=[municipalities[c] for c in partner_codes],
            start_year=start,
            end_year=end,
            themes=[themes[t] for t in theme_slugs],
            domains=[domains[d] for d in domain_slugs],
            tags=tags,
            evidence_level=evidence,
            related_modules=related,
            challenge=rich(challenge, *details["challenge"]),
            approach=rich(approach, *details["approach"], *further),
            results=rich(results, *details["results"]),
            lessons=rich(lessons, *details["lessons"]),
            partners="\n".join(details["partners"]),
            contact_name=contact_name,
            contact_role=contact_role,
            contact_email=contact_email(contact_name, municipalities[code].name),
            evidence_assessed_by="Redactie Kennisportaal" if evidence != "praktijkervaring" else "",
            archived=(end is not None and end < 2021),
            is_example=True,
            costs="Voorbeeldinhoud: geen echte bedragen.",
            transferability="Toepasbaar in gemeenten met een vergelijkbare opgave.",
        )

    guidance_index, _ = ensure_child_page(
        home,
        GuidanceIndexPage,
        "handreikingen",
        title="Handreikingen",
        show_in_menus=True,
        intro="Handreikingen, factsheets, onderzoeken en toolkits waar de workshops naar verwijzen.",
    )
    for slug, title, kind, theme_slugs, audience_slugs, tags, intro in GUIDANCE:
        page, _created = ensure_child_page(
            guidance_index,
            GuidancePage,
            slug,
            title=title,
            kind=kind,
            intro=intro,
            tags=tags,
            themes=[themes[t] for t in theme_slugs],
            audiences=[audiences[a] for a in audience_slugs],
            publication_date=datetime.date(2026, 2, 6),
            body=[
                paragraph_block(intro, *GUIDANCE_BODIES[slug], "Deze handreiking is voorbeeldinhoud van dit portaal.")
            ],
        )
        if slug in RESTRICTED_GUIDANCE:
            restrict_to_municipal_staff(page)


def load(report):
    from .models import EventIndexPage, EventPage, EventSessionPage, EzineArticlePage, EzineIndexPage, EzineIssuePage

    home = get_home_page()
    load_case_studies(home)
    themes = {theme.slug: theme for theme in Theme.objects.all()}

    events, _ = ensure_child_page(
        home,
        EventIndexPage,
        "bijeenkomsten",
        title="Bijeenkomsten",
        show_in_menus=True,
        intro="Themadagen, workshops en webinars over sociale stabiliteit.",
    )
    theme_day, _ = ensure_child_page(
        events,
        EventPage,
        "samen-voor-sociale-stabiliteit",
        title="Samen voor sociale stabiliteit",
        intro="Landelijke themadag voor bestuurders, beleidsmedewerkers en professionals van gemeenten.",
        starts_at=datetime.datetime.combine(THEME_DAY_DATE, datetime.time(9, 30), AMSTERDAM),
        ends_at=datetime.datetime.combine(THEME_DAY_DATE, datetime.time(16, 30), AMSTERDAM),
        location="Amersfoort",
        body=[
            paragraph_block(
                "Ruim 250 bestuurders, beleidsmedewerkers en professionals toetsten op deze dag in twaalf workshops de "
                "richting van het rijksbrede curriculum voor gemeenten."
            )
        ],
    )
    for slug, title, intro, speakers, report_text in [JEP_SESSION]:
        ensure_child_page(
            theme_day,
            EventSessionPage,
            slug,
            title=title,
            kind="plenary",
            intro=intro,
            speakers=speakers,
            report=rich(report_text),
        )
    for slug, title, theme_slug, intro, speakers, report_text in WORKSHOPS:
        ensure_child_page(
            theme_day,
            EventSessionPage,
            slug,
            title=title,
            kind="workshop",
            theme=themes[theme_slug],
            intro=intro,
            speakers=speakers,
            report=rich(report_text),
        )

    ezine, _ = ensure_child_page(
        home,
        EzineIndexPage,
        "e-zine",
        title="E-zine",
        show_in_menus=True,
        intro="Verslagen, interviews en achtergronden over sociale stabiliteit.",
    )
    first_issue, _ = ensure_child_page(
        ezine,
        EzineIssuePage,
        "themadag-2026",
        title="Terugblik op de themadag ‘Samen voor sociale stabiliteit’",
        issue_number=1,
        issue_date=datetime.date(2026, 3, 2),
        intro="Het eerste e-zine doet verslag van de landelijke themadag in Amersfoort.",
    )
    for slug, title, intro, paragraphs in EZINE_ARTICLES:
        ensure_child_page(
            first_issue,
            EzineArticlePage,
            slug,
            title=title,
            intro=intro,
            author="Redactie Kennisportaal",
            body=[paragraph_block(*paragraphs)],
        )
    # The second issue: a month before the demo was loaded, so the home page's latest issue is recent.
    from curriculum.models import ModulePage

    from .models import CaseStudyPage

    second_issue, _ = ensure_child_page(
        ezine,
        EzineIssuePage,
        "wijk-en-samenwerking",
        title="De wijk als vindplaats: samenwerken tussen zorg en veiligheid",
        issue_number=2,
        issue_date=max(datetime.date.today() - datetime.timedelta(days=30), datetime.date(2026, 4, 1)),
        intro="Het tweede e-zine gaat over signalen in de wijk, samenwerken tussen zorg en veiligheid, en wat er "
        "nieuw is in het curriculum.",
    )
    pages = {("case", page.slug): page for page in CaseStudyPage.objects.filter(locale__language_code="nl")}
    pages.update({("module", page.slug): page for page in ModulePage.objects.filter(locale__language_code="nl")})
    for slug, title, intro, paragraphs in SECOND_ISSUE_ARTICLES:
        ensure_child_page(
            second_issue,
            EzineArticlePage,
            slug,
            title=title,
            intro=intro,
            author="Redactie Kennisportaal",
            body=[paragraph_block(*(with_links(paragraph, pages) for paragraph in paragraphs))],
        )
