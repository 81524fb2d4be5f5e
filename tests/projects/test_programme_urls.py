"""The programme is part of the URL: today's URLs go to the same page of the user's current programme, a prefix
that names no programme is a 404, a user without a role in the URL's programme is refused, the header's switcher
lists exactly the programmes the user has a role in, and a user with roles in two regions sees each programme's
data only inside it."""

import re

import pytest

from projects.models import Membership, Programme, Project
from tests.factories import ProgrammeFactory, ProjectFactory, RegionFactory, ThemeFactory, UserFactory
from tests.urls import reverse

SWITCH_ITEM = re.compile(r'<li><a class="utrecht-link" href="(/programmas/[^"]+)"')


def _switcher(html: str) -> list[str]:
    """The links in the header's programme switcher."""
    start = html.index('class="programme-switch"')
    return SWITCH_ITEM.findall(html[start : html.index("</details>", start)])


def test_todays_url_goes_to_the_same_page_with_its_query_in_the_current_programme(manager_client, demo):
    response = manager_client.get("/projecten/?q=overstap&theme=")
    assert response.status_code == 302
    assert response["Location"] == "/programmas/10-2020-2024/projecten/?q=overstap&theme="
    assert manager_client.get(response["Location"]).status_code == 200


def test_a_post_to_todays_url_keeps_its_method_and_body(manager_client, demo):
    """A form posted to an old URL (a page opened before the change) is redirected with 307: the browser posts
    the same body again to the programme's URL, and it is saved there."""
    response = manager_client.post("/themas/nieuw/", {"number": 6, "title": "Nieuw thema"})
    assert response.status_code == 307 and response["Location"] == "/programmas/10-2020-2024/themas/nieuw/"
    assert not demo.themes.filter(number=6).exists()  # nothing saved by the redirect itself
    saved = manager_client.post(response["Location"], {"number": 6, "title": "Nieuw thema"})
    assert saved.status_code == 302 and demo.themes.get(number=6).title == "Nieuw thema"


def test_todays_url_follows_the_shipped_demo_to_2026_2029(manager_client, current_programme):
    assert manager_client.get("/begroting/")["Location"] == "/programmas/10-2026-2029/begroting/"


def test_a_prefix_that_names_no_programme_is_a_dutch_404(manager_client):
    for path in ("/programmas/10-2019-2022/", "/programmas/99-2020-2024/projecten/", "/programmas/10-2020-2024x/"):
        response = manager_client.get(path)
        assert response.status_code == 404, path
        assert "Pagina niet gevonden" in response.content.decode()


def test_a_programme_without_a_role_is_refused_with_its_name(client, demo):
    other = ProgrammeFactory(region=RegionFactory(code="04", name="Fryslân-Noord"), title="Fries programma")
    outsider = UserFactory(username="buitenstaander")
    Membership.objects.create(user=outsider, programme=other, role=Membership.Role.PROGRAMME_MANAGER)
    client.force_login(outsider)
    response = client.get(reverse("project_list"))
    assert response.status_code == 403
    assert "U heeft geen rol in Vervolgaanpak VSV 2020-2024" in response.content.decode()
    response = client.post(reverse("theme_create"), {"number": 6, "title": "Ingebroken"})
    assert response.status_code == 403 and not demo.themes.filter(number=6).exists()


def test_the_switcher_lists_exactly_the_users_programmes(manager_client, shipped_demo, client):
    other = ProgrammeFactory(region=RegionFactory(code="04", name="Fryslân-Noord"), first_year=2026, last_year=2029)
    html = manager_client.get(reverse("home", programme="10-2026-2029")).content.decode()
    # the manager has roles in both IJssel-Vecht programmes (the example copied them), not in Fryslân-Noord's
    assert _switcher(html) == ["/programmas/10-2026-2029/", "/programmas/10-2020-2024/"]
    # on a page without an object of its own, each entry is the same page in that programme
    html = manager_client.get(reverse("budget_overview", programme="10-2026-2029")).content.decode()
    assert _switcher(html) == ["/programmas/10-2026-2029/begroting/", "/programmas/10-2020-2024/begroting/"]

    admin = UserFactory(username="beheer-test", is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(reverse("home", programme="10-2026-2029")).content.decode()
    assert sorted(_switcher(html)) == sorted(
        [other.url_prefix, "/programmas/10-2020-2024/", "/programmas/10-2026-2029/"]
    )


def test_a_coordinator_of_two_regions_sees_each_programmes_data_only_inside_it(client, demo):
    fries = ProgrammeFactory(region=RegionFactory(code="04", name="Fryslân-Noord"), title="Fries programma")
    theme = ThemeFactory(programme=fries, number=1, title="Fries thema")
    ProjectFactory(programme=fries, theme=theme, code="1.1", title="Friese aanpak")
    coordinator = UserFactory(username="coordinator")
    for programme in (demo, fries):
        Membership.objects.create(user=coordinator, programme=programme, role=Membership.Role.PROGRAMME_MANAGER)
    client.force_login(coordinator)

    ijssel = client.get(reverse("project_list", programme=demo)).content.decode()
    friesland = client.get(reverse("project_list", programme=fries)).content.decode()
    assert "Warme overstap" in ijssel and "Friese aanpak" not in ijssel
    assert "Friese aanpak" in friesland and "Warme overstap" not in friesland
    # a project code of one programme does not open the other's project
    assert client.get(reverse("project_detail", kwargs={"code": "2.1"}, programme=fries)).status_code == 404
    page = client.get(reverse("project_detail", kwargs={"code": "1.1"}, programme=fries)).content.decode()
    assert "Friese aanpak" in page and "Doorlopend LOB-programma" not in page
    # a write in one programme leaves the other alone
    client.post(reverse("theme_create", programme=fries), {"number": 2, "title": "Tweede Fries thema"})
    assert fries.themes.filter(number=2).exists() and not demo.themes.filter(title="Tweede Fries thema").exists()
    assert Project.objects.filter(programme=demo, title="Friese aanpak").count() == 0


@pytest.mark.parametrize("role", [Membership.Role.STEERING_GROUP, Membership.Role.PROJECT_LEADER])
def test_programme_list_shows_the_users_programmes_with_their_status(client, shipped_demo, role):
    user = UserFactory(username=f"lid-{role}")
    Membership.objects.create(user=user, programme=shipped_demo, role=role)
    client.force_login(user)
    html = client.get("/programmas/").content.decode()
    assert "Vervolgaanpak VSV 2020-2024" in html and "afgesloten" in html
    assert "2026-2029 (voorbeeld)" not in html  # no role there
    assert Programme.objects.filter(region=shipped_demo.region).count() == 2
