"""The judged relevance set: a corpus of portal pages and the queries users type, with what must be found.

Written from the users' side: policy makers who type a question on a phone, trainers looking for a module,
editors checking a name, in Dutch and in English. Each query names the pages that must be among the
first three results (all of them) and pages that must not be on the first page at all.

`benchmarks/relevance.py` reports on it; `tests/test_relevance.py` fails, on either engine, when a query
recorded as passing (`benchmarks/relevance_recorded.json`) stops passing or nDCG@10 falls by more than 0.02.
"""

import dataclasses

# Municipalities (real CBS codes).
AMERSFOORT = ("GM0307", "Amersfoort", "Utrecht")
AMSTERDAM = ("GM0363", "Amsterdam", "Noord-Holland")
ROTTERDAM = ("GM0599", "Rotterdam", "Zuid-Holland")
UTRECHT = ("GM0344", "Utrecht", "Utrecht")
DEN_HAAG = ("GM0518", "'s-Gravenhage", "Zuid-Holland")
ZWOLLE = ("GM0193", "Zwolle", "Overijssel")
ARNHEM = ("GM0202", "Arnhem", "Gelderland")
TILBURG = ("GM0855", "Tilburg", "Noord-Brabant")
GRONINGEN = ("GM0014", "Groningen", "Groningen")
ALMERE = ("GM0034", "Almere", "Flevoland")
ENSCHEDE = ("GM0153", "Enschede", "Overijssel")
MAASTRICHT = ("GM0935", "Maastricht", "Limburg")

ESS = ("Expertise-unit Sociale Stabiliteit", "ESS")
JEP = ("Platform JEP", "JEP")
NCTV = ("Nationaal Coördinator Terrorismebestrijding en Veiligheid", "NCTV")
VNG = ("Vereniging van Nederlandse Gemeenten", "VNG")
CCV = ("Centrum voor Criminaliteitspreventie en Veiligheid", "CCV")

INCLUSIE, POLARISATIE = "inclusie", "polarisatie"
ONDERMIJNING, RADICALISERING = "problematisch-gedrag-en-ondermijning", "radicalisering-en-extremisme"

# Modules: key, title, intro, themes, audiences, tags, provider.
MODULES = [
    (
        "m-signalen",
        "Signalen van radicalisering herkennen",
        "Training voor professionals: welke signalen wijzen op radicalisering, en wat doet u ermee? Met casussen "
        "uit de praktijk en het stappenplan voor melden en doorverwijzen.",
        [RADICALISERING],
        ["professionals-sociaal-domein", "jeugdprofessionals"],
        ["signalering", "casusoverleg"],
        ESS,
    ),
    (
        "m-weerbaar-bestuur",
        "Weerbaar bestuur: de burgemeester en ondermijning",
        "Voor bestuurders: hoe maakt u het openbaar bestuur weerbaar tegen ondermijning? Bestuurlijke instrumenten, "
        "de Wet Bibob en sluitingsbevoegdheden.",
        [ONDERMIJNING],
        ["bestuurders"],
        ["bestuur", "bibob"],
        CCV,
    ),
    (
        "m-dialoog",
        "Het gesprek aangaan over polarisatie",
        "Hoe voert u een goed gesprek als meningen botsen? Gesprekstechnieken voor professionals en docenten bij "
        "polarisatie en maatschappelijke spanningen.",
        [POLARISATIE],
        ["professionals-sociaal-domein", "onderwijs"],
        ["dialoog"],
        ESS,
    ),
    (
        "m-klas",
        "Polarisatie in de klas",
        "Voor docenten en schoolleiders: omgaan met polarisatie op scholen, lastige gesprekken in de klas en "
        "ouders die zich zorgen maken.",
        [POLARISATIE],
        ["onderwijs"],
        ["onderwijs", "dialoog"],
        ESS,
    ),
    (
        "m-online",
        "Online radicalisering en desinformatie",
        "Hoe werken algoritmes, complotdenken en desinformatie op sociale media, en wat kunnen gemeenten doen "
        "tegen online radicalisering van jongeren?",
        [RADICALISERING],
        ["beleidsmedewerkers", "jeugdprofessionals"],
        ["online", "desinformatie", "sociale media"],
        NCTV,
    ),
    (
        "m-discriminatie",
        "Discriminatie melden en aanpakken",
        "Een module over discriminatie: hoe moedigt u inwoners aan discriminatie te melden, hoe werkt het "
        "antidiscriminatievoorziening en wat doet de gemeente met meldingen?",
        [INCLUSIE],
        ["beleidsmedewerkers"],
        ["discriminatie"],
        VNG,
    ),
    (
        "m-inclusie-beleid",
        "Inclusief beleid maken",
        "Van visie tot uitvoering: inclusie in gemeentelijk beleid, met de stem van inwoners en ervaringsdeskundigen.",
        [INCLUSIE],
        ["beleidsmedewerkers", "bestuurders"],
        ["beleid"],
        VNG,
    ),
    (
        "m-zorg-veiligheid",
        "Samenwerken tussen zorg en veiligheid",
        "De samenwerking tussen het sociaal domein en het veiligheidsdomein: casusoverleg, het Zorg- en "
        "Veiligheidshuis en privacy bij het delen van gegevens.",
        [RADICALISERING, ONDERMIJNING],
        ["professionals-veiligheidsdomein", "professionals-sociaal-domein"],
        ["zorg en veiligheid", "casusoverleg", "privacy"],
        JEP,
    ),
    (
        "m-jeugdcriminaliteit",
        "Jeugdcriminaliteit voorkomen",
        "Preventie van criminaliteit onder jongeren: vroegsignalering, de rol van het jongerenwerk en een "
        "persoonsgerichte aanpak voor jongeren die afglijden.",
        [ONDERMIJNING],
        ["jeugdprofessionals"],
        ["jongeren", "preventie"],
        CCV,
    ),
    (
        "m-statushouders",
        "Statushouders welkom in de buurt",
        "Hoe helpt u statushouders en buurtbewoners elkaar te leren kennen? Over inburgering, participatie en "
        "spanningen in de buurt rond nieuwe bewoners.",
        [INCLUSIE, POLARISATIE],
        ["beleidsmedewerkers", "professionals-sociaal-domein"],
        ["statushouders", "wijkaanpak"],
        VNG,
    ),
    (
        "m-extremisme",
        "Rechts-extremisme en anti-institutioneel extremisme",
        "Achtergrond over rechts-extremisme, anti-institutionele groepen en jihadisme: wat ziet u lokaal en hoe "
        "schat u de dreiging in?",
        [RADICALISERING],
        ["beleidsmedewerkers", "professionals-veiligheidsdomein"],
        ["extremisme"],
        NCTV,
    ),
    (
        "m-ondermijning-basis",
        "Ondermijning herkennen in de wijk",
        "Drugscriminaliteit, witwassen en misbruik van panden: signalen van ondermijnende criminaliteit die "
        "wijkagenten, toezichthouders en wijkteams kunnen zien.",
        [ONDERMIJNING],
        ["professionals-veiligheidsdomein"],
        ["signalering", "drugs"],
        CCV,
    ),
    (
        "m-netwerk",
        "Een lokaal netwerk tegen radicalisering opbouwen",
        "Wie zitten er aan tafel? Een netwerkaanpak met sleutelfiguren, moskeebesturen, jongerenwerk en politie.",
        [RADICALISERING],
        ["beleidsmedewerkers"],
        ["netwerk", "sleutelfiguren"],
        ESS,
    ),
    (
        "m-crisis",
        "Maatschappelijke onrust en rellen: de rol van de gemeente",
        "Wat doet de gemeente bij rellen, demonstraties die uit de hand lopen en onrust na een incident? Over "
        "crisiscommunicatie en het herstel van vertrouwen.",
        [POLARISATIE],
        ["bestuurders"],
        ["onrust", "crisis"],
        NCTV,
    ),
    (
        "m-sport",
        "Sportclubs als plek voor sociale verbinding",
        "Sport verbindt: hoe zetten gemeenten sportverenigingen in voor inclusie en tegen uitsluiting?",
        [INCLUSIE],
        ["beleidsmedewerkers"],
        ["sport"],
        VNG,
    ),
    (
        "m-ouders",
        "Ouders betrekken bij preventie",
        "Ouders zijn vaak de eersten die verandering zien. Hoe ondersteunt u ouders van jongeren die radicaliseren?",
        [RADICALISERING],
        ["jeugdprofessionals"],
        ["ouders", "jongeren"],
        ESS,
    ),
    (
        "m-meldpunt",
        "Zorgen melden: het meldpunt voor radicalisering",
        "Waar kunnen inwoners en professionals terecht met zorgen over radicalisering? Over het meldpunt, de "
        "weging en de terugkoppeling aan de melder.",
        [RADICALISERING],
        ["professionals-sociaal-domein"],
        ["melden"],
        NCTV,
    ),
    (
        "m-wijkaanpak",
        "Wijkgerichte aanpak van spanningen",
        "Spanningen tussen groepen bewoners vragen om een wijkaanpak: signalen ophalen, bewoners verbinden en snel "
        "handelen als het schuurt.",
        [POLARISATIE],
        ["professionals-sociaal-domein"],
        ["wijkaanpak"],
        JEP,
    ),
]

