from modeltranslation.translator import TranslationOptions, register

from .models import ContentPage


@register(ContentPage)
class ContentPageTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "scope", "non_conformities", "assessment_method", "supervisor_contact")
