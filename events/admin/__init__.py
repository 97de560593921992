"""The staff interface for events, series and enrolments. Every action calls a service.

- events: the event pages of the admin, and what saving an event sets off;
- event_actions: the actions on events (duplicate, cancel, export, attendance, messages, certificates);
- series: recurring series and generating their occurrences;
- enrollments: enrolments, certificates, session attendances and reminder deliveries;
- action_pages: the page an action shows before it acts.

Network coordinators (staff users in the "Network coordinators" group who are not superusers) see and manage
only their own networks' events, series and enrolments (networks.admin_scoping.NetworkScopedAdminMixin).
"""

from . import enrollments, events, series  # noqa: F401 (importing a module registers its ModelAdmins)
