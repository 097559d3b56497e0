extension FlaskTemplate {
    /// `README.md`: the layout, and how to run, test, configure and deploy the application with suv.
    static func readme(module: String, name: String) -> ScaffoldFile {
        ScaffoldFile("README.md", #"""
            # \#(name)

            A Flask application created by `suv init --flask`: an application factory, blueprints,
            templates and static files, a configuration per environment, tests, and Gunicorn for
            production.

            ```
            run.py              the development server
            config.py           configuration per environment, config.json overrides, logging
            gunicorn.conf.py    Gunicorn's settings and server hooks
            pyproject.toml      dependencies (the source of truth); uv.lock pins them
            requirements.txt    the pinned dependencies, exported from uv.lock
            \#(module)/
              __init__.py       create_app(), the application factory
              views.py          the pages: /, /hello, /login, /logout, error handlers
              admin/            the administration blueprint, under /admin
              forms.py          the login form's validation
              models.py         the user store
              templates/        Jinja templates (layout.html, hello.html, login.html, 404.html, ...)
              static/           css/, img/, js/
            tests/              pytest tests
            instance/           local data, ignored by git: secret_key
            ```

            ## Run it

            ```sh
            suv run python run.py                  # http://localhost:5000, configuration "development"
            FLASK_DEBUG=1 suv run python run.py    # with the reloader and the debugger
            ```

            `suv run` creates `.venv` from `uv.lock` on first use. Sign in as `admin` (no password in
            development).

            ## Test it

            ```sh
            suv run pytest
            ```

            ## Configure it

            `APP_CONFIG` picks the configuration class in `config.py`: `development`, `testing`, or
            `production` (the default, which `gunicorn.conf.py` uses unless told otherwise).

            | variable | meaning |
            | --- | --- |
            | `SECRET_KEY` | signs the session cookie; else `instance/secret_key` (a random key made by `suv init`) |
            | `ADMIN_PASSWORD` | the password of `admin`; without one, `admin` can sign in only in development |
            | `FLASK_DEBUG` | debug mode for `run.py` (never in production) |
            | `GUNICORN_BIND`, `GUNICORN_WORKERS` | where Gunicorn listens (`127.0.0.1:8000`) and how many workers it runs |

            Settings in `config.json` beside `config.py` (a JSON object of upper-case keys, such as
            `{"LOG_LEVEL": "DEBUG"}`) override the class's and are picked up while the application runs,
            at the next request (at once when `watchdog` is installed: `suv add watchdog`). Keep secrets
            out of it.

            ## Deploy it

            ```sh
            suv sync --locked --no-dev
            export SECRET_KEY=... ADMIN_PASSWORD=... GUNICORN_BIND=0.0.0.0:8000
            suv run --no-sync gunicorn -c gunicorn.conf.py "\#(module):create_app()"
            ```

            Put it behind a proxy that terminates HTTPS: in production the session cookie is sent over
            HTTPS only. Where suv is not installed, `pip install -r requirements.txt` installs the same
            pinned versions.

            ## Change the dependencies

            ```sh
            suv add flask-wtf                      # updates pyproject.toml and uv.lock
            suv export --no-dev -o requirements.txt
            ```

            """#)
    }

    /// `run.py`: the development server on 0.0.0.0:5000, debug from `FLASK_DEBUG`.
    static func runPy(module: String) -> ScaffoldFile {
        ScaffoldFile("run.py", #"""
            """Runs the development server: ``suv run python run.py`` serves on http://0.0.0.0:5000.

            Debug mode (the reloader and the debugger) follows ``FLASK_DEBUG``; ``APP_CONFIG``
            picks the configuration (``development`` unless set). In production, serve with
            Gunicorn (see README.md).
            """

            from __future__ import annotations

            import os

            from \#(module) import create_app

            HOST = "0.0.0.0"
            PORT = 5000


            def main() -> None:
                app = create_app(os.environ.get("APP_CONFIG", "development"))
                # Debug comes from the configuration: FLASK_DEBUG in development, never in
                # production.
                app.run(host=HOST, port=PORT, debug=app.debug, load_dotenv=False)


            if __name__ == "__main__":
                main()

            """#)
    }

    /// `gunicorn.conf.py`: bind and workers from the environment, the application's logging, a log line per server hook.
    static func gunicornConf(module: String) -> ScaffoldFile {
        ScaffoldFile("gunicorn.conf.py", #"""
            """Gunicorn's settings.

                suv run gunicorn -c gunicorn.conf.py "\#(module):create_app()"

            ``GUNICORN_BIND`` (default ``127.0.0.1:8000``) and ``GUNICORN_WORKERS`` (default:
            two per CPU plus one) come from the environment. Logging follows the application's
            configuration (``config.logging_config``), and each server hook logs one line.
            """

            from __future__ import annotations

            import multiprocessing
            import os

            from config import logging_config

            bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
            workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
            loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
            accesslog = "-"
            logconfig_dict = logging_config(loglevel.upper())


            def on_starting(server):
                server.log.info("Starting the master process")


            def when_ready(server):
                server.log.info("Ready: serving on %s", ", ".join(server.cfg.bind))


            def pre_fork(server, worker):
                server.log.info("Forking worker %s", worker.age)


            def post_fork(server, worker):
                server.log.info("Worker %s started (pid %s)", worker.age, worker.pid)


            def worker_int(worker):
                worker.log.info("Worker %s interrupted (SIGINT or SIGQUIT)", worker.pid)


            def worker_abort(worker):
                worker.log.info("Worker %s aborted (SIGABRT, a timeout most likely)", worker.pid)


            def worker_exit(server, worker):
                server.log.info("Worker %s exited", worker.pid)


            def on_exit(server):
                server.log.info("Stopped")

            """#)
    }
}
