"""Every main page passes axe-core's WCAG 2.1 A and AA rules on a phone (375 px) and on a laptop (1280 px), with
the demo content; their screenshots at both widths are kept under var/screenshots/ (a CI artefact). axe-core is
vendored and pinned (tests/browser/vendor/axe.min.js, MPL-2.0)."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from events.models import Event
from pages.services import create_missing_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media_root")]

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [375, 1280]
MEMBER = ("member@example.org", "hyte-member-demo")  # the demo member that seed_demo prints

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(" ") + " | " + node.failureSummary),
  }));
}"""


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it stands (the script injected past the site's CSP)."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def report(found: dict[str, list[dict]]) -> str:
    """The violations page by page, readable in a failed test's output."""
    lines = []
    for name, violations in found.items():
        for violation in violations:
            lines.append(f"{name}: {violation['id']} ({violation['impact']}): {violation['help']}")
            lines += [f"    {node}" for node in violation["nodes"]]
    return "\n".join(lines)


def optional_path(name: str, query: str = "") -> list[str]:
    """The address of a page another branch may add (the site search); none while it does not exist."""
    try:
        with translation.override("fi"):
            return [reverse(name) + query]
    except NoReverseMatch:
        return []


@pytest.fixture
def demo():
    create_missing_pages()  # the content pages come from a data migration, which the transactional flush empties
    call_command("seed_demo", stdout=StringIO())
    meeting = Event.objects.filter(kind=Event.Kind.MORNING_MEETING, start__gte=timezone.now()).order_by("start")[0]
    return {"event": f"/fi/events/{meeting.slug}/"}


def visit(page, base_url, name, path, width, found):
    page.goto(f"{base_url}{path}")
    check(page, name, width, found)


def check(page, name, width, found):
    page.wait_for_load_state("load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    violations = axe_violations(page)
    if violations:
        found[f"{name} @ {width}px ({page.url})"] = violations


def submit_empty(page, base_url, path, button):
    page.goto(f"{base_url}{path}")
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", WIDTHS)
def test_main_pages_have_no_axe_violations_and_are_photographed(browser, live_server, demo, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    base = live_server.url
    found: dict[str, list[dict]] = {}
    public_pages = [
        ("home", "/fi/"),
        ("events", "/fi/events/"),
        ("events-month", "/fi/events/?view=month"),
        ("events-past", "/fi/events/?past=1"),
        ("event", demo["event"]),
        ("networks", "/fi/networks/"),
        ("network", "/fi/networks/fall-prevention/"),
        ("materials", "/fi/materials/"),
        *[("search", path) for path in optional_path("search:index", "?q=kaatuminen")],
        ("login", "/fi/accounts/login/"),
        ("signup", "/fi/accounts/signup/"),
        ("password-reset", "/fi/accounts/password/reset/"),
        ("privacy", "/fi/privacy/"),
        ("accessibility", "/fi/accessibility/"),
        ("contact", "/fi/contact/"),
        ("about", "/fi/about/"),
        ("newsletter", "/fi/newsletter/"),
        ("leading-hyte", "/fi/hyte/"),
        ("not-found", "/fi/no-such-page/"),
        ("about-sv", "/sv/about/"),
        ("home-en", "/en/"),
    ]
    for name, path in public_pages:
        visit(page, base, name, path, width, found)

    # Failed forms: the error summary, the invalid fields and the title's "Error:".
    submit_empty(page, base, "/fi/accounts/signup/", "Luo käyttäjätili")
    assert page.title().startswith("Virhe:")
    check(page, "signup-failed", width, found)
    submit_empty(page, base, "/fi/contact/", "Lähetä")
    check(page, "contact-failed", width, found)
    visit(page, base, "events-month-malformed", "/fi/events/?view=month&month=2026-13", width, found)

    page.goto(f"{base}/fi/accounts/login/?next=/fi/me/")
    page.get_by_label("Sähköposti").fill(MEMBER[0])
    page.get_by_label("Salasana").fill(MEMBER[1])
    page.get_by_role("button", name="Kirjaudu sisään", exact=True).click()
    page.wait_for_url(f"{base}/fi/me/")
    check(page, "my-page", width, found)
    for name, path in [
        ("home-member", "/fi/"),
        ("event-member", demo["event"]),
        ("network-member", "/fi/networks/fall-prevention/"),
    ]:
        visit(page, base, name, path, width, found)
    context.close()
    assert not found, "axe-core found WCAG 2.1 A/AA violations:\n" + report(found)


def test_the_axe_check_catches_a_violation(browser, live_server):
    """The negative control: the same check on a page with a nameless image and button reports both."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/fi/no-such-page/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\"><button></button>')"
    )
    found = {violation["id"] for violation in axe_violations(page)}
    context.close()
    assert {"image-alt", "button-name"} <= found
