"""Demo Leading HYTE (data/leading.toml): the structures checklist, the counties' editors, their assessments
(two published a year apart for two counties, a draft for a third) and the guidance's materials.

Idempotent: the checklist is found by its Finnish title, editors by e-mail, materials by Finnish title, and a
county that has any assessment is left as it is. Assessments go through leading.services, as an editor's would,
so the audit trail has their entries.
"""

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from leading import services as leading_services
from leading.models import Assessment, ChecklistGroup, ChecklistItem, ChecklistVersion, CountyEditor, GuidanceSection
from materials import services as material_services
from materials.models import Material

from .accounts import ensure_user
from .loading import read_data, report, translated
from .materials import draw_pdf


def seed(stdout) -> None:
    """Create what is missing of the checklist, the editors, the assessments and the materials."""
    data = read_data("leading")
    version, created = _ensure_checklist(data["checklist"])
    report(stdout, "leading checklist", created=int(created), total=1)
    editors = {spec["email"]: _ensure_editor(spec, profile=data["editor_profile"]) for spec in data["editors"]}
    created = _ensure_assessments(data["assessments"], editors=editors)
    report(stdout, "leading assessments", created=created, total=len(data["assessments"]))
    created = sum(_ensure_material(spec) for spec in data["materials"])
    report(stdout, "leading materials", created=created, total=len(data["materials"]))


def logins(stdout) -> None:
    """Print the editors' logins (the demo member's password is among the demo accounts')."""
    data = read_data("leading")
    stdout.write(f"County editors of Leading HYTE (password {data['editor_profile']['password']} unless a demo login):")
    for spec in data["editors"]:
        stdout.write(f"  {spec['email']} ({spec['county']})")


def _ensure_checklist(spec: dict) -> tuple[ChecklistVersion, bool]:
    version = ChecklistVersion.objects.filter(title_fi=spec["title"]["fi"]).first()
    if version is not None:
        return version, False
    version = ChecklistVersion.objects.create(in_use_from=spec["in_use_from"], **translated("title", spec["title"]))
    for group_order, group_spec in enumerate(spec["groups"], start=1):
        group = ChecklistGroup.objects.create(
            version=version,
            order=group_order,
            **translated("title", group_spec["title"]),
            **translated("description", group_spec["description"]),
        )
        ChecklistItem.objects.bulk_create(
            ChecklistItem(
                group=group,
                order=item_order,
                key=item["key"],
                **translated("text", item["text"]),
                **translated("help_text", item["help"]),
            )
            for item_order, item in enumerate(group_spec["items"], start=1)
        )
    return version, True


def _ensure_editor(spec: dict, *, profile: dict) -> User:
    """The editor's account (created with the editor profile unless it exists) and their role in the county."""
    fields = {key: value for key, value in {**profile, **spec}.items() if key not in ("email", "county", "password")}
    user, _created = ensure_user(email=spec["email"], password=profile["password"], region=spec["county"], **fields)
    CountyEditor.objects.get_or_create(county=spec["county"], user=user)
    return user


def _ensure_assessments(specs: list[dict], *, editors: dict[str, User]) -> int:
    assessed_counties = set(Assessment.objects.values_list("county", flat=True))
    created = 0
    for spec in specs:
        if spec["county"] in assessed_counties:
            continue
        editor = editors[spec["editor"]]
        draft = leading_services.start_assessment(county=spec["county"], user=editor)
        items = {item.key: item.pk for item in ChecklistItem.objects.filter(group__version=draft.version_id)}
        answers = {
            items[key]: leading_services.AnswerInput(
                rating=rating,
                note=spec.get("notes", {}).get(key, ""),
                evidence_url=spec.get("evidence", {}).get(key, ""),
            )
            for key, rating in spec["ratings"].items()
        }
        assessed_on = timezone.localdate() - relativedelta(months=spec["months_ago"])
        leading_services.save_draft(assessment=draft, user=editor, assessed_on=assessed_on, answers=answers)
        if spec["publish"]:
            leading_services.publish_assessment(assessment=draft, user=editor)
        created += 1
    return created


def _ensure_material(spec: dict) -> bool:
    """Create the material once; link it to its guidance section whenever the section is there."""
    material = Material.objects.filter(title_fi=spec["title"]["fi"]).first()
    created = material is None
    if created:
        material = Material(
            kind=spec["kind"],
            language=spec["language"],
            year=spec.get("year"),
            **translated("title", spec["title"]),
            **translated("description", spec["description"]),
        )
        material.file = ContentFile(draw_pdf(spec["title"]["fi"], spec["description"]["fi"]), name=spec["pdf"])
        material = material_services.save_material(material=material, by=None)
    elif material.file and not material.file.storage.exists(material.file.name):
        drawn = draw_pdf(spec["title"]["fi"], spec["description"]["fi"])
        material.file.storage.save(material.file.name, ContentFile(drawn))
    section = GuidanceSection.objects.filter(key=spec["section"]).first()
    if section is not None:
        section.materials.add(material)
    return created
