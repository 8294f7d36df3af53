from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Kennisbank")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from portal import agenda
        from portal.invalidation import shown_on_every_page

        from . import agenda as event_agenda
        from . import (
            attachments,
            listings,  # noqa: F401  (declaring the listings registers them)
        )
        from .models import Domain, EventIndexPage, Municipality

        agenda.register(event_agenda.events, overview=EventIndexPage)
        shown_on_every_page(Domain, Municipality)

        # Attachments follow their case study's privacy (knowledge.attachments).
        page_published.connect(attachments.on_case_study_changed, dispatch_uid="knowledge_attachments_published")
        page_unpublished.connect(attachments.on_case_study_changed, dispatch_uid="knowledge_attachments_unpublished")
        for signal in (post_save, post_delete):
            signal.connect(
                attachments.on_view_restriction_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"knowledge_attachments_restriction_{signal is post_save}",
            )
