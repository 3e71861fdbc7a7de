"""Turning cell values into the values we store: ranks, NRP/NIP, phone numbers, dates, text.

Each function returns the value or raises ``Bad(code)``; ``validate`` turns that into a
problem with the cell's reference.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from opscenter.roster.headers import norm
from opscenter.roster.reading import Cell


class Bad(Exception):
    """A cell value that cannot be used; ``code`` is the reason (see messages)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_SLOW_START = ("", " ", "=")
_SCIENTIFIC = re.compile(r"\d+(\.\d+)?[eE]\+?\d+")
_WHOLE_FLOAT_TEXT = re.compile(r"\d+\.0+")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")


def text(value: Cell, *, max_len: int, formulas: bool = False) -> str | None:
    """A trimmed single-line text; None for an empty cell. ``formulas``: text beginning with
    "=" is kept as typed (an incident's title), not refused."""
    if value is None:
        return None
    if (
        type(value) is str
        and value.isprintable()
        and len(value) <= max_len
        and value[:1] not in _SLOW_START
        and value[-1:] != " "
        and "  " not in value
        and unicodedata.is_normalized("NFC", value)
    ):
        return value  # the common case, already clean: skip the rewriting below
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    s = str(value)
    if _CONTROL.search(s):
        raise Bad("control_char")
    s = _SPACES.sub(" ", unicodedata.normalize("NFC", s)).strip()
    if not s:
        return None
    if s.startswith("=") and not formulas:
        # Text that a spreadsheet would run as a formula is refused (the error report
        # writes it back as text).
        raise Bad("formula_text")
    if len(s) > max_len:
        raise Bad("too_long")
    return s


def long_text(value: Cell, *, max_len: int) -> str | None:
    """Text of several lines kept as typed (an incident's description); None for empty."""
    if value is None:
        return None
    s = unicodedata.normalize("NFC", str(value))
    if _CONTROL.search(s):
        raise Bad("control_char")
    if len(s) > max_len:
        raise Bad("too_long")
    return s if s.strip() else None


def digits_of_number(value: Cell) -> str:
    """The digits of a number a spreadsheet stored as int, float or "7.501E+07" text."""
    if isinstance(value, bool):
        raise Bad("nrp_malformed")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not value.is_integer() or value < 0:
            raise Bad("nrp_malformed")
        if value >= 1e15:
            # A float holds 15-16 significant digits: an 18-digit NIP stored as a number
            # has already lost its last digits.
            raise Bad("nip_precision")
        return str(int(value))
    s = str(value).strip()
    if _SCIENTIFIC.fullmatch(s):
        try:
            d = Decimal(s)
        except InvalidOperation as exc:
            raise Bad("nrp_malformed") from exc
        if d != d.to_integral_value():
            raise Bad("nrp_malformed")
        if len(s.split("e")[0].split("E")[0].replace(".", "")) < len(str(int(d))) and int(d) >= (
            10**15
        ):
            raise Bad("nip_precision")
        return str(int(d))
    raise Bad("nrp_malformed")


_NRP_SEPARATORS = re.compile(r"[\s.\-/']+")


def nrp(value: Cell) -> tuple[str, str]:
    """(number, id kind): an 8-digit NRP or an 18-digit NIP, as text."""
    if value is None:
        raise Bad("required")
    # The common case: an NRP the sheet stored as a number (bool is an int: left out).
    if type(value) is int or (type(value) is float and value.is_integer()):
        number = int(value)
        if 0 <= number < 10**8:
            return f"{number:08d}", "nrp"
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = digits_of_number(value)
        # Excel drops leading zeros of a number: an NRP of 7 digits was "0xxxxxxx".
        if len(digits) < 8:
            digits = digits.zfill(8)
    else:
        s = str(value).strip()
        if _SCIENTIFIC.fullmatch(s):
            digits = digits_of_number(s)
        elif _WHOLE_FLOAT_TEXT.fullmatch(s):
            digits = s.split(".")[0]
        else:
            digits = _NRP_SEPARATORS.sub("", s)
            if digits.upper().startswith(("NRP", "NIP")):
                digits = digits[3:].lstrip(":")
    if len(digits) == 8 and digits.isdigit() and digits.isascii():
        return digits, "nrp"
    if len(digits) == 18 and digits.isdigit() and digits.isascii():
        return digits, "nip"
    raise Bad("nrp_malformed")


_TRAILING_NUMBER = re.compile(
    r"^(?P<rank>.*?)[\s,;/|\-]*(?:\b(?:NRP|NIP)\b\.?\s*:?\s*)?(?P<num>\d[\d\s.]*\d|\d)\s*$",
    re.IGNORECASE,
)


