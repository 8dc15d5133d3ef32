"""A time of day as people type it: 9.00, 9:00, 900, 0900, 21.30, 9, 8:54 AM, 8.54 pm.

The schedule dialog's time field accepts any of these in every language (a Finn types 9.00,
a Briton 09:00, an American 8:54 AM); the field then shows the time in the locale's form.
"""

from __future__ import annotations

import re
from datetime import time

_PATTERN = re.compile(
    r"""^\s*(?:klo\s*)?
    (?:
        (?P<h>\d{1,2})(?:\s*[.:h]\s*(?P<m>\d{2}))?   # 9, 9.00, 9:00, 21h30
      | (?P<hm>\d{3,4})                              # 900, 0900, 2130
    )
    \s*(?P<ampm>[ap])?\.?\s*(?:m\.?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_HOURS_ON_A_CLOCK = 12


def parse_typed_time(text: str) -> time | None:
    """The time ``text`` means, or None when it is not a time of day."""
    match = _PATTERN.match(text)
    if match is None:
        return None
    if match["hm"] is not None:
        digits = match["hm"]
        hour, minute = int(digits[:-2]), int(digits[-2:])
    else:
        hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm:
        if not 1 <= hour <= _HOURS_ON_A_CLOCK:
            return None
        hour = hour % _HOURS_ON_A_CLOCK + (_HOURS_ON_A_CLOCK if ampm == "p" else 0)
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return time(hour, minute)