# Case studies: key, title, intro, text, themes, tags, municipality, start year.
CASE_STUDIES = [
    (
        "c-amersfoort",
        "Spanningen in de wijk Kruiskamp",
        "Amersfoort bracht bewoners, jongerenwerk en politie samen na oplopende spanningen in de wijk.",
        "Na een reeks incidenten organiseerde de gemeente buurtgesprekken. Sleutelfiguren uit de wijk hielpen om "
        "geruchten te ontkrachten en de spanningen te verminderen.",
        [POLARISATIE],
        ["wijkaanpak", "jongerenwerk"],
        AMERSFOORT,
        2023,
    ),
    (
        "c-rotterdam",
        "Spanningen in de wijk na een incident: de aanpak van Rotterdam",
        "Hoe Rotterdam na een ernstig incident de rust in de buurt herstelde.",
        "Het wijkteam en de gebiedsregisseur zochten binnen een dag contact met bewoners. Een crisisteam stemde de "
        "communicatie af en ondernemers werden betrokken.",
        [POLARISATIE],
        ["wijkaanpak", "crisis"],
        ROTTERDAM,
        2024,
    ),
    (
        "c-utrecht",
        "Spanningen in de wijk rond de opvang van asielzoekers",
        "In Utrecht leidde de komst van een opvanglocatie tot onrust. Informatieavonden en een klankbordgroep hielpen.",
        "De gemeente koos voor open communicatie, een vast aanspreekpunt en rondleidingen in de opvang. Statushouders "
        "werden later actief in de buurtvereniging.",
        [POLARISATIE, INCLUSIE],
        ["statushouders", "opvang"],
        UTRECHT,
        2023,
    ),
    (
        "c-zwolle-school",
        "Polarisatie op scholen voorkomen in Zwolle",
        "Zwolse scholen en de gemeente ontwikkelden samen lessen over democratie en omgaan met verschillen.",
        "Docenten kregen training in het voeren van lastige gesprekken. Leerlingen maakten zelf een debatreeks.",
        [POLARISATIE],
        ["onderwijs", "dialoog"],
        ZWOLLE,
        2022,
    ),
    (
        "c-den-haag-discriminatie",
        "Discriminatie op de arbeidsmarkt aanpakken in Den Haag",
        "Den Haag zette mystery calls in en sprak werkgevers aan op discriminatie bij sollicitaties.",
        "Meldingen van discriminatie werden gebundeld met het antidiscriminatiebureau. Werkgevers tekenden een "
        "charter voor eerlijke werving.",
        [INCLUSIE],
        ["discriminatie", "werk"],
        DEN_HAAG,
        2021,
    ),
    (
        "c-tilburg-ondermijning",
        "Weerbare wijken tegen ondermijning in Tilburg",
        "Tilburg maakte wijken weerbaar tegen drugscriminaliteit met een integrale aanpak van gemeente, politie "
        "en woningcorporaties.",
        "Bewoners leerden signalen van ondermijning herkennen en melden. Panden die misbruikt werden, werden "
        "gesloten op grond van de Opiumwet.",
        [ONDERMIJNING],
        ["drugs", "wijkaanpak", "weerbaarheid"],
        TILBURG,
        2022,
    ),
    (
        "c-arnhem-jongeren",
        "Jongeren weg uit de criminaliteit in Arnhem",
        "Een persoonsgerichte aanpak voor jongeren die in aanraking kwamen met drugshandel.",
        "Jongerenwerkers, school en reclassering maakten per jongere een plan. Werk en opleiding bleken de "
        "belangrijkste uitweg.",
        [ONDERMIJNING],
        ["jongeren", "drugs"],
        ARNHEM,
        2023,
    ),
    (
        "c-groningen-extremisme",
        "Anti-institutioneel extremisme in Groningen",
        "Groningen zag wantrouwen tegen de overheid omslaan in bedreigingen van raadsleden.",
        "De gemeente investeerde in gesprekken met inwoners die zich niet gehoord voelen, en in de veiligheid van "
        "volksvertegenwoordigers.",
        [RADICALISERING],
        ["extremisme", "bestuur"],
        GRONINGEN,
        2024,
    ),
    (
        "c-almere-online",
        "Online radicalisering van jongeren in Almere",
        "Almere startte een team dat online signalen van radicalisering bij jongeren oppakt.",
        "Het team werkt samen met jongerenwerk en onderwijs en spreekt jongeren aan op wat zij online delen.",
        [RADICALISERING],
        ["online", "jongeren"],
        ALMERE,
        2024,
    ),
    (
        "c-enschede-netwerk",
        "Een netwerk van sleutelfiguren in Enschede",
        "In Enschede signaleren sleutelfiguren uit gemeenschappen vroeg zorgen over radicalisering.",
        "Imams, jongerenwerkers en buurtvaders komen elke maand bijeen. Zorgen worden besproken in het casusoverleg.",
        [RADICALISERING],
        ["netwerk", "sleutelfiguren", "moskee"],
        ENSCHEDE,
        2021,
    ),
    (
        "c-maastricht-inclusie",
        "Iedereen doet mee: inclusie in Maastricht",
        "Maastricht maakte een inclusieagenda met inwoners met een beperking.",
        "Gebouwen, websites en evenementen werden toegankelijk gemaakt. Ervaringsdeskundigen toetsen nieuw beleid.",
        [INCLUSIE],
        ["toegankelijkheid", "beleid"],
        MAASTRICHT,
        2022,
    ),
    (
        "c-amsterdam-rellen",
        "Na de rellen: herstel van vertrouwen in Amsterdam",
        "Na rellen in een Amsterdamse buurt zette de gemeente in op herstel van vertrouwen tussen jongeren en politie.",
        "Er kwamen gesprekken tussen jongeren en wijkagenten, en een buurtbudget voor activiteiten die jongeren "
        "zelf bedachten.",
        [POLARISATIE],
        ["jongeren", "politie", "onrust"],
        AMSTERDAM,
        2023,
    ),
    (
        "c-utrecht-statushouders",
        "Statushouders en buurtbewoners koken samen",
        "Een Utrechtse buurt bracht statushouders en oude bewoners samen rond eten.",
        "Wekelijkse kookavonden in het buurthuis leidden tot nieuwe contacten en vrijwilligerswerk.",
        [INCLUSIE],
        ["statushouders"],
        UTRECHT,
        2021,
    ),
    (
        "c-rotterdam-zorg-veiligheid",
        "Het Zorg- en Veiligheidshuis bij radicalisering",
        "Hoe Rotterdam het casusoverleg radicalisering in het Zorg- en Veiligheidshuis inrichtte.",
        "Partners uit zorg en veiligheid wegen samen zorgen over personen. Privacy is geregeld in een convenant.",
        [RADICALISERING],
        ["zorg en veiligheid", "casusoverleg", "privacy"],
        ROTTERDAM,
        2022,
    ),
    (
        "c-den-haag-jeugdcriminaliteit",
        "Jeugdcriminaliteit in Den Haag: een wijkaanpak",
        "Den Haag richtte zich op jonge aanwas in de georganiseerde criminaliteit.",
        "Jongeren die geronseld werden als koerier kregen begeleiding. Ouders werden actief betrokken.",
        [ONDERMIJNING],
        ["jongeren", "wijkaanpak"],
        DEN_HAAG,
        2024,
    ),
    (
        "c-zwolle-weerbaar-bestuur",
        "Weerbaar bestuur in Zwolle",
        "Zwolle trainde raadsleden en wethouders in bestuurlijke weerbaarheid tegen intimidatie en ondermijning.",
        "Met scenario's oefenden bestuurders hoe zij omgaan met bedreigingen en met pogingen tot beïnvloeding.",
        [ONDERMIJNING],
        ["bestuur", "weerbaarheid"],
        ZWOLLE,
        2023,
    ),
    (
        "c-tilburg-sport",
        "Sportverenigingen tegen uitsluiting in Tilburg",
        "Tilburgse sportclubs werken aan een veilig sportklimaat voor iedereen.",
        "Trainers leerden ingrijpen bij discriminatie op en rond het veld. De clubs kregen een "
        "vertrouwenscontactpersoon.",
        [INCLUSIE],
        ["sport", "discriminatie"],
        TILBURG,
        2023,
    ),
    (
        "c-arnhem-ouders",
        "Steun voor ouders van radicaliserende jongeren in Arnhem",
        "Arnhem opende een steunpunt voor ouders die zich zorgen maken over hun kind.",
        "Ouders konden anoniem advies vragen. Een deel van hen werd doorverwezen naar het casusoverleg.",
        [RADICALISERING],
        ["ouders", "jongeren"],
        ARNHEM,
        2021,
    ),
    (
        "c-almere-desinformatie",
        "Desinformatie en complotdenken in Almere",
        "Almere onderzocht hoe complotdenken zich via sociale media verspreidde tijdens de pandemie.",
        "De gemeente koos voor een gesprek in plaats van tegenspraak en trainde medewerkers van het klantcontact.",
        [POLARISATIE],
        ["desinformatie", "online"],
        ALMERE,
        2022,
    ),
    (
        "c-groningen-opvang",
        "Draagvlak voor de opvang van vluchtelingen in Groningen",
        "Groningen zocht draagvlak voor een nieuwe opvanglocatie in een dorp.",
        "Een dorpsraad dacht mee over de voorwaarden. De gemeente beloofde vaste contactpersonen en korte lijnen.",
        [INCLUSIE, POLARISATIE],
        ["opvang"],
        GRONINGEN,
        2024,
    ),
    (
        "c-maastricht-drugs",
        "Drugsafval en ondermijning in het buitengebied bij Maastricht",
        "Dumpingen van drugsafval brachten boeren en gemeente samen in de aanpak van ondermijning.",
        "Boeren leerden signalen van drugslabs herkennen. De gemeente verbeterde de meldroute met politie.",
        [ONDERMIJNING],
        ["drugs", "buitengebied"],
        MAASTRICHT,
        2021,
    ),
    (
        "c-enschede-moskee",
        "Moskee en gemeente in gesprek in Enschede",
        "Na bekladding van een moskee zochten bestuur van de moskee en gemeente elkaar op.",
        "Er volgde een open dag en een gezamenlijke verklaring tegen moslimhaat; de wijkagent hield contact met de "
        "omwonenden. Discriminatie werd vaker gemeld.",
        [INCLUSIE, POLARISATIE],
        ["moskee", "discriminatie"],
        ENSCHEDE,
        2023,
    ),
    (
        "c-amersfoort-mentions",
        "Jaarverslag sociaal domein Amersfoort",
        "Een overzicht van het sociaal domein: zorg, werk, inkomen en jeugd.",
        "Het verslag noemt onder meer polarisatie, radicalisering en discriminatie kort als aandachtspunten voor "
        "volgend jaar, naast armoede en schulden.",
        [INCLUSIE],
        ["beleid"],
        AMERSFOORT,
        2024,
    ),
]

