extension FlaskTemplate {
    /// `<module>/__init__.py`: `create_app()`, the application factory.
    static func packageInit(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/__init__.py", #"""
            """The web application, built by ``create_app()`` (an application factory).

            Development server: ``suv run python run.py``. Production server:
            ``suv run gunicorn -c gunicorn.conf.py "\#(module):create_app()"``.
            """

            from __future__ import annotations

            import logging
            from typing import Any

            from flask import Flask

            from config import Config, ConfigOverrides, config_class, configure_logging

            from . import models, views
            from .admin import bp as admin_bp


            def create_app(config: str | type[Config] | None = None, **settings: Any) -> Flask:
                """Builds the application.

                ``config`` is a class from ``config.py`` or its name (``development``, ``testing``,
                ``production``); by default the ``APP_CONFIG`` environment variable names it, else
                production. ``settings`` are laid over it (tests use them).
                """
                app = Flask(__name__)
                chosen = config_class(config)
                app.config.update(chosen.load(app.instance_path))
                app.config.update(settings)
                configure_logging(app.config["LOG_LEVEL"])

                if app.config["CONFIG_OVERRIDES"]:
                    overrides = ConfigOverrides(
                        app.config, app.config["CONFIG_OVERRIDES"], on_change=_follow_log_level
                    )
                    overrides.refresh()
                    overrides.watch()

                    @app.before_request
                    def refresh_config() -> None:
                        # One stat per request: changes apply from the next request on.
                        overrides.refresh()

                    app.extensions["config_overrides"] = overrides

                models.init_app(app)
                app.register_blueprint(views.bp)
                app.register_blueprint(admin_bp)
                app.logger.info("Application created with %s", chosen.__name__)
                return app


            def _follow_log_level(changed: dict[str, Any]) -> None:
                """Applies a new ``LOG_LEVEL`` from ``config.json`` at once."""
                if changed.get("LOG_LEVEL"):
                    logging.getLogger().setLevel(changed["LOG_LEVEL"])

            """#)
    }

    /// `<module>/views.py`: the pages, sign-in and sign-out, `InvalidUsage` and the error handlers.
    static func views(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/views.py", #"""
            """The pages: the index, greetings, signing in and out, and the error answers."""

            from __future__ import annotations

            from datetime import datetime, timezone
            from typing import Any

            from flask import (
                Blueprint,
                current_app,
                jsonify,
                make_response,
                redirect,
                render_template,
                request,
                session,
                url_for,
            )
            from markupsafe import Markup
            from werkzeug.exceptions import NotFound
            from werkzeug.wrappers import Response

            from .forms import LoginForm
            from .models import UnknownUser, WrongPassword, current_user, users

            bp = Blueprint("main", __name__)

            DEFAULT_LOGIN_TITLE = "Sign in"


            class InvalidUsage(Exception):
                """A request the application refuses; answered as JSON with ``status_code``."""

                status_code = 400

                def __init__(
                    self,
                    message: str,
                    status_code: int | None = None,
                    payload: dict[str, Any] | None = None,
                ) -> None:
                    super().__init__(message)
                    self.message = message
                    if status_code is not None:
                        self.status_code = status_code
                    self.payload = payload or {}

                def to_dict(self) -> dict[str, Any]:
                    return {**self.payload, "message": self.message}


            @bp.get("/")
            def index() -> Response | str:
                user = current_user()
                if user is None:
                    return redirect(url_for("main.login"))
                return render_template("index.html", user=user)


            @bp.get("/hello")
            @bp.get("/hello/<path:name>")
            def hello(name: str | None = None) -> str:
                # Jinja escapes `name`, which comes from the URL. The greeting is Markup: trusted
                # HTML, printed as it is. Never wrap user input in Markup.
                greeting = Markup("<strong>Hello</strong>")
                return render_template("hello.html", greeting=greeting, name=name)


            @bp.route("/login", methods=["GET", "POST"])
            def login() -> Response:
                if request.method == "GET":
                    return _login_page(LoginForm())
                # A missing field raises BadRequestKeyError: 400 Bad Request.
                form = LoginForm.from_form(request.form)
                if not form.validate():
                    return _login_page(form, status=400)
                try:
                    user = users().authenticate(
                        form.username,
                        form.password,
                        allow_passwordless=current_app.config["PASSWORDLESS_LOGIN"],
                    )
                except UnknownUser:
                    return _login_page(form, error="No such user!", status=401)
                except WrongPassword:
                    return _login_page(form, error="Wrong password!", status=401)
                session.clear()  # a new session for the signed-in user
                session["username"] = user.username
                current_app.logger.info("%s signed in", user.username)
                response = make_response(redirect(url_for("main.index")))
                # When the user signed in (UTC); static/js/app.js shows it in local time.
                response.set_cookie(
                    "login_time",
                    datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
                    samesite="Lax",
                )
                return response


            def _login_page(
                form: LoginForm, *, error: str | None = None, status: int = 200
            ) -> Response:
                title = request.args.get("title", DEFAULT_LOGIN_TITLE)
                response = make_response(
                    render_template("login.html", form=form, error=error, title=title), status
                )
                # No other site may show the sign-in form in a frame (clickjacking).
                response.headers["X-Frame-Options"] = "DENY"
                return response


            @bp.get("/logout")
            def logout() -> Response:
                username = session.get("username")
                session.clear()
                if username:
                    current_app.logger.info("%s signed out", username)
                response = redirect(url_for("main.login"))
                response.delete_cookie("login_time")
                return response


            @bp.app_errorhandler(404)
            def not_found(error: NotFound) -> tuple[str, int]:
                return render_template("404.html", path=request.path), 404


            @bp.app_errorhandler(InvalidUsage)
            def invalid_usage(error: InvalidUsage) -> tuple[Response, int]:
                return jsonify(error.to_dict()), error.status_code

            """#)
    }

    /// `<module>/admin/__init__.py`: the administration blueprint under `/admin`.
    static func admin(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/admin/__init__.py", #"""
            """The administration pages, a blueprint under ``/admin``: administrators only."""

            from __future__ import annotations

            from flask import Blueprint, render_template, url_for

            from ..models import current_user, users
            from ..views import InvalidUsage

            bp = Blueprint("admin", __name__, url_prefix="/admin")


            @bp.before_request
            def require_admin() -> None:
                """Refuses everyone but a signed-in administrator (403, as JSON)."""
                user = current_user()
                if user is None or not user.is_admin:
                    raise InvalidUsage(
                        "Administrators only: sign in first.",
                        status_code=403,
                        payload={"login": url_for("main.login")},
                    )


            @bp.get("/")
            def index() -> str:
                return render_template("admin/index.html", users=list(users()))

            """#)
    }
}
