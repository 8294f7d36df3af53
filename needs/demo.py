"""Demo content of the needs survey: a closed round answered by 24 municipalities, and an open round.

The answers are generated with a fixed seed from a profile per question (how many municipalities
need it, which formats they prefer), so every `make run` shows the same overview, with gaps where
the curriculum has no module yet (e.g. an e-learning on undermining for administrators).
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.utils import timezone

from portal.demo import ensure_child_page, get_home_page
from portal.models import Audience, Theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CLOSED_ROUND_SLUG = "behoeftepeiling-2025"
OPEN_ROUND_SLUG = "tussenpeiling-2026"
ANSWERING_MUNICIPALITIES = 24

# theme, audience, topics, chance of a need, preferred formats (most wanted first)
CLOSED_ROUND_QUESTIONS = [
    (
        "inclusie",
        "beleidsmedewerkers",
        ["Antidiscriminatiebeleid", "Inclusieve communicatie", "Monitoring en cijfers"],
        0.7,
        ["e-learning", "training", "intervisie"],
    ),
    ("inclusie", "bestuurders", ["Regie op inclusie", "Omgaan met incidenten"], 0.4, ["webinar", "intervisie"]),
    (
        "polarisatie",
        "professionals-sociaal-domein",
        ["Signaleren in de wijk", "Online polarisatie", "Het gesprek voeren"],
        0.85,
        ["workshop", "training", "leerkring"],
    ),
    (
        "polarisatie",
        "bestuurders",
        ["Rol van de burgemeester", "Communicatie bij spanningen"],
        0.6,
        ["intervisie", "webinar"],
    ),
    (
        "problematisch-gedrag-en-ondermijning",
        "bestuurders",
        ["Weerbaarheid", "Bestuurlijke aanpak ondermijning"],
        0.65,
        ["e-learning", "intervisie"],
    ),
    (
        "problematisch-gedrag-en-ondermijning",
        "jeugdprofessionals",
        ["Criminele uitbuiting", "Vroegsignalering"],
        0.75,
        ["training", "e-learning"],
    ),
    (
        "radicalisering-en-extremisme",
        "professionals-sociaal-domein",
        ["Signalen herkennen", "Complotdenken", "Nazorg"],
        0.7,
        ["e-learning", "workshop"],
    ),
    (
        "radicalisering-en-extremisme",
        "onderwijs",
        ["Radicalisering op school", "Samenwerking school en gemeente"],
        0.5,
        ["workshop", "webinar"],
    ),
]
OPEN_ROUND_QUESTIONS = [
    ("polarisatie", "beleidsmedewerkers", ["Spanningen rond opvang", "Online polarisatie"]),
    ("radicalisering-en-extremisme", "professionals-veiligheidsdomein", ["Online radicalisering", "Casusoverleg"]),
]
SUPPORT_VALUES = ["advies", "uitwisseling", "helpdesk", "materiaal", "begeleiding"]


def load(report):
    from knowledge.models import Municipality

    from .models import NeedsSurveyPage, SurveyRound

    home = get_home_page()
    ensure_child_page(
        home,
        NeedsSurveyPage,
        "behoeftepeiling",
        title="Behoeftepeiling",
        show_in_menus=True,
        intro="Wat hebben gemeenten nodig om te werken aan sociale stabiliteit? Medewerkers van gemeenten vullen de "
        "peiling in; de resultaten sturen het curriculum bij.",
    )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}

    if not SurveyRound.objects.filter(slug=CLOSED_ROUND_SLUG).exists():
        closed_round = create_round(
            CLOSED_ROUND_SLUG,
            "Behoeftepeiling gemeenten 2025",
            "Needs survey of municipalities 2025",
            datetime.datetime(2025, 9, 1, 9, 0, tzinfo=AMSTERDAM),
            datetime.datetime(2025, 11, 28, 17, 0, tzinfo=AMSTERDAM),
            [(themes[t], audiences[a], topics) for t, a, topics, _chance, _formats in CLOSED_ROUND_QUESTIONS],
        )
        municipalities = list(Municipality.objects.order_by("cbs_code")[:ANSWERING_MUNICIPALITIES])
        answer_closed_round(closed_round, municipalities)
        report(f"Needs survey: closed round with answers from {len(municipalities)} municipalities.")
    if not SurveyRound.objects.filter(slug=OPEN_ROUND_SLUG).exists():
        now = timezone.now()
        create_round(
            OPEN_ROUND_SLUG,
            "Tussenpeiling 2026",
            "Interim survey 2026",
            now - datetime.timedelta(days=14),
            now + datetime.timedelta(days=60),
            [(themes[t], audiences[a], topics) for t, a, topics in OPEN_ROUND_QUESTIONS],
        )
        report("Needs survey: an open round for the demo account 'medewerker' (gemeente Amersfoort).")


def create_round(slug, title, title_en, opens_at, closes_at, questions):
    from .models import SurveyQuestion, SurveyRound

    survey_round = SurveyRound(
        slug=slug,
        title=title,
        title_en=title_en,
        opens_at=opens_at,
        closes_at=closes_at,
        intro="Per thema en doelgroep: hoe groot is de behoefte van uw gemeente, in welke vorm, en welke ondersteuning "
        "naast training helpt? Het invullen duurt ongeveer tien minuten.",
    )
    survey_round.questions = [
        SurveyQuestion(theme=theme, audience=audience, topics="\n".join(topics), sort_order=order)
        for order, (theme, audience, topics) in enumerate(questions)
    ]
    survey_round.save()
    return survey_round


def answer_closed_round(survey_round, municipalities):
    """Answers from a fixed seed; three municipalities answered twice, so the history shows too."""
    from .models import QuestionAnswer, SurveyResponse

    generator = random.Random(2025)
    questions = list(survey_round.questions.order_by("sort_order"))
    profiles = {question.pk: profile for question, profile in zip(questions, CLOSED_ROUND_QUESTIONS, strict=False)}
    for position, municipality in enumerate(municipalities):
        versions = 2 if position % 8 == 0 else 1
        for version in range(versions):
            submitted_at = survey_round.opens_at + datetime.timedelta(
                days=generator.randint(1, 80), hours=version * 24 * 5
            )
            is_current = version == versions - 1
            response = SurveyResponse.objects.create(
                round=survey_round,
                municipality=municipality,
                submitted_at=min(submitted_at, survey_round.closes_at),
                is_current=is_current,
                replaced_at=None if is_current else submitted_at + datetime.timedelta(days=5),
            )
            answers = []
            for question in questions:
                _theme, _audience, topics, chance, formats = profiles[question.pk]
                has_need = generator.random() < chance
                urgency = generator.choice([1, 2, 2, 3]) if has_need else 0
                answers.append(
                    QuestionAnswer(
                        response=response,
                        question=question,
                        urgency=urgency,
                        formats=sorted(generator.sample(formats, generator.randint(1, len(formats))))
                        if has_need
                        else [],
                        topics=sorted(generator.sample(topics, generator.randint(1, len(topics)))) if has_need else [],
                        support=sorted(generator.sample(SUPPORT_VALUES, generator.randint(0, 2))),
                    )
                )
            QuestionAnswer.objects.bulk_create(answers)
