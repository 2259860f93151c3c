"""Reading a JSON request body that a stranger wrote: every problem is a Dutch 400/422, never a 500.

Two kinds of valid-looking JSON broke the server before: an array nested 20,000 levels deep
(Python's parser runs out of stack: RecursionError) and a lone surrogate such as ``"\\ud800"``,
which JSON allows as an escape but which is no character at all, so it fails later, when the text
is stored or put into an answer. Both are refused here, before anything looks at the data.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import UserError

#: Deeper than any body the site sends (an object of lists of texts is three levels).
MAX_DEPTH = 20
_SURROGATE = re.compile("[\ud800-\udfff]")
#: The only way a surrogate gets into parsed JSON: a \\uD800-\\uDFFF escape (UTF-8 cannot carry one).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class JsonBodyError(UserError):
    """``status`` is the HTTP status, ``str()`` the Dutch message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _check(value: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise JsonBodyError(400, f"De gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus).")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise JsonBodyError(422, "De gegevens bevatten een ongeldig teken (een losse \\ud800-code).")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key, depth + 1)
            _check(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check(item, depth + 1)


def load_json(body: bytes) -> Any:
    """The parsed body; raises :class:`JsonBodyError` for bad, too deep or not-really-text JSON."""
    try:
        data = json.loads(body)
    except RecursionError:  # deeper than the interpreter's recursion limit (about 1,000)
        raise JsonBodyError(400, f"De gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus).") from None
    except (ValueError, UnicodeDecodeError):
        raise JsonBodyError(400, "De gegevens zijn geen geldige JSON.") from None
    # Walk the data only when it could be too deep or hold a surrogate: a submission is checked
    # on every request, and the walk cost more than the parse.
    if body.count(b"[") + body.count(b"{") > MAX_DEPTH or _SURROGATE_ESCAPE.search(body):
        _check(data, 0)
    return data
