import factory
from django.core.files.base import ContentFile

from materials.models import Material
from tests.factories import numbered_in_each_language
from tests.materials.files import pdf_bytes


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    title_fi, title_sv, title_en = numbered_in_each_language("Materiaali", "Material", "Material")
    kind = Material.Kind.LINK
    url = factory.Sequence(lambda n: f"https://example.org/material-{n}")
    language = "fi"
    year = 2025


class PdfMaterialFactory(MaterialFactory):
    """A material with a real (small) PDF file in storage."""

    kind = Material.Kind.DOCUMENT
    url = ""
    file = factory.LazyAttribute(lambda material: ContentFile(pdf_bytes(material.title_fi), name="opas.pdf"))
