import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from dashboards.demo import load_demo
from projects.demo.loader import DEMO_PASSWORD

# live_server runs in a thread beside Playwright's event loop; Django must allow the ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def demo(db):
    """The IJssel-Vecht demo plan with its demo users, as `make demo` loads it."""
    return load_demo()


def _login(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)
    return client


@pytest.fixture
def manager_client(demo, client):
    return _login(client, "programmamanager")


@pytest.fixture
def steering_client(demo, client):
    return _login(client, "stuurgroep")


@pytest.fixture
def leader_client(demo, client):
    return _login(client, "projectleider")


@pytest.fixture
def role_client(demo, client):
    """A client logged in as the named demo user, or anonymous for None."""

    def make(username):
        client.logout()
        if username:
            _login(client, username)
        return client

    return make


@pytest.fixture
def demo_user(demo):
    return lambda username: get_user_model().objects.get(username=username)


# The source documents live in shared/ beside the repository (CI lays a copy there); VSVPLAN_SHARED overrides.
SHARED = Path(os.environ.get("VSVPLAN_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def seed004():
    """The text of seed 004 (the IJssel-Vecht plan), to check the demo data against; skipped where absent."""
    path = SHARED / "seeds" / "004_d8af3e3cd9013636.txt"
    if not path.exists():
        pytest.skip("seed 004 (shared/seeds) ligt niet naast de repository; zet VSVPLAN_SHARED")
    return path.read_text(encoding="utf-8")
