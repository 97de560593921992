"""What every URL of the portal answers to each kind of person: the table behind test_authorization_matrix.py.

HOW TO ADD A URL (the matrix fails, naming the pattern, until its URL is in this table):

1. A page outside the admin: add one `Visit` line to `PORTAL` below, for example
       Visit("events:detail", A_SIDE, lambda w: {"slug": w.members_event_a.slug}),
   - the first argument is the pattern's name as `reverse()` takes it ("app:name"); for a pattern without a name
     give `path=lambda w: "/en/..."` and the route as the first argument;
   - the second says what each persona gets: a profile below (EVERYONE, MEMBERS, A_SIDE...) or `expect(...)`:
       expect(OK, anonymous=LOGIN, member_b=404, coordinator_b=404)   # a default, then the exceptions
     An outcome is a status code (200, 400, 403, 404, 405, 410, 429), LOGIN (302 to the portal's login with
     `next`), ADMIN_LOGIN (302 to /admin/login/ with `next`), REDIRECT (301/302/303 anywhere else) or DONE
     (200 or a redirect, for forms and admin actions whose answer depends on what the person typed);
   - the third builds the URL's kwargs from the world (tests/portal/authorization_world.py: two networks A and
     B, their members and coordinators, events, materials...); add a row there if your URL needs a new kind;
   - `method="post"` and `data=lambda w: {...}` for a POST; `query="?a=b"` for a query string;
   - `unchanged=lambda w: [row, ...]`: rows that a POST by anyone but `may_change` personas must leave as they
     were (compared column by column before and after the request).
   The same pattern may have several lines (a public event, a members-only one, a draft...).
2. A model registered in the admin: add one `AdminRows` line to `ADMIN_MODELS` (its row on network A's side, on
   B's side or None, and what a coordinator may do). The changelist, add, change, delete and history pages and
   every action the ModelAdmin offers are then requested for you. An admin URL of its own (`get_urls`) is a
   `Visit` line in `ADMIN_EXTRA`.

Personas (tests/portal/authorization_world.py PERSONAS): anonymous, member_a and member_b (members of network A
and B), coordinator_a and coordinator_b (staff in the coordinators group, scoped to their network), staff (a
superuser). Everyone with staff status has passed the second factor.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from .authorization_world import COUNTY, PERSONAS, PRIVATE_A

# --- Outcomes -------------------------------------------------------------------------------------------------
OK = 200
LOGIN = "302 to the portal's login with next"
ADMIN_LOGIN = "302 to the admin's login with next"
REDIRECT = "a redirect (not to a login)"
DONE = "200 or a redirect (not to a login)"


def expect(default, **per_persona) -> dict:
    """What each persona gets: `default`, except those named (anonymous=LOGIN, member_b=404...)."""
    unknown = set(per_persona) - set(PERSONAS)
    assert not unknown, f"unknown personas {unknown}"
    return {persona: per_persona.get(persona, default) for persona in PERSONAS}


EVERYONE = expect(OK)
MEMBERS = expect(OK, anonymous=LOGIN)  # any logged-in account
A_SIDE = expect(OK, anonymous=LOGIN, member_b=404, coordinator_b=404)  # network A's people and staff
MEMBER_A_ONLY = expect(404, anonymous=LOGIN, member_a=OK)  # member A's own things
A_POST = expect(REDIRECT, anonymous=LOGIN, member_b=404, coordinator_b=404)  # a form on a members-only event of A
STAFF_ONLY = expect(ADMIN_LOGIN, coordinator_a=OK, coordinator_b=OK, staff=OK)  # admin pages every staff user opens


@dataclass(frozen=True)
class Visit:
    """One request of the matrix: a URL pattern, what each persona gets, how to build the URL and the request."""

    pattern: str
    expected: dict
    kwargs: Callable = lambda w: {}
    method: str = "get"
    data: Callable | None = None
    query: str = ""
    path: Callable | None = None  # for a pattern without a name, or a URL that reverse() cannot build
    unchanged: Callable = lambda w: []
    may_change: tuple = ("staff",)
    language: str = "en"
    may_show: tuple = ()  # markers (PRIVATE_A...) that anyone holding this URL may read, e.g. a feed's secret address
    label: str = ""

    def url(self, world) -> str:
        from django.urls import reverse
        from django.utils import translation

        if self.path is not None:
            return self.path(world) + self.query
        with translation.override(self.language):
            return reverse(self.pattern, kwargs=self.kwargs(world)) + self.query

    def __str__(self):
        return f"{self.method.upper()} {self.pattern}{' ' + self.label if self.label else ''}"


def _junk_token(w):
    return "%00"


# --- The portal's pages (under /en/; the same views answer under /fi/ and /sv/) ---------------------------------
PORTAL = [
    Visit("home", EVERYONE),
    Visit("home", EVERYONE, language="fi"),
    Visit("home", EVERYONE, language="sv"),
    # allauth: the pages a logged-in person no longer needs send them on; the rest need a login.
    Visit("account_login", expect(REDIRECT, anonymous=OK)),
    Visit("account_login", expect(DONE), method="post", data=lambda w: {"login": "no@example.org", "password": "x"}),
    Visit("account_logout", expect(OK, anonymous=REDIRECT)),
    Visit("account_inactive", EVERYONE),
    Visit("account_signup", expect(REDIRECT, anonymous=OK)),
    Visit("account_signup", expect(REDIRECT, anonymous=OK), method="post", data=lambda w: {"email": "x"}),
    Visit("account_reauthenticate", MEMBERS),
    Visit("account_email", MEMBERS),
    Visit("account_email_verification_sent", EVERYONE),
    Visit("account_change_password", MEMBERS),
    Visit("account_set_password", expect(REDIRECT, anonymous=LOGIN)),
    Visit("account_reset_password", EVERYONE),
    Visit("account_reset_password", expect(DONE), method="post", data=lambda w: {"email": "member-a@example.org"}),
    Visit("account_confirm_login_code", expect(REDIRECT)),
    Visit("account_confirm_email", EVERYONE, lambda w: {"key": "no-such-key"}),
    Visit("account_reset_password_from_key_done", EVERYONE),
    Visit("account_reset_password_from_key", EVERYONE, lambda w: {"uidb36": "zz", "key": "no-such-key"}),
    Visit("account_reset_password_done", EVERYONE),
    # allauth's second factor: members have none (404 where there is nothing to show), staff have TOTP without
    # recovery codes; changing a factor first asks for the password again (a redirect).
    Visit("mfa_index", MEMBERS),
    Visit("mfa_authenticate", expect(REDIRECT)),
    Visit("mfa_reauthenticate", expect(OK, anonymous=LOGIN, member_a=REDIRECT, member_b=REDIRECT)),
    Visit("mfa_activate_totp", expect(REDIRECT, anonymous=LOGIN)),
    Visit("mfa_deactivate_totp", expect(REDIRECT, anonymous=LOGIN, member_a=404, member_b=404)),
    Visit("mfa_view_recovery_codes", expect(404, anonymous=LOGIN)),
    Visit("mfa_generate_recovery_codes", expect(REDIRECT, anonymous=LOGIN)),
    Visit("mfa_download_recovery_codes", expect(404, anonymous=LOGIN)),
    Visit("mfa_list_webauthn", MEMBERS),
    Visit("mfa_add_webauthn", expect(REDIRECT, anonymous=LOGIN)),
    Visit("mfa_reauthenticate_webauthn", expect(REDIRECT, anonymous=LOGIN)),
    # Nobody in the world has a security key: the staff user's TOTP authenticator is no key to edit or remove.
    Visit("mfa_edit_webauthn", expect(REDIRECT, anonymous=LOGIN), lambda w: {"pk": w.authenticator.pk}),
    Visit("mfa_remove_webauthn", expect(REDIRECT, anonymous=LOGIN), lambda w: {"pk": w.authenticator.pk},
          method="post", unchanged=lambda w: [w.authenticator], may_change=()),
    # My page
    Visit("accounts:my_page", MEMBERS),
    Visit("accounts:edit_profile", MEMBERS),
    Visit("accounts:edit_profile", expect(OK, anonymous=LOGIN), method="post", data=lambda w: {"first_name": ""}),
    Visit("accounts:export_data", MEMBERS),
    Visit("accounts:delete_account", MEMBERS),
    Visit("accounts:delete_account", MEMBERS, method="post", data=lambda w: {"confirm": "no"}),
    Visit("accounts:calendar_feed", EVERYONE, lambda w: {"token": w.feed_a.token}, may_show=(PRIVATE_A,)),
    Visit("accounts:calendar_feed", expect(404), path=lambda w: "/en/me/calendar/%00.ics"),
    # Networks
    Visit("networks:index", EVERYONE),
    Visit("networks:detail", EVERYONE, lambda w: {"slug": w.network_a.slug}),
    Visit("networks:detail", expect(404), lambda w: {"slug": "no-such-network"}),
    # a network's public calendar: its public events only (no members-only event, never a meeting link)
    Visit("networks:calendar", EVERYONE, lambda w: {"slug": w.network_a.slug}),
    Visit("networks:calendar", expect(404), lambda w: {"slug": "no-such-network"}),
    Visit("networks:join", expect(REDIRECT, anonymous=LOGIN), lambda w: {"slug": w.network_b.slug}, method="post"),
    Visit("networks:join", expect(405), lambda w: {"slug": w.network_b.slug}),
    Visit("networks:leave", expect(REDIRECT, anonymous=LOGIN), lambda w: {"slug": w.network_a.slug}, method="post"),
    # Only the network's active members read its directory (its coordinators and staff use the admin).
    Visit("networks:directory", expect(404, anonymous=LOGIN, member_a=OK), lambda w: {"slug": w.network_a.slug}),
    Visit("networks:invitation", EVERYONE, lambda w: {"token": w.invitation_a.token}),
    Visit("networks:invitation", expect(404), path=lambda w: "/en/networks/invitations/%00/"),
    # Events
    Visit("events:index", EVERYONE),
    Visit("events:index", EVERYONE, query="?past=1&kind=nonsense&format=%00&page=99999"),
    Visit("events:index", EVERYONE, query="?view=month&month=2026-12"),
    Visit("events:index", expect(400), query="?view=month&month=99999-99", label="a malformed month"),
    Visit("events:feed", EVERYONE),
    Visit("search:index", EVERYONE, query="?q=kaatuminen"),
    Visit("search:index", EVERYONE, query="?q=%00%3A%2A%7C%21", label="NUL and tsquery syntax"),
    Visit("favicon", expect(REDIRECT)),
    Visit("events:detail", EVERYONE, lambda w: {"slug": w.public_event.slug}),
    Visit("events:detail", A_SIDE, lambda w: {"slug": w.members_event_a.slug}),
    Visit("events:detail", expect(404, staff=OK, coordinator_a=OK), lambda w: {"slug": w.draft_event_a.slug}),
    Visit("events:enroll", expect(REDIRECT, anonymous=LOGIN), lambda w: {"slug": w.public_event.slug}, method="post"),
    Visit("events:enroll", expect(REDIRECT, anonymous=LOGIN, member_b=404, coordinator_b=404),
          lambda w: {"slug": w.members_event_a.slug}, method="post"),
    Visit("events:calendar", EVERYONE, lambda w: {"slug": w.public_event.slug}),
    Visit("events:calendar", expect(OK, anonymous=404, member_b=404, coordinator_b=404),
          lambda w: {"slug": w.members_event_a.slug}),
    Visit("events:create_feed", expect(REDIRECT, anonymous=LOGIN), method="post"),
    Visit("events:certificate", MEMBER_A_ONLY, lambda w: {"pk": w.certificate_a.pk}),
    Visit("events:cancel", expect(404, anonymous=LOGIN, member_a=REDIRECT), lambda w: {"pk": w.public_enrollment_a.pk},
          method="post", unchanged=lambda w: [w.public_enrollment_a], may_change=("member_a",)),
    # Series, check-in, hybrid modes, waiting lists: a members-only event answers another network's people as a
    # missing one; A's own people get the event page back with a message (staff are not participants).
    Visit("events:subscribe_series", A_POST, lambda w: {"slug": w.series_event_a.slug}, method="post"),
    Visit("events:subscribe_series", expect(REDIRECT, anonymous=LOGIN), lambda w: {"slug": w.public_event.slug},
          method="post", label="(an event outside a series)"),
    Visit("events:leave_series", A_POST, lambda w: {"slug": w.series_event_a.slug}, method="post",
          unchanged=lambda w: [w.subscription_a, w.series_enrollment_a], may_change=("member_a",)),
    Visit("events:drop_date", A_POST, lambda w: {"slug": w.series_event_a.slug}, method="post",
          unchanged=lambda w: [w.series_enrollment_a], may_change=("member_a",)),
    Visit("events:checkin", A_POST, lambda w: {"slug": w.members_event_a.slug}, method="post",
          data=lambda w: {"code": w.checkin_code_a.code}),
    Visit("events:checkin", A_POST, lambda w: {"slug": w.members_event_a.slug}, method="post",
          data=lambda w: {"code": "\x00"}, label="(junk code)"),
    Visit("events:checkin", expect(REDIRECT, anonymous=LOGIN), lambda w: {"slug": w.past_event_a.slug},
          method="post", data=lambda w: {"code": w.session_code_b.code}, label="(another event's session code)"),
    Visit("events:switch_mode", expect(404, anonymous=LOGIN, member_a=REDIRECT),
          lambda w: {"pk": w.hybrid_enrollment_a.pk}, method="post", data=lambda w: {"if_full": "keep_seat"},
          unchanged=lambda w: [w.hybrid_enrollment_a], may_change=("member_a",)),
    Visit("events:switch_mode", expect(404, anonymous=LOGIN, member_a=400), lambda w: {"pk": w.hybrid_enrollment_a.pk},
          method="post", data=lambda w: {"if_full": "\x00"}, unchanged=lambda w: [w.hybrid_enrollment_a],
          may_change=(), label="(junk choice)"),
    Visit("events:leave_waiting_list", expect(404, anonymous=LOGIN, member_a=REDIRECT),
          lambda w: {"pk": w.waitlisted_a.pk}, method="post",
          unchanged=lambda w: [w.waitlisted_a], may_change=("member_a",)),
    # The signed link in an e-mail: whoever holds it sees what it gives up (the event), and may give it up.
    Visit("events:release", EVERYONE, lambda w: {"token": w.release_token_a}, may_show=(PRIVATE_A,)),
    Visit("events:release", EVERYONE, lambda w: {"token": w.release_token_a}, method="post", may_show=(PRIVATE_A,),
          unchanged=lambda w: [w.enrollment_a], may_change=PERSONAS),
    Visit("events:release", expect(404), lambda w: {"token": w.release_token_a[:-3] + "abc"}, label="(forged)"),
    Visit("events:release", expect(404), path=lambda w: "/en/events/release/%00/"),
    # Public verification of a certificate: the holder's name (member A's carries the marker), course and date.
    Visit("certificates:verify", EVERYONE, lambda w: {"code": w.certificate_a.code}, may_show=(PRIVATE_A,)),
    Visit("certificates:verify", expect(404), lambda w: {"code": "ABCDEFGHJKMN"}, label="(unknown code)"),
    Visit("certificates:verify", expect(404), path=lambda w: "/en/certificates/%00/"),
    # The material bank
    Visit("materials:index", EVERYONE),
    Visit("materials:index", EVERYONE, query="?q=%00&year=abc&kind=x&page=-1"),
    Visit("materials:download", expect(REDIRECT), lambda w: {"pk": w.public_material.pk}),
    Visit("materials:download", expect(REDIRECT, anonymous=LOGIN), lambda w: {"pk": w.members_material.pk}),
    # The newsletter
    Visit("newsletter:index", EVERYONE),
    Visit("newsletter:index", expect(400), method="post", data=lambda w: {"email": "not an address"}),
    Visit("newsletter:subscribed", EVERYONE),
    Visit("newsletter:confirm", EVERYONE, lambda w: {"token": w.pending_subscriber.token}),
    Visit("newsletter:confirm", expect(REDIRECT), lambda w: {"token": w.pending_subscriber.token}, method="post"),
    Visit("newsletter:confirm", expect(404), path=lambda w: "/en/newsletter/confirm/%00/"),
    Visit("newsletter:confirmed", EVERYONE),
    Visit("newsletter:unsubscribe", EVERYONE, lambda w: {"token": w.active_subscriber.unsubscribe_token}),
    Visit("newsletter:unsubscribe", EVERYONE, lambda w: {"token": w.active_subscriber.unsubscribe_token},
          method="post"),
    # The confirmation link's token is no key to the unsubscribe page.
    Visit("newsletter:unsubscribe", expect(404), lambda w: {"token": w.active_subscriber.token}, method="post",
          unchanged=lambda w: [w.active_subscriber], may_change=(), label="(the confirmation token)"),
    Visit("newsletter:unsubscribe", expect(404), path=lambda w: "/en/newsletter/unsubscribe/%00/", method="post"),
    Visit("newsletter:member_subscription", expect(REDIRECT, anonymous=LOGIN), method="post",
          data=lambda w: {"action": "subscribe"}),
    # Leading HYTE
    Visit("leading:guidance", EVERYONE),
    Visit("leading:regional", MEMBERS),
    Visit("leading:answers_csv", expect(403, anonymous=LOGIN, staff=OK)),  # every county's drafts too: staff
    Visit("leading:county", MEMBERS, lambda w: {"county": COUNTY}),
    Visit("leading:county", expect(404, anonymous=LOGIN), lambda w: {"county": "atlantis"}),
    Visit("leading:county_answers_csv", expect(403, anonymous=LOGIN, staff=OK), lambda w: {"county": COUNTY}),
    Visit("leading:start", expect(REDIRECT, anonymous=LOGIN), lambda w: {"county": COUNTY}, method="post"),
    Visit("leading:assessment", MEMBERS, lambda w: {"county": COUNTY, "pk": w.assessment.pk}),
    Visit("leading:assessment", expect(404, anonymous=LOGIN),
          lambda w: {"county": COUNTY, "pk": w.draft_assessment.pk}),
    Visit("leading:edit", expect(REDIRECT, anonymous=LOGIN, member_a=OK, staff=OK),
          lambda w: {"county": COUNTY, "pk": w.draft_assessment.pk}),
    Visit("leading:discard", expect(REDIRECT, anonymous=LOGIN),
          lambda w: {"county": COUNTY, "pk": w.draft_assessment.pk},
          method="post", unchanged=lambda w: [w.draft_assessment], may_change=("member_a", "staff")),
    Visit("leading:pdf", MEMBERS, lambda w: {"county": COUNTY, "pk": w.assessment.pk}),
    # The legal and content pages
    Visit("pages:privacy", EVERYONE),
    Visit("pages:accessibility", EVERYONE),
    Visit("pages:about", EVERYONE),
    Visit("pages:contact", EVERYONE),
    Visit("pages:contact", expect(400), method="post", data=lambda w: {"message": ""}),
    Visit("pages:contact_thanks", EVERYONE),
]


def _content_type_id(model) -> int:
    return ContentType.objects.get_for_model(model).pk


# --- The admin's URLs that are not a ModelAdmin's standard pages -------------------------------------------------
ADMIN_EXTRA = [
    Visit("admin:index", STAFF_ONLY, path=lambda w: "/admin/"),
    Visit("admin:login", expect(REDIRECT, anonymous=LOGIN, member_a=403, member_b=403)),  # allauth's login
    Visit("admin:logout", expect(DONE), method="post"),
    Visit("admin:password_change", STAFF_ONLY),
    Visit("admin:password_change_done", STAFF_ONLY),
    Visit("admin:autocomplete", expect(403, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN, member_b=ADMIN_LOGIN)),
    Visit("admin:jsi18n", STAFF_ONLY),
    Visit("admin:app_list", STAFF_ONLY, lambda w: {"app_label": "networks"}),
    Visit("admin:app_list", expect(404, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN, member_b=ADMIN_LOGIN, staff=OK),
          lambda w: {"app_label": "auth"}),
    Visit("admin/(?P<url>.*)$", expect(404, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN, member_b=ADMIN_LOGIN),
          path=lambda w: "/admin/no/such/page/"),
    Visit("admin:auth_user_password_change", expect(403, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN,
          member_b=ADMIN_LOGIN, staff=OK), lambda w: {"id": w.member_a.pk}),
    # The checked "view on site" redirect: only to an object the person may view in the admin; never to a URL
    # that carries a secret (a member's calendar feed).
    Visit("admin_view_on_site", expect(404, staff=REDIRECT, coordinator_a=REDIRECT),
          lambda w: {"content_type_id": _content_type_id(w.draft_event_a), "object_id": w.draft_event_a.pk}),
    Visit("admin_view_on_site", expect(404),
          lambda w: {"content_type_id": _content_type_id(w.feed_a), "object_id": w.feed_a.pk}),
    # Django's own unchecked redirect: a content type id that is not plain digits ("+8") must not reach it.
    Visit("admin:view_on_site", expect(404),
          path=lambda w: f"/admin/r/+{_content_type_id(w.feed_a)}/{w.feed_a.pk}/"),
    # A course's check-in codes and completion: staff, and the coordinators of the event's network.
    Visit("admin:events_event_checkin", expect(ADMIN_LOGIN, coordinator_a=OK, coordinator_b=404, staff=OK),
          lambda w: {"object_id": w.members_event_a.pk}),
    Visit("admin:events_event_checkin", expect(ADMIN_LOGIN, coordinator_a=REDIRECT, coordinator_b=404,
          staff=REDIRECT), lambda w: {"object_id": w.members_event_a.pk}, method="post",
          data=lambda w: {"code": w.checkin_code_a.pk}, unchanged=lambda w: [w.checkin_code_a],
          may_change=("staff", "coordinator_a")),
    # Renewing a code through another event's page (network B's code via A's event): missing, nothing renewed.
    Visit("admin:events_event_checkin", expect(ADMIN_LOGIN, coordinator_a=404, coordinator_b=404, staff=404),
          lambda w: {"object_id": w.members_event_a.pk}, method="post", data=lambda w: {"code": w.session_code_b.pk},
          unchanged=lambda w: [w.session_code_b], may_change=(), label="(another event's code)"),
    Visit("admin:events_event_checkin", expect(ADMIN_LOGIN, coordinator_a=404, coordinator_b=OK, staff=OK),
          lambda w: {"object_id": w.members_event_b.pk}),
    Visit("admin:events_event_completion", expect(ADMIN_LOGIN, coordinator_a=OK, coordinator_b=404, staff=OK),
          lambda w: {"object_id": w.past_event_a.pk}),
    Visit("admin:events_event_completion", expect(ADMIN_LOGIN, coordinator_a=404, coordinator_b=OK, staff=OK),
          lambda w: {"object_id": w.past_event_b.pk}),
    # The statistics: every staff user, a coordinator for their own networks.
    Visit("reports:statistics", STAFF_ONLY),
    Visit("reports:annual_report_pdf", STAFF_ONLY),
    Visit("reports:figures_csv", STAFF_ONLY),
    Visit("reports:statistics", expect(OK, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN, member_b=ADMIN_LOGIN,
          coordinator_a=400), path=lambda w: f"/admin/statistics/?network={w.network_b.pk}"),
    # The newsletter issue's own pages: staff only (coordinators have no newsletter permissions).
    Visit("admin:newsletter_issue_preview", expect(403, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN,
          member_b=ADMIN_LOGIN, staff=OK), lambda w: {"issue_id": w.issue.pk, "language": "en"}),
    Visit("admin:newsletter_issue_send_test", expect(403, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN,
          member_b=ADMIN_LOGIN, staff=REDIRECT), lambda w: {"issue_id": w.issue.pk}, method="post"),
    Visit("admin:newsletter_issue_send", expect(403, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN,
          member_b=ADMIN_LOGIN, staff=OK), lambda w: {"issue_id": w.issue.pk}),
    Visit("admin:newsletter_issue_unschedule", expect(403, anonymous=ADMIN_LOGIN, member_a=ADMIN_LOGIN,
          member_b=ADMIN_LOGIN, staff=REDIRECT), lambda w: {"issue_id": w.issue.pk}, method="post"),
]


# --- The admin's models -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AdminRows:
    """A registered model's rows in the world and who may do what with them in the admin.

    `row_a`, `row_b`: attribute names in the world of a row on network A's and on network B's side; `row_b` is None
    for a model that belongs to no network (coordinators see all of its rows or none). `coordinator`, `staff`:
    what a coordinator may do with their own network's rows and what a superuser may do, among
    "view add change delete" (a ModelAdmin may refuse even a superuser, e.g. the audit trail is read-only).
    """

    row_a: str
    row_b: str | None = None
    coordinator: str = ""
    staff: str = "view add change delete"


ADMIN_MODELS = {
    "auth.group": AdminRows("group"),
    "sites.site": AdminRows("site"),
    "account.emailaddress": AdminRows("email_address"),
    "mfa.authenticator": AdminRows("authenticator"),
    "accounts.user": AdminRows("member_a"),
    "networks.network": AdminRows("network_a", "network_b", coordinator="view change"),
    "networks.membership": AdminRows("pending_a", "pending_b", coordinator="view change"),
    "networks.invitation": AdminRows("invitation_a", "invitation_b", coordinator="view add"),
    "events.event": AdminRows("members_event_a", "members_event_b", coordinator="view add change"),
    "events.eventseries": AdminRows("series_a", "series_b", coordinator="view add change"),
    "events.enrollment": AdminRows("enrollment_a", "enrollment_b", coordinator="view change",
                                   staff="view change delete"),
    "events.certificate": AdminRows("certificate_a", "certificate_b", coordinator="view", staff="view change delete"),
    "events.sessionattendance": AdminRows("attendance_a", "attendance_b", coordinator="view",
                                          staff="view change delete"),
    # Read-only: members subscribe and leave on the site; coordinators have no permission on it.
    "events.seriessubscription": AdminRows("subscription_a", "subscription_b", staff="view delete"),
    "events.reminderdelivery": AdminRows("reminder_a", "reminder_b", staff="view change delete"),
    "materials.material": AdminRows("members_material"),
    "newsletter.newsletterissue": AdminRows("issue"),
    "newsletter.subscriber": AdminRows("active_subscriber"),
    "newsletter.delivery": AdminRows("delivery", staff="view delete"),
    "audit.auditentry": AdminRows("audit_a", "audit_b", coordinator="view", staff="view"),
    "pages.contentpage": AdminRows("privacy_page", staff="view change"),
    "pages.feedback": AdminRows("feedback", staff="view change delete"),
    "leading.guidancesection": AdminRows("guidance_section"),
    # An answered checklist is locked; assessments are made on the portal's pages, never in the admin.
    "leading.checklistversion": AdminRows("checklist", staff="view add change"),
    "leading.checklistgroup": AdminRows("checklist_group", staff="view add change"),
    "leading.countyeditor": AdminRows("county_editor"),
    "leading.assessment": AdminRows("assessment", staff="view change"),
}

ADMIN_PAGE_NEEDS = {"changelist": "view change", "add": "add", "change": "view change", "history": "view change",
                    "delete": "delete"}
NOT_STAFF = ("anonymous", "member_a", "member_b")


def _admin_outcome(rows: AdminRows, page: str, persona: str, side: str | None):
    """What `persona` gets on an admin page (`side`: whose row the page is about, None for the model's pages)."""
    if persona in NOT_STAFF:
        return ADMIN_LOGIN
    if persona.startswith("coordinator"):
        if rows.row_b is not None and side is not None and side != persona[-1]:
            return 404  # another network's row is answered as a missing one
        allowed = rows.coordinator
    else:
        allowed = rows.staff
    return OK if set(ADMIN_PAGE_NEEDS[page].split()) & set(allowed.split()) else 403


def admin_visits(model_admins) -> list[Visit]:
    """Every standard page of every registered ModelAdmin, and every action it offers a superuser on row A.

    `model_admins`: {model label: (model admin, the names of the actions it offers a superuser)}. A model missing
    from ADMIN_MODELS fails the matrix (test_every_registered_model_has_rows).
    """
    visits = []
    for label, (model_admin, action_names) in sorted(model_admins.items()):
        rows = ADMIN_MODELS.get(label)
        if rows is None:
            continue
        opts = model_admin.model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        for page in ("changelist", "add"):
            outcome = {persona: _admin_outcome(rows, page, persona, None) for persona in PERSONAS}
            visits.append(Visit(f"{prefix}_{page}", outcome))
        sides = [("a", rows.row_a)] + ([("b", rows.row_b)] if rows.row_b else [])
        for side, attribute in sides:
            object_id = lambda w, attribute=attribute: {"object_id": getattr(w, attribute).pk}  # noqa: E731
            for page in ("change", "history", "delete"):
                outcome = {persona: _admin_outcome(rows, page, persona, side) for persona in PERSONAS}
                visits.append(Visit(f"{prefix}_{page}", outcome, object_id))
            if side == "b":
                continue
            # The admin's old address of a change page redirects to it, for any staff user (the page then checks).
            visits.append(
                Visit(
                    f"admin/{opts.app_label}/{opts.model_name}/<path:object_id>/",
                    expect(REDIRECT, **dict.fromkeys(NOT_STAFF, ADMIN_LOGIN)),
                    path=lambda w, a=attribute, o=opts: f"/admin/{o.app_label}/{o.model_name}/{getattr(w, a).pk}/",
                )
            )
        if action_names:
            # A forged or broken action POST naming rows by junk: the admin's "select items first", nothing done.
            visits.append(
                Visit(
                    f"{prefix}_changelist",
                    expect(REDIRECT),
                    method="post",
                    data=lambda w, action=action_names[0]: {"action": action, "_selected_action": ["abc", "\x00"]},
                    unchanged=lambda w, a=rows.row_a: [getattr(w, a)],
                    may_change=(),
                    label=f"action {action_names[0]} on junk ids",
                )
            )
        for action in action_names:
            outcome = {}
            for persona in PERSONAS:
                may_view = _admin_outcome(rows, "changelist", persona, None)
                outcome[persona] = DONE if may_view == OK else may_view
            visits.append(
                Visit(
                    f"{prefix}_changelist",
                    outcome,
                    method="post",
                    data=lambda w, a=rows.row_a, action=action: {
                        "action": action,
                        "_selected_action": [getattr(w, a).pk],
                    },
                    unchanged=lambda w, a=rows.row_a: [getattr(w, a)],
                    may_change=("staff", "coordinator_a"),
                    label=f"action {action}",
                )
            )
    return visits
