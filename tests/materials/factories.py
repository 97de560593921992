import factory
from django.core.files.base import ContentFile

from materials.models import Material
from tests.materials.files import pdf_bytes


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    title_fi = factory.Sequence(lambda n: f"Materiaali {n}")
    title_sv = factory.Sequence(lambda n: f"Material {n}")
    title_en = factory.Sequence(lambda n: f"Material {n}")
    kind = Material.Kind.LINK
    url = factory.Sequence(lambda n: f"https://example.org/material-{n}")
    language = "fi"
    year = 2025


class PdfMaterialFactory(MaterialFactory):
    """A material with a real (small) PDF file in storage."""

    kind = Material.Kind.DOCUMENT
    url = ""
    file = factory.LazyAttribute(lambda material: ContentFile(pdf_bytes(material.title_fi), name="opas.pdf"))
