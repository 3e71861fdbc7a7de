"""Checking the plain values a readiness writer gives (the budget's, the visits'): whole
numbers, text and dates, each refused with an ``InvalidValue`` naming its field rather than
converted."""

from __future__ import annotations

from datetime import date, datetime

from opscenter.errors import InvalidValue


def whole_value(field: str, value: object, *, least: int, most: int) -> int:
    """A whole number in [least, most]; a float, a bool or text is refused, not converted."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(field=field, value=value, reason="not_whole_number")
    if value < least:
        raise InvalidValue(field=field, value=value, reason="not_positive" if least else "negative")
    if value > most:
        raise InvalidValue(field=field, value=value, reason="too_large")
    return value


def text_value(
    field: str, value: str | None, *, required: bool = False, limit: int | None = None
) -> str | None:
    """Text without its outer blanks; blank is None, or refused when ``required``; longer
    than ``limit`` (the column's length) is refused."""
    text = (value or "").strip() or None
    if text is None and required:
        raise InvalidValue(field=field, value="", reason="required")
    if text is not None and limit is not None and len(text) > limit:
        raise InvalidValue(field=field, value=text, reason="too_long")
    return text


def date_value(field: str, value: object, *, required: bool) -> date | None:
    """A calendar date (not a datetime: these dates are the operation's local days)."""
    if value is None and not required:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        reason = "required" if value is None else "not_date"
        raise InvalidValue(field=field, value=value, reason=reason)
    return value
