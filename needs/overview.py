"""What municipalities need, set against what the curriculum offers; and the public summary of a closed round.

Plain functions over a round: a fixed number of queries however many municipalities answered (the
answers are fetched in one query and counted here), so the editors' overview stays fast at 342.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.models import ModulePage, ModuleSession
from knowledge.models import SIZE_CLASSES
from portal.i18n import in_locale

from .answers import FORMAT_CHOICES, NEED_FROM, SUPPORT_CHOICES, URGENCY_CHOICES, URGENCY_URGENT
from .models import QuestionAnswer, SurveyResponse

UNKNOWN_SIZE_CLASS = ""
CHART_ROW_HEIGHT = 62


def size_class_choices():
    """(value, label) of every size class, plus one for municipalities without a population figure."""
    return [(value, label) for _bound, value, label in SIZE_CLASSES] + [(UNKNOWN_SIZE_CLASS, _("onbekend"))]


def percentage(count, base):
    return round(100 * count / base) if base else 0


@dataclass
class FormatNeed:
    value: str
    label: str
    count: int
    percentage: int
    modules: list = field(default_factory=list)
    sessions: list = field(default_factory=list)

    @property
    def is_gap(self):
        return self.count > 0 and not self.modules


@dataclass
class GroupCell:
    """A count within a group of municipalities (a size class); suppressed when the group is too small to publish."""

    value: str
    label: str
    count: int
    base: int
    suppressed: bool = False

    @property
    def percentage(self):
        return percentage(self.count, self.base)


@dataclass
class QuestionNeeds:
    question: object
    need_count: int
    percentage: int
    urgency: list
    by_size_class: list
    formats: list
    topics: list
    support: list
    urgent_count: int = 0
    modules: list = field(default_factory=list)
    sessions: list = field(default_factory=list)

    @property
    def is_gap(self):
        return self.need_count > 0 and not self.modules

    @property
    def format_gaps(self):
        return [need for need in self.formats if need.is_gap]


@dataclass
class Respondent:
    municipality: object
    response: object
    earlier_versions: int
    need_count: int


@dataclass
class NeedsOverview:
    round: object
    respondents: list
    size_classes: list
    questions: list

    @property
    def respondent_count(self):
        return len(self.respondents)

    @property
    def gaps(self):
        """(question needs, format need or None) for every need no published module meets."""
        gaps = []
        for needs in self.questions:
            if needs.is_gap:
                gaps.append((needs, None))
            gaps.extend((needs, format_need) for format_need in needs.format_gaps)
        return gaps


def curriculum_offer(questions, now):
    """Published modules for the questions' themes, with their upcoming sessions: a fixed number of queries."""
    theme_ids = {question.theme_id for question in questions}
    modules = list(
        in_locale(ModulePage.objects.live().public().filter(themes__in=theme_ids).distinct())
        .prefetch_related("themes", "audiences")
        .order_by("title")
    )
    sessions = defaultdict(list)
    upcoming = ModuleSession.objects.filter(page__in=[module.pk for module in modules], starts_at__gte=now).order_by(
        "starts_at"
    )
    for session in upcoming:
        sessions[session.page_id].append(session)
    for module in modules:
        module.theme_ids = {theme.pk for theme in module.themes.all()}
        module.audience_ids = {audience.pk for audience in module.audiences.all()}
        module.upcoming_sessions = sessions[module.pk]
    return modules


def meeting_modules(question, modules, format_value=None):
    """The modules that meet a need: same theme and audience (and format, when one is asked for)."""
    return [
        module
        for module in modules
        if question.theme_id in module.theme_ids
        and question.audience_id in module.audience_ids
        and (format_value is None or module.format == format_value)
    ]