# English pages (translations with English text): key, source module key, title, intro.
ENGLISH_PAGES = [
    (
        "e-signs",
        "m-signalen",
        "Recognising signs of radicalisation",
        "Training for professionals: which signs point to radicalisation, and what do you do about them?",
    ),
    (
        "e-dialogue",
        "m-dialoog",
        "Talking about polarisation",
        "How to hold a good conversation when opinions clash: techniques for professionals and teachers.",
    ),
    (
        "e-resilient",
        "m-weerbaar-bestuur",
        "Resilient government: the mayor and organised crime",
        "For administrators: how to make local government resilient against undermining and organised crime.",
    ),
]

# Synonyms the editors maintain (besides the initial ones of the search app's migration).
SYNONYMS = [
    "radicalisation, radicalisering",
    "polarisation, polarisatie",
    "discrimination, discriminatie",
    "jeugd, jongeren",
    "vluchtelingen, asielzoekers, statushouders",
]

# Pages that no query about a theme may bring: on an unrelated subject, sharing no word a searcher means.
# Every judged query excludes those of the themes of the pages it expects (see `judged_queries`).
UNRELATED = {
    INCLUSIE: ["m-extremisme", "m-ondermijning-basis"],
    POLARISATIE: ["m-weerbaar-bestuur", "c-maastricht-drugs"],
    ONDERMIJNING: ["c-maastricht-inclusie", "m-dialoog"],
    RADICALISERING: ["c-maastricht-inclusie", "c-tilburg-sport"],
}

