from modeltranslation.translator import TranslationOptions, register

from .models import Network


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description", "focus_areas", "meeting_rhythm")
