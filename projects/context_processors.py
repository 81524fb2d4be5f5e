from . import permissions


def programme(request):
    """The programme the page is about and what the user may do in it, for the menu and the buttons; and whether
    the user is a data steward (the import and region pages, also without a programme)."""
    user = getattr(request, "user", None)
    steward = {"is_data_steward": permissions.is_data_steward(user)} if user is not None else {}
    current = getattr(request, "programme", None)
    if current is None:
        return steward
    return {
        **steward,
        "programme": current,
        "can_manage": permissions.can_manage(user, current),
        "programme_closed": not permissions.is_open(current),
        "user_roles": permissions.user_roles(user, current),
    }