# The judged queries: (query, language, pages that must all be in the top 3, pages that must not be on the
# first page besides the unrelated ones). Who types them: P policy maker, T trainer, E editor, M municipal staff.
QUERIES = [
    # Questions, as typed on a phone (P, M)
    ("hoe ga ik om met spanningen in de wijk", "nl", ["c-amersfoort", "c-rotterdam", "c-utrecht"], []),
    ("hoe voorkom ik polarisatie op scholen", "nl", ["c-zwolle-school", "m-klas"], []),
    ("wat kan ik doen tegen discriminatie", "nl", ["m-discriminatie"], []),
    ("hoe herken ik radicalisering", "nl", ["m-signalen"], []),
    ("hoe herken ik signalen van radicalisering bij jongeren", "nl", ["m-signalen"], []),
    ("wat doet de gemeente bij rellen", "nl", ["m-crisis"], []),
    ("hoe maak ik mijn bestuur weerbaar", "nl", ["m-weerbaar-bestuur", "c-zwolle-weerbaar-bestuur"], []),
    ("hoe betrek ik ouders", "nl", ["m-ouders"], []),
    ("waar meld ik zorgen over radicalisering", "nl", ["m-meldpunt"], []),
    ("hoe werkt het zorg- en veiligheidshuis", "nl", ["c-rotterdam-zorg-veiligheid"], []),
    ("hoe krijg ik draagvlak voor opvang", "nl", ["c-groningen-opvang"], []),
    ("hoe pak ik ondermijning in de wijk aan", "nl", ["m-ondermijning-basis"], []),
    ("wat kunnen we doen tegen online radicalisering", "nl", ["m-online", "c-almere-online"], []),
    ("hoe voer ik een gesprek over polarisatie", "nl", ["m-dialoog"], []),
    ("hoe voorkom je jeugdcriminaliteit", "nl", ["m-jeugdcriminaliteit"], []),
    ("welke training is er voor bestuurders over ondermijning", "nl", ["m-weerbaar-bestuur"], []),
    ("hoe bouw ik een netwerk tegen radicalisering", "nl", ["m-netwerk"], []),
    ("wat te doen na een incident in de buurt", "nl", ["c-rotterdam"], []),
    ("hoe ga ik om met complotdenken", "nl", ["c-almere-desinformatie"], []),
    ("hoe maak ik beleid inclusief", "nl", ["m-inclusie-beleid"], []),
    ("hoe bereik ik statushouders in de buurt", "nl", ["m-statushouders"], []),
    ("wat is anti-institutioneel extremisme", "nl", ["c-groningen-extremisme"], []),
    ("hoe help ik jongeren uit de criminaliteit", "nl", ["c-arnhem-jongeren"], []),
    ("hoe herstel je vertrouwen na rellen", "nl", ["c-amsterdam-rellen"], []),
    ("hoe herken ik een drugslab", "nl", ["c-maastricht-drugs"], []),
    ("wat doen sportclubs tegen uitsluiting", "nl", ["c-tilburg-sport"], []),
    ("hoe deel ik gegevens met privacy in het casusoverleg", "nl", ["m-zorg-veiligheid"], []),
    ("hoe moedig ik inwoners aan discriminatie te melden", "nl", ["m-discriminatie"], []),
    ("hoe ondersteun ik ouders van jongeren die radicaliseren", "nl", ["m-ouders", "c-arnhem-ouders"], []),
    ("wie zitten er aan tafel bij een netwerkaanpak", "nl", ["m-netwerk"], []),
    ("welke bevoegdheden heeft de burgemeester bij ondermijning", "nl", ["m-weerbaar-bestuur"], []),
    ("hoe bescherm ik raadsleden tegen bedreigingen", "nl", ["c-groningen-extremisme"], []),
    ("hoe ga ik het gesprek aan in de klas", "nl", ["m-klas"], []),
    ("voorbeelden van inclusie in gemeenten", "nl", ["c-maastricht-inclusie"], []),
    ("tips voor een wijkaanpak bij spanningen", "nl", ["m-wijkaanpak"], []),
    # The six questions of the issue, on this corpus
    ("polarisatie", "nl", ["m-dialoog"], []),
    ("discriminatie melden", "nl", ["m-discriminatie"], []),
    ("weerbaar bestuur", "nl", ["m-weerbaar-bestuur", "c-zwolle-weerbaar-bestuur"], []),
    ("statushouders buurt", "nl", ["m-statushouders", "c-utrecht-statushouders"], []),
    ("training signalen radicalisering", "nl", ["m-signalen"], []),
    # Single words and short keyword queries (P, T)
    ("radicalisering", "nl", ["m-signalen"], []),
    ("radicaliseren", "nl", ["m-signalen"], []),
    ("geradicaliseerde jongeren", "nl", ["c-almere-online"], []),
    ("ondermijning", "nl", ["m-ondermijning-basis"], []),
    ("ondermijnende criminaliteit", "nl", ["m-ondermijning-basis"], []),
    ("discriminatie", "nl", ["m-discriminatie"], []),
    ("melding discriminatie", "nl", ["m-discriminatie"], []),
    ("inclusie", "nl", ["m-inclusie-beleid"], []),
    ("inclusief", "nl", ["m-inclusie-beleid"], []),
    ("extremisme", "nl", ["m-extremisme"], []),
    ("extremistische groepen", "nl", ["m-extremisme"], []),
    ("rechts-extremisme", "nl", ["m-extremisme"], []),
    ("jihadisme", "nl", ["m-extremisme"], []),
    ("desinformatie", "nl", ["m-online", "c-almere-desinformatie"], []),
    ("complotdenken", "nl", ["c-almere-desinformatie"], []),
    ("statushouders", "nl", ["m-statushouders"], []),
    ("statushouder", "nl", ["m-statushouders"], []),
    ("opvang", "nl", ["c-groningen-opvang"], []),
    ("rellen", "nl", ["m-crisis", "c-amsterdam-rellen"], []),
    ("onrust", "nl", ["m-crisis"], []),
    ("sport", "nl", ["m-sport"], []),
    ("sportverenigingen", "nl", ["m-sport"], []),
    ("ouders", "nl", ["m-ouders"], []),
    ("sleutelfiguren", "nl", ["c-enschede-netwerk"], []),
    ("moskee", "nl", ["c-enschede-moskee"], []),
    ("casusoverleg", "nl", ["m-zorg-veiligheid"], []),
    ("privacy", "nl", ["m-zorg-veiligheid"], []),
    ("drugs", "nl", ["c-maastricht-drugs"], []),
    ("drugsafval", "nl", ["c-maastricht-drugs"], []),
    ("meldpunt", "nl", ["m-meldpunt"], []),
    ("zorgen melden", "nl", ["m-meldpunt"], []),
    ("signalering", "nl", ["m-signalen"], []),
    ("signaleren", "nl", ["m-signalen"], []),
    ("gesprekstechnieken", "nl", ["m-dialoog"], []),
    ("dialoog", "nl", ["m-dialoog"], []),
    ("docenten", "nl", ["m-klas"], []),
    ("democratie", "nl", ["c-zwolle-school"], []),
    ("crisiscommunicatie", "nl", ["m-crisis"], []),
    ("wijkagenten", "nl", ["c-amsterdam-rellen"], []),
    ("toegankelijk", "nl", ["c-maastricht-inclusie"], []),
    ("weerbaarheid", "nl", ["c-zwolle-weerbaar-bestuur"], []),
    ("preventie", "nl", ["m-jeugdcriminaliteit"], []),
    ("witwassen", "nl", ["m-ondermijning-basis"], []),
    ("bibob", "nl", ["m-weerbaar-bestuur"], []),
    ("sociale media", "nl", ["m-online"], []),
    ("sociaal domein", "nl", ["m-zorg-veiligheid"], []),
    ("samenwerking zorg en veiligheid", "nl", ["m-zorg-veiligheid"], []),
    ("samenwerken", "nl", ["m-zorg-veiligheid"], []),
    ("buurtgesprekken", "nl", ["c-amersfoort"], []),
    # Unrelated words that older analysis merged: these must not bring the other page
    ("geweld", "nl", [], ["m-inclusie-beleid"]),
    ("begeleiding jongeren", "nl", ["c-den-haag-jeugdcriminaliteit"], ["m-inclusie-beleid"]),
    ("weer", "nl", [], ["m-weerbaar-bestuur", "c-zwolle-weerbaar-bestuur", "c-tilburg-ondermijning"]),
    ("gemeente", "nl", [], ["e-signs", "e-dialogue", "e-resilient"]),  # Dutch site: no English pages
    # Names: municipalities, provinces, providers, tags (E, P)
    ("Amersfoort", "nl", ["c-amersfoort"], []),
    ("Tilburg", "nl", ["c-tilburg-ondermijning", "c-tilburg-sport"], []),
    ("Rotterdam", "nl", ["c-rotterdam", "c-rotterdam-zorg-veiligheid"], []),
    ("Enschede", "nl", ["c-enschede-netwerk", "c-enschede-moskee"], []),
    ("Groningen opvang", "nl", ["c-groningen-opvang"], []),
    ("Maastricht", "nl", ["c-maastricht-inclusie", "c-maastricht-drugs"], []),
    ("Limburg", "nl", ["c-maastricht-inclusie", "c-maastricht-drugs"], []),
    ("Overijssel", "nl", ["c-zwolle-school"], []),
    ("Noord-Brabant ondermijning", "nl", ["c-tilburg-ondermijning"], []),
    ("Almere jongeren", "nl", ["c-almere-online"], []),
    ("ESS", "nl", ["m-signalen"], []),
    ("Expertise-unit Sociale Stabiliteit", "nl", ["m-signalen"], []),
    ("NCTV", "nl", ["m-online"], []),
    ("Platform JEP", "nl", ["m-zorg-veiligheid"], []),
    ("VNG discriminatie", "nl", ["m-discriminatie"], []),
    ("CCV", "nl", ["m-weerbaar-bestuur"], []),
    ("polarisatie Amsterdam", "nl", ["c-amsterdam-rellen"], []),
    ("wijkaanpak Den Haag", "nl", ["c-den-haag-jeugdcriminaliteit"], []),
    ("jongerenwerk", "nl", ["c-amersfoort"], []),
    ("beleidsmedewerkers discriminatie", "nl", ["m-discriminatie"], []),
    ("bestuurders", "nl", ["m-weerbaar-bestuur"], []),
    ("jeugdprofessionals radicalisering", "nl", ["m-signalen"], []),
    ("onderwijs polarisatie", "nl", ["m-klas"], []),
    ("problematisch gedrag", "nl", ["m-ondermijning-basis"], []),
    # Compounds (both ways)
    ("jeugdcriminaliteit", "nl", ["m-jeugdcriminaliteit", "c-den-haag-jeugdcriminaliteit"], []),
    ("criminaliteit onder jongeren", "nl", ["m-jeugdcriminaliteit"], []),
    ("criminaliteit", "nl", ["m-jeugdcriminaliteit"], []),
    ("buurtbewoners", "nl", ["m-statushouders"], []),
    ("bewoners buurt", "nl", ["m-statushouders"], []),
    ("drugscriminaliteit", "nl", ["m-ondermijning-basis"], []),
    ("drugshandel", "nl", ["c-arnhem-jongeren"], []),
    ("netwerkaanpak", "nl", ["m-netwerk"], []),
    ("aanpak netwerk", "nl", ["m-netwerk"], []),
    ("veiligheidshuis", "nl", ["c-rotterdam-zorg-veiligheid"], []),
    ("opvanglocatie", "nl", ["c-utrecht", "c-groningen-opvang"], []),
    ("locatie opvang", "nl", ["c-utrecht"], []),
    ("schoolleiders", "nl", ["m-klas"], []),
    ("vroegsignalering", "nl", ["m-jeugdcriminaliteit"], []),
    ("moskeebesturen", "nl", ["m-netwerk"], []),
    # Typos (P on a phone)
    ("polarisatei", "nl", ["m-dialoog"], []),
    ("radicaliseirng", "nl", ["m-signalen"], []),
    ("discrimminatie", "nl", ["m-discriminatie"], []),
    ("ondermijnig", "nl", ["m-ondermijning-basis"], []),
    ("statushouers", "nl", ["m-statushouders"], []),
    ("extremsime", "nl", ["m-extremisme"], []),
    ("desinformatei", "nl", ["m-online"], []),
    ("sleutelfigueren", "nl", ["c-enschede-netwerk"], []),
    ("complotdenkne", "nl", ["c-almere-desinformatie"], []),
    ("spanningen in de wjik", "nl", ["c-amersfoort", "c-rotterdam"], []),
    # Query syntax
    ('"spanningen in de wijk"', "nl", ["c-amersfoort", "c-rotterdam", "c-utrecht"], ["m-wijkaanpak"]),
    ("jongeren -radicalisering", "nl", ["c-arnhem-jongeren"], ["c-almere-online", "m-ouders"]),
    ("rellen OR onrust", "nl", ["m-crisis"], []),
    ("statushouders OR vluchtelingen", "nl", ["m-statushouders"], []),
    ('"weerbaar bestuur"', "nl", ["c-zwolle-weerbaar-bestuur"], []),
    ("ondermijning -drugs", "nl", ["m-weerbaar-bestuur"], ["c-tilburg-ondermijning", "c-maastricht-drugs"]),
    # English (P, T on the English site)
    ("radicalisation", "en", ["e-signs"], []),
    ("signs of radicalisation", "en", ["e-signs"], []),
    ("polarisation", "en", ["e-dialogue"], []),
    ("talking about polarisation", "en", ["e-dialogue"], []),
    ("organised crime", "en", ["e-resilient"], []),
    ("resilient government", "en", ["e-resilient"], []),
    ("how do I recognise radicalisation", "en", ["e-signs"], []),
    ("discrimination", "en", ["m-discriminatie"], []),
    ("Amersfoort", "en", ["c-amersfoort"], []),
    ("teachers", "en", ["e-dialogue"], []),
    # Misses a user noticed on the demo site (issue 27): the rare word of a question decides; a municipality's
    # own case study before pages that only name the town; "training" asks for a module.
    ("onrust moskee buurt", "nl", ["c-enschede-moskee"], []),
    ("polarisatie amersfoort", "nl", ["c-amersfoort"], []),
    ("training polarisatie", "nl", ["m-dialoog"], []),
    ("welke training is er over radicalisering", "nl", ["m-signalen"], []),
    ("cursus gesprekstechnieken", "nl", ["m-dialoog"], []),
]


