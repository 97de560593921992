"""Demo material bank (data/materials.toml): the source pages' materials, found by their Finnish title.

Files are small PDFs drawn with reportlab at seed time (drawn again if the file went missing). Networks and
events are matched by keywords of their English names, so that the materials load on any data; a later run
links those that have appeared since.
"""

import io

from django.core.files.base import ContentFile
from django.db.models import Q

from events.models import Event
from materials import services
from materials.models import Material
from networks.models import Network

from .loading import read_data, report, translated


def seed(stdout) -> None:
    """Create the missing materials; link networks and events that appeared since, redraw lost files."""
    data = read_data("materials")
    created = 0
    for spec in data["materials"]:
        networks = _theme_networks([data["theme_keywords"][theme] for theme in spec["themes"]])
        events = _events_titled(spec.get("event_keywords", []))
        material = Material.objects.filter(title_fi=spec["title"]["fi"]).first()
        if material is None:
            _create(spec, language=data["language"], networks=networks, events=events)
            created += 1
            continue
        material.networks.add(*networks)
        material.events.add(*events)
        if "pdf" in spec and material.file and not material.file.storage.exists(material.file.name):
            material.file.storage.save(material.file.name, _pdf(spec))
    report(stdout, "materials", created=created, total=len(data["materials"]))


def _create(spec: dict, *, language: str, networks: list, events: list) -> Material:
    material = Material(
        kind=spec["kind"],
        year=spec.get("year"),
        language=language,
        visibility=spec.get("visibility", Material.Visibility.PUBLIC),
        url=spec.get("url", ""),
        **translated("title", spec["title"]),
        **translated("description", spec["description"]),
    )
    if "pdf" in spec:
        material.file = _pdf(spec)
    return services.save_material(material=material, networks=networks, events=events, by=None)


def _pdf(spec: dict) -> ContentFile:
    return ContentFile(draw_pdf(spec["title"]["fi"], spec["description"]["fi"]), name=spec["pdf"])


def _theme_networks(keyword_groups: list[list[str]]) -> list[Network]:
    """For each group, the first Good Spiral theme network whose English name contains one of its keywords."""
    networks = []
    for keywords in keyword_groups:
        network = (
            Network.objects.filter(_any_contains("name_en", keywords), kind=Network.Kind.GOOD_SPIRAL_THEME)
            .order_by("pk")
            .first()
        )
        if network is not None:
            networks.append(network)
    return networks


def _events_titled(keywords: list[str]) -> list[Event]:
    return list(Event.objects.filter(_any_contains("title_en", keywords))) if keywords else []


def _any_contains(field: str, keywords: list[str]) -> Q:
    match = Q()
    for keyword in keywords:
        match |= Q(**{f"{field}__icontains": keyword})
    return match


def draw_pdf(title: str, text: str) -> bytes:
    """A one-page PDF with the title and the text, as a stand-in for the real publication."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="HYTE demo", invariant=True)
    document.build(
        [
            Paragraph(title, styles["Title"]),
            Paragraph(text, styles["BodyText"]),
            Paragraph("Esimerkkiaineisto HYTE-portaalin esittelyä varten.", styles["Italic"]),
        ]
    )
    return buffer.getvalue()
