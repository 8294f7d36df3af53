"""The demo case studies' longer texts: what a municipality would write, section by section.

Fictional, like the rest of the demo content (each case study says so on its page): the municipalities are
real, the people, figures and events are not. The first paragraph of each section is in `demo.CASE_STUDIES`;
these follow it. Partners are one per line; a contact is (name, role).
"""

CASE_STUDY_DETAILS = {
    "wijkteams-signaleren-spanningen": {
        "challenge": [
            "In twee wijken liepen de spanningen tussen groepen jongeren en oudere bewoners op. Meldingen kwamen "
            "binnen bij het wijkteam, de wijkagent, het jongerenwerk en de woningcorporatie, maar niemand zag het "
            "geheel. Pas na een vechtpartij op een schoolplein bleek hoeveel signalen er al waren geweest.",
        ],
        "approach": [
            "De gemeente vroeg de partners één keer per maand anderhalf uur samen te komen. Elk signaal wordt "
            "besproken met dezelfde vier vragen: wat is er gebeurd, wie zijn erbij betrokken, hoe ernstig is het en "
            "wie doet wat voor het volgende overleg.",
            "Een beleidsadviseur sociale stabiliteit zit het overleg voor en houdt een eenvoudig logboek bij. Zo is "
            "na een half jaar te zien welke straten en welke groepen steeds terugkomen.",
        ],
        "results": [
            "Na het eerste jaar noemden de deelnemers het overleg ‘de plek waar je het kwijt kunt’. De wijkagent "
            "hoort eerder wat het jongerenwerk ziet, en andersom. Bewoners merken vooral dat er sneller iemand "
            "langskomt na een melding.",
        ],
        "lessons": [
            "Een vaste agenda en een vast tijdstip maken het verschil: het overleg gaat ook door als het rustig is, "
            "en juist dan worden de kleine signalen besproken.",
        ],
        "partners": [
            "Gemeente Rotterdam, wijkteams",
            "Politie eenheid Rotterdam",
            "Welzijnsorganisatie",
            "Woningcorporatie",
        ],
        "contact": ("Samira el Amrani", "Beleidsadviseur sociale stabiliteit"),
    },
    "dialoogtafels-na-incident": {
        "challenge": [
            "Na vernielingen bij een moskee gingen op sociale media snel beschuldigingen rond. Bewoners voelden zich "
            "onveilig en spraken elkaar niet meer aan; ondernemers in de winkelstraat merkten dat klanten wegbleven.",
        ],
        "approach": [
            "Binnen twee weken organiseerde de gemeente met het bestuur van de moskee, de kerken in de wijk en de "
            "ondernemersvereniging de eerste dialoogtafel. Per tafel zaten acht tot twaalf mensen, met een "
            "onafhankelijke gespreksleider en vooraf afgesproken spelregels.",
            "Sleutelfiguren nodigden persoonlijk mensen uit die anders niet zouden komen. De burgemeester opende "
            "de eerste tafel en luisterde verder alleen.",
        ],
        "results": [
            "Zes tafels met in totaal 64 deelnemers. Een groep bewoners begon daarna een maandelijkse wandeling door "
            "de wijk, samen met de wijkagent. Bij een volgend incident in de regio bleef het in de wijk rustig.",
        ],
        "lessons": [
            "Laat de gemeente uitnodigen, maar niet praten: de gespreksleider moet onafhankelijk zijn en zo worden "
            "gezien.",
        ],
        "partners": ["Gemeente Amersfoort", "Bestuur van de moskee", "Raad van Kerken", "Ondernemersvereniging"],
        "contact": ("Joris van Dijk", "Wijkregisseur"),
    },
    "school-en-gemeente-polarisatie": {
        "challenge": [
            "Na gebeurtenissen in het Midden-Oosten liepen discussies in klassen hoog op. Docenten voelden zich "
            "handelingsverlegen en schoolleiders wisten niet wanneer een zorg ‘groot genoeg’ was om de gemeente te "
            "bellen.",
        ],
        "approach": [
            "Iedere school voor voortgezet onderwijs kreeg een vaste contactpersoon bij het team Veiligheid en "
            "Zorg. Samen met het samenwerkingsverband passend onderwijs volgden docenten twee dagdelen training in "
            "het voeren van moeilijke gesprekken in de klas.",
        ],
        "results": [
            "Scholen bellen nu ook over twijfels, niet alleen over incidenten. De contactpersonen brengen twee keer "
            "per jaar in beeld wat er speelt en bespreken dat met de schoolleiders.",
        ],
        "lessons": [
            "Een gezicht bij de gemeente werkt beter dan een telefoonnummer. Plan de training vóór de zomer, zodat "
            "nieuwe docenten in september weten bij wie ze terechtkunnen.",
        ],
        "partners": [
            "Gemeente Eindhoven",
            "Scholen voor voortgezet onderwijs",
            "Samenwerkingsverband passend onderwijs",
        ],
        "contact": ("Ilse Martens", "Adviseur onderwijs en veiligheid"),
    },
    "inclusieve-gemeente-als-werkgever": {
        "challenge": [
            "Een analyse van de personeelsgegevens liet zien dat medewerkers met een migratieachtergrond vooral in "
            "lagere functies werkten en vaker binnen twee jaar vertrokken.",
        ],
        "approach": [
            "De gemeente voerde anoniem solliciteren in voor de eerste selectieronde en trainde alle leden van "
            "selectiecommissies in het herkennen van vooroordelen. Een medewerkersnetwerk adviseert de directie "
            "gevraagd en ongevraagd.",
        ],
        "results": [
            "Het aandeel nieuwe medewerkers met een migratieachtergrond steeg in drie jaar; het verloop daalde. De "
            "aanpak is nu vast onderdeel van het personeelsbeleid.",
        ],
        "lessons": [
            "Meet vanaf het begin en deel de cijfers met leidinggevenden; dan wordt het hun doel en niet alleen dat "
            "van HR.",
        ],
        "partners": ["Gemeente Utrecht, afdeling HR", "Medewerkersnetwerk"],
        "contact": ("Noor Bakker", "Programmamanager diversiteit en inclusie"),
    },
    "meldpunt-discriminatie-regio": {
        "challenge": [
            "Uit een enquête bleek dat bijna niemand die discriminatie ervoer dat ergens meldde. Inwoners kenden het "
            "regionale meldpunt niet of dachten dat melden toch niets uithaalde.",
        ],
        "approach": [
            "Medewerkers van het meldpunt houden nu wekelijks spreekuur in wijkcentra en bibliotheken. Met "
            "sportclubs maakten de gemeenten afspraken over wat trainers doen als een speler wordt uitgescholden.",
        ],
        "results": [
            "Het aantal meldingen verdubbelde in twee jaar. De gemeenten gebruiken de jaarrapportage van het "
            "meldpunt nu bij hun lokale antidiscriminatiebeleid.",
        ],
        "lessons": [
            "Koppel melden aan iets wat mensen al doen (sporten, de bibliotheek) en laat zien wat er met meldingen "
            "gebeurt.",
        ],
        "partners": ["Gemeente Enschede", "Gemeente Zwolle", "Regionaal antidiscriminatievoorziening", "Sportclubs"],
        "contact": ("Fatma Yilmaz", "Coördinator antidiscriminatievoorziening"),
    },
    "jongeren-perspectief-ondermijning": {
        "challenge": [
            "Jongeren van dertien en veertien werden benaderd om pakketjes rond te brengen of hun bankrekening uit "
            "te lenen. Ouders en scholen zagen het gebeuren, maar wisten niet wat ze moesten doen.",
        ],
        "approach": [
            "Per jongere maakt een vaste jongerenwerker met school, ouders en zo nodig politie één plan. Lokale "
            "werkgevers bieden leerwerkplekken en bijbaantjes, zodat er een echt alternatief is.",
            "Het plan wordt na zes weken besproken: werkt het niet, dan wordt het aangepast, niet afgesloten.",
        ],
        "results": [
            "Van de 42 jongeren in het eerste jaar zijn er 31 niet meer bij de politie in beeld gekomen. Twaalf "
            "jongeren hebben een leerwerkplek.",
        ],
        "lessons": [
            "Snelheid telt: binnen een week na het eerste signaal moet er iets concreets liggen, anders is de "
            "jongere alweer weg.",
        ],
        "partners": ["Gemeente Tilburg", "Jongerenwerk", "Politie", "Lokale werkgevers", "Scholen"],
        "contact": ("Kevin de Groot", "Projectleider preventie ondermijning"),
    },
    "bibob-en-sociaal-domein": {
        "challenge": [
            "Consulenten werk en inkomen zagen soms aanwijzingen voor uitbuiting of witwassen, maar vreesden de "
            "privacyregels te overtreden als ze die deelden.",
        ],
        "approach": [
            "Een werkinstructie beschrijft welke signalen ertoe doen en wat een consulent ermee mag doen. Een vast "
            "aanspreekpunt bij het team Veiligheid bespreekt twijfelgevallen binnen twee werkdagen.",
        ],
        "results": [
            "Het aantal signalen verdriedubbelde; bijna alle zijn voldoende onderbouwd om mee verder te kunnen.",
        ],
        "lessons": [
            "Laat de privacyfunctionaris meeschrijven aan de werkinstructie. Dan weten consulenten dat het mag, en "
            "waarom.",
        ],
        "partners": ["Gemeente Nijmegen, werk en inkomen", "Team Veiligheid", "Functionaris gegevensbescherming"],
        "contact": ("Ruben Hendriks", "Adviseur ondermijning"),
    },
    "weerbaar-raadslid": {
        "challenge": [
            "Na een omstreden besluit over een opvanglocatie kregen raadsleden dreigberichten. Sommigen overwogen "
            "te stoppen; aangifte deed bijna niemand.",
        ],
        "approach": [
            "Alle raadsleden volgden een training over weerbaarheid en online veiligheid. De griffie wees een "
            "vertrouwenspersoon aan en maakte met de politie afspraken over snelle aangifte.",
        ],
        "results": [
            "Raadsleden bespreken intimidatie nu in het presidium; aangifte is gewoon geworden.",
        ],
        "lessons": [
            "Zorg dat de burgemeester het onderwerp agendeert; dan is het geen persoonlijk probleem meer.",
        ],
        "partners": ["Gemeente Groningen, griffie", "Politie", "Burgemeester"],
        "contact": ("Marieke Postma", "Griffier"),
    },
    "casusoverleg-radicalisering-regio": {
        "challenge": [
            "Kleine gemeenten in de regio zagen één of twee casussen per jaar. Te weinig om zelf kennis op te bouwen, "
            "te ernstig om het over te laten aan wie toevallig dienst had.",
        ],
        "approach": [
            "Zes gemeenten richtten samen één casusoverleg op, ondergebracht bij het Zorg- en Veiligheidshuis. Een "
            "regionale coördinator bereidt casussen voor en bewaakt de afspraken.",
            "Convenanten regelen welke informatie gedeeld mag worden, en door wie.",
        ],
        "results": [
            "Een evaluatie na drie jaar: interventies starten sneller en zijn beter onderbouwd.",
        ],
        "lessons": [
            "Leg de regie vast voordat de eerste casus komt: wie beslist, wie betaalt, wie informeert de burgemeester.",
        ],
        "partners": [
            "Gemeente Leeuwarden",
            "Gemeente Súdwest-Fryslân",
            "Regiogemeenten",
            "Zorg- en Veiligheidshuis",
            "Politie",
            "GGZ",
        ],
        "contact": ("Thomas Verhoeven", "Regionaal coördinator radicalisering"),
    },
    "online-radicalisering-jeugdwerk": {
        "challenge": [
            "Jongerenwerkers hoorden jongeren praten over filmpjes en groepen die ze zelf nooit zagen. Wat online "
            "gebeurde, bleef buiten beeld.",
        ],
        "approach": [
            "Drie online jongerenwerkers zijn actief op de platforms waar jongeren zitten, met een herkenbaar "
            "profiel. Ze gaan in gesprek, verwijzen door en bespreken zorgen in het team.",
        ],
        "results": [
            "In het eerste jaar ruim driehonderd gesprekken; een deel van de jongeren kwam daarna ook naar het "
            "jongerencentrum.",
        ],
        "lessons": [
            "Maak afspraken over werktijden en nazorg voor de jongerenwerkers zelf: wat ze zien, neem je mee naar "
            "huis.",
        ],
        "partners": ["Gemeente Amsterdam", "Jongerenwerk", "Platform JEP"],
        "contact": ("Yasmina Haddou", "Teamleider online jongerenwerk"),
    },
    "complotdenken-in-gesprek": {
        "challenge": [
            "Een groeiende groep inwoners wilde niet meer met de gemeente praten en stuurde brieven waarin ze de "
            "overheid niet erkenden.",
        ],
        "approach": [
            "Consulenten volgden een training in gespreksvoering en kwamen maandelijks samen voor intervisie. Per "
            "inwoner werd één vaste contactpersoon aangewezen.",
        ],
        "results": [
            "Het contact met de meeste inwoners bleef bestaan; enkele namen weer deel aan een traject.",
        ],
        "lessons": [
            "Ga niet in discussie over het verhaal, maar over de zorgen erachter: geld, gezondheid, de kinderen.",
        ],
        "partners": ["Gemeente Assen", "Sociaal team"],
        "contact": ("Anouk Smit", "Consulent sociaal team"),
    },
    "statushouders-en-buurt": {
        "challenge": [
            "Statushouders kregen woningen in kleine kernen zonder buurthuis of vereniging in de buurt.",
        ],
        "approach": [
            "Vrijwilligers koppelden nieuwkomers aan een maatje uit het dorp. Sportclubs en dorpshuizen organiseerden "
            "samen open avonden.",
        ],
        "results": [
            "Na twee jaar waren twee op de drie nieuwkomers lid van een vereniging.",
        ],
        "lessons": [
            "Begin bij wat het dorp al doet; een nieuw project naast de bestaande verenigingen werkt niet.",
        ],
        "partners": ["Gemeente Westerkwartier", "Vluchtelingenwerk", "Dorpshuizen", "Sportclubs"],
        "contact": ("Hilde Kooistra", "Beleidsmedewerker inburgering"),
    },
    "rellen-nazorg": {
        "challenge": [
            "Tijdens een avond met ongeregeldheden werden vernielingen gepleegd; de meeste jongeren die werden "
            "aangehouden kwamen uit de gemeente zelf.",
        ],
        "approach": [
            "De burgemeester nodigde alle ouders uit voor een gesprek. Jongeren herstelden de schade onder "
            "begeleiding, en het jongerenwerk was maandenlang extra aanwezig.",
        ],
        "results": [
            "Het jaar erna bleef het rustig; een aantal jongeren is nu vrijwilliger bij het jongerenwerk.",
        ],
        "lessons": [
            "Het gesprek met ouders was het moment waarop het omsloeg.",
        ],
        "partners": ["Gemeente Vlissingen", "Politie", "Jongerenwerk", "Halt"],
        "contact": ("Pieter Boone", "Adviseur openbare orde en veiligheid"),
    },
    "netwerk-sleutelfiguren": {
        "challenge": [
            "Bij incidenten wist de gemeente niet wie ze in gemeenschappen kon bellen om te horen wat er speelde.",
        ],
        "approach": [
            "Een netwerk van veertig sleutelfiguren uit geloofsgemeenschappen, verenigingen en buurten komt twee "
            "keer per jaar bijeen en krijgt trainingen over polarisatie en radicalisering.",
        ],
        "results": [
            "Bij incidenten is binnen een dag duidelijk hoe het in de wijken valt.",
        ],
        "lessons": [
            "Een netwerk dat alleen bij crises wordt gebeld, neemt op den duur niet meer op.",
        ],
        "partners": ["Gemeente Delft", "Sleutelfiguren uit gemeenschappen", "Politie"],
        "contact": ("Ahmed Benali", "Netwerkcoördinator"),
    },
    "vrouwen-in-de-wijk": {
        "challenge": [
            "Bij inspraakavonden over de wijkvernieuwing kwamen vooral mannen; vrouwen met een migratieachtergrond "
            "bleven weg.",
        ],
        "approach": [
            "Een vrouwennetwerk kreeg een eigen budget en organiseert maandelijks bijeenkomsten op een tijdstip "
            "dat past bij schooltijden.",
        ],
        "results": [
            "Het netwerk gaf advies over het nieuwe plein; drie vrouwen zitten nu in de wijkraad.",
        ],
        "lessons": [
            "Een eigen budget geeft zeggenschap; dat trekt meer mensen dan een uitnodiging.",
        ],
        "partners": ["Gemeente Schiedam", "Welzijnsorganisatie", "Wijkraad"],
        "contact": ("Esra Kaya", "Opbouwwerker"),
    },
    "samenwerken-zorg-veiligheid-persoonsgericht": {
        "challenge": [
            "Bij inwoners met verward gedrag, schulden en justitiecontacten werkten soms tien organisaties langs "
            "elkaar heen.",
        ],
        "approach": [
            "Eén regisseur maakt met de inwoner één plan. Zorg, politie, reclassering en gemeente bespreken de "
            "plannen wekelijks in het Zorg- en Veiligheidshuis.",
        ],
        "results": [
            "De evaluatie van het Zorg- en Veiligheidshuis laat minder recidive zien bij de deelnemers.",
        ],
        "lessons": [
            "Wie elkaar kent, deelt sneller; investeer in gezamenlijke trainingen en werkbezoeken.",
        ],
        "partners": ["Gemeente Arnhem", "Zorg- en Veiligheidshuis", "Politie", "Reclassering", "GGZ"],
        "contact": ("Linda Jansen", "Procesregisseur"),
    },
}


