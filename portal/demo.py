"""Demo content: the Dutch site tree that `make run` shows.

Each app may have a ``demo`` module with a ``load(report)`` function; the
``load_demo_content`` command calls them in INSTALLED_APPS order, so later apps can build on
the pages made by earlier ones. Every step creates what is missing and leaves what exists
alone, so running the command twice changes nothing.
"""

import importlib
import os
import secrets
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Site

# username, environment variable with its password, groups (the roles of the README; no superusers: a
# demo shows what the roles may do, and `manage.py createsuperuser` is there for operators)
DEMO_ACCOUNTS = [
    ("redacteur", "DEMO_EDITOR_PASSWORD", ["Eindredacteur"]),
    ("trainer", "DEMO_TRAINER_PASSWORD", ["Trainer"]),
    # Linked to Amersfoort by the knowledge demo: answers the needs survey, reads staff-only content.
    ("medewerker", "DEMO_STAFF_PASSWORD", ["Gemeentelijk medewerker"]),
]


def rich(*paragraphs):
    """Rich text from plain paragraphs."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def paragraph_block(*paragraphs):
    return ("paragraph", rich(*paragraphs))


def ensure_child_page(parent, page_class, slug, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if it is missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    tags = fields.pop("tags", ())
    page = page_class(slug=slug, live=True, **fields)
    if tags:
        page.tags.add(*tags)  # a ClusterTaggableManager takes tags only after construction
    parent.add_child(instance=page)
    publish_created_page(page)
    return page, True


def publish_created_page(page):
    """Give a page created live its first revision as the live one.

    Equivalent to ``save_revision().publish()`` for a brand-new page, with one page save instead of
    three (each save re-indexes search and references), which makes loading the demo twice as fast.
    """
    revision = page.save_revision(clean=False, log_action=False)
    now = timezone.now()
    Page.objects.filter(pk=page.pk).update(
        live_revision=revision, has_unpublished_changes=False, first_published_at=now, last_published_at=now
    )
    PageLogEntry.objects.log_action(page, "wagtail.publish", revision=revision, content_changed=True)


def get_home_page():
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


def ensure_demo_account(report, username, password_variable, groups):
    """A demo account; its password comes from the environment or is generated and shown once."""
    from django.contrib.auth.models import Group

    User = get_user_model()
    wanted_password = os.environ.get(password_variable)
    user = User.objects.filter(username=username).first()
    if user is None:
        password = wanted_password or secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username, email=f"{username}@example.org", password=password, first_name="Demo", last_name=username.title()
        )
        source = f"from {password_variable}" if wanted_password else "generated"
        report(f"Demo account: username '{username}', password '{password}' ({source}).")
        if not wanted_password:
            remember_generated_password(username, password)
    elif wanted_password and not user.check_password(wanted_password):
        user.set_password(wanted_password)
        user.save(update_fields=["password"])
        report(f"Demo account '{username}': password set from {password_variable}.")
    else:
        report(
            f"Demo account: username '{username}' (password printed when it was created; "
            f"set a new one with {password_variable}=... make run)."
        )
    # Also for an account an older demo created as a superuser: its role, nothing more.
    if user.is_superuser:
        User.objects.filter(pk=user.pk).update(is_superuser=False, is_staff=False)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def generated_passwords_file():
    from django.conf import settings

    return Path(settings.VAR_DIR) / "demo-passwords.txt"


def remember_generated_password(username, password):
    """Keep a generated demo password for `make run`'s closing block, on this machine only (DEBUG: a developer's
    checkout; readable by its owner only). Never for a deployment: there the passwords come from the
    environment or are printed once."""
    from django.conf import settings

    if not settings.DEBUG:
        return
    path = generated_passwords_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    known = generated_passwords()
    known[username] = password
    path.write_text("".join(f"{name} {secret}\n" for name, secret in known.items()))
    path.chmod(0o600)


def generated_passwords():
    path = generated_passwords_file()
    if not path.exists():
        return {}
    return dict(line.split(" ", 1) for line in path.read_text().splitlines() if " " in line)


def demo_accounts_summary():
    """(username, password or where to set it, what the account is for) for `make run`'s closing block."""
    from django.contrib.auth import get_user_model

    purposes = {
        "redacteur": "Wagtail-beheer /admin/",
        "trainer": "leerlijnen /leerlijnen/mijn/",
        "medewerker": "behoeftepeiling /behoeftepeiling/ (Amersfoort)",
    }
    generated = generated_passwords()
    rows = []
    for username, variable, _groups in DEMO_ACCOUNTS:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            continue
        wanted = os.environ.get(variable)
        if wanted and user.check_password(wanted):
            password = f"{wanted}  (from {variable})"
        elif username in generated and user.check_password(generated[username]):
            password = generated[username]
        else:
            password = f"(not shown; choose one: {variable}=... make run)"
        rows.append((username, password, purposes.get(username, "")))
    return rows


