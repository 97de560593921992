"""The report's sections (reach, events, morning meetings, networks, newsletter, material bank) from the selectors'
figures, with their charts and tables, and build_report() that puts them together for a scope."""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from accounts.models import User
from events.models import EventKind
from materials.models import Material

from . import selectors
from .report import Days, Panel, Percent, Report, Section, Table, period_label, short_date
from .scope import ReportScope


def _rate(part, whole):
    return Percent(100 * part / whole) if whole else None


def _days(duration):
    return Days(duration.total_seconds() / 86400) if duration is not None else None


def _month(value) -> str:
    return formats.date_format(value, "YEAR_MONTH_FORMAT")


def _month_short(value) -> str:
    return f"{value.month}/{value.year}"


def _people(groups: list[tuple[object, str]], figures: dict, *, caption, column) -> Table:
    rows = [
        [label, figures.get(group, {}).get("enrolled", 0), figures.get(group, {}).get("attended", 0)]
        for group, label in groups
    ]
    return Table(caption, [column, _("Enrolled"), _("Attended")], rows)


def reach_section(scope: ReportScope, networks) -> Section:
    figures = selectors.reach(scope)
    totals = figures["total"]
    not_given = _("Not given")
    network_groups = [(network.pk, network.name) for network in networks]
    if scope.network_ids is None:
        network_groups.append((None, _("Events outside networks")))
    by_region = _people(
        [*User.Region.choices, ("", not_given)],
        figures["region"],
        caption=_("Professionals by wellbeing services county"),
        column=_("Wellbeing services county"),
    )
    by_profession = _people(
        [*User.Profession.choices, ("", not_given)],
        figures["profession"],
        caption=_("Professionals by profession"),
        column=_("Profession"),
    )
    by_network = _people(
        network_groups,
        selectors.reach_by_network(scope),
        caption=_("Professionals by network"),
        column=_("Network"),
    )
    return Section(
        "reach",
        _("Reach"),
        facts=[
            (_("Professionals enrolled"), totals["enrolled"]),
            (_("Professionals who attended"), totals["attended"]),
            (_("New professionals (first enrolment in these events)"), totals["new"]),
        ],
        panels=[
            by_region.with_chart(
                "bar",
                "reach-region",
                _("Bar chart of the professionals who enrolled and who attended, by county."),
                [1, 2],
            ),
            by_profession.with_chart(
                "bar",
                "reach-profession",
                _("Bar chart of the professionals who enrolled and who attended, by profession."),
                [1, 2],
            ),
            by_network.with_chart(
                "bar",
                "reach-network",
                _("Bar chart of the professionals who enrolled and who attended, by the event's network."),
                [1, 2],
            ),
        ],
        notes=[_("Enrolled: a confirmed seat in a published event of the period. Attended: marked present.")],
    )


def events_section(scope: ReportScope) -> Section:
    figures = selectors.events_by_kind(scope)
    kinds = [(label, figures[kind]) for kind, label in EventKind.choices]
    attendance = Table(
        _("Events and attendance by kind"),
        [
            _("Kind"),
            _("Events"),
            _("Cancelled events"),
            _("Enrolments"),
            _("Attended"),
            _("Attendance rate"),
            _("No-shows"),
            _("Events with attendance not marked"),
        ],
        [
            [
                label,
                f["events"],
                f["cancelled_events"],
                f["enrolments"],
                f["attended"],
                _rate(f["attended"], f["enrolments_marked"]),
                f["no_shows"],
                f["unmarked_events"],
            ]
            for label, f in kinds
        ],
    )
    pressure = Table(
        _("Cancellations, waiting lists and hybrid events by kind"),
        [
            _("Kind"),
            _("Cancelled enrolments"),
            _("Events that filled"),
            _("People who never got a seat"),
            _("Hybrid events"),
            _("Hybrid: on site"),
            _("Hybrid: online"),
        ],
        [
            [
                label,
                f["cancellations"],
                f["filled_events"],
                f["never_seated"],
                f["hybrid_events"],
                f["hybrid_onsite"],
                f["hybrid_online"],
            ]
            for label, f in kinds
        ],
    )
    total = {name: sum(f[name] for _label, f in kinds) for name in ("events", "enrolments", "attended")}
    marked = sum(f["enrolments_marked"] for _label, f in kinds)
    return Section(
        "events",
        _("Events"),
        facts=[
            (_("Events"), total["events"]),
            (_("Enrolments"), total["enrolments"]),
            (_("Attendance rate"), _rate(total["attended"], marked)),
        ],
        panels=[
            attendance.with_chart(
                "bar",
                "events-kind",
                _("Bar chart of the enrolments and the participants present in each kind of event."),
                [3, 4],
            ),
            pressure.with_chart(
                "bar",
                "events-hybrid",
                _("Bar chart of the confirmed participants of hybrid events on site and online, by kind."),
                [5, 6],
                title=_("Hybrid events: on site or online"),
                skip_empty=True,
            ),
        ],
        notes=[
            _("The attendance rate and no-shows count only the events whose attendance was marked."),
            _("People who never got a seat: still on the waiting list when the event ended."),
        ],
    )


