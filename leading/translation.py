from modeltranslation.translator import TranslationOptions, register

from .models import ChecklistGroup, ChecklistItem, ChecklistVersion, GuidanceSection


@register(GuidanceSection)
class GuidanceSectionTranslationOptions(TranslationOptions):
    fields = ("title", "body")


@register(ChecklistVersion)
class ChecklistVersionTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(ChecklistGroup)
class ChecklistGroupTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(ChecklistItem)
class ChecklistItemTranslationOptions(TranslationOptions):
    fields = ("text", "help_text")
