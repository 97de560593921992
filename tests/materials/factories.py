import factory

from materials.models import Material


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
