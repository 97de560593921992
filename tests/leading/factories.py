import datetime as dt

import factory
from django.utils import timezone

from leading.models import Answer, Assessment, ChecklistGroup, ChecklistItem, ChecklistVersion, CountyEditor
from tests.factories import UserFactory


class ChecklistVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistVersion

    title_fi = factory.Sequence(lambda n: f"Tarkistuslista {n}")
    title_sv = factory.Sequence(lambda n: f"Checklista {n}")
    title_en = factory.Sequence(lambda n: f"Checklist {n}")
    in_use_from = factory.Sequence(lambda n: dt.date(2020, 1, 1) + dt.timedelta(days=n))


class ChecklistGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistGroup

    version = factory.SubFactory(ChecklistVersionFactory)
    order = factory.Sequence(lambda n: n)
    title_fi = factory.Sequence(lambda n: f"Ryhmä {n}")
    title_sv = factory.Sequence(lambda n: f"Grupp {n}")
    title_en = factory.Sequence(lambda n: f"Group {n}")


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    group = factory.SubFactory(ChecklistGroupFactory)
    order = factory.Sequence(lambda n: n)
    key = factory.Sequence(lambda n: f"item-{n}")
    text_fi = factory.Sequence(lambda n: f"Rakenne {n} on olemassa.")
    text_sv = factory.Sequence(lambda n: f"Struktur {n} finns.")
    text_en = factory.Sequence(lambda n: f"Structure {n} exists.")
    help_text_fi = "Mitä tämä tarkoittaa."


class CountyEditorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountyEditor

    county = "vantaa_kerava"
    user = factory.SubFactory(UserFactory)


class AssessmentFactory(factory.django.DjangoModelFactory):
    """A published assessment unless status="draft" is given."""

    class Meta:
        model = Assessment

    county = "vantaa_kerava"
    version = factory.SubFactory(ChecklistVersionFactory)
    status = Assessment.Status.PUBLISHED
    assessed_on = factory.LazyFunction(timezone.localdate)
    published_at = factory.LazyAttribute(lambda a: timezone.now() if a.status == Assessment.Status.PUBLISHED else None)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    assessment = factory.SubFactory(AssessmentFactory)
    item = factory.SubFactory(ChecklistItemFactory)
    rating = "in_place"


def make_checklist(*, groups=2, items_per_group=3, in_use_from=dt.date(2020, 1, 1), key_prefix="") -> ChecklistVersion:
    """A version in use with `groups` groups of `items_per_group` items, keys "<prefix>g<group>-i<item>"."""
    version = ChecklistVersionFactory(in_use_from=in_use_from)
    for group_number in range(groups):
        group = ChecklistGroupFactory(version=version, order=group_number)
        for item_number in range(items_per_group):
            ChecklistItemFactory(group=group, order=item_number, key=f"{key_prefix}g{group_number}-i{item_number}")
    return version


def items_of(version: ChecklistVersion) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(group__version=version).order_by("group__order", "order"))


def publish_with(version, county, ratings: list[str], *, assessed_on=None) -> Assessment:
    """A published assessment of `county` rating the version's items in order."""
    assessment = AssessmentFactory(version=version, county=county, assessed_on=assessed_on or timezone.localdate())
    Answer.objects.bulk_create(
        Answer(assessment=assessment, item=item, rating=rating)
        for item, rating in zip(items_of(version), ratings, strict=True)
    )
    return assessment