def contact_email(name, municipality_name):
    """A fictional address at a reserved domain (RFC 2606): it looks like a municipal one and reaches nobody."""
    first, *rest = name.lower().replace("’", "").split()
    place = "".join(ch for ch in municipality_name.lower() if ch.isalnum())
    return f"{first[0]}.{''.join(rest)}@{place}.example"


# The guidance items' bodies after their intro: what is in the document and how to use it.
GUIDANCE_BODIES = {
    "handreiking-spanningen-duiden": [
        "De handreiking beschrijft in vier stappen hoe een gemeente signalen van spanningen verzamelt, weegt en "
        "opvolgt: wie signalen aanlevert, welke vragen u bij elk signaal stelt, wanneer u opschaalt en hoe u "
        "terugkoppelt aan wie het signaal gaf.",
        "Achterin staan een voorbeeld van een logboek en een agenda voor het maandelijkse overleg, zoals Rotterdam "
        "die gebruikt.",
    ],
    "factsheet-polarisatie": [
        "De factsheet zet de fases van polarisatie op een rij, van verschil van mening tot wij-zij-denken en "
        "uitsluiting, met bij elke fase een voorbeeld uit een gemeente en wat u dan kunt doen.",
    ],
    "toolkit-gesprek-in-de-klas": [
        "Tien werkvormen van een kwartier tot een lesuur, voor het gesprek na een incident of bij een onderwerp "
        "dat de klas verdeelt. Bij elke werkvorm staat wat de docent vooraf voorbereidt en waar hij op let.",
        "De toolkit is gemaakt met docenten uit Eindhoven en sluit aan bij de afspraken tussen scholen en "
        "gemeente in het praktijkvoorbeeld over spanningen in de klas.",
    ],
    "onderzoek-lokale-samenwerking": [
        "Het onderzoek bundelt gesprekken met professionals uit twintig gemeenten. De belangrijkste voorwaarde "
        "voor samenwerking: elkaar kennen voordat er een casus is. Wat hindert: onduidelijkheid over wat er met "
        "informatie mag.",
        "Platform JEP presenteerde de uitkomsten op de themadag ‘Samen voor sociale stabiliteit’.",
    ],
    "handreiking-inclusief-beleid": [
        "Van een nulmeting tot een jaarlijkse rapportage: de handreiking beschrijft per stap wie er aan tafel zit "
        "en welke gegevens u nodig hebt, met voorbeelden van gemeenten die het al doen.",
    ],
    "draaiboek-casusoverleg": [
        "Het draaiboek beschrijft de rollen in het casusoverleg (voorzitter, procesregisseur, partners), de "
        "convenanten voor informatiedeling en een model voor het verslag. Het is alleen zichtbaar voor ingelogde "
        "medewerkers van gemeenten.",
    ],
}