def themes_of(key):
    """The themes of a corpus page (an English page has its source's)."""
    source = {english_key: source_key for english_key, source_key, _title, _intro in ENGLISH_PAGES}.get(key, key)
    for page in MODULES:
        if page[0] == source:
            return page[3]
    for page in CASE_STUDIES:
        if page[0] == source:
            return page[4]
    raise KeyError(key)


# Pages that are relevant to a query without being required, so never 'unrelated' for it (grade 2).
ALSO_RELEVANT = {
    "sociaal domein": ["m-dialoog", "m-signalen", "m-statushouders", "m-wijkaanpak", "m-meldpunt"],
    "Amersfoort": ["c-amersfoort-mentions"],
    "polarisatie amersfoort": ["c-amersfoort-mentions"],
}

# Queries that name a place, a provider, an audience or only test the query syntax: a page on the same theme
# as the named one is not for that reason relevant to them (no grade 1 from the theme, see `grades_for`).
NAME_QUERIES = {
    "Amersfoort",
    "Tilburg",
    "Rotterdam",
    "Enschede",
    "Groningen opvang",
    "Maastricht",
    "Limburg",
    "Overijssel",
    "Noord-Brabant ondermijning",
    "Almere jongeren",
    "ESS",
    "Expertise-unit Sociale Stabiliteit",
    "NCTV",
    "Platform JEP",
    "VNG discriminatie",
    "CCV",
    "polarisatie Amsterdam",
    "wijkaanpak Den Haag",
    "polarisatie amersfoort",
    "gemeente",
    "weer",
    "geweld",
}

