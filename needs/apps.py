from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "needs"
    verbose_name = _("Behoeftepeiling")

    def ready(self):
        from wagtail.models import ReferenceIndex

        from . import views
        from .models import NeedsSurveyPage, SurveyResponse

        NeedsSurveyPage.round_views.update(summary=views.round_summary, answer=views.answer_round)

        from django.db.models.signals import post_delete, post_save

        from .models import QuestionAnswer, SurveyQuestion, SurveyRound

        for model in (SurveyRound, SurveyQuestion, SurveyResponse, QuestionAnswer):
            for signal in (post_save, post_delete):
                signal.connect(
                    views.answers_changed, sender=model, dispatch_uid=f"needs_{model.__name__}_{signal is post_save}"
                )

        # Wagtail's delete views then see that a round or municipality with answers is protected,
        # and refuse to delete it instead of failing on the database's PROTECT.
        ReferenceIndex.register_model(SurveyResponse)
