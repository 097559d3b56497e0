extension FlaskTemplate {
    /// `tests/conftest.py`: the application (testing configuration, its own `config.json`) and clients, one signed in.
    static func conftest(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/conftest.py", #"""
            from __future__ import annotations

            from collections.abc import Iterator

            import pytest
            from flask import Flask
            from flask.testing import FlaskClient

            from \#(module) import create_app


            @pytest.fixture
            def app(tmp_path) -> Iterator[Flask]:
                """The application with the testing configuration and a config.json of its own."""
                app = create_app("testing", CONFIG_OVERRIDES=str(tmp_path / "config.json"))
                yield app
                app.extensions["config_overrides"].stop()


            @pytest.fixture
            def client(app: Flask) -> FlaskClient:
                return app.test_client()


            @pytest.fixture
            def admin_client(client: FlaskClient) -> FlaskClient:
                """A client signed in as ``admin``."""
                response = client.post("/login", data={"username": "admin"})
                assert response.status_code == 302
                return client

            """#)
    }

    /// `tests/test_views.py`: the index redirect, the greetings, escaping and `Markup`, the stylesheet through `url_for`.
    static func testViews() -> ScaffoldFile {
        ScaffoldFile("tests/test_views.py", #"""
            from __future__ import annotations


            def test_index_redirects_to_the_login_page_without_a_user(client):
                response = client.get("/")
                assert response.status_code == 302
                assert response.headers["Location"] == "/login"


            def test_index_greets_the_signed_in_user(admin_client):
                response = admin_client.get("/")
                assert response.status_code == 200
                assert b"Welcome, admin" in response.data


            def test_hello_without_a_name_greets_the_world(client):
                response = client.get("/hello")
                assert response.status_code == 200
                assert b"<strong>Hello</strong>, World!" in response.data


            def test_hello_extends_the_layout_and_links_the_stylesheet(client):
                page = client.get("/hello/Ada").get_data(as_text=True)
                assert "<strong>Hello</strong>, Ada!" in page
                assert '<link rel="stylesheet" href="/static/css/style.css">' in page
                stylesheet = client.get("/static/css/style.css")
                assert stylesheet.status_code == 200
                assert stylesheet.mimetype == "text/css"
                stylesheet.close()


            def test_the_name_is_escaped_but_the_markup_greeting_is_not(client):
                page = client.get("/hello/<em>x</em>").get_data(as_text=True)
                # The name comes from the URL: Jinja escapes it.
                assert "&lt;em&gt;x&lt;/em&gt;" in page
                assert "<em>x</em>" not in page
                # The greeting is Markup, trusted HTML: printed as it is.
                assert "<strong>Hello</strong>" in page

            """#)
    }

    /// `tests/test_login.py`: the login form, its title, header and cookie, unknown users, missing fields, passwords, logout.
    static func testLogin(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/test_login.py", #"""
            from __future__ import annotations

            from datetime import datetime

            import pytest

            from \#(module) import create_app
            from \#(module).views import DEFAULT_LOGIN_TITLE


            def test_get_shows_the_form_with_the_default_title(client):
                response = client.get("/login")
                assert response.status_code == 200
                page = response.get_data(as_text=True)
                assert f"<h1>{DEFAULT_LOGIN_TITLE}</h1>" in page
                assert '<form method="post"' in page
                assert response.headers["X-Frame-Options"] == "DENY"


            def test_the_title_comes_from_the_query_string(client):
                page = client.get("/login?title=Staff+only").get_data(as_text=True)
                assert "<h1>Staff only</h1>" in page


            def test_admin_signs_in(client):
                response = client.post("/login", data={"username": "admin"})
                assert response.status_code == 302
                assert response.headers["Location"] == "/"
                with client.session_transaction() as session:
                    assert session["username"] == "admin"
                cookie = client.get_cookie("login_time")
                assert cookie is not None
                datetime.strptime(cookie.value, "%Y-%m-%dT%H:%M:%SZ")


            def test_an_unknown_user_is_refused(client):
                response = client.post("/login", data={"username": "mallory"})
                assert response.status_code == 401
                assert b"No such user!" in response.data
                with client.session_transaction() as session:
                    assert "username" not in session


            def test_a_missing_field_is_a_bad_request(client):
                response = client.post("/login", data={})
                assert response.status_code == 400


            def test_an_invalid_name_shows_the_form_again(client):
                response = client.post("/login", data={"username": "  "})
                assert response.status_code == 400
                assert b"Enter your user name." in response.data


            @pytest.mark.parametrize("password, status", [("wrong", 401), ("s3cret-enough", 302)])
            def test_a_password_is_checked_when_set(password, status):
                app = create_app("testing", ADMIN_PASSWORD="s3cret-enough", CONFIG_OVERRIDES=None)
                response = app.test_client().post(
                    "/login", data={"username": "admin", "password": password}
                )
                assert response.status_code == status


            def test_without_passwordless_sign_in_a_password_is_needed(app, client):
                app.config["PASSWORDLESS_LOGIN"] = False
                response = client.post("/login", data={"username": "admin"})
                assert response.status_code == 401
                assert b"Wrong password!" in response.data


            def test_logout_clears_the_session_and_redirects(admin_client):
                response = admin_client.get("/logout")
                assert response.status_code == 302
                assert response.headers["Location"] == "/login"
                with admin_client.session_transaction() as session:
                    assert dict(session) == {}
                assert admin_client.get("/").status_code == 302

            """#)
    }

    /// `tests/test_errors.py`: the 404 page and `InvalidUsage`.
    static func testErrors(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/test_errors.py", #"""
            from __future__ import annotations

            from \#(module).views import InvalidUsage


            def test_an_unknown_page_renders_the_404_template(client):
                response = client.get("/no/such/page")
                assert response.status_code == 404
                page = response.get_data(as_text=True)
                assert "<h1>Page not found</h1>" in page
                assert "<code>/no/such/page</code>" in page
                assert "/static/css/style.css" in page  # 404.html extends the layout


            def test_invalid_usage_is_answered_with_its_status_code(client):
                response = client.get("/admin/")
                assert response.status_code == 403
                assert response.is_json
                assert response.get_json() == {
                    "message": "Administrators only: sign in first.",
                    "login": "/login",
                }


            def test_invalid_usage_defaults_to_bad_request():
                error = InvalidUsage("Bad input", payload={"field": "name"})
                assert error.status_code == 400
                assert error.to_dict() == {"field": "name", "message": "Bad input"}
                assert InvalidUsage("Gone", status_code=410).status_code == 410

            """#)
    }

    /// `tests/test_admin.py`: the blueprint under `/admin`, administrators only.
    static func testAdmin(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/test_admin.py", #"""
            from __future__ import annotations

            from \#(module).models import users


            def test_anonymous_users_are_refused(client):
                assert client.get("/admin/").status_code == 403


            def test_a_user_who_is_not_an_administrator_is_refused(app, client):
                with app.app_context():
                    users().add("guest")
                assert client.post("/login", data={"username": "guest"}).status_code == 302
                assert client.get("/admin/").status_code == 403


            def test_the_administrator_sees_the_users(admin_client):
                response = admin_client.get("/admin/")
                assert response.status_code == 200
                assert b"<td>admin</td>" in response.data
                assert b"administrator" in response.data


            def test_the_blueprint_lives_under_admin(app):
                rules = {
                    rule.rule
                    for rule in app.url_map.iter_rules()
                    if rule.endpoint.startswith("admin.")
                }
                assert rules == {"/admin/"}

            """#)
    }

    /// `tests/test_requirements.py`: `requirements.txt` says what `uv.lock` says.
    static func testRequirements() -> ScaffoldFile {
        ScaffoldFile("tests/test_requirements.py", #"""
            """requirements.txt is exported from uv.lock: it must say what the lock says.

            After changing the dependencies, export it again:
            ``suv export --no-dev -o requirements.txt``.
            """

            from __future__ import annotations

            import re
            from pathlib import Path

            import pytest

            try:
                import tomllib
            except ImportError:  # Python < 3.11: pytest depends on tomli there
                import tomli as tomllib

            ROOT = Path(__file__).resolve().parent.parent
            PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


            def normalize(name: str) -> str:
                return re.sub(r"[-_.]+", "-", name).lower()


            @pytest.fixture
            def pins() -> dict[str, str]:
                path = ROOT / "requirements.txt"
                if not path.exists():
                    pytest.skip("no requirements.txt: suv export --no-dev -o requirements.txt")
                lines = path.read_text(encoding="utf-8").splitlines()
                return {normalize(match[1]): match[2] for match in map(PIN.match, lines) if match}


            def test_requirements_pin_what_the_lock_pins(pins):
                # In a workspace, the lock is the workspace root's.
                path = next(
                    (d / "uv.lock" for d in (ROOT, *ROOT.parents) if (d / "uv.lock").exists()), None
                )
                assert path is not None, "no uv.lock: suv lock"
                lock = tomllib.loads(path.read_text(encoding="utf-8"))
                locked = {
                    normalize(package["name"]): package.get("version")
                    for package in lock["package"]
                }
                assert pins, "requirements.txt pins nothing"
                for name, version in pins.items():
                    assert locked.get(name) == version, (
                        f"{name}: requirements.txt {version}, uv.lock {locked.get(name)}"
                    )


            def test_every_dependency_is_pinned(pins):
                project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                for requirement in project["project"]["dependencies"]:
                    name = normalize(re.match(r"[A-Za-z0-9._-]+", requirement)[0])
                    assert name in pins, f"{name} is not in requirements.txt"

            """#)
    }
}
