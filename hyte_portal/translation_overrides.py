"""Corrections to other packages' translations.

`make messages` extracts these msgids into our catalogues, and our catalogues win over the packages' own
(LOCALE_PATHS is searched first), so the fi/sv/en translations given for them in locale/ are the ones shown.
"""

from django.utils.translation import gettext_noop

# allauth's Swedish catalogue turns this sign-up hint on the login page into "already have an account? log in".
gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first.")

# allauth's wording, aligned with the portal's own: "log in" and "e-post(adress)" as the rest of the site says.
gettext_noop("Sign In")
gettext_noop("Sign Up")
gettext_noop("Sign Out")
gettext_noop("Email")
gettext_noop("Email address")
gettext_noop("Email Address")
gettext_noop("Email Addresses")
gettext_noop("Current email")
gettext_noop("Change Email")
gettext_noop("Add Email")
gettext_noop("Add Email Address")
gettext_noop("Confirm Email Address")
gettext_noop("Verify Your Email Address")
gettext_noop("Confirmation email sent to %(email)s.")
gettext_noop("The email address and/or password you specified are not correct.")