def split_rank_nrp(value: Cell) -> tuple[str | None, Cell]:
    """ "AKBP / 75010001", "Kombes Pol. NRP 63050899" -> (rank text, number)."""
    if value is None:
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None, value
    s = str(value).strip()
    # "BRIPDA\n98765432": two lines in one cell.
    s = _SPACES.sub(" ", s)
    m = _TRAILING_NUMBER.match(s)
    if m is None:
        return (s or None), None
    rank = m.group("rank").strip(" ,;/|-") or None
    return rank, m.group("num")


def _rank_keys(*names: str | None) -> Iterable[str]:
    for name in names:
        if not name:
            continue
        key = norm(name)
        if not key:
            continue
        yield key
        for suffix in ("polisi", "pol"):
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                yield key[: -len(suffix)]


class RankIndex:
    """Rank spellings -> rank id, built from the operation's list (codes, names, full names,
    aliases), each with and without a trailing "Pol"/"Polisi"."""

    def __init__(self, ranks: Iterable[tuple[int, str, str, str | None, str]]) -> None:
        self._index: dict[str, int] = {}
        self.names: dict[int, str] = {}
        for rank_id, code, name, full_name, aliases in ranks:
            self.names[rank_id] = name
            for key in _rank_keys(code, name, full_name, *aliases.split("|")):
                self._index.setdefault(key, rank_id)

    def find(self, text_value: str) -> int | None:
        key = norm(text_value)
        hit = self._index.get(key)
        if hit is None:
            for suffix in ("polisi", "pol"):
                if key.endswith(suffix):
                    hit = self._index.get(key[: -len(suffix)])
                    if hit is not None:
                        break
        return hit


def phone(value: Cell) -> str | None:
    """An Indonesian phone number in +62 form; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, float):
        if not value.is_integer():
            raise Bad("phone_malformed")
        s = str(int(value))
    else:
        s = str(value).strip()
    if not s:
        return None
    plus = s.startswith("+")
    # Only digits (the common case) need no separator removal.
    digits = s if s.isdigit() and s.isascii() else _PHONE_SEPARATORS.sub("", s.lstrip("+"))
    if not digits.isdigit():
        raise Bad("phone_malformed")
    if plus or digits.startswith("62"):
        if not digits.startswith("62"):
            raise Bad("phone_malformed")  # a foreign number
        rest = digits[2:]
    elif digits.startswith("0"):
        rest = digits[1:]
    else:
        rest = digits  # "812..." from a number cell that lost its leading zero
    rest = rest.lstrip("0") if rest.startswith("0") else rest
    if not 7 <= len(rest) <= 13:
        raise Bad("phone_malformed")
    return "+62" + rest


# Indonesian and English month names and abbreviations.
_MONTHS = {
    **{m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu",
                                    "sep", "okt", "nov", "des"), 1)},
    **{m: i for i, m in enumerate(("januari", "februari", "maret", "april", "mei", "juni",
                                    "juli", "agustus", "september", "oktober", "november",
                                    "desember"), 1)},
    "may": 5, "aug": 8, "oct": 10, "dec": 12, "nopember": 11, "pebruari": 2, "agt": 8,
    "agus": 8, "sept": 9, "nop": 11,
}  # fmt: skip
_EXCEL_EPOCH = date(1899, 12, 30)


def to_date(value: Cell, *, date1904: bool = False) -> date | None:
    """A date from a date cell, an Excel serial number, or text ("27-11-2024",
    "2024-11-27", "27 Nopember 2024")."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2_958_466:
            raise Bad("date_malformed")
        base = date(1904, 1, 1) if date1904 else _EXCEL_EPOCH
        return base + timedelta(days=int(value))
    s = str(value).strip().lower()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?", s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", s):
            return date(int(m[3]), int(m[2]), int(m[1]))  # day first, as Indonesia writes
        if m := re.fullmatch(r"(\d{1,2})[\s\-]+([a-z]+)\.?[\s\-]+(\d{4})", s):
            month = _MONTHS.get(m[2])
            if month is not None:
                return date(int(m[3]), month, int(m[1]))
        if re.fullmatch(r"\d+(\.\d+)?", s):
            return to_date(float(s), date1904=date1904)
    except ValueError as exc:
        raise Bad("date_malformed") from exc
    raise Bad("date_malformed")


# A time of day as written after a date or alone: "14:05", "14.05", "14.05.30", "pukul 14.05",
# "14:05 WIB"; the zone's label, when written, is returned beside it.
_TIME_TEXT = re.compile(
    r"(?:(?:pukul|pkl|jam)\.?\s*)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2})(?:[.,](\d{1,6}))?)?"
    r"\s*([a-z]{2,4})?\.?",
    re.IGNORECASE,
)


# The same, ending a text that begins with a date ("27-11-2024 14.05 WIB").
_TIME_AT_END = re.compile(
    r"(?:^|\s|,)((?:(?:pukul|pkl|jam)\.?\s*)?\d{1,2}[.:]\d{2}(?:[.:]\d{2}(?:[.,]\d{1,6})?)?"
    r"(?:\s*[a-z]{2,4}\.?)?)$",
    re.IGNORECASE,
)