def morning_meetings_section(scope: ReportScope) -> Section:
    meetings = selectors.morning_meetings(scope)
    table = Table(
        _("Morning meetings"),
        [_("Date"), _("Topic"), _("Enrolled"), _("Attended"), _("On the waiting list")],
        [[short_date(m.start), m.title, m.enrolled, m.attended, m.waitlisted] for m in meetings],
    )
    present = sum(row[3] for row in table.rows)
    chart = table.chart(
        "bar",
        "morning-meetings",
        _("Bar chart of the professionals enrolled and present at each morning meeting, by date."),
        [2, 3],
        title=_("Morning meetings month by month"),
    )
    return Section(
        "morning-meetings",
        _("The morning meeting series"),
        facts=[
            (_("Morning meetings"), len(meetings)),
            (_("Present per meeting on average"), float(present / len(meetings)) if meetings else None),
        ],
        panels=[Panel(table, [chart])],
    )


def networks_section(scope: ReportScope, networks) -> Section:
    totals = selectors.membership_totals(scope)
    by_network = selectors.membership_by_network(scope)
    monthly = Table(
        _("Members month by month"),
        [_("Month"), _("Members who joined"), _("Members who left"), _("Members at the end of the month")],
        [[_month(m["month"]), m["joins"], m["leaves"], m["members"]] for m in totals["months"]],
    )
    rows = []
    for network in networks:
        f = by_network.get(network.pk, {})
        rows.append(
            [
                network.name,
                f.get("joins", 0),
                f.get("leaves", 0),
                f.get("members_at_end", 0),
                f.get("decided", 0),
                _days(f.get("average_wait")),
                _days(f.get("longest_wait")),
                f.get("pending_now", 0),
            ]
        )
    per_network = Table(
        _("Networks"),
        [
            _("Network"),
            _("Members who joined"),
            _("Members who left"),
            _("Members at the end of the period"),
            _("Decisions on requests"),
            _("Average wait for a decision (days)"),
            _("Longest wait (days)"),
            _("Requests waiting now"),
        ],
        rows,
    )
    oldest = totals["oldest_pending"]
    return Section(
        "networks",
        _("Networks"),
        facts=[
            (_("Members who joined"), totals["joins"]),
            (_("Members who left"), totals["leaves"]),
            (_("Members at the end of the period"), totals["members_at_end"]),
            (_("Requests waiting for a decision now"), totals["pending_now"]),
            (_("Oldest waiting request sent"), short_date(oldest) if oldest else None),
            (_("Decisions on requests"), totals["decided"]),
            (_("Average wait for a decision (days)"), _days(totals["average_wait"])),
            (_("Longest wait (days)"), _days(totals["longest_wait"])),
        ],
        panels=[
            Panel(
                monthly,
                [
                    monthly.chart(
                        "line",
                        "network-members",
                        _("Line chart of the networks' members at the end of each month."),
                        [3],
                        categories=[_month_short(m["month"]) for m in totals["months"]],
                    ),
                    monthly.chart(
                        "bar",
                        "network-joins",
                        _("Bar chart of the memberships that began and ended each month."),
                        [1, 2],
                        title=_("Joined and left each month"),
                    ),
                ],
            ),
            per_network.with_chart(
                "bar",
                "network-sizes",
                _("Bar chart of each network's members at the end of the period."),
                [3],
                title=_("Members at the end of the period by network"),
            ),
        ],
        notes=[_("Joined: the first day as a member. Left: the last departure. Wait: from request to decision.")],
    )


