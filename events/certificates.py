"""Participation certificates as PDF (reportlab), in the language chosen when the certificate was issued: the
course, its dates, the sessions attended and their hours, and the code and address that verify it."""

from io import BytesIO

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from .completion import completion_of, hours_text
from .models import Certificate


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "SHORT_DATE_FORMAT")


def _period(event) -> str:
    sessions = list(event.sessions.all())
    start = sessions[0].start if sessions else event.start
    end = sessions[-1].end if sessions else event.end
    if timezone.localtime(start).date() == timezone.localtime(end).date():
        return _date(start)
    return f"{_date(start)}–{_date(end)}"


def verification_url(certificate: Certificate) -> str:
    """The public address that confirms the certificate, in the certificate's language."""
    with translation.override(certificate.language):
        return settings.SITE_URL + certificate.get_verification_url()


def certificate_pdf_bytes(certificate: Certificate) -> bytes:
    enrollment = certificate.enrollment
    event = enrollment.event
    user = enrollment.user
    buffer = BytesIO()
    with translation.override(certificate.language):
        pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
        title = _("Participation certificate")
        pdf.setTitle(f"{title}: {event.title}")
        pdf.setAuthor(_("HYTE portal"))
        width, height = A4
        pdf.setFillColorRGB(11 / 255, 93 / 255, 115 / 255)
        pdf.rect(0, height - 3 * cm, width, 3 * cm, stroke=0, fill=1)
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(2 * cm, height - 2 * cm, _("Health and wellbeing promotion (HYTE)"))
        pdf.setFillColorRGB(0.1, 0.12, 0.14)
        pdf.setFont("Helvetica-Bold", 26)
        pdf.drawCentredString(width / 2, height - 7 * cm, title)
        pdf.setFont("Helvetica", 14)
        pdf.drawCentredString(width / 2, height - 9 * cm, _("This certifies that"))
        pdf.setFont("Helvetica-Bold", 20)
        pdf.drawCentredString(width / 2, height - 10.5 * cm, user.get_full_name() or user.email)
        if user.organisation:
            pdf.setFont("Helvetica", 12)
            pdf.drawCentredString(width / 2, height - 11.4 * cm, user.organisation)
        pdf.setFont("Helvetica", 14)
        pdf.drawCentredString(width / 2, height - 13 * cm, _("took part in"))
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawCentredString(width / 2, height - 14.3 * cm, event.title[:90])
        pdf.setFont("Helvetica", 13)
        pdf.drawCentredString(width / 2, height - 15.3 * cm, _period(event))
        sessions = list(event.sessions.all())
        completion = completion_of(enrollment, sessions)
        y = height - 16.6 * cm
        pdf.setFont("Helvetica", 11)
        if sessions:
            summary = _("Sessions attended: %(attended)s of %(total)s. Hours: %(hours)s") % {
                "attended": completion.sessions_attended,
                "total": completion.sessions_total,
                "hours": hours_text(completion.hours),
            }
            pdf.drawCentredString(width / 2, y, summary)
            y -= 1 * cm
            for session in sessions:
                mark = "x" if session.pk in completion.attended_session_ids else "–"
                line = f"[{mark}] {session.title[:60]}  {_date(session.start)}  {hours_text(session.counted_hours())} h"
                pdf.drawString(3 * cm, y, line)
                y -= 0.6 * cm
        elif completion.hours:
            pdf.drawCentredString(width / 2, y, _("Hours: %(hours)s") % {"hours": hours_text(completion.hours)})
        pdf.setFont("Helvetica", 10)
        issued = _("Issued on %(date)s") % {"date": _date(certificate.issued_at)}
        pdf.drawString(2 * cm, 3.6 * cm, issued)
        pdf.drawRightString(width - 2 * cm, 3.6 * cm, _("Certificate number %(number)s") % {"number": certificate.pk})
        pdf.drawString(2 * cm, 2.8 * cm, _("Verification code: %(code)s") % {"code": certificate.code})
        pdf.drawString(2 * cm, 2.2 * cm, _("Verify at %(url)s") % {"url": verification_url(certificate)})
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()