# More questions, judged with grades: 3 answers the question (must be in the top 3), 2 helps (never counted as
# unrelated). A page on the theme of a grade-3 page gets 1 (`grades_for`); every other page 0. Many of these say
# in other words what the page says ("nepnieuws", "azc", "racisme"): what search by meaning is for.
GRADED_QUERIES = [
    ("wat doe ik als iemand gediscrimineerd wordt op het werk", {"c-den-haag-discriminatie": 3, "m-discriminatie": 2}),
    ("eerlijke werving zonder discriminatie", {"c-den-haag-discriminatie": 3}),
    ("mystery calls bij werkgevers", {"c-den-haag-discriminatie": 3}),
    ("antidiscriminatiebureau", {"c-den-haag-discriminatie": 3, "m-discriminatie": 2}),
    ("hoe maak ik evenementen toegankelijk voor mensen met een beperking", {"c-maastricht-inclusie": 3}),
    ("inclusieagenda", {"c-maastricht-inclusie": 3}),
    ("ervaringsdeskundigen betrekken bij beleid", {"m-inclusie-beleid": 3, "c-maastricht-inclusie": 3}),
    ("hoe laat ik inwoners meedenken over beleid", {"m-inclusie-beleid": 3, "c-maastricht-inclusie": 2}),
    ("moslimhaat", {"c-enschede-moskee": 3}),
    ("bekladding van een moskee wat nu", {"c-enschede-moskee": 3}),
    ("racisme op het sportveld", {"c-tilburg-sport": 3, "m-sport": 2}),
    ("vertrouwenscontactpersoon bij de sportclub", {"c-tilburg-sport": 3}),
    ("veilig sportklimaat", {"c-tilburg-sport": 3, "m-sport": 2}),
    ("hoe zorg ik dat nieuwkomers meedoen in de wijk", {"m-statushouders": 3, "c-utrecht-statushouders": 2}),
    ("kookavonden in het buurthuis", {"c-utrecht-statushouders": 3}),
    ("integratie van vluchtelingen", {"m-statushouders": 3, "c-utrecht-statushouders": 2}),
    ("inburgering", {"m-statushouders": 3}),
    ("vrijwilligerswerk van statushouders", {"c-utrecht-statushouders": 3}),
    ("mensen met een beperking", {"c-maastricht-inclusie": 3}),
    ("armoede en schulden", {"c-amersfoort-mentions": 3}),
    ("hoe praat ik met inwoners die boos zijn op de overheid", {"c-groningen-extremisme": 3, "m-dialoog": 2}),
    ("wat zeg ik tegen leerlingen na een aanslag", {"m-klas": 3, "c-zwolle-school": 2}),
    ("lessen over democratie", {"c-zwolle-school": 3}),
    ("debat met leerlingen", {"c-zwolle-school": 3}),
    ("als meningen botsen", {"m-dialoog": 3}),
    ("geruchten in de wijk ontkrachten", {"c-amersfoort": 3}),
    ("buurt in onrust na een schietpartij", {"c-rotterdam": 3, "m-crisis": 2, "c-amersfoort": 2}),
    ("informatieavond over de opvang van asielzoekers", {"c-utrecht": 3, "c-groningen-opvang": 2}),
    ("weerstand tegen een azc", {"c-utrecht": 3, "c-groningen-opvang": 3}),
    ("dorpsraad", {"c-groningen-opvang": 3}),
    ("een demonstratie die uit de hand loopt", {"m-crisis": 3}),
    ("vertrouwen tussen jongeren en politie", {"c-amsterdam-rellen": 3}),
    ("buurtbudget", {"c-amsterdam-rellen": 3}),
    ("complotten aan de balie van het klantcontact", {"c-almere-desinformatie": 3}),
    ("nepnieuws", {"m-online": 3, "c-almere-desinformatie": 2}),
    ("gebiedsregisseur", {"c-rotterdam": 3}),
    ("ondernemers betrekken na een incident", {"c-rotterdam": 3}),
    ("crisisteam", {"c-rotterdam": 3, "m-crisis": 2}),
    ("tegenstellingen in de samenleving", {"m-dialoog": 3, "m-wijkaanpak": 2}),
    ("groepen bewoners tegenover elkaar", {"m-wijkaanpak": 3}),
    ("snel handelen als het schuurt in de buurt", {"m-wijkaanpak": 3}),
    ("ouders maken zich zorgen over polarisatie op school", {"m-klas": 3}),
    ("ik maak me zorgen over mijn zoon die radicaliseert", {"c-arnhem-ouders": 3, "m-ouders": 3}),
    ("anoniem advies over radicalisering", {"c-arnhem-ouders": 3}),
    ("steunpunt voor ouders", {"c-arnhem-ouders": 3}),
    ("terugkoppeling aan de melder", {"m-meldpunt": 3}),
    ("hoe wordt een melding over radicalisering gewogen", {"m-meldpunt": 3, "c-rotterdam-zorg-veiligheid": 2}),
    ("imams betrekken", {"c-enschede-netwerk": 3, "m-netwerk": 2}),
    ("buurtvaders", {"c-enschede-netwerk": 3}),
    ("jongeren die online extremistische filmpjes delen", {"c-almere-online": 3, "m-online": 2}),
    ("algoritmes op sociale media", {"m-online": 3}),
    ("dreiging inschatten", {"m-extremisme": 3}),
    ("jihadistische jongeren", {"m-extremisme": 3}),
    ("wantrouwen tegen de overheid", {"c-groningen-extremisme": 3}),
    ("bedreiging van raadsleden", {"c-groningen-extremisme": 3, "c-zwolle-weerbaar-bestuur": 2}),
    ("soevereinen", {"m-extremisme": 3, "c-groningen-extremisme": 2}),
    ("convenant voor privacy in het casusoverleg", {"c-rotterdam-zorg-veiligheid": 3, "m-zorg-veiligheid": 2}),
    ("wat zijn signalen dat iemand radicaliseert", {"m-signalen": 3}),
    ("stappenplan melden en doorverwijzen", {"m-signalen": 3}),
    ("cursus voor jongerenwerkers over radicalisering", {"m-signalen": 3, "c-almere-online": 2, "m-netwerk": 2}),
    ("welke partners zitten in het casusoverleg radicalisering", {"c-rotterdam-zorg-veiligheid": 3}),
    ("extreemrechts", {"m-extremisme": 3}),
    ("drugsdumpingen in het buitengebied", {"c-maastricht-drugs": 3}),
    ("boeren en drugscriminelen", {"c-maastricht-drugs": 3}),
    ("hoe sluit de burgemeester een drugspand", {"c-tilburg-ondermijning": 3, "m-weerbaar-bestuur": 2}),
    ("opiumwet", {"c-tilburg-ondermijning": 3}),
    ("een pand sluiten", {"c-tilburg-ondermijning": 3, "m-weerbaar-bestuur": 2}),
    ("misbruik van panden", {"m-ondermijning-basis": 3, "c-tilburg-ondermijning": 2}),
    ("wat ziet een wijkagent van ondermijning", {"m-ondermijning-basis": 3}),
    ("jongeren geronseld als drugskoerier", {"c-den-haag-jeugdcriminaliteit": 3}),
    ("jonge aanwas in de georganiseerde criminaliteit", {"c-den-haag-jeugdcriminaliteit": 3}),
    ("reclassering", {"c-arnhem-jongeren": 3}),
    ("werk en opleiding als uitweg uit de criminaliteit", {"c-arnhem-jongeren": 3}),
    ("integriteit van het bestuur beschermen", {"m-weerbaar-bestuur": 3, "c-zwolle-weerbaar-bestuur": 2}),
    ("intimidatie van wethouders", {"c-zwolle-weerbaar-bestuur": 3}),
    ("scenario's oefenen met bestuurders", {"c-zwolle-weerbaar-bestuur": 3}),
    ("vergunning weigeren aan een criminele ondernemer", {"m-weerbaar-bestuur": 3}),
    ("afglijdende jongeren", {"m-jeugdcriminaliteit": 3}),
    ("de rol van het jongerenwerk bij preventie", {"m-jeugdcriminaliteit": 3}),
    ("criminele uitbuiting van kinderen", {"c-den-haag-jeugdcriminaliteit": 3, "m-jeugdcriminaliteit": 2}),
    ("signalen van een drugslab", {"c-maastricht-drugs": 3}),
    ("meldroute met de politie", {"c-maastricht-drugs": 3}),
    ("hoe werken het sociaal domein en het veiligheidsdomein samen", {"m-zorg-veiligheid": 3}),
    ("gegevens delen tussen zorg en politie", {"m-zorg-veiligheid": 3, "c-rotterdam-zorg-veiligheid": 2}),
    ("training voor wijkteams over ondermijning", {"m-ondermijning-basis": 3}),
    ("module voor beleidsmedewerkers over inclusie", {"m-inclusie-beleid": 3, "m-discriminatie": 2}),
    ("cursus voor docenten", {"m-klas": 3, "m-dialoog": 2}),
    ("lesmateriaal over democratie", {"c-zwolle-school": 3}),
    ("hoe verbind ik oude en nieuwe bewoners", {"c-utrecht-statushouders": 3, "m-statushouders": 2}),
    ("ontmoeting tussen buurtbewoners en vluchtelingen", {"m-statushouders": 3, "c-utrecht-statushouders": 2}),
    ("sport en inclusie", {"m-sport": 3, "c-tilburg-sport": 2}),
    ("herstel na onrust", {"m-crisis": 3, "c-amsterdam-rellen": 2, "c-rotterdam": 2}),
    ("toegankelijke websites", {"c-maastricht-inclusie": 3}),
    ("de lokale dreiging van jihadisme inschatten", {"m-extremisme": 3}),
    ("wat kan de gemeente doen tegen moslimhaat", {"c-enschede-moskee": 3}),
    ("spanningen na de komst van asielzoekers", {"c-utrecht": 3, "c-groningen-opvang": 2}),
]

