"""Everything that changes a membership: joining, asking to join, leaving, and the coordinators' decisions.

One row per user and network (a unique constraint) holds the whole life cycle: pending -> active or rejected,
active -> left, and left or rejected -> pending or active again. The dates on the row are never erased:
`requested_at` is the first request, `joined_at` the first day as a member, `left_at` the last departure, and
`status_changed_at` says since when the current status holds.

Coordinators do not add people: they invite an e-mail address (invite_member), and the person becomes a member
by accepting (accept_invitation), so that nobody is put in a network, and in its exports, without consenting.
(The invitations stay in this module, past 400 lines, because they share the row claim and the mail claim below.)

The e-mails go out from Celery tasks queued on commit. Each is claimed, sent and marked as sent without holding
a row lock over the SMTP conversation: a short transaction sets the "mailed" mark, the message goes out after it,
and a failed send takes the mark back so that the task's retry sends it. (A worker killed between the mark and
the send loses that one message rather than sending it twice.)

Decisions (adding, approving, rejecting, leaving) and the roles staff grant or remove in the network form
(save_roles) write their audit entry in the same transaction.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.selectors import user_with_email
from audit.services import forget_details_of, record
from hyte_portal.errors import DomainError

from . import selectors
from .models import Invitation, Membership, Network, NetworkRole

ERRORS = {
    "network_closed": _("%(network)s does not take new members at the moment."),
    "invitation_only": _("%(network)s is open by invitation only. Please get in touch with its contact people."),
    "already_member": _("You are already a member of %(network)s."),
    "already_pending": _("Your request to join %(network)s is already waiting for a decision."),
    "not_member": _("You are not a member of %(network)s."),
    "already_decided": _("The request of %(person)s to join %(network)s has already been decided."),
    "has_membership": _("%(person)s already has a membership in %(network)s; find it in the list to see its status."),
    "invitation_unknown": _(
        "This invitation link is not valid. Check that you copied the whole link from the message."
    ),
    "invitation_expired": _(
        "This invitation to %(network)s has expired. Ask the network's coordinators for a new one."
    ),
    "invitation_used": _("This invitation to %(network)s has already been accepted."),
    "invitation_replaced": _(
        "A newer invitation to %(network)s has been sent to the same address. Use the link in the newest message."
    ),
    "invitation_other_address": _(
        "This invitation to %(network)s was sent to %(email)s. Log in with that address to accept it."
    ),
}


class MembershipError(DomainError):
    """A membership operation that the rules do not allow; `code` names the rule (a key of ERRORS)."""

    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(ERRORS[code] % params)


def join_network(*, user, network: Network) -> Membership:
    """Join an open network at once, or ask to join a network whose coordinators approve members.

    Returns the membership, active or pending. Raises MembershipError if the network takes no members this way
    or the user is already in (or waiting). Two simultaneous calls make one row: the unique constraint on
    (user, network) lets one insert win, and the other finds that row, locks it and sees that it is taken.
    """
    if not network.is_active:
        raise MembershipError("network_closed", network=network.name)
    if network.join_policy == Network.JoinPolicy.INVITATION:
        raise MembershipError("invitation_only", network=network.name)
    now = timezone.now()
    target = Membership.Status.ACTIVE if network.join_policy == Network.JoinPolicy.OPEN else Membership.Status.PENDING
    with transaction.atomic():
        membership, created = _claim_membership(user=user, network=network, status=target, now=now)
        if not created:
            if membership.status == Membership.Status.ACTIVE:
                raise MembershipError("already_member", network=network.name)
            if membership.status == Membership.Status.PENDING:
                raise MembershipError("already_pending", network=network.name)
            # Coming back after leaving, or asking again after a rejection: the same row, a new status.
            _change_status(membership, status=target, now=now)
        if membership.status == Membership.Status.PENDING:
            _queue_request_mail(membership)
    return membership


def add_member(*, network: Network, user, status: str, added_by) -> Membership:
    """Add a person to a network by hand (the admin): an active member at once, or a request waiting for a decision.

    The coordinators' way in for invitation networks and for adding someone on their behalf, in any network.
    It keeps join_network's rules: one row per person and network, and a person who left or was rejected gets
    their row back with its dates. An active member is recorded as decided by `added_by` and gets the decision
    e-mail; a pending request is announced to the coordinators like a request from the join button. Raises
    MembershipError if the person is already a member or waiting for a decision.
    """
    if status not in (Membership.Status.ACTIVE, Membership.Status.PENDING):
        raise ValueError(f"a member is added as active or pending, not {status!r}")
    now = timezone.now()
    with transaction.atomic():
        membership, created = _claim_membership(user=user, network=network, status=status, now=now)
        if not created:
            _refuse_current_membership(membership)
        decided_by = added_by if status == Membership.Status.ACTIVE else None
        _change_status(membership, status=status, now=now, decided_by=decided_by)
        _record(membership, "membership.added", actor=added_by, details={"status": status})
        if status == Membership.Status.ACTIVE:
            _queue_decision_mail(membership)
        else:
            _queue_request_mail(membership)
    return membership


def invite_member(*, network: Network, email: str, invited_by, language: str = settings.LANGUAGE_CODE) -> Invitation:
    """Invite an e-mail address to join a network; the person becomes a member only by accepting the invitation.

    The coordinators' way to bring someone in: it does the same and answers the same whether or not the address
    has an account, so that inviting tells nobody which addresses do. A waiting invitation of the same address
    to the same network is replaced, so that only the newest link works. The message goes out from a task queued
    on commit, in the account's language or else in `language`. Raises MembershipError for an inactive network.
    """
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        # One invitation of a network at a time: replacing the waiting one and inserting the new one cannot race.
        network = Network.objects.select_for_update().get(pk=network.pk)
        if not network.is_active:
            raise MembershipError("network_closed", network=network.name)
        Invitation.objects.filter(network=network, email=email, status=Invitation.Status.PENDING).update(
            status=Invitation.Status.REPLACED
        )
        invitation = Invitation.objects.create(
            network=network,
            email=email,
            language=language,
            invited_by=invited_by,
            created_at=now,
            expires_at=now + Invitation.VALID_FOR,
        )
        person = user_with_email(email)  # for the trail only, so that erasing the account blanks the address
        record(
            actor=invited_by,
            action="membership.invited",
            obj=invitation,
            network=network,
            person=person,
            details={"email": email},
        )
        _queue_invitation_mail(invitation)
    return invitation


def ensure_invitation_acceptable(invitation: Invitation, *, user, now=None) -> None:
    """Raise MembershipError if the user cannot accept the invitation now; the invitation page asks before offering
    the button. For someone not logged in only the invitation itself is judged (used, replaced, expired)."""
    network = invitation.network
    if invitation.status == Invitation.Status.ACCEPTED:
        raise MembershipError("invitation_used", network=network.name)
    if invitation.status == Invitation.Status.REPLACED:
        raise MembershipError("invitation_replaced", network=network.name)
    if invitation.is_expired(now):
        raise MembershipError("invitation_expired", network=network.name)
    if not network.is_active:
        raise MembershipError("network_closed", network=network.name)
    if user.is_authenticated and user.email.lower() != invitation.email:
        raise MembershipError("invitation_other_address", network=network.name, email=invitation.email)


def accept_invitation(*, token: str, user) -> Membership:
    """The invited person accepts: they become an active member, recorded as decided by whoever invited them.

    Only a logged-in account with the address the invitation was sent to may accept it, once, before it expires;
    otherwise MembershipError says why and nothing changes. A pending request, or a membership that was left or
    rejected, becomes active on its own row. The acceptance is recorded in the audit trail.
    """
    if not Invitation.has_token_shape(token):
        raise MembershipError("invitation_unknown")
    if not user.is_authenticated:
        raise ValueError("an invitation is accepted by a logged-in account")
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("network", "invited_by")
            .filter(token=token)
            .first()
        )
        if invitation is None:
            raise MembershipError("invitation_unknown")
        ensure_invitation_acceptable(invitation, user=user, now=now)
        network = invitation.network
        membership, created = _claim_membership(user=user, network=network, status=Membership.Status.ACTIVE, now=now)
        if created or membership.status != Membership.Status.ACTIVE:
            _change_status(membership, status=Membership.Status.ACTIVE, now=now, decided_by=invitation.invited_by)
        invitation.status = Invitation.Status.ACCEPTED
        invitation.accepted_at = now
        invitation.accepted_by = user
        invitation.save(update_fields=["status", "accepted_at", "accepted_by"])
        record(
            actor=user,
            action="membership.invitation_accepted",
            obj=membership,
            network=network,
            person=user,
            details={"invitation": invitation.pk},
        )
    return membership


def ensure_member_can_be_added(*, user, network: Network) -> None:
    """Raise MembershipError if add_member would refuse the person; the admin's form asks before saving."""
    membership = Membership.objects.filter(user=user, network=network).select_related("user", "network").first()
    _refuse_current_membership(membership)