def demo_user(username):
    return get_user_model().objects.get(username=username)


def load_all(report):
    """Run every app's demo loader in INSTALLED_APPS order; return how many pages were created."""
    pages_before = Page.objects.count()
    for account in DEMO_ACCOUNTS:
        ensure_demo_account(report, *account)
    for app_config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{app_config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.demo":
                raise
            continue
        if hasattr(module, "load"):
            module.load(report)
    # After every app: the English pages translate pages that the later apps made.
    translate_demo_pages(report)
    return Page.objects.count() - pages_before


THEME_PAGE_TEXT = {
    "inclusie": (
        "Iedereen hoort erbij: hoe gemeenten werken aan gelijkwaardigheid, ontmoeting en het tegengaan van "
        "discriminatie.",
        "Inclusie gaat over de vraag of alle inwoners zich gezien en gehoord voelen en volwaardig kunnen meedoen. "
        "Gemeenten spelen daarin een sleutelrol: in beleid, in de wijk en als werkgever.",
    ),
    "polarisatie": (
        "Spanningen tussen groepen herkennen, duiden en het gesprek openhouden, in de wijk, op school en in de raad.",
        "Polarisatie is niet altijd een probleem: tegenstellingen horen bij een democratie. Het wordt zorgelijk als "
        "het "
        "wij-zijdenken leidt tot uitsluiting, intimidatie of geweld. Dit thema helpt gemeenten tijdig te signaleren en "
        "te handelen.",
    ),
    "problematisch-gedrag-en-ondermijning": (
        "Van overlast en jeugdcriminaliteit tot ondermijning: wat gemeenten samen met zorg en veiligheid kunnen doen.",
        "Problematisch gedrag en ondermijnende criminaliteit raken de leefbaarheid van wijken en de kansen van "
        "jongeren. "
        "Een aanpak vraagt samenwerking tussen het sociaal domein en het veiligheidsdomein.",
    ),
    "radicalisering-en-extremisme": (
        "Signalen van radicalisering herkennen, het gesprek aangaan en samenwerken in het lokale casusoverleg.",
        "Radicalisering en extremisme vragen om een lokale aanpak waarin preventie, zorg en veiligheid samenkomen. "
        "Gemeenten zijn regisseur van die aanpak, met ondersteuning van onder meer de NCTV en de Expertise-unit "
        "Sociale Stabiliteit.",
    ),
}

STANDARD_PAGES = [
    # slug, title, in menu, intro, paragraphs
    (
        "over-het-curriculum",
        "Over het curriculum",
        True,
        "Een rijksbreed leeraanbod voor gemeenten die werken aan sociale stabiliteit.",
        [
            "De ministeries van Sociale Zaken en Werkgelegenheid (SZW), Binnenlandse Zaken en Koninkrijksrelaties "
            "(BZK) en "
            "Justitie en Veiligheid (JenV, via de NCTV) werken samen met de Expertise-unit Sociale Stabiliteit (ESS) "
            "aan een "
            "rijksbreed curriculum voor gemeenten.",
            "Een behoeftepeiling onder gemeenten gaf de richting. Op de landelijke themadag ‘Samen voor sociale "
            "stabiliteit’ "
            "in Amersfoort toetsten ruim 250 bestuurders, beleidsmedewerkers en professionals die richting in twaalf "
            "workshops.",
        ],
    ),
    (
        "contact",
        "Contact",
        False,
        "Vragen over het curriculum of dit portaal? Neem contact met ons op.",
        ["Dit is voorbeeldinhoud. Vul in de site-instellingen de echte contactgegevens in."],
    ),
    (
        "toegankelijkheidsverklaring",
        "Toegankelijkheidsverklaring",
        False,
        "Wij willen dat iedereen dit portaal kan gebruiken.",
        [
            "Dit portaal moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA. "
            "Loopt u tegen een probleem aan? Laat het ons weten via de contactpagina.",
        ],
    ),
    (
        "privacyverklaring",
        "Privacyverklaring",
        False,
        "Hoe dit portaal omgaat met persoonsgegevens.",
        [
            "Wij verwerken alleen de persoonsgegevens die nodig zijn voor de diensten van dit portaal, zoals een "
            "account voor "
            "redacteuren of het inzenden van een praktijkvoorbeeld. Dit is voorbeeldinhoud.",
        ],
    ),
    (
        "colofon",
        "Colofon",
        False,
        "Wie maakt dit portaal.",
        [
            "Het Kennisportaal Sociale Stabiliteit is een initiatief van SZW, BZK, JenV (NCTV) en de Expertise-unit "
            "Sociale Stabiliteit."
        ],
    ),
]

AUDIENCE_PAGES = [
    # slug, title, role, intro, audience slugs
    (
        "ik-ben-bestuurder",
        "Voor bestuurders",
        "bestuurder",
        "Wat u als burgemeester, wethouder of raadslid moet weten over sociale stabiliteit in uw gemeente.",
        ["bestuurders"],
    ),
    (
        "ik-ben-beleidsmedewerker",
        "Voor beleidsmedewerkers",
        "beleidsmedewerker",
        "Handreikingen en modules om beleid te maken dat spanningen voorkomt en de samenwerking tussen zorg en "
        "veiligheid regelt.",
        ["beleidsmedewerkers"],
    ),
    (
        "ik-ben-professional",
        "Voor professionals",
        "professional",
        "Voor wie in de wijk, op school, in de zorg of bij de politie werkt: signalen herkennen en samen handelen.",
        ["professionals-sociaal-domein", "professionals-veiligheidsdomein", "jeugdprofessionals", "onderwijs"],
    ),
    (
        "ik-ben-trainer",
        "Voor trainers",
        "trainer",
        "Stel uit de modules van het curriculum een leerlijn samen voor uw groep, deel hem en zet de data in uw "
        "agenda.",
        [],
    ),
]

TRAINER_TEXT = (
    'Bekijk de <a href="/leerlijnen/">voorbeeldleerlijnen</a> of log in om zelf een leerlijn samen te stellen uit de '
    '<a href="/curriculum/">modules van het curriculum</a>.'
)

FOOTER_LINK_SLUGS = ["contact", "toegankelijkheidsverklaring", "privacyverklaring", "colofon"]


def load(report):
    from .models import Audience, AudiencePage, SiteSettings, StandardPage, Theme, ThemePage

    home = get_home_page()
    if not home.intro:
        home.intro = (
            "Kennis, leeraanbod en praktijkvoorbeelden voor gemeenten die werken aan sociale stabiliteit: inclusie, "
            "polarisatie, problematisch gedrag en ondermijning, radicalisering en extremisme."
        )
        home.body = [
            paragraph_block(
                "Dit portaal bundelt het rijksbrede curriculum voor gemeenten en de kennis eromheen: modules en "
                "leerlijnen, "
                "praktijkvoorbeelden uit gemeenten, handreikingen, bijeenkomsten en het e-zine."
            )
        ]
        home.save_revision().publish()
        report("Home page filled in.")

    for theme in Theme.objects.order_by("sort_order"):
        intro, text = THEME_PAGE_TEXT.get(theme.slug, (theme.description, ""))
        ensure_child_page(
            home,
            ThemePage,
            theme.slug,
            title=theme.name,
            theme=theme,
            intro=intro,
            show_in_menus=True,
            body=[paragraph_block(text)] if text else [],
        )

    for slug, title, in_menu, intro, paragraphs in STANDARD_PAGES:
        ensure_child_page(
            home,
            StandardPage,
            slug,
            title=title,
            intro=intro,
            show_in_menus=in_menu,
            body=[paragraph_block(*paragraphs)],
        )

    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for slug, title, role, intro, audience_slugs in AUDIENCE_PAGES:
        body = [paragraph_block(TRAINER_TEXT)] if role == "trainer" else []
        page, created = ensure_child_page(home, AudiencePage, slug, title=title, role=role, intro=intro, body=body)
        if created and audience_slugs:
            page.audiences.set(
                [audiences[audience_slug] for audience_slug in audience_slugs if audience_slug in audiences]
            )
            page.save_revision(log_action=False).publish(log_action=False)

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.organisation_name:
        site_settings.organisation_name = "Expertise-unit Sociale Stabiliteit"
        site_settings.contact_email = "redactie@kennisportaal-sociale-stabiliteit.example"
        site_settings.shows_example_content = True
        for order, slug in enumerate(FOOTER_LINK_SLUGS):
            page = home.get_children().get(slug=slug)
            site_settings.footer_links.add(
                site_settings.footer_links.model(title=page.title, page=page, sort_order=order)
            )
        site_settings.save()
        report("Site settings filled in.")


# English versions of the demo pages (Dutch slug -> title, intro, body paragraphs or None to keep).
# Overview and landing pages are translated, and one page of every content type, so the English
# site shows each page type; other pages appear in Dutch in English listings, marked lang="nl".
ENGLISH_PAGES = {
    "home": (
        "Knowledge portal for social stability",
        "Knowledge, training and practice from Dutch municipalities working on social stability: inclusion, "
        "polarisation, problematic behaviour and undermining, radicalisation and extremism.",
        [
            "This portal brings together the cross-government curriculum for municipalities and the knowledge around "
            "it: modules and course paths, case studies from municipalities, guidance, events and the e-zine."
        ],
    ),
    "inclusie": (
        "Inclusion",
        "Everyone belongs: how municipalities work on equality, encounter and tackling discrimination.",
        [
            "Inclusion is about whether all residents feel seen and heard and can take part fully. Municipalities play "
            "a key role in this: in policy, in neighbourhoods and as an employer."
        ],
    ),
    "polarisatie": (
        "Polarisation",
        "Recognising and interpreting tension between groups and keeping the conversation going.",
        [
            "Polarisation is not always a problem: differences belong in a democracy. It becomes a concern when "
            "us-and-them thinking leads to exclusion, intimidation or violence."
        ],
    ),
    "problematisch-gedrag-en-ondermijning": (
        "Problematic behaviour and undermining",
        "From nuisance and youth crime to undermining: what municipalities can do together with care and security.",
        [
            "Problematic behaviour and undermining affect the quality of life in neighbourhoods and the "
            "opportunities of "
            "young people. Tackling them takes cooperation between the social domain and the security domain."
        ],
    ),
    "radicalisering-en-extremisme": (
        "Radicalisation and extremism",
        "Recognising signs of radicalisation, starting the conversation and working together in local case meetings.",
        ["Radicalisation and extremism call for a local approach that brings prevention, care and security together."],
    ),
    "ik-ben-bestuurder": (
        "For administrators",
        "What mayors, aldermen and council members need to know about social stability.",
        None,
    ),
    "ik-ben-beleidsmedewerker": (
        "For policy officers",
        "Guidance and modules for policy that prevents tension and organises cooperation.",
        None,
    ),
    "ik-ben-professional": (
        "For professionals",
        "For those working in neighbourhoods, schools, care or the police: recognise signs and act together.",
        None,
    ),
    "ik-ben-trainer": (
        "For trainers",
        "Assemble a course path for your group from the curriculum's modules, share it and plan the dates.",
        [
            'See the <a href="/en/leerlijnen/">example course paths</a> or log in to assemble your own from the '
            '<a href="/en/curriculum/">modules of the curriculum</a>.'
        ],
    ),
    "over-het-curriculum": (
        "About the curriculum",
        "A cross-government training programme for municipalities working on social stability.",
        [
            "Three ministries (SZW, BZK and JenV through the NCTV) and the Expertise Unit Social Stability (ESS) "
            "are building a curriculum for municipalities, based on a needs survey and tested at the national "
            "theme day ‘Together for social stability’ in Amersfoort."
        ],
    ),
    "contact": (
        "Contact",
        "Questions about the curriculum or this portal? Get in touch.",
        ["This is example content. Fill in the real contact details in the site settings."],
    ),
    "toegankelijkheidsverklaring": (
        "Accessibility statement",
        "We want everyone to be able to use this portal.",
        [
            "This portal aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. "
            "Run into a problem? Let us know through the contact page."
        ],
    ),
    "privacyverklaring": (
        "Privacy statement",
        "How this portal handles personal data.",
        [
            "We process only the personal data needed for this portal's services, such as an editor's account "
            "or a submitted case study. This is example content."
        ],
    ),
    "colofon": (
        "Colophon",
        "Who makes this portal.",
        [
            "The Knowledge Portal for Social Stability is an initiative of SZW, BZK, JenV (NCTV) and the Expertise "
            "Unit Social Stability."
        ],
    ),
    "curriculum": (
        "Curriculum",
        "All modules of the cross-government curriculum, by theme, audience, level and format.",
        None,
    ),
    "praktijkvoorbeelden": ("Case studies", "How municipalities put social stability into practice.", None),
    "handreikingen": ("Guidance and publications", "Guidance, fact sheets, research and toolkits.", None),
    "bijeenkomsten": ("Events", "Theme days, workshops and meetings, with their reports.", None),
    "e-zine": ("E-zine", "News and reports from the curriculum and its events.", None),
    "polarisatie-herkennen": (
        "Recognising polarisation",
        "Learn to recognise the stages of polarisation and when to act.",
        None,
    ),
    "wijkteams-signaleren-spanningen": (
        "Neighbourhood teams spot tension early",
        "How neighbourhood teams and the municipality share signs of tension.",
        None,
    ),
    "factsheet-polarisatie": ("Fact sheet: polarisation", "The key facts about polarisation on two pages.", None),
    "samen-voor-sociale-stabiliteit": (
        "Together for social stability",
        "The national theme day in Amersfoort with twelve workshops.",
        None,
    ),
    "platform-jep-lokale-samenwerking": (
        "Platform JEP: what helps and what hinders local cooperation",
        "Cooperation between the social domain and the security domain in practice.",
        None,
    ),
    "terugblik-themadag": ("Together for social stability: looking back", "A report of the national theme day.", None),
    "behoeftepeiling": (
        "Needs survey",
        "What do municipalities need to work on social stability? Municipal staff answer "
        "the survey; the results steer the curriculum.",
        None,
    ),
    "themadag-2026": ("Theme day 2026", "The e-zine issue about the national theme day.", None),
}


# The translated content pages' own fields in English (what copy_for_translation copied is Dutch).
ENGLISH_FIELDS = {
    "polarisatie-herkennen": {
        "body": [
            paragraph_block(
                "What polarisation is, when it becomes a concern and which signs you can see. The module starts from "
                "situations participants meet in their own work.",
                "The set-up: a webinar of one hour with questions from practice, given by the Expertise Unit Social "
                "Stability. Participants get a short assignment beforehand and the materials afterwards.",
                "The module grew out of a workshop at the national theme day ‘Together for social stability’ "
                "(6 February 2026, Amersfoort) and is example content of this portal.",
            )
        ],
        "learning_goals": [("goal", "You can tell healthy disagreement from worrying polarisation.")],
        "cost": "Free for municipalities",
        "completion_criteria": "Active participation in every part.",
    },
    "wijkteams-signaleren-spanningen": {
        "challenge": rich(
            "Tension between groups of residents only became visible once there were incidents.",
            "In two neighbourhoods tension between groups of young people and older residents was rising. Reports "
            "reached the neighbourhood team, the community police officer, youth work and the housing association, "
            "but nobody saw the whole picture.",
        ),
        "approach": rich(
            "Once a month the neighbourhood team, the community police officer and youth work discuss signs of "
            "tension with a fixed method.",
            "Every sign is discussed with the same four questions: what happened, who is involved, how serious is it "
            "and who does what before the next meeting. A policy adviser chairs the meeting and keeps a simple log.",
        ),
        "results": rich(
            "Signs reach the table earlier; twice a conflict between groups of young people was defused.",
            "Participants call the meeting ‘the place where you can share it’. Residents notice that someone comes "
            "round sooner after a report.",
        ),
        "lessons": rich(
            "Keep the meeting small and regular, and make sure someone follows up.",
            "A fixed agenda and a fixed time make the difference: the meeting goes ahead when things are quiet, and "
            "that is when the small signs are discussed.",
        ),
        "costs": "Example content: no real amounts.",
        "transferability": "Applicable in municipalities facing a similar challenge.",
        "contact_role": "Policy adviser social stability",
    },
    "factsheet-polarisatie": {
        "body": [
            paragraph_block(
                "What is polarisation, and when does it become a problem? The key facts on one page.",
                "This is example content.",
            )
        ],
    },
    "samen-voor-sociale-stabiliteit": {
        "body": [
            paragraph_block(
                "More than 250 administrators, policy makers and professionals tested the direction of the "
                "cross-government curriculum for municipalities in twelve workshops on this day."
            )
        ],
    },
    "platform-jep-lokale-samenwerking": {
        "report": rich(
            "Platform JEP presented what helps and what hinders local cooperation between the social domain and the "
            "security domain: knowing each other before there is a case, clear agreements on sharing information, "
            "and room to learn."
        ),
    },
    "terugblik-themadag": {
        "body": [
            paragraph_block(
                "At the national theme day ‘Together for social stability’ participants tested the direction of the "
                "cross-government curriculum for municipalities in twelve workshops, on inclusion, polarisation, "
                "problematic behaviour and undermining, and radicalisation and extremism."
            )
        ],
    },
}


ENGLISH_ROLES = {
    # Read after "I am": the article belongs to the role in English.
    "ik-ben-bestuurder": "an administrator",
    "ik-ben-beleidsmedewerker": "a policy officer",
    "ik-ben-professional": "a professional",
    "ik-ben-trainer": "a trainer",
}


def translate_demo_pages(report):
    """Create the English pages of ENGLISH_PAGES (with their parents) that do not exist yet."""
    from wagtail.models import Locale

    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return
    home = get_home_page()
    wanted = [home] + [page for page in home.get_descendants().live().public().filter(slug__in=ENGLISH_PAGES.keys())]
    # A first child of each translated event and issue too: every page type then has an English page.
    for parent in [page for page in wanted if page.depth == home.depth + 2 and page.get_children().exists()]:
        wanted.append(parent.get_children().live().public().first())
    created = 0
    for page in sorted(wanted, key=lambda page: page.depth):
        if page.get_translations().filter(locale=english).exists():
            continue
        translation = page.specific.copy_for_translation(english, copy_parents=True)
        title, intro, paragraphs = ENGLISH_PAGES.get(page.slug, (None, None, None))
        if title:
            translation.title = title
            translation.draft_title = title
        if intro and hasattr(translation, "intro"):
            translation.intro = intro
        if page.slug in ENGLISH_ROLES:
            translation.role = ENGLISH_ROLES[page.slug]
        if paragraphs and hasattr(translation, "body"):
            translation.body = [paragraph_block(*paragraphs)]
        for field, value in ENGLISH_FIELDS.get(page.slug, {}).items():
            setattr(translation, field, value)
        translation.save()
        translation.save_revision(log_action=False).publish(log_action=False)
        created += 1
    if created:
        Site.clear_site_root_paths_cache()
        report(f"English pages created: {created}.")
