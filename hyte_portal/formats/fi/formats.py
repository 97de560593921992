# Dates and times as Finnish readers write them (Django's named formats, used by every template).
DATE_FORMAT = "D j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "D j.n.Y H:i"
SHORT_DATETIME_FORMAT = "j.n.Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j.n."
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1
