extension FlaskTemplate {
    /// `<module>/forms.py`: the login form's validation.
    static func forms(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/forms.py", #"""
            """Submitted forms, read and validated without extra dependencies."""

            from __future__ import annotations

            import re
            from dataclasses import dataclass, field
            from typing import Mapping

            USERNAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")
            MAX_PASSWORD_LENGTH = 1024


            @dataclass
            class LoginForm:
                username: str = ""
                password: str = ""
                errors: dict[str, str] = field(default_factory=dict)

                @classmethod
                def from_form(cls, form: Mapping[str, str]) -> LoginForm:
                    """The submitted fields. ``username`` must be there: ``form["username"]`` raises
                    ``KeyError`` otherwise, which Flask's ``request.form`` answers with 400 Bad
                    Request.
                    ``password`` may be left out (users without a password in development)."""
                    return cls(username=form["username"].strip(), password=form.get("password", ""))

                def validate(self) -> bool:
                    """Checks the fields, filling ``errors`` (field name: message); whether all
                    are valid."""
                    self.errors = {}
                    if not self.username:
                        self.errors["username"] = "Enter your user name."
                    elif not USERNAME.fullmatch(self.username):
                        self.errors["username"] = (
                            "A user name is up to 64 letters, digits, dots, dashes and underscores."
                        )
                    if len(self.password) > MAX_PASSWORD_LENGTH:
                        self.errors["password"] = (
                            f"A password is at most {MAX_PASSWORD_LENGTH} characters."
                        )
                    return not self.errors

            """#)
    }

    /// `<module>/models.py`: the user store.
    static func models(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/models.py", #"""
            """The users who can sign in: a small in-memory store, one per application."""

            from __future__ import annotations

            import threading
            from dataclasses import dataclass
            from typing import Iterator

            from flask import Flask, current_app, session
            from werkzeug.security import check_password_hash, generate_password_hash


            class UnknownUser(LookupError):
                """No user has that name."""


            class WrongPassword(ValueError):
                """The password does not match (or one is needed and none is set)."""


            @dataclass(frozen=True)
            class User:
                username: str
                # A salted hash (werkzeug.security), never the password; None: no password.
                password_hash: str | None = None
                is_admin: bool = False

                def check_password(self, password: str) -> bool:
                    return self.password_hash is not None and check_password_hash(
                        self.password_hash, password
                    )


            class UserStore:
                """Users by name. Safe to share between threads."""

                def __init__(self) -> None:
                    self._users: dict[str, User] = {}
                    self._lock = threading.Lock()

                def add(
                    self, username: str, password: str | None = None, *, is_admin: bool = False
                ) -> User:
                    """Adds a user; a password is stored hashed. Names are unique."""
                    user = User(
                        username, generate_password_hash(password) if password else None, is_admin
                    )
                    with self._lock:
                        if username in self._users:
                            raise ValueError(f"User {username!r} already exists")
                        self._users[username] = user
                    return user

                def get(self, username: str | None) -> User | None:
                    with self._lock:
                        return self._users.get(username) if username is not None else None

                def authenticate(
                    self, username: str, password: str, *, allow_passwordless: bool = False
                ) -> User:
                    """The user with that name and password.

                    A user without a password signs in by name alone when ``allow_passwordless`` (in
                    development and tests), and never otherwise.
                    """
                    user = self.get(username)
                    if user is None:
                        raise UnknownUser(username)
                    if user.password_hash is None:
                        if allow_passwordless:
                            return user
                        raise WrongPassword(username)
                    if not user.check_password(password):
                        raise WrongPassword(username)
                    return user

                def __contains__(self, username: object) -> bool:
                    with self._lock:
                        return username in self._users

                def __iter__(self) -> Iterator[User]:
                    with self._lock:
                        return iter(sorted(self._users.values(), key=lambda user: user.username))

                def __len__(self) -> int:
                    with self._lock:
                        return len(self._users)


            def init_app(app: Flask) -> UserStore:
                """Gives the application its store, with the administrator ``admin`` (password:
                ``ADMIN_PASSWORD``, when set)."""
                store = UserStore()
                store.add("admin", app.config.get("ADMIN_PASSWORD"), is_admin=True)
                app.extensions["users"] = store
                return store


            def users() -> UserStore:
                """The current application's store."""
                return current_app.extensions["users"]


            def current_user() -> User | None:
                """The signed-in user, from the session."""
                return users().get(session.get("username"))

            """#)
    }
}
