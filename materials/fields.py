"""A web address field that takes http and https only, with one clear message for any other scheme."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from . import errors

WEB_SCHEMES = ("http", "https")


def validate_web_address(value: str) -> None:
    """Refuse javascript:, data:, file:, ftp: and every other scheme than http(s), then check the address."""
    scheme, colon, _rest = value.partition(":")
    if not colon or scheme.strip().lower() not in WEB_SCHEMES:
        raise ValidationError(errors.UNSAFE_URL, code="unsafe_url")
    URLValidator(schemes=list(WEB_SCHEMES), message=errors.INVALID_URL)(value)


class WebAddressFormField(forms.URLField):
    default_validators = [validate_web_address]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebAddressField(models.URLField):
    default_validators = [validate_web_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})
