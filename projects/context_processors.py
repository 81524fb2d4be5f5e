from . import permissions, selectors


def programme(request):
    """The programme the page is about and what the user may do in it, for the menu and the buttons; the
    programmes the user can switch to; and whether the user is a data steward (the import and region pages, also
    without a programme)."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    context = {"is_data_steward": permissions.is_data_steward(user)}
    current = getattr(request, "programme", None)
    # The page's path inside its programme ("/projecten/…"): for the menu's current item and the switcher.
    in_url = getattr(request, "url_programme", None)
    page_path = request.path_info
    if in_url is not None and page_path.startswith(in_url.url_prefix):
        page_path = "/" + page_path[len(in_url.url_prefix) :]
    context["page_path"] = page_path
    if user.is_authenticated:
        context["switch_programmes"] = _switch_links(request, selectors.programmes_for_user(user), page_path)
    if current is None:
        return context
    return {
        **context,
        "programme": current,
        "can_manage": permissions.can_manage(user, current),
        "programme_closed": not permissions.is_open(current),
        "user_roles": permissions.user_roles(user, current),
    }


def _switch_links(request, programmes, page_path):
    """(programme, url) for the header's switcher: the same page in the other programme where the page names no
    object of its own (a list, a dashboard), else that programme's start page."""
    match = getattr(request, "resolver_match", None)
    same_page = getattr(request, "url_programme", None) is not None and match is not None and not match.kwargs
    suffix = page_path.lstrip("/") if same_page else ""
    return [(programme, programme.url_prefix + suffix) for programme in programmes]