# English questions as an English-speaking official would type them, each with the Dutch query whose judgement
# answers it: the corpus is Dutch but for three translated modules, so these are answered by Dutch pages (an
# English translation of a judged page counts as that page).
ENGLISH_QUESTIONS = [
    ("how do municipalities deal with tensions in the neighbourhood", "hoe ga ik om met spanningen in de wijk"),
    ("how to prevent polarisation at schools", "hoe voorkom ik polarisatie op scholen"),
    ("what can I do against discrimination", "wat kan ik doen tegen discriminatie"),
    ("how can I tell that someone is radicalising", "hoe herken ik radicalisering"),
    ("signs of radicalisation in young people", "hoe herken ik signalen van radicalisering bij jongeren"),
    ("what does the municipality do during riots", "wat doet de gemeente bij rellen"),
    ("how do I make local government resilient", "hoe maak ik mijn bestuur weerbaar"),
    ("how to involve parents", "hoe betrek ik ouders"),
    ("where do I report concerns about radicalisation", "waar meld ik zorgen over radicalisering"),
    ("how does the care and safety house work", "hoe werkt het zorg- en veiligheidshuis"),
    ("how do I get support for a refugee reception centre", "hoe krijg ik draagvlak voor opvang"),
    ("tackling organised crime in the neighbourhood", "hoe pak ik ondermijning in de wijk aan"),
    ("what can we do about online radicalisation", "wat kunnen we doen tegen online radicalisering"),
    ("how to have a conversation about polarisation", "hoe voer ik een gesprek over polarisatie"),
    ("how to prevent youth crime", "hoe voorkom je jeugdcriminaliteit"),
    ("training for mayors and aldermen on organised crime", "welke training is er voor bestuurders over ondermijning"),
    ("building a network against radicalisation", "hoe bouw ik een netwerk tegen radicalisering"),
    ("what to do after an incident in the neighbourhood", "wat te doen na een incident in de buurt"),
    ("dealing with conspiracy thinking", "hoe ga ik om met complotdenken"),
    ("how to make policy inclusive", "hoe maak ik beleid inclusief"),
    ("reaching refugees with a residence permit", "hoe bereik ik statushouders in de buurt"),
    ("what is anti-institutional extremism", "wat is anti-institutioneel extremisme"),
    ("helping young people get out of crime", "hoe help ik jongeren uit de criminaliteit"),
    ("restoring trust after riots", "hoe herstel je vertrouwen na rellen"),
    ("how do I recognise a drug lab", "hoe herken ik een drugslab"),
    ("what do sports clubs do against exclusion", "wat doen sportclubs tegen uitsluiting"),
    ("sharing data and privacy in case consultations", "hoe deel ik gegevens met privacy in het casusoverleg"),
    ("encouraging residents to report discrimination", "hoe moedig ik inwoners aan discriminatie te melden"),
    ("supporting parents of radicalising youths", "hoe ondersteun ik ouders van jongeren die radicaliseren"),
    ("powers of the mayor against organised crime", "welke bevoegdheden heeft de burgemeester bij ondermijning"),
    ("protecting council members against threats", "hoe bescherm ik raadsleden tegen bedreigingen"),
    ("discussing it in the classroom", "hoe ga ik het gesprek aan in de klas"),
    ("examples of inclusion in municipalities", "voorbeelden van inclusie in gemeenten"),
    ("tips for a neighbourhood approach to tensions", "tips voor een wijkaanpak bij spanningen"),
    ("reporting discrimination", "discriminatie melden"),
    ("undermining", "ondermijning"),
    ("extremism", "extremisme"),
    ("disinformation", "desinformatie"),
    ("refugee reception", "opvang"),
    ("riots", "rellen"),
    ("key figures in the community", "sleutelfiguren"),
    ("mosque", "moskee"),
    ("drug waste", "drugsafval"),
    ("crisis communication", "crisiscommunicatie"),
    ("money laundering", "witwassen"),
    ("cooperation between care and security", "samenwerking zorg en veiligheid"),
    ("youth crime", "jeugdcriminaliteit"),
    ("drug trafficking", "drugshandel"),
    ("early warning signs", "vroegsignalering"),
    ("school leaders", "schoolleiders"),
]


