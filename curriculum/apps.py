from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self):
        from portal import agenda
        from portal.invalidation import shown_on_every_page

        from . import agenda as module_agenda
        from . import listings  # noqa: F401  (declaring the listings registers them)
        from .models import CoursePath, CoursePathStep, Provider

        agenda.register(module_agenda.module_sessions)
        shown_on_every_page(Provider, CoursePath, CoursePathStep)
