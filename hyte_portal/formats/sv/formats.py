# Swedish in Finland writes dates and times as Finnish does.
from hyte_portal.formats.fi.formats import *  # noqa: F403
