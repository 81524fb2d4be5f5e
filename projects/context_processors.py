from . import permissions


def programme(request):
    """The programme the page is about and what the user may do in it, for the menu and the buttons."""
    current = getattr(request, "programme", None)
    if current is None:
        return {}
    user = request.user
    return {
        "programme": current,
        "can_manage": permissions.can_manage(user, current),
        "user_roles": permissions.user_roles(user, current),
    }
