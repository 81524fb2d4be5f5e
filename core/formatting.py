"""Numbers and names written the Dutch way for people to read: € 3.464.156, 3,70%, "Marieke Jansen". Templates use
them as the `vsv` filters; Python code (tables, messages, e-mails) calls them directly."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def number(value, decimals=2):
    """3,70 / 62.500: a decimal comma and thousands dots; an empty value shows a dash."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return number_format(amount, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)


def euro(value, decimals=0):
    """€ 3.464.156 (Dutch grouping); an empty value shows a dash."""
    amount = number(value, decimals)
    return amount if amount == "—" else f"€ {amount}"


def pct(value, decimals=2):
    """3,70% the Dutch way; an empty value shows a dash."""
    amount = number(value, decimals)
    return amount if amount == "—" else f"{amount}%"


def person(user) -> str:
    """The name to show for a user: the full name, else the user name; empty for nobody (so `|default:` works)."""
    if user is None or not getattr(user, "pk", None):
        return ""
    return user.get_full_name() or user.get_username()


def one_line(text: str) -> str:
    """Text for a single line, such as an e-mail subject: line breaks and runs of white space become one space (a
    line break in a header would end it, or let a sender add headers)."""
    return " ".join(str(text).split())