@dataclasses.dataclass(frozen=True)
class Judgement:
    """One judged query: what must be in the top 3, what must not be on page one, and a grade (0-3) per page."""

    query: str
    language: str
    must: list
    must_not: list
    grades: dict
    answered_in_dutch: bool = False  # an English question judged on Dutch pages (a translation counts as its page)

    @property
    def key(self):
        return f"{self.language}:{self.query}"


def grades_for(query, must, also, must_not):
    """3 for a page that answers, 2 for one that helps, 1 for a page on the theme of an answering one (not for
    a query that names something, `NAME_QUERIES`), 0 for the rest and for a page that must not be shown."""
    grades = {}
    if query not in NAME_QUERIES:
        answering_themes = {theme for page in must for theme in themes_of(page)}
        for key in [page[0] for page in MODULES] + [page[0] for page in CASE_STUDIES]:
            if set(themes_of(key)) & answering_themes:
                grades[key] = 1
    grades.update({key: 2 for key in also})
    grades.update({key: 3 for key in must})
    for key in must_not:
        grades.pop(key, None)
    return grades


def _unrelated(must, relevant):
    """The pages of `UNRELATED` for the themes of the pages a query expects (see `UNRELATED`)."""
    wanted_themes = {theme for page in must for theme in themes_of(page)}
    unrelated = [key for page in must for theme in themes_of(page) for key in UNRELATED[theme]]
    # A page two themes share is never 'unrelated' to a query that expects pages of both.
    return list(
        dict.fromkeys(
            key
            for key in unrelated
            if key not in must and key not in relevant and not (set(themes_of(key)) & wanted_themes)
        )
    )


def judged_queries():
    """Every judged query (`Judgement`): the first list with its must/must-not judgement and grades derived
    from it, the graded questions, then the English questions judged on their Dutch twins."""
    judgements = {}
    for query, language, must, must_not in QUERIES:
        also = ALSO_RELEVANT.get(query, [])
        excluded = list(dict.fromkeys([*must_not, *_unrelated(must, also)]))
        judgement = Judgement(query, language, list(must), excluded, grades_for(query, must, also, excluded))
        judgements[judgement.key] = judgement
    for query, graded in GRADED_QUERIES:
        must = [key for key, grade in graded.items() if grade == 3]
        also = [key for key, grade in graded.items() if grade < 3]
        excluded = _unrelated(must, also)
        judgement = Judgement(query, "nl", must, excluded, {**grades_for(query, must, [], excluded), **graded})
        assert judgement.key not in judgements, judgement.key
        judgements[judgement.key] = judgement
    for english, dutch in ENGLISH_QUESTIONS:
        twin = judgements[f"nl:{dutch}"]
        judgement = dataclasses.replace(twin, query=english, language="en", answered_in_dutch=True)
        assert judgement.key not in judgements, judgement.key
        judgements[judgement.key] = judgement
    return list(judgements.values())