def newsletter_section(scope: ReportScope) -> Section:
    figures = selectors.subscribers_by_language(scope)
    issues = selectors.sent_issues(scope)
    languages = [(code, str(name)) for code, name in settings.LANGUAGES]
    per_language = figures["languages"]
    over_time = Table(
        _("Subscribers at the end of each month"),
        [_("Month"), *(name for _code, name in languages)],
        [
            [_month(month), *(per_language[code]["months"][index] for code, _name in languages)]
            for index, month in enumerate(figures["months"])
        ],
    )
    by_language = Table(
        _("Subscribers by language"),
        [_("Language"), _("Subscribers at the end of the period"), _("New subscriptions"), _("Unsubscriptions")],
        [
            [name, per_language[code]["at_end"], per_language[code]["new"], per_language[code]["left"]]
            for code, name in languages
        ],
    )
    by_issue = Table(
        _("Issues sent"),
        [_("Sent"), _("Subject"), _("Delivered"), _("Delivery failures"), _("Unsubscribed after the issue")],
        [[short_date(i.sent_at), i.subject, i.delivered, i.failed, i.unsubscribed] for i in issues],
    )
    return Section(
        "newsletter",
        _("Newsletter"),
        facts=[
            (_("Subscribers at the end of the period"), sum(f["at_end"] for f in per_language.values())),
            (_("Issues sent"), len(issues)),
            (_("New subscriptions"), sum(f["new"] for f in per_language.values())),
            (_("Unsubscriptions"), sum(f["left"] for f in per_language.values())),
        ],
        panels=[
            over_time.with_chart(
                "line",
                "newsletter-subscribers",
                _("Line chart of the newsletter's subscribers in each language at the end of each month."),
                [1, 2, 3],
                categories=[_month_short(month) for month in figures["months"]],
            ),
            Panel(by_language),
            by_issue.with_chart(
                "bar",
                "newsletter-issues",
                _("Bar chart of the failed deliveries of each issue and of the unsubscriptions after it."),
                [3, 4],
                categories=[f"{row[0]} {row[1]}" for row in by_issue.rows],
            ),
        ],
    )


def materials_section(scope: ReportScope) -> Section:
    figures = selectors.downloads_by_kind(scope)
    by_kind = Table(
        _("Downloads by kind"),
        [_("Kind"), _("Materials"), _("Downloads")],
        [[label, figures[kind]["materials"], figures[kind]["downloads"]] for kind, label in Material.Kind.choices],
    )
    most = Table(
        _("Most downloaded materials"),
        [_("Material"), _("Kind"), _("Downloads")],
        [[m.title, m.get_kind_display(), m.download_count] for m in selectors.most_downloaded(scope)],
    )
    return Section(
        "materials",
        _("Material bank"),
        facts=[
            (_("Materials"), sum(row[1] for row in by_kind.rows)),
            (_("Downloads"), sum(row[2] for row in by_kind.rows)),
        ],
        panels=[
            by_kind.with_chart("bar", "materials-kind", _("Bar chart of the downloads of each kind of material."), [2]),
            Panel(most, [most.chart("bar", "materials-top", _("Bar chart of the materials downloaded most."), [2])]),
        ],
        notes=[_("Downloads are counted from the day each material was added: the bank does not record when.")],
    )


def build_report(scope: ReportScope, networks) -> Report:
    """The whole report for the scope; `networks` are those a person may pick (the scope's own are named)."""
    if scope.network_ids is not None:
        networks = [network for network in networks if network.pk in scope.network_ids]
    sections = [
        reach_section(scope, networks),
        events_section(scope),
        morning_meetings_section(scope),
        networks_section(scope, networks),
    ]
    if scope.includes_newsletter:
        sections.append(newsletter_section(scope))
    sections.append(materials_section(scope))
    if scope.year:
        title = _("Annual activity report %(year)s") % {"year": scope.year}
    else:
        title = _("Activity report %(period)s") % {"period": period_label(scope)}
    if scope.network_ids is None:
        networks_label = _("All networks and the events outside networks")
    else:
        networks_label = ", ".join(network.name for network in networks) or _("No networks")
    return Report(scope, title, period_label(scope), networks_label, sections)