def needs_overview(survey_round, now=None):
    """Needs per question, format and size class, with counts, percentages and the modules that meet them."""
    now = now or timezone.now()
    questions = list(survey_round.questions.select_related("theme", "audience").order_by("sort_order", "pk"))
    responses = list(
        SurveyResponse.objects.filter(round=survey_round, is_current=True)
        .select_related("municipality", "submitted_by")
        .order_by("municipality__name")
    )
    earlier = dict(
        SurveyResponse.objects.filter(round=survey_round, is_current=False)
        .values("municipality_id")
        .annotate(versions=Count("pk"))
        .values_list("municipality_id", "versions")
    )
    answers = list(
        QuestionAnswer.objects.filter(response__round=survey_round, response__is_current=True).values_list(
            "response__municipality_id", "question_id", "urgency", "formats", "topics", "support"
        )
    )
    modules = curriculum_offer(questions, now)

    size_class_of = {
        response.municipality_id: response.municipality.size_class or UNKNOWN_SIZE_CLASS for response in responses
    }
    bases = Counter(size_class_of.values())
    size_classes = [(value, label, bases[value]) for value, label in size_class_choices()]
    by_question = defaultdict(list)
    needs_per_municipality = Counter()
    for municipality_id, question_id, urgency, formats, topics, support in answers:
        by_question[question_id].append((municipality_id, urgency, formats or [], topics or [], support or []))
        if urgency >= NEED_FROM:
            needs_per_municipality[municipality_id] += 1

    total = len(responses)
    question_needs = []
    for question in questions:
        rows = by_question[question.pk]
        in_need = [row for row in rows if row[1] >= NEED_FROM]
        urgency = Counter(row[1] for row in rows)
        formats = Counter(value for row in in_need for value in set(row[2]))
        topics = Counter(value for row in in_need for value in set(row[3]))
        support = Counter(value for row in rows for value in set(row[4]))
        need_by_class = Counter(size_class_of.get(row[0], UNKNOWN_SIZE_CLASS) for row in in_need)
        format_needs = []
        for value, label in FORMAT_CHOICES:
            meeting = meeting_modules(question, modules, value)
            format_needs.append(
                FormatNeed(
                    value=value,
                    label=str(label),
                    count=formats[value],
                    percentage=percentage(formats[value], total),
                    modules=meeting,
                    sessions=[session for module in meeting for session in module.upcoming_sessions],
                )
            )
        meeting = meeting_modules(question, modules)
        question_needs.append(
            QuestionNeeds(
                question=question,
                need_count=len(in_need),
                percentage=percentage(len(in_need), total),
                urgency=[(str(label), urgency[value]) for value, label in URGENCY_CHOICES],
                urgent_count=urgency[URGENCY_URGENT],
                by_size_class=[
                    GroupCell(value, str(label), need_by_class[value], base)
                    for value, label, base in size_classes
                    if base
                ],
                formats=format_needs,
                topics=[(topic, topics[topic]) for topic in question.topic_list],
                support=[(str(label), support[value]) for value, label in SUPPORT_CHOICES],
                modules=meeting,
                sessions=sorted(
                    (session for module in meeting for session in module.upcoming_sessions), key=lambda s: s.starts_at
                ),
            )
        )

    respondents = [
        Respondent(
            response.municipality,
            response,
            earlier.get(response.municipality_id, 0),
            needs_per_municipality[response.municipality_id],
        )
        for response in responses
    ]
    return NeedsOverview(
        round=survey_round, respondents=respondents, size_classes=size_classes, questions=question_needs
    )


def suppressed_groups(bases, minimum):
    """Which groups to hide so that no group smaller than `minimum` can be seen or worked out.

    Primary suppression hides every group below the minimum. If the hidden groups together are still
    below it, the total minus the shown groups would give them away, so the smallest shown groups are
    hidden as well until the hidden ones together reach the minimum (or all are hidden).
    """
    hidden = {group for group, base in bases.items() if 0 < base < minimum}
    if hidden:
        shown = sorted((base, group) for group, base in bases.items() if base and group not in hidden)
        while sum(bases[group] for group in hidden) < minimum and shown:
            hidden.add(shown.pop(0)[1])
    return hidden


@dataclass
class PublicSummary:
    round: object
    minimum_group_size: int
    respondent_count: int
    questions: list = field(default_factory=list)
    formats: list = field(default_factory=list)
    support: list = field(default_factory=list)
    size_classes: list = field(default_factory=list)

    @property
    def is_suppressed(self):
        return self.respondent_count < self.minimum_group_size

    @property
    def any_size_class_suppressed(self):
        return any(cell.suppressed for cell in self.size_classes)

    def chart(self):
        """Positions for the bar chart: an SVG 400 wide (legible on a phone), per row the theme and the
        audience on two lines with the bar below them (100% = 320)."""
        bars = []
        for row, needs in enumerate(self.questions):
            top = row * CHART_ROW_HEIGHT
            width = round(3.2 * needs.percentage)
            bars.append(
                {
                    "theme": needs.question.theme.display_name,
                    "audience": needs.question.audience.display_name,
                    "percentage": needs.percentage,
                    "width": width,
                    "theme_y": top + 14,
                    "audience_y": top + 30,
                    "y": top + 36,
                    "value_y": top + 49,
                    "value_x": width + 6,
                }
            )
        return {"bars": bars, "height": len(bars) * CHART_ROW_HEIGHT + 4}


