import factory
import wagtail_factories

from knowledge.models import EventIndexPage, EventPage, EventSessionPage
from portal.models import StandardPage, Theme, ThemePage


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een korte inleiding."
    show_in_menus = True


class ThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemePage

    title = factory.LazyAttribute(lambda page: page.theme.name)
    theme = factory.SubFactory(ThemeFactory)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Bijeenkomsten"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    starts_at = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").timezone.utc)


class EventSessionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventSessionPage

    title = factory.Sequence(lambda n: f"Workshop {n}")
    theme = factory.Iterator(Theme.objects.all())
