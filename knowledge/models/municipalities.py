"""Municipalities (CBS reference data, a snippet) and which staff accounts speak for which one."""

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from portal.access import MUNICIPAL_STAFF as MUNICIPAL_STAFF_GROUP

PROVINCES = [
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]


# CBS size classes of municipalities by inhabitants (lower bound, value, label).
SIZE_CLASSES = [
    (0, "0-20k", _("minder dan 20.000 inwoners")),
    (20_000, "20-50k", _("20.000 tot 50.000 inwoners")),
    (50_000, "50-100k", _("50.000 tot 100.000 inwoners")),
    (100_000, "100-250k", _("100.000 tot 250.000 inwoners")),
    (250_000, "250k+", _("250.000 inwoners of meer")),
]

URBANISATION_LEVELS = [
    (1, _("1 – zeer sterk stedelijk")),
    (2, _("2 – sterk stedelijk")),
    (3, _("3 – matig stedelijk")),
    (4, _("4 – weinig stedelijk")),
    (5, _("5 – niet stedelijk")),
]


def size_class_for(inhabitants):
    """The CBS size class value for a number of inhabitants."""
    chosen = SIZE_CLASSES[0][1]
    for lower_bound, value, _label in SIZE_CLASSES:
        if inhabitants is not None and inhabitants >= lower_bound:
            chosen = value
    return chosen


class Municipality(models.Model):  # a snippet: knowledge/wagtail_hooks.py
    """A Dutch municipality (reference data from CBS), so visitors can find 'municipalities like mine'."""

    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM[0-9]{4}\Z", _("Een CBS-gemeentecode is GM gevolgd door vier cijfers."))],
    )
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=20, choices=[(p, p) for p in PROVINCES])
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    size_class = models.CharField(
        _("grootteklasse"),
        max_length=10,
        choices=[(value, label) for _b, value, label in SIZE_CLASSES],
        blank=True,
        editable=False,
    )
    urbanisation = models.PositiveSmallIntegerField(
        _("stedelijkheid"), choices=URBANISATION_LEVELS, null=True, blank=True
    )
    safety_region_code = models.CharField(_("code veiligheidsregio"), max_length=4, blank=True)
    safety_region = models.CharField(_("veiligheidsregio"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("cbs_code"),
        FieldPanel("province"),
        FieldPanel("inhabitants"),
        FieldPanel("urbanisation"),
        FieldPanel("safety_region_code"),
        FieldPanel("safety_region"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.size_class = size_class_for(self.inhabitants) if self.inhabitants is not None else ""
        super().save(*args, **kwargs)

    def similar(self):
        """Municipalities like this one: the same size class and at most one step apart in urbanisation."""
        queryset = Municipality.objects.filter(size_class=self.size_class)
        if self.urbanisation:
            queryset = queryset.filter(urbanisation__range=(self.urbanisation - 1, self.urbanisation + 1))
        return queryset


@register_snippet
class MunicipalStaffMembership(models.Model):
    """Which municipality a member of staff works for, so they can speak for it (e.g. in the needs survey).

    Editors link an account to one municipality; the account also needs the group "Gemeentelijk medewerker"
    (see ``municipality_of``), so removing someone from the group is enough to take the right away.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipal_staff_membership",
        verbose_name=_("account"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="staff_memberships", verbose_name=_("gemeente")
    )
    since = models.DateField(_("sinds"), default=datetime.date.today)

    panels = [FieldPanel("user"), FieldPanel("municipality"), FieldPanel("since")]

    class Meta:
        ordering = ["municipality__name", "user__username"]
        verbose_name = _("medewerker van een gemeente")
        verbose_name_plural = _("medewerkers van gemeenten")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.municipality.name})"


def municipality_of(user):
    """The municipality this account may speak for, or None: municipal staff linked to a municipality."""
    if not user.is_authenticated or not user.is_active:
        return None
    membership = MunicipalStaffMembership.objects.filter(user=user).select_related("municipality").first()
    if membership is None or not user.groups.filter(name=MUNICIPAL_STAFF_GROUP).exists():
        return None
    return membership.municipality
