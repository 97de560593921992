from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventSeries, EventSession, ProgrammeItem


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "venue")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "venue")


@register(ProgrammeItem)
class ProgrammeItemTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(EventSession)
class EventSessionTranslationOptions(TranslationOptions):
    fields = ("title", "venue")