def _refuse_current_membership(membership: Membership | None) -> None:
    if membership is not None and membership.status in (Membership.Status.ACTIVE, Membership.Status.PENDING):
        raise MembershipError("has_membership", person=str(membership.user), network=membership.network.name)


def _claim_membership(*, user, network, status, now) -> tuple[Membership, bool]:
    """Insert the user's row for the network, or lock the existing one; (membership, created).

    get_or_create inserts in a savepoint and, when a concurrent insert wins the unique constraint, turns the
    IntegrityError into a read of the winner's row. The row is then locked so that its status can be checked
    and changed without a lost update.
    """
    membership, created = Membership.objects.get_or_create(
        user=user,
        network=network,
        defaults={
            "status": status,
            "status_changed_at": now,
            "joined_at": now if status == Membership.Status.ACTIVE else None,
        },
    )
    if not created:
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
    return membership, created


def _change_status(membership: Membership, *, status, now, decided_by=None) -> None:
    """Give a locked row its new status, keeping its history: `joined_at` stays the first day as a member."""
    membership.status = status
    membership.status_changed_at = now
    fields = ["status", "status_changed_at"]
    if status == Membership.Status.ACTIVE and membership.joined_at is None:
        membership.joined_at = now
        fields.append("joined_at")
    if decided_by is not None:
        membership.decided_at = now
        membership.decided_by = decided_by
        fields += ["decided_at", "decided_by"]
    membership.save(update_fields=fields)


