import datetime

import factory
import wagtail_factories
from django.utils import timezone

from knowledge.models import EventIndexPage, EventPage, EventSessionPage
from portal.models import Audience, StandardPage, Theme, ThemePage


def many_to_many(field_name, default):
    """A post-generation hook that sets a (parental) many-to-many, with a default when none is given."""

    def assign(obj, create, extracted, **kwargs):
        getattr(obj, field_name).set(extracted if extracted is not None else default())
        if create:
            obj.save()

    return factory.PostGeneration(assign)


def first_theme():
    return list(Theme.objects.all()[:1])


def first_audience():
    return list(Audience.objects.all()[:1])


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
    starts_at = factory.Faker("date_time_this_year", tzinfo=datetime.UTC)


class EventSessionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventSessionPage

    title = factory.Sequence(lambda n: f"Workshop {n}")
    theme = factory.Iterator(Theme.objects.all())


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "curriculum.Provider"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Aanbieder {n}")
    abbreviation = factory.Sequence(lambda n: f"A{n}")
    slug = factory.Sequence(lambda n: f"aanbieder-{n}")


class CurriculumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "curriculum.CurriculumIndexPage"

    title = "Curriculum"
    slug = "curriculum"


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "curriculum.ModulePage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Module {n:04d}")
    intro = "Korte samenvatting."
    level = "basis"
    format = "workshop"
    duration_minutes = 90
    provider = factory.SubFactory(ProviderFactory)

    themes = many_to_many("themes", first_theme)
    audiences = many_to_many("audiences", first_audience)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Municipality"
        django_get_or_create = ("cbs_code",)

    # Real CBS codes only (the repository never invents codes): Amersfoort by default.
    cbs_code = "GM0307"
    name = "Amersfoort"
    province = "Utrecht"
    inhabitants = 161000
    urbanisation = 2
    safety_region_code = "VR09"
    safety_region = "Utrecht"


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "knowledge.CaseStudyIndexPage"

    title = "Praktijkvoorbeelden"
    slug = "praktijkvoorbeelden"


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "knowledge.CaseStudyPage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n:04d}")
    intro = "Korte samenvatting."
    municipality = factory.SubFactory(MunicipalityFactory)
    start_year = 2022
    challenge = "<p>De opgave.</p>"
    approach = "<p>De aanpak.</p>"
    evidence_level = "beschreven"

    themes = many_to_many("themes", first_theme)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            if create:
                self.save()


class AudiencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "portal.AudiencePage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Voor groep {n}")
    role = "bestuurder"
    audiences = many_to_many("audiences", first_audience)


def translate(page, language="en", title=None, publish=True):
    """The page's translation in `language` (parents translated too), published unless asked otherwise."""
    from wagtail.models import Locale

    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    if title:
        translation.title = translation.draft_title = title
        translation.save()
    if publish:
        translation.save_revision().publish()
    return translation.specific


class SurveyRoundFactory(factory.django.DjangoModelFactory):
    """A round that is open now (opened yesterday, closes in a month)."""

    class Meta:
        model = "needs.SurveyRound"

    title = factory.Sequence(lambda n: f"Peiling {n}")
    slug = factory.Sequence(lambda n: f"peiling-{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda survey_round: survey_round.opens_at + datetime.timedelta(days=31))


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "needs.SurveyQuestion"

    round = factory.SubFactory(SurveyRoundFactory)
    theme = factory.Iterator(Theme.objects.all())
    audience = factory.Iterator(Audience.objects.all())
    topics = "Eerste onderwerp\nTweede onderwerp"
