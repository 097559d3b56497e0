extension FlaskTemplate {
    /// `tests/test_forms.py`: the login form's validation.
    static func testForms(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/test_forms.py", #"""
            from __future__ import annotations

            import pytest
            from werkzeug.datastructures import MultiDict
            from werkzeug.exceptions import BadRequestKeyError

            from \#(module).forms import LoginForm


            def test_a_valid_form():
                form = LoginForm.from_form({"username": " admin ", "password": "pw"})
                assert form.validate()
                assert (form.username, form.password, form.errors) == ("admin", "pw", {})


            def test_the_password_may_be_left_out():
                form = LoginForm.from_form({"username": "admin"})
                assert form.validate()
                assert form.password == ""


            @pytest.mark.parametrize(
                "username, message",
                [
                    ("", "Enter your user name."),
                    (
                        "no spaces",
                        "A user name is up to 64 letters, digits, dots, dashes and underscores.",
                    ),
                    (
                        "x" * 65,
                        "A user name is up to 64 letters, digits, dots, dashes and underscores.",
                    ),
                ],
            )
            def test_invalid_user_names(username, message):
                form = LoginForm.from_form({"username": username})
                assert not form.validate()
                assert form.errors == {"username": message}


            def test_an_overlong_password():
                form = LoginForm.from_form({"username": "admin", "password": "x" * 1025})
                assert not form.validate()
                assert set(form.errors) == {"password"}


            def test_a_missing_user_name_raises():
                with pytest.raises(KeyError):
                    LoginForm.from_form({"password": "pw"})
                # Flask's request.form turns it into 400 Bad Request.
                with pytest.raises(BadRequestKeyError):
                    LoginForm.from_form(MultiDict({"password": "pw"}))

            """#)
    }

    /// `tests/test_models.py`: the user store and its hashed passwords.
    static func testModels(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/test_models.py", #"""
            from __future__ import annotations

            import pytest

            from \#(module).models import UnknownUser, UserStore, WrongPassword


            @pytest.fixture
            def store() -> UserStore:
                store = UserStore()
                store.add("admin", is_admin=True)
                store.add("ada", "correct horse")
                return store


            def test_users_by_name(store):
                assert store.get("admin").is_admin
                assert not store.get("ada").is_admin
                assert store.get("nobody") is None
                assert store.get(None) is None
                assert "ada" in store and len(store) == 2
                assert [user.username for user in store] == ["ada", "admin"]


            def test_passwords_are_stored_hashed(store):
                user = store.get("ada")
                assert user.password_hash and "correct horse" not in user.password_hash
                assert user.check_password("correct horse")
                assert not user.check_password("wrong")


            def test_names_are_unique(store):
                with pytest.raises(ValueError):
                    store.add("ada")


            def test_authenticate(store):
                assert store.authenticate("ada", "correct horse").username == "ada"
                with pytest.raises(WrongPassword):
                    store.authenticate("ada", "wrong")
                with pytest.raises(UnknownUser):
                    store.authenticate("nobody", "")


            def test_a_user_without_password_signs_in_only_where_allowed(store):
                assert store.authenticate("admin", "", allow_passwordless=True).username == "admin"
                with pytest.raises(WrongPassword):
                    store.authenticate("admin", "")

            """#)
    }

    /// `tests/test_run.py`: `run.py`: host, port and debug.
    static func testRun() -> ScaffoldFile {
        ScaffoldFile("tests/test_run.py", #"""
            from __future__ import annotations

            import pytest
            from flask import Flask

            import run


            @pytest.fixture
            def served(monkeypatch):
                """What run.main() passes to Flask.run, which does not start a server here."""
                calls = []
                monkeypatch.setattr(Flask, "run", lambda app, **options: calls.append(options))
                monkeypatch.setenv("SECRET_KEY", "k" * 64)
                monkeypatch.delenv("APP_CONFIG", raising=False)
                monkeypatch.delenv("FLASK_DEBUG", raising=False)
                return calls


            def test_serves_on_all_interfaces_port_5000_without_debug(served):
                run.main()
                assert served == [
                    {"host": "0.0.0.0", "port": 5000, "debug": False, "load_dotenv": False}
                ]


            def test_flask_debug_turns_debug_on(served, monkeypatch):
                monkeypatch.setenv("FLASK_DEBUG", "1")
                run.main()
                assert served[0]["debug"] is True


            def test_never_debug_in_production(served, monkeypatch):
                monkeypatch.setenv("FLASK_DEBUG", "1")
                monkeypatch.setenv("APP_CONFIG", "production")
                run.main()
                assert served[0]["debug"] is False

            """#)
    }

    /// `tests/test_gunicorn_conf.py`: `gunicorn.conf.py`: bind and workers from the environment, Gunicorn accepts it, one line per hook.
    static func testGunicornConf() -> ScaffoldFile {
        ScaffoldFile("tests/test_gunicorn_conf.py", #"""
            from __future__ import annotations

            import logging
            import runpy
            import types
            from pathlib import Path

            import pytest
            from gunicorn.config import Config

            CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"
            HOOKS = (
                "on_starting",
                "when_ready",
                "pre_fork",
                "post_fork",
                "worker_int",
                "worker_abort",
                "worker_exit",
                "on_exit",
            )


            @pytest.fixture
            def settings(monkeypatch):
                monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8123")
                monkeypatch.setenv("GUNICORN_WORKERS", "3")
                return runpy.run_path(str(CONF))


            def test_bind_and_workers_come_from_the_environment(settings):
                assert settings["bind"] == "127.0.0.1:8123"
                assert settings["workers"] == 3


            def test_gunicorn_accepts_every_setting(settings):
                config = Config()
                for name, value in settings.items():
                    if name in config.settings:
                        config.set(name, value)  # validates values and hook signatures
                assert config.bind == ["127.0.0.1:8123"]
                assert config.workers == 3
                assert config.logconfig_dict["root"]["handlers"] == ["console"]


            def test_each_hook_logs_one_line(settings):
                lines = []
                log = types.SimpleNamespace(
                    info=lambda message, *args: lines.append(message % args)
                )
                server = types.SimpleNamespace(
                    log=log, cfg=types.SimpleNamespace(bind=["127.0.0.1:8123"])
                )
                worker = types.SimpleNamespace(log=log, pid=4242, age=1)
                arguments = {"server": server, "worker": worker}
                for hook in HOOKS:
                    function = settings[hook]
                    before = len(lines)
                    function(
                        *(
                            arguments[name]
                            for name in function.__code__.co_varnames[
                                : function.__code__.co_argcount
                            ]
                        )
                    )
                    assert len(lines) == before + 1, hook
                assert "Ready: serving on 127.0.0.1:8123" in lines
                assert all(lines)


            def test_logging_goes_through_the_application_configuration(settings):
                config = settings["logconfig_dict"]
                assert config["loggers"]["gunicorn.error"]["propagate"] is True
                assert config["loggers"]["watchdog"]["level"] == logging.getLevelName(
                    logging.WARNING
                )

            """#)
    }
}