def to_time(value: Cell) -> tuple[time, str | None] | None:
    """A time of day from a time cell, an Excel fraction of a day, or text ("14:05",
    "14.05 WIB"), with the zone label written after it (None when none is)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.time(), None
    if isinstance(value, time):
        return value, None
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        if not 0 <= seconds < 86_400:
            raise Bad("time_malformed")
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60), None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 0 <= value < 1:
            raise Bad("time_malformed")
        return to_time(timedelta(seconds=round(value * 86_400) % 86_400))
    m = _TIME_TEXT.fullmatch(str(value).strip())
    if m is None:
        raise Bad("time_malformed")
    try:
        micro = int((m[4] or "0").ljust(6, "0"))  # an export's times keep their microseconds
        return time(int(m[1]), int(m[2]), int(m[3] or 0), micro), (m[5].upper() if m[5] else None)
    except ValueError as exc:
        raise Bad("time_malformed") from exc


def to_moment(value: Cell) -> tuple[datetime, str | None] | None:
    """A date and time of day from one cell: a date-time cell, an Excel serial number with
    its fraction, or text ("27-11-2024 14:05", "2024-11-27T14:05:00", "27 Nopember 2024
    pukul 14.05 WIB"), with the zone label written in it. A date without a time is refused:
    midnight would be a guess."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value, None
    if isinstance(value, bool):
        raise Bad("date_malformed")
    if isinstance(value, date):
        raise Bad("time_missing")
    if isinstance(value, int | float):
        day = to_date(int(value))
        assert day is not None
        clock = to_time(value - int(value))
        assert clock is not None
        return datetime.combine(day, clock[0]), None
    text = " ".join(re.sub(r"(\d)T(\d)", r"\1 \2", str(value)).split())
    m = _TIME_AT_END.search(text)
    if m is None:
        to_date(text)  # a date alone is "no time"; anything else is not a date
        raise Bad("time_missing")
    day = to_date(text[: m.start(1)].strip(" ,"))
    clock = to_time(m[1])
    if day is None or clock is None:
        raise Bad("date_malformed")
    return datetime.combine(day, clock[0]), clock[1]


def whole_number(value: Cell) -> int:
    """A whole number from a number cell or text ("TPS 001", "12")."""
    if value is None:
        raise Bad("required")
    if isinstance(value, bool):
        raise Bad("number_malformed")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise Bad("number_malformed")
        return int(value)
    s = str(value).strip()
    m = re.fullmatch(r"(?:tps)?\s*\.?\s*0*(\d{1,7})(?:\.0+)?", s, re.IGNORECASE)
    if m is None:
        raise Bad("number_malformed")
    return int(m[1])


def name_tokens(name: str) -> set[str]:
    """Words of a person's name (no degrees such as S.H.), for "same person?" checks."""
    words = re.findall(r"[a-z]{3,}", name.lower().split(",")[0])
    return set(words)


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name share a word; different people usually share none."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return norm(a) == norm(b)
    return bool(ta & tb)


class NameIndex:
    """Names or codes -> id: exact, then normalised; a suggestion for the nearest miss."""

    def __init__(self, items: Iterable[tuple[int, Iterable[str | None]]]) -> None:
        self._exact: dict[str, int] = {}
        self._norm: dict[str, int] = {}
        self._ambiguous: set[str] = set()
        self.labels: dict[int, str] = {}
        for item_id, names in items:
            for i, name in enumerate(names):
                if not name:
                    continue
                if i == 0 or item_id not in self.labels:
                    self.labels.setdefault(item_id, name)
                self._exact.setdefault(name, item_id)
                key = norm(name)
                if key in self._norm and self._norm[key] != item_id:
                    self._ambiguous.add(key)
                self._norm.setdefault(key, item_id)

    def find(self, value: str) -> int | None:
        hit = self._exact.get(value)
        if hit is not None:
            return hit
        key = norm(value)
        if key in self._ambiguous:
            return None
        return self._norm.get(key)

    def add(self, item_id: int, *names: str) -> None:
        for name in names:
            self._exact.setdefault(name, item_id)
            self._norm.setdefault(norm(name), item_id)
            self.labels.setdefault(item_id, name)

    def suggest(self, value: str) -> str | None:
        """The closest known name, for "did you mean ...?"."""
        import difflib

        key = norm(value)
        if not key:
            return None
        candidates = list(self._norm)
        close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.75)
        if not close:
            # "Polres Kerinci" written as "Kerinci": a known name ending with the text.
            ends = [c for c in candidates if c.endswith(key) and len(key) >= 4]
            if len(ends) != 1:
                return None
            close = ends
        return self.labels.get(self._norm[close[0]])
