extension FlaskTemplate {
    /// `tests/test_config.py`: secret keys, debug, configuration names, `config.json` reloads (mtime and watchdog), logging.
    static func testConfig(module: String) -> ScaffoldFile {
        ScaffoldFile("tests/test_config.py", #"""
            from __future__ import annotations

            import json
            import logging
            import os
            import stat
            import sys
            import types
            from pathlib import Path

            import pytest

            import config
            from config import ConfigOverrides, DevelopmentConfig, ProductionConfig, TestingConfig
            from \#(module) import create_app


            @pytest.fixture(autouse=True)
            def no_environment(monkeypatch):
                for name in ("SECRET_KEY", "APP_CONFIG", "FLASK_DEBUG", "ADMIN_PASSWORD"):
                    monkeypatch.delenv(name, raising=False)


            def test_the_secret_key_comes_from_the_environment_first(tmp_path, monkeypatch):
                (tmp_path / "secret_key").write_text("from-the-file\n")
                assert ProductionConfig.load(tmp_path)["SECRET_KEY"] == "from-the-file"
                monkeypatch.setenv("SECRET_KEY", "from-the-environment")
                assert ProductionConfig.load(tmp_path)["SECRET_KEY"] == "from-the-environment"


            def test_production_refuses_to_start_without_a_secret_key(tmp_path):
                with pytest.raises(RuntimeError, match="No secret key"):
                    ProductionConfig.load(tmp_path)


            def test_development_creates_a_random_private_key_file(tmp_path):
                first = DevelopmentConfig.load(tmp_path / "one")["SECRET_KEY"]
                second = DevelopmentConfig.load(tmp_path / "two")["SECRET_KEY"]
                assert len(first) == 64 and int(first, 16) >= 0
                assert first != second
                key_file = tmp_path / "one" / "secret_key"
                assert key_file.read_text().strip() == first
                assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
                assert DevelopmentConfig.load(tmp_path / "one")["SECRET_KEY"] == first


            def test_testing_keys_differ_per_application():
                assert (
                    TestingConfig.load("unused")["SECRET_KEY"]
                    != TestingConfig.load("unused")["SECRET_KEY"]
                )


            def test_debug_is_off_in_production_whatever_flask_debug_says(monkeypatch):
                monkeypatch.setenv("FLASK_DEBUG", "1")
                monkeypatch.setenv("SECRET_KEY", "k" * 64)
                assert create_app("production", CONFIG_OVERRIDES=None).debug is False
                assert create_app("development", CONFIG_OVERRIDES=None).debug is True
                monkeypatch.setenv("FLASK_DEBUG", "0")
                assert create_app("development", CONFIG_OVERRIDES=None).debug is False


            def test_app_config_names_the_configuration(monkeypatch):
                monkeypatch.setenv("SECRET_KEY", "k" * 64)
                assert (
                    create_app(CONFIG_OVERRIDES=None).config["SESSION_COOKIE_SECURE"] is True
                )  # production by default
                monkeypatch.setenv("APP_CONFIG", "testing")
                assert create_app().testing
                with pytest.raises(ValueError, match="Unknown configuration 'staging'"):
                    create_app("staging")


            def write_json(path: Path, values: dict, *, mtime: int) -> None:
                path.write_text(json.dumps(values))
                os.utime(
                    path, ns=(mtime, mtime)
                )  # distinct times, however coarse the file system's clock


            def test_config_json_changes_apply_without_a_restart(app, client, tmp_path):
                overrides_file = tmp_path / "config.json"
                assert app.config["PASSWORDLESS_LOGIN"] is True
                write_json(
                    overrides_file,
                    {"PASSWORDLESS_LOGIN": False, "GREETING_COLOUR": "teal"},
                    mtime=1_000_000_000_000_000_000,
                )
                assert client.post("/login", data={"username": "admin"}).status_code == 401
                assert app.config["GREETING_COLOUR"] == "teal"

                write_json(overrides_file, {}, mtime=1_100_000_000_000_000_000)
                assert client.post("/login", data={"username": "admin"}).status_code == 302
                assert app.config["PASSWORDLESS_LOGIN"] is True
                assert "GREETING_COLOUR" not in app.config


            def test_a_broken_config_json_is_logged_and_ignored(tmp_path, caplog):
                settings = {"LOG_LEVEL": "INFO"}
                overrides = ConfigOverrides(settings, tmp_path / "config.json")
                write_json(
                    tmp_path / "config.json",
                    {"LOG_LEVEL": "DEBUG"},
                    mtime=1_000_000_000_000_000_000,
                )
                assert overrides.refresh() and settings["LOG_LEVEL"] == "DEBUG"
                assert not overrides.refresh()  # unchanged: not read again

                (tmp_path / "config.json").write_text("{not json")
                os.utime(tmp_path / "config.json", ns=(1_100_000_000_000_000_000,) * 2)
                with caplog.at_level(logging.ERROR, logger="config"):
                    assert not overrides.refresh()
                assert settings["LOG_LEVEL"] == "DEBUG"
                assert "Ignoring" in caplog.text

                write_json(
                    tmp_path / "config.json", {"lower_case": 1}, mtime=1_200_000_000_000_000_000
                )
                assert not overrides.refresh()
                (tmp_path / "config.json").unlink()
                assert overrides.refresh() and settings == {"LOG_LEVEL": "INFO"}


            def test_a_watchdog_observer_refreshes_when_watchdog_is_installed(
                tmp_path, monkeypatch
            ):
                observers = []

                class FakeObserver:
                    def __init__(self):
                        self.daemon = False
                        self.started = False
                        observers.append(self)

                    def schedule(self, handler, path, recursive):
                        self.handler, self.path, self.recursive = handler, path, recursive

                    def start(self):
                        self.started = True

                    def stop(self):
                        self.started = False

                events = types.ModuleType("watchdog.events")
                events.FileSystemEventHandler = type("FileSystemEventHandler", (), {})
                observers_module = types.ModuleType("watchdog.observers")
                observers_module.Observer = FakeObserver
                monkeypatch.setitem(sys.modules, "watchdog", types.ModuleType("watchdog"))
                monkeypatch.setitem(sys.modules, "watchdog.events", events)
                monkeypatch.setitem(sys.modules, "watchdog.observers", observers_module)

                settings = {"LOG_LEVEL": "INFO"}
                path = tmp_path / "config.json"
                overrides = ConfigOverrides(settings, path)
                assert overrides.watch()
                observer = observers[0]
                assert (observer.path, observer.recursive, observer.started, observer.daemon) == (
                    str(tmp_path),
                    False,
                    True,
                    True,
                )

                write_json(path, {"LOG_LEVEL": "DEBUG"}, mtime=1_000_000_000_000_000_000)
                observer.handler.on_any_event(
                    types.SimpleNamespace(src_path=str(tmp_path / "other.json"))
                )
                assert settings["LOG_LEVEL"] == "INFO"
                observer.handler.on_any_event(types.SimpleNamespace(src_path=str(path)))
                assert settings["LOG_LEVEL"] == "DEBUG"
                overrides.stop()
                assert not observer.started


            def test_without_watchdog_watch_says_so(tmp_path, monkeypatch):
                monkeypatch.setitem(sys.modules, "watchdog", None)
                assert not ConfigOverrides({}, tmp_path / "config.json").watch()


            def test_one_logging_configuration_quiets_noisy_loggers():
                config.configure_logging("DEBUG")
                assert logging.getLogger().level == logging.DEBUG
                for name in config.NOISY_LOGGERS:
                    assert logging.getLogger(name).level == logging.WARNING
                assert (
                    logging.getLogger("watchdog.observers.inotify").getEffectiveLevel()
                    == logging.WARNING
                )
                assert logging.getLogger("\#(module)").getEffectiveLevel() == logging.DEBUG


            def test_a_new_log_level_in_config_json_applies_at_once(app, client, tmp_path):
                write_json(
                    tmp_path / "config.json",
                    {"LOG_LEVEL": "ERROR"},
                    mtime=1_000_000_000_000_000_000,
                )
                client.get("/hello")
                assert logging.getLogger().level == logging.ERROR

            """#)
    }
}
