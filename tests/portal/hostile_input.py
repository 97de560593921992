"""Hypothesis strategies for what an attacker or a broken client sends to a form, and the reading of a page's forms.

Values: any unicode text (Hypothesis leaves out lone surrogates, which no browser can send), NUL bytes, right-to-left
overrides, odd code points, markup and SQL, 100,000-character values; lists where one value is expected; fields
left out; fields the form does not have.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from hypothesis import strategies as st

ODD_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202eevil\u202c",  # right-to-left override
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew, right to left
    "\ufeff",  # byte order mark
    "\uffff",
    "\U0010ffff",
    "\U0001d573\U0001d58e",  # mathematical letters
    "e\u0301" * 50,  # combining accents
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "../../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "true",
    "[]",
    "{}",
    "person@example.org",
    "member-a@example.org",
]

very_long = st.sampled_from(["x", "ä", "\u202e", "7", "@"]).map(lambda character: character * 100_000)
scalar = st.one_of(st.text(max_size=40), st.sampled_from(ODD_VALUES), very_long)
value = st.one_of(scalar, st.lists(scalar, max_size=3))  # a list: the field sent several times


def payloads(field_names) -> st.SearchStrategy[dict]:
    """Any subset of the form's fields (and of two it does not have), each with a hostile value."""
    names = sorted(set(field_names) | {"unexpected_field", "csrfmiddlewaretoken"})
    return st.fixed_dictionaries({}, optional={name: value for name in names})


class _FormFields(HTMLParser):
    """Collects the field names of each <form> of a page, by the form's action and method."""

    def __init__(self):
        super().__init__()
        self.forms = []  # [(action, method, {names})]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs.get("action") or "", (attrs.get("method") or "get").lower(), set()))
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            self.forms[-1][2].add(attrs["name"])


def form_fields(html: str, *, page_path: str, action_path: str, method: str) -> set[str] | None:
    """The names of the fields of the page's form that sends to `action_path` with `method`, or None if the page
    has no such form."""
    parser = _FormFields()
    parser.feed(html)
    for action, form_method, names in parser.forms:
        target = urlsplit(action).path or page_path
        if target == action_path and form_method == method:
            return names - {"csrfmiddlewaretoken"}
    return None