def public_summary(survey_round, now=None, minimum_group_size=None):
    """Aggregates of a round that are safe to publish: never one municipality's answers.

    A round with fewer respondents than the minimum shows nothing but that fact; size classes below it
    are hidden (with secondary suppression, see `suppressed_groups`). Remarks are never published.
    """
    minimum = minimum_group_size or settings.NEEDS_SURVEY_MIN_GROUP_SIZE
    overview = needs_overview(survey_round, now)
    summary = PublicSummary(round=survey_round, minimum_group_size=minimum, respondent_count=overview.respondent_count)
    if summary.is_suppressed:
        return summary
    hidden = suppressed_groups({value: base for value, _label, base in overview.size_classes}, minimum)
    summary.size_classes = [
        GroupCell(value, str(label), 0, base, suppressed=value in hidden)
        for value, label, base in overview.size_classes
        if base
    ]
    for needs in overview.questions:
        for cell in needs.by_size_class:
            cell.suppressed = cell.value in hidden
            if cell.suppressed:
                cell.count = cell.base = 0  # not even in the template's context
        summary.questions.append(needs)
    # Formats and other support over all questions: how many municipalities want each at least once.
    summary.formats = _municipalities_choosing(overview, "formats", FORMAT_CHOICES)
    summary.support = _municipalities_choosing(overview, "support", SUPPORT_CHOICES)
    return summary


def _municipalities_choosing(overview, attribute, choices):
    answers = QuestionAnswer.objects.filter(response__round=overview.round, response__is_current=True)
    if attribute == "formats":
        answers = answers.filter(urgency__gte=NEED_FROM)
    chosen = defaultdict(set)
    for municipality_id, values in answers.values_list("response__municipality_id", attribute):
        for value in values or []:
            chosen[value].add(municipality_id)
    total = overview.respondent_count
    return [(str(label), len(chosen[value]), percentage(len(chosen[value]), total)) for value, label in choices]


def csv_rows(overview):
    """The overview as rows for a spreadsheet: one per question (all formats) and one per format asked for."""
    classes = [(value, label) for value, label, base in overview.size_classes if base]
    yield [
        _("Thema"),
        _("Doelgroep"),
        _("Vorm"),
        _("Gemeenten met behoefte"),
        _("Percentage van de respondenten"),
        *[_("Behoefte, %(size_class)s") % {"size_class": label} for _value, label in classes],
        _("Dekking"),
        _("Modules"),
        _("Geplande bijeenkomsten"),
    ]
    for needs in overview.questions:
        question = needs.question
        by_class = {cell.value: cell for cell in needs.by_size_class}
        # "5 van 6", not "5/6", which a spreadsheet would read as a date.
        class_cells = [
            _("%(count)d van %(base)d") % {"count": by_class[value].count, "base": by_class[value].base}
            if value in by_class
            else ""
            for value, _label in classes
        ]
        yield [
            question.theme.display_name,
            question.audience.display_name,
            _("alle vormen"),
            needs.need_count,
            needs.percentage,
            *class_cells,
            _coverage(needs.is_gap, needs.need_count),
            "; ".join(m.title for m in needs.modules),
            len(needs.sessions),
        ]
        for format_need in needs.formats:
            if not format_need.count:
                continue
            yield [
                question.theme.display_name,
                question.audience.display_name,
                format_need.label,
                format_need.count,
                format_need.percentage,
                *[""] * len(classes),
                _coverage(format_need.is_gap, format_need.count),
                "; ".join(m.title for m in format_need.modules),
                len(format_need.sessions),
            ]


def _coverage(is_gap, count):
    if not count:
        return _("geen behoefte")
    return _("hiaat") if is_gap else _("gedekt")