def leave_network(*, user, network: Network) -> Membership:
    """Leave a network, or withdraw a request that is still waiting; the row stays as history (status left).

    The returned membership carries `previous_status` (active or pending) so that the caller can say which it was.
    """
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(
                user=user,
                network=network,
                status__in=[Membership.Status.ACTIVE, Membership.Status.PENDING],
            )
            .first()
        )
        if membership is None:
            raise MembershipError("not_member", network=network.name)
        now = timezone.now()
        membership.previous_status = membership.status
        membership.status = Membership.Status.LEFT
        membership.status_changed_at = now
        membership.left_at = now
        membership.save(update_fields=["status", "status_changed_at", "left_at"])
        _record(membership, "membership.left", actor=user, details={"previous_status": membership.previous_status})
    return membership


def approve_membership(*, membership_id: int, decided_by) -> Membership:
    """Accept a pending request: the person becomes an active member and is told by e-mail in their language."""
    return _decide(membership_id=membership_id, decided_by=decided_by, status=Membership.Status.ACTIVE)


def reject_membership(*, membership_id: int, decided_by) -> Membership:
    """Turn down a pending request: the person is told by e-mail; they may ask again later."""
    return _decide(membership_id=membership_id, decided_by=decided_by, status=Membership.Status.REJECTED)


