"""The one base of every domain error: a rule refused an operation, and says why in the user's language.

Each app subclasses DomainError for its own rules (EnrollmentError, MembershipError, NewsletterError...). A view
or an admin action catches the app's error and shows `error.message` as a form error or a flash message; the
message is a lazy translation, so it reads in the language active when it is shown.
"""


class DomainError(Exception):
    """A rule refused the operation; `message` is translated and safe to show to the person who tried."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
