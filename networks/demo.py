"""Demo networks for `manage.py seed_demo`: the networks of the source pages, their contact people and members.

Idempotent: rows are found by slug or e-mail and created only when missing, so a second run (or staff edits in
between) is left as it is. Contact people are invented demo users with example.org addresses.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo import ensure_user

from .coordinators import ensure_coordinators_group
from .demo_texts import NETWORKS
from .models import Membership, Network, NetworkRole

COORDINATOR_PASSWORD = "hyte-coordinator-demo"
DEMO_MEMBER_EMAIL = "member@example.org"
DEMO_MEMBER_NETWORK = "children-and-adolescents"

# (e-mail, first name, last name, job title)
PEOPLE = {
    "nicotine": ("nicotine-free.contact@example.org", "Tiina", "Savuton", "Terveyden edistämisen suunnittelija"),
    "themes": ("wellbeing-themes.contact@example.org", "Hanna", "Hyvinvointi", "Kehittämispäällikkö"),
    "falls": ("fall-prevention.contact@example.org", "Tuula", "Tasapaino", "Fysioterapeutti, hankekoordinaattori"),
    "phd_chair": ("public-health.chair@example.org", "Pekka", "Puheenjohtaja", "Johtava ylilääkäri"),
    "secretary": ("networks.secretary@example.org", "Sari", "Sihteeri", "Suunnittelija"),
    "oral_chair": ("oral-health.chair@example.org", "Hilkka", "Hymy", "Johtava ylihammaslääkäri"),
    "oral_contact": ("oral-health.contact@example.org", "Maija", "Hammas", "Ylihammaslääkäri"),
    "coaching": ("developer-coaching@example.org", "Kimmo", "Kehittäjä", "Kehittämisvalmentaja"),
    "internal": ("hus-hyte.coordinator@example.org", "Ilona", "Ilonen", "HYTE-koordinaattori"),
}

# network slug: [(person, role)]
ROLES = {
    "nicotine-free-life": [("nicotine", NetworkRole.Role.CONTACT)],
    "children-and-adolescents": [("themes", NetworkRole.Role.CONTACT)],
    "long-term-unemployed": [("themes", NetworkRole.Role.CONTACT)],
    "obesity": [("themes", NetworkRole.Role.CONTACT)],
    "fall-prevention": [("falls", NetworkRole.Role.CONTACT)],
    "public-health-directors": [("phd_chair", NetworkRole.Role.CHAIR), ("secretary", NetworkRole.Role.SECRETARY)],
    "oral-health-directors": [
        ("oral_chair", NetworkRole.Role.CHAIR),
        ("secretary", NetworkRole.Role.SECRETARY),
        ("oral_contact", NetworkRole.Role.CONTACT),
    ],
    "developer-coaching-alumni": [("coaching", NetworkRole.Role.COORDINATOR)],
    "hus-internal-hyte-group": [("internal", NetworkRole.Role.COORDINATOR)],
}

TRANSLATED = ["name", "summary", "description", "focus_areas", "meeting_rhythm"]


def seed(stdout):
    group = ensure_coordinators_group()
    networks = {spec["slug"]: _ensure_network(spec) for spec in NETWORKS}
    people = {key: _ensure_coordinator(*person, group=group) for key, person in PEOPLE.items()}
    for slug, roles in ROLES.items():
        for order, (person, role) in enumerate(roles):
            NetworkRole.objects.get_or_create(
                network=networks[slug], user=people[person], role=role, defaults={"order": order}
            )
            _ensure_active_member(people[person], networks[slug])
    member = get_user_model().objects.filter(email=DEMO_MEMBER_EMAIL).first()
    if member is not None:
        _ensure_active_member(member, networks[DEMO_MEMBER_NETWORK])
    stdout.write(f"Network coordinators (admin, password {COORDINATOR_PASSWORD}):")
    for email, *_ in PEOPLE.values():
        stdout.write(f"  {email}")


def _ensure_network(spec) -> Network:
    defaults = {"kind": spec["kind"], "join_policy": spec["join_policy"], "order": spec["order"]}
    for field in TRANSLATED:
        for language, text in spec[field].items():
            defaults[f"{field}_{language}"] = text
    network, _ = Network.objects.get_or_create(slug=spec["slug"], defaults=defaults)
    return network


def _ensure_coordinator(email, first_name, last_name, job_title, *, group):
    # Staff without superuser rights, so that the admin shows them only their own networks.
    user = ensure_user(
        email,
        COORDINATOR_PASSWORD,
        is_staff=False,
        first_name=first_name,
        last_name=last_name,
        job_title=job_title,
        organisation="HUS primary health care unit",
        region="hus",
        listed_in_directory=True,
    )
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(group)
    return user


def _ensure_active_member(user, network):
    now = timezone.now()
    Membership.objects.get_or_create(
        user=user,
        network=network,
        defaults={"status": Membership.Status.ACTIVE, "joined_at": now, "status_changed_at": now},
    )