def _decide(*, membership_id, decided_by, status) -> Membership:
    with transaction.atomic():
        membership = Membership.objects.select_for_update().select_related("user", "network").get(pk=membership_id)
        if membership.status != Membership.Status.PENDING:
            raise MembershipError("already_decided", person=str(membership.user), network=membership.network.name)
        _change_status(membership, status=status, now=timezone.now(), decided_by=decided_by)
        action = "membership.approved" if status == Membership.Status.ACTIVE else "membership.rejected"
        _record(membership, action, actor=decided_by)
        _queue_decision_mail(membership)
    return membership


def _record(membership: Membership, action: str, *, actor, details: dict | None = None) -> None:
    record(
        actor=actor,
        action=action,
        obj=membership,
        network=membership.network,
        person=membership.user,
        details=details,
    )


def save_roles(*, network: Network, roles: list[NetworkRole], removed: list[NetworkRole], by) -> None:
    """Save the contact and coordinator roles staff edited for a network, and write the grants and removals.

    `roles` are new or edited rows, `removed` the rows to delete. A role held by a user gives its holder the
    network's rows in the admin, so each grant (`role.granted`) and removal (`role.removed`) is on the trail;
    an edited row that changes its holder or its role counts as the old one removed and the new one granted.
    """
    with transaction.atomic():
        edited_ids = [role.pk for role in roles if role.pk] + [role.pk for role in removed if role.pk]
        before = {role.pk: role for role in NetworkRole.objects.select_for_update().filter(pk__in=edited_ids)}
        for role in removed:
            if role.pk in before:
                _record_role(before[role.pk], "role.removed", network=network, by=by)
                role.delete()
        for role in roles:
            previous = before.get(role.pk)
            role.network = network
            role.save()
            if previous is None or (previous.user_id, previous.role) != (role.user_id, role.role):
                if previous is not None:
                    _record_role(previous, "role.removed", network=network, by=by)
                _record_role(role, "role.granted", network=network, by=by)


def _record_role(role: NetworkRole, action: str, *, network: Network, by) -> None:
    record(actor=by, action=action, obj=role, network=network, person=role.user, details={"role": role.role})


def _queue_decision_mail(membership: Membership) -> None:
    from .tasks import send_membership_decision

    transaction.on_commit(lambda: send_membership_decision.delay(membership.pk), robust=True)


def _queue_request_mail(membership: Membership) -> None:
    from .tasks import notify_coordinators_of_request

    transaction.on_commit(lambda: notify_coordinators_of_request.delay(membership.pk), robust=True)


def _queue_invitation_mail(invitation: Invitation) -> None:
    from .tasks import send_invitation

    transaction.on_commit(lambda: send_invitation.delay(invitation.pk), robust=True)


def send_membership_decision(*, membership_id: int) -> bool:
    """E-mail the member the decision on their request, in their language; True if a message went out.

    A decision is mailed once however often the task runs: a short transaction locks the row, checks that the
    decision is not mailed yet (decision_mailed_at before decided_at) and marks it mailed; the message goes
    out after that commit, and if sending fails the mark is taken back and the error raised, so that the task's
    retry sends it. A request that is no longer decided (the member left or asked again since) gets no message.
    """
    from hyte_portal.emails import send_email

    from .emails import decision_email_kwargs

    with transaction.atomic():
        membership = _locked_for_mail(Membership.objects.filter(pk=membership_id))
        if membership is None or membership.decided_at is None:
            return False
        if membership.status not in (Membership.Status.ACTIVE, Membership.Status.REJECTED):
            return False
        if membership.decision_mailed_at and membership.decision_mailed_at >= membership.decided_at:
            return False
        previous_mark = _mark_mailed(membership, "decision_mailed_at")
    with _mail_claim_released_on_error(membership, "decision_mailed_at", previous_mark):
        send_email(**decision_email_kwargs(membership))
    return True


