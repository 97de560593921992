"""Corrections to other packages' translations.

`make messages` extracts these msgids into our catalogues, and our catalogues win over the packages' own
(LOCALE_PATHS is searched first), so the fi/sv/en translations given for them in locale/ are the ones shown.
"""

from django.utils.translation import gettext_noop

# allauth's Swedish catalogue turns this sign-up hint on the login page into "already have an account? log in".
gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first.")
