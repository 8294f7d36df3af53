"""Sentences from the portal's subject matter, for generated pages and search documents (no Django here)."""

SENTENCES = [
    "De gemeente werkt samen met het wijkteam, de politie en het onderwijs om spanningen vroeg te signaleren.",
    "Professionals leren signalen van radicalisering herkennen en bespreken die in het casusoverleg.",
    "Scholen krijgen ondersteuning bij moeilijke gesprekken over polarisatie in de klas.",
    "Het zorg- en veiligheidshuis coördineert de aanpak rond jongeren die dreigen te radicaliseren.",
    "Gemeenten delen ervaringen over de coördinatie tussen het sociaal domein en het veiligheidsdomein.",
    "Ondermijnende criminaliteit raakt wijken waar kwetsbare bewoners worden geronseld.",
    "Jongerenwerkers bouwen vertrouwen op met groepen jongeren die online extremistische content delen.",
    "De burgemeester en de wethouder maken afspraken over informatie delen en privacy.",
    "Ouders en sleutelfiguren uit de gemeenschap worden betrokken bij de preventie.",
    "Na een incident organiseert de gemeente dialoogbijeenkomsten om polarisatie te voorkomen.",
    "Inclusief beleid vraagt dat beleidsmedewerkers kijken naar wie er niet aan tafel zit.",
    "De training behandelt wetgeving, casuïstiek en de rol van de gemeente bij radicalisering.",
    "Samenwerking tussen zorg en veiligheid vraagt duidelijke afspraken over rollen en verantwoordelijkheden.",
    "Het programma versterkt de weerbaarheid van jongeren tegen desinformatie en complotdenken.",
    "Sportverenigingen en moskeeën zijn partners in de wijkgerichte aanpak.",
    "Evaluatie laat zien dat vroegtijdige signalering escalatie voorkomt.",
    "Beleidsmakers zoeken handreikingen over problematisch gedrag en discriminatie in de openbare ruimte.",
    "Het regionale netwerk deelt kennis over extremisme, polarisatie en ondermijning.",
    "De aanpak is overdraagbaar naar andere gemeenten met vergelijkbare wijken.",
    "Trainers stellen een leerlijn samen uit modules over inclusie en sociale stabiliteit.",
]