def notify_coordinators_of_request(*, membership_id: int) -> int:
    """E-mail the network's coordinators (role holders with admin access) that a request waits for them.

    Each gets the message in their own language with a link to the waiting requests in the admin. Returns how
    many messages went out; a request no longer pending, or already announced since it became pending, gets none.
    Claimed, sent and marked like send_membership_decision, so no row lock is held while the messages go out.
    """
    from hyte_portal.emails import send_many

    from .emails import request_emails

    with transaction.atomic():
        membership = _locked_for_mail(Membership.objects.filter(pk=membership_id, status=Membership.Status.PENDING))
        if membership is None:
            return 0
        if membership.request_mailed_at and membership.request_mailed_at >= membership.status_changed_at:
            return 0
        previous_mark = _mark_mailed(membership, "request_mailed_at")
    with _mail_claim_released_on_error(membership, "request_mailed_at", previous_mark):
        return send_many(request_emails(membership))


def send_invitation(*, invitation_id: int) -> bool:
    """E-mail an invitation to its address, with the link to accept it; True if the message went out.

    Sent once however often the task runs, and not at all once the invitation is used, replaced or expired.
    Claimed, sent and marked like send_membership_decision, so no row lock is held while the message goes out.
    """
    from hyte_portal.emails import send_email

    from .emails import invitation_email_kwargs

    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("network", "invited_by")
            .filter(pk=invitation_id, status=Invitation.Status.PENDING, mailed_at__isnull=True)
            .first()
        )
        if invitation is None or invitation.is_expired():
            return False
        previous_mark = _mark_mailed(invitation, "mailed_at")
    with _mail_claim_released_on_error(invitation, "mailed_at", previous_mark):
        send_email(**invitation_email_kwargs(invitation))
    return True


def _locked_for_mail(memberships) -> Membership | None:
    return memberships.select_for_update(of=("self",)).select_related("user", "network").first()


def _mark_mailed(row: Membership | Invitation, field: str):
    """Claim the message for this sender by setting its "mailed" mark now; returns the mark it had before."""
    previous = getattr(row, field)
    setattr(row, field, timezone.now())
    row.save(update_fields=[field])
    return previous


@contextmanager
def _mail_claim_released_on_error(row: Membership | Invitation, field: str, previous_mark):
    """Around a send: if it fails, put the mark back (unless another sender claimed the row since) and re-raise."""
    try:
        yield
    except BaseException:
        claimed = getattr(row, field)
        with transaction.atomic():
            type(row).objects.filter(pk=row.pk, **{field: claimed}).update(**{field: previous_mark})
        raise


def delete_invitations_of(*, user, addresses: list[str]) -> int:
    """When an account is erased: delete every invitation sent to its addresses or accepted by it (the rows name
    the address), and blank the address from their audit entries, which stay. Returns how many were deleted."""
    with transaction.atomic():
        invitations = list(selectors.invitations_of(user, addresses=addresses).select_for_update(of=("self",)))
        return _delete_invitations(invitations)


def delete_expired_invitations(*, now=None) -> int:
    """Privacy by default: delete the invitations nobody can accept any more (expired, or replaced by a newer
    one and past their validity), so that an address nobody answered for is not kept; their audit entries stay
    without the address. Part of accounts.retention.apply_retention, which records the count."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = Invitation.objects.filter(
            status__in=[Invitation.Status.PENDING, Invitation.Status.REPLACED], expires_at__lte=now
        )
        return _delete_invitations(list(expired.select_for_update(skip_locked=True)))


def _delete_invitations(invitations: list[Invitation]) -> int:
    forget_details_of(objects=invitations)
    return Invitation.objects.filter(pk__in=[invitation.pk for invitation in invitations]).delete()[0]
