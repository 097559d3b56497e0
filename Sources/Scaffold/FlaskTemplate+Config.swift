extension FlaskTemplate {
    /// `config.py`: a configuration class per environment, the secret key, `config.json` overrides reloaded while running, the logging configuration.
    static func configPy() -> ScaffoldFile {
        ScaffoldFile("config.py", #"""
            """Configuration: one class per environment, chosen by name (``APP_CONFIG``).

            ``create_app()`` loads ``DevelopmentConfig``, ``TestingConfig`` or
            ``ProductionConfig``, then lays the keys of an optional ``config.json`` beside this
            file over it. That file is read again whenever it changes, without a restart: its
            modification time is checked before each request, and a watchdog observer reloads it
            at once when watchdog is installed.

            The secret key comes from the ``SECRET_KEY`` environment variable, else from
            ``instance/secret_key`` (made by ``suv init``, ignored by git). Keep secrets out of
            ``config.json``.
            """

            from __future__ import annotations

            import json
            import logging
            import logging.config
            import os
            import secrets
            import threading
            from collections.abc import Callable, MutableMapping
            from pathlib import Path
            from typing import Any

            BASE_DIR = Path(__file__).resolve().parent
            OVERRIDES_FILE = BASE_DIR / "config.json"
            SECRET_KEY_FILE = "secret_key"

            LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
            # Third-party loggers that are chatty below WARNING.
            NOISY_LOGGERS = ("watchdog", "urllib3", "asyncio")

            log = logging.getLogger(__name__)


            def debug_from_env() -> bool:
                """Whether ``FLASK_DEBUG`` asks for debug mode (as Flask reads it)."""
                value = os.environ.get("FLASK_DEBUG", "")
                return value.lower() not in {"", "0", "false", "no"}


            def read_secret_key(
                instance_path: str | os.PathLike[str], *, create: bool = False
            ) -> str:
                """``SECRET_KEY`` from the environment, else the instance folder's key file.

                With ``create``, a missing key file gets a new random key, readable by its owner
                only.
                """
                key = os.environ.get("SECRET_KEY", "").strip()
                if key:
                    return key
                path = Path(instance_path) / SECRET_KEY_FILE
                try:
                    key = path.read_text(encoding="utf-8").strip()
                except FileNotFoundError:
                    key = ""
                if key:
                    return key
                if not create:
                    raise RuntimeError(
                        f"No secret key: set SECRET_KEY, or write one to {path} "
                        "(python -c 'import secrets; print(secrets.token_hex(32))')"
                    )
                key = secrets.token_hex(32)
                path.parent.mkdir(parents=True, exist_ok=True)
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                    file.write(key + "\n")
                return key


            class Config:
                """Settings every environment shares."""

                DEBUG = False
                TESTING = False
                LOG_LEVEL = "INFO"
                # Signing in by user name alone (no password set): development and tests only.
                PASSWORDLESS_LOGIN = False
                SESSION_COOKIE_HTTPONLY = True
                SESSION_COOKIE_SAMESITE = "Lax"
                # The JSON file whose keys override these; None for none.
                CONFIG_OVERRIDES: str | None = str(OVERRIDES_FILE)

                @classmethod
                def load(cls, instance_path: str | os.PathLike[str]) -> dict[str, Any]:
                    """The settings, with what comes from the environment read now."""
                    values = {key: getattr(cls, key) for key in dir(cls) if key.isupper()}
                    values["SECRET_KEY"] = cls.secret_key(instance_path)
                    values["ADMIN_PASSWORD"] = os.environ.get("ADMIN_PASSWORD") or None
                    return values

                @classmethod
                def secret_key(cls, instance_path: str | os.PathLike[str]) -> str:
                    return read_secret_key(instance_path)


            class DevelopmentConfig(Config):
                LOG_LEVEL = "DEBUG"
                PASSWORDLESS_LOGIN = True

                @classmethod
                def load(cls, instance_path: str | os.PathLike[str]) -> dict[str, Any]:
                    values = super().load(instance_path)
                    values["DEBUG"] = debug_from_env()
                    return values

                @classmethod
                def secret_key(cls, instance_path: str | os.PathLike[str]) -> str:
                    # A fresh clone has no key file (it is not in git): make one.
                    return read_secret_key(instance_path, create=True)


            class TestingConfig(Config):
                TESTING = True
                LOG_LEVEL = "WARNING"
                PASSWORDLESS_LOGIN = True
                # Tests pass their own file; the developer's config.json must not change them.
                CONFIG_OVERRIDES = None

                @classmethod
                def secret_key(cls, instance_path: str | os.PathLike[str]) -> str:
                    return secrets.token_hex(32)


            class ProductionConfig(Config):
                # Debug stays off here, whatever FLASK_DEBUG says.
                DEBUG = False
                # Served over HTTPS (behind a proxy that terminates TLS): the session cookie
                # travels over HTTPS only.
                SESSION_COOKIE_SECURE = True


            CONFIGS: dict[str, type[Config]] = {
                "development": DevelopmentConfig,
                "testing": TestingConfig,
                "production": ProductionConfig,
            }


            def config_class(config: str | type[Config] | None = None) -> type[Config]:
                """A configuration class, given or named; by default ``APP_CONFIG`` names it,
                else production."""
                if isinstance(config, type):
                    return config
                name = (config or os.environ.get("APP_CONFIG") or "production").lower()
                try:
                    return CONFIGS[name]
                except KeyError:
                    raise ValueError(
                        f"Unknown configuration {name!r}; expected one of {', '.join(CONFIGS)}"
                    ) from None


            def logging_config(level: str = "INFO") -> dict[str, Any]:
                """The one logging configuration: the application, Gunicorn and Werkzeug log
                through it."""
                return {
                    "version": 1,
                    "disable_existing_loggers": False,
                    "formatters": {"default": {"format": LOG_FORMAT}},
                    "handlers": {
                        "console": {
                            "class": "logging.StreamHandler",
                            "formatter": "default",
                            "stream": "ext://sys.stderr",
                        },
                    },
                    "root": {"level": level, "handlers": ["console"]},
                    "loggers": {
                        # Gunicorn's loggers write through the handler above, not their own.
                        "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
                        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": True},
                        **{name: {"level": "WARNING"} for name in NOISY_LOGGERS},
                    },
                }


            def configure_logging(level: str = "INFO") -> None:
                logging.config.dictConfig(logging_config(level))


            _MISSING = object()


            class ConfigOverrides:
                """The keys of a JSON file laid over a Flask config, kept in step with the file.

                ``refresh()`` reads the file again when its modification time or size changed
                (one ``stat`` per call); a key removed from the file gets its previous value back,
                and a file that is not a JSON object of upper-case keys is logged and ignored.
                ``watch()`` starts a watchdog observer that refreshes as soon as the file is saved,
                when watchdog is installed.
                """

                def __init__(
                    self,
                    config: MutableMapping[str, Any],
                    path: str | os.PathLike[str],
                    on_change: Callable[[dict[str, Any]], None] | None = None,
                ) -> None:
                    self.config = config
                    self.path = Path(path).resolve()
                    self.on_change = on_change
                    self.observer: Any = None
                    self._lock = threading.Lock()
                    self._signature: tuple[int, int] | None = None
                    self._previous: dict[str, Any] = {}

                def refresh(self) -> bool:
                    """Applies the file if it changed since the last call; whether the config
                    changed."""
                    try:
                        stat = self.path.stat()
                        signature: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
                    except FileNotFoundError:
                        signature = None
                    with self._lock:
                        if signature == self._signature:
                            return False
                        self._signature = signature
                        values = self._read() if signature is not None else {}
                        if values is None:
                            return False
                        return self._apply(values)

                def _read(self) -> dict[str, Any] | None:
                    try:
                        values = json.loads(self.path.read_text(encoding="utf-8"))
                    except (OSError, ValueError) as error:
                        log.error("Ignoring %s: %s", self.path, error)
                        return None
                    if not isinstance(values, dict) or not all(
                        isinstance(key, str) and key.isupper() for key in values
                    ):
                        log.error(
                            "Ignoring %s: expected a JSON object of upper-case keys", self.path
                        )
                        return None
                    return values

                def _apply(self, values: dict[str, Any]) -> bool:
                    changed: dict[str, Any] = {}
                    for key in [key for key in self._previous if key not in values]:
                        previous = self._previous.pop(key)
                        if previous is _MISSING:
                            self.config.pop(key, None)
                        else:
                            self.config[key] = previous
                        changed[key] = self.config.get(key)
                    for key, value in values.items():
                        if key not in self._previous:
                            self._previous[key] = self.config.get(key, _MISSING)
                        if self.config.get(key, _MISSING) != value:
                            self.config[key] = value
                            changed[key] = value
                    if changed:
                        log.info("Settings from %s: %s", self.path, ", ".join(sorted(changed)))
                        if self.on_change is not None:
                            self.on_change(changed)
                    return bool(changed)

                def watch(self) -> bool:
                    """Refreshes on each change of the file, through a watchdog observer; False
                    when watchdog is not installed."""
                    if self.observer is not None:
                        return True
                    try:
                        from watchdog.events import FileSystemEventHandler
                        from watchdog.observers import Observer
                    except ImportError:
                        return False
                    overrides = self

                    class Handler(FileSystemEventHandler):
                        def on_any_event(self, event: Any) -> None:
                            paths = (event.src_path, getattr(event, "dest_path", ""))
                            if any(
                                path and Path(os.fsdecode(path)).resolve() == overrides.path
                                for path in paths
                            ):
                                overrides.refresh()

                    observer = Observer()
                    observer.daemon = True
                    observer.schedule(Handler(), str(self.path.parent), recursive=False)
                    observer.start()
                    self.observer = observer
                    return True

                def stop(self) -> None:
                    if self.observer is not None:
                        self.observer.stop()
                        self.observer = None

            """#)
    }
}
