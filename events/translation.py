from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventSeries, ProgrammeItem


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "venue")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "venue")


@register(ProgrammeItem)
class ProgrammeItemTranslationOptions(TranslationOptions):
    fields = ("title", "description")
