"""The needs survey (behoeftepeiling): rounds with questions per theme and audience, and the answers of
municipalities."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from portal.i18n import in_visitor_language
from portal.models import BasePage

from .answers import URGENCY_CHOICES
from .forms import SurveyRoundForm


class SurveyRoundQuerySet(models.QuerySet):
    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class SurveyRound(ClusterableModel):
    """One round of the survey: open between two moments, with its own questions."""

    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Staat boven de vragenlijst."))
    opens_at = models.DateTimeField(_("open vanaf"))
    closes_at = models.DateTimeField(
        _("sluit op"), help_text=_("Daarna kunnen gemeenten niet meer antwoorden en verschijnen de resultaten.")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = SurveyRoundQuerySet.as_manager()
    base_form_class = SurveyRoundForm
    panels = [
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("slug"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Looptijd")),
        InlinePanel("questions", label=_("Vragen"), heading=_("Vragen per thema en doelgroep"), min_num=1),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("peilingsronde")
        verbose_name_plural = _("peilingsrondes")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return in_visitor_language(self.title, self.title_en)

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("De sluitingsdatum moet na de openingsdatum liggen.")})

    def status(self, now=None):
        """'upcoming', 'open' or 'closed'."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at


class SurveyQuestion(Orderable):
    """What a municipality needs on one theme for one audience: urgency, formats, topics and other support."""

    round = ParentalKey(SurveyRound, on_delete=models.CASCADE, related_name="questions")
    theme = models.ForeignKey(
        "portal.Theme", on_delete=models.PROTECT, related_name="survey_questions", verbose_name=_("thema")
    )
    audience = models.ForeignKey(
        "portal.Audience", on_delete=models.PROTECT, related_name="survey_questions", verbose_name=_("doelgroep")
    )
    text = models.CharField(
        _("vraag"),
        max_length=300,
        blank=True,
        help_text=_("Leeg laten voor: ‘Welke behoefte heeft uw gemeente op het thema … voor …?’"),
    )
    topics = models.TextField(
        _("onderwerpen"), blank=True, help_text=_("Eén onderwerp per regel; gemeenten kruisen aan wat ze nodig hebben.")
    )

    panels = [FieldRowPanel([FieldPanel("theme"), FieldPanel("audience")]), FieldPanel("text"), FieldPanel("topics")]

    class Meta(Orderable.Meta):
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "theme", "audience"], name="needs_one_question_per_theme_and_audience"
            )
        ]

    def __str__(self):
        return self.prompt

    @property
    def prompt(self):
        if self.text:
            return self.text
        return _("Welke behoefte heeft uw gemeente op het thema %(theme)s voor %(audience)s?") % {
            "theme": self.theme.display_name.lower(),
            "audience": self.audience.display_name.lower(),
        }

    @property
    def topic_list(self):
        return [line.strip() for line in self.topics.splitlines() if line.strip()]


class SurveyResponse(models.Model):
    """A municipality's answer to a round. A new answer replaces the current one; earlier ones stay as history."""

    round = models.ForeignKey(SurveyRound, on_delete=models.PROTECT, related_name="responses", verbose_name=_("ronde"))
    municipality = models.ForeignKey(
        "knowledge.Municipality", on_delete=models.PROTECT, related_name="survey_responses", verbose_name=_("gemeente")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ingevuld door"),
    )
    submitted_at = models.DateTimeField(_("ingevuld op"))
    is_current = models.BooleanField(_("geldend antwoord"), default=True)
    replaced_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)
    remarks = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["round", "municipality__name", "-submitted_at"]
        verbose_name = _("antwoord van een gemeente")
        verbose_name_plural = _("antwoorden van gemeenten")
        constraints = [
            # The database itself guarantees one current answer per municipality and round.
            models.UniqueConstraint(
                fields=["round", "municipality"],
                condition=models.Q(is_current=True),
                name="needs_one_current_response_per_municipality",
            )
        ]
        indexes = [models.Index(fields=["round", "is_current"], name="needs_response_round_current")]

    def __str__(self):
        return f"{self.municipality} – {self.round}"


class QuestionAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    urgency = models.PositiveSmallIntegerField(_("urgentie"), choices=URGENCY_CHOICES)
    # Lists of choice values; counted in Python, so they work the same on SQLite and PostgreSQL.
    formats = models.JSONField(_("vormen"), default=list, blank=True)
    topics = models.JSONField(_("onderwerpen"), default=list, blank=True)
    support = models.JSONField(_("ondersteuning"), default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="needs_one_answer_per_question")]


class NeedsSurveyPage(RoutablePageMixin, BasePage):
    """The survey on the site: the open round to fill in, and a summary of each closed round."""

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("behoeftepeiling")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["open_rounds"] = SurveyRound.objects.open(now).order_by("closes_at")
        context["closed_rounds"] = SurveyRound.objects.closed(now).order_by("-closes_at")
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    # The views behind the round routes (needs.views), connected by NeedsConfig.ready: views read the
    # models, so the models do not import the views.
    round_views = {}

    @path("<slug:round_slug>/")
    def summary(self, request, round_slug):
        return self.round_views["summary"](request, self, round_slug)

    @path("<slug:round_slug>/invullen/")
    def answer(self, request, round_slug):
        return self.round_views["answer"](request, self, round_slug)
