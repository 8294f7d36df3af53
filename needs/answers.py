"""The answer scales of the needs survey, shared by the models, the form and the overviews."""

from django.utils.translation import gettext_lazy as _

from curriculum.models import ModulePage

URGENCY_NONE, URGENCY_SOME, URGENCY_LARGE, URGENCY_URGENT = 0, 1, 2, 3
URGENCY_CHOICES = [
    (URGENCY_NONE, _("Geen behoefte")),
    (URGENCY_SOME, _("Enige behoefte")),
    (URGENCY_LARGE, _("Grote behoefte")),
    (URGENCY_URGENT, _("Urgent")),
]
# From this level on, an answer counts as a need.
NEED_FROM = URGENCY_SOME

# The module formats of the curriculum, so a need for a format can be matched against the offer.
FORMAT_CHOICES = ModulePage.FORMATS

SUPPORT_CHOICES = [
    ("advies", _("Advies op maat")),
    ("uitwisseling", _("Uitwisseling met andere gemeenten")),
    ("helpdesk", _("Helpdesk")),
    ("materiaal", _("Handreikingen en materiaal")),
    ("begeleiding", _("Begeleiding bij de uitvoering")),
]
