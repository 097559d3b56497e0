extension FlaskTemplate {
    /// `templates/layout.html`: the page every other template extends.
    static func templateLayout(module: String, name: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/templates/layout.html", #"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{% block title %}\#(name){% endblock %}</title>
              <link rel="stylesheet" href="{{ url_for('static', filename='css/style.css') }}">
              <link rel="icon" href="{{ url_for('static', filename='img/logo.svg') }}">
              <script src="{{ url_for('static', filename='js/app.js') }}" defer></script>
            </head>
            <body>
              <header>
                <a class="brand" href="{{ url_for('main.index') }}">
                  <img src="{{ url_for('static', filename='img/logo.svg') }}" alt="" width="28" height="28"> \#(name)
                </a>
                <nav>
                  {% if session.username %}
                    <span>{{ session.username }}</span>
                    <a href="{{ url_for('admin.index') }}">Admin</a>
                    <a href="{{ url_for('main.logout') }}">Sign out</a>
                  {% else %}
                    <a href="{{ url_for('main.login') }}">Sign in</a>
                  {% endif %}
                </nav>
              </header>
              <main>
                {% block content %}{% endblock %}
              </main>
            </body>
            </html>

            """#)
    }

    /// `templates/index.html`: the signed-in user's start page.
    static func templateIndex(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/templates/index.html", #"""
            {% extends "layout.html" %}
            {% block title %}Home · {{ super() }}{% endblock %}
            {% block content %}
              <h1>Welcome, {{ user.username }}</h1>
              <p id="login-time"></p>
              <ul>
                <li><a href="{{ url_for('main.hello', name=user.username) }}">A greeting</a></li>
                {% if user.is_admin %}<li><a href="{{ url_for('admin.index') }}">Administration</a></li>{% endif %}
              </ul>
            {% endblock %}

            """#)
    }

    /// `templates/hello.html`: the greeting.
    static func templateHello(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/templates/hello.html", #"""
            {% extends "layout.html" %}
            {% block title %}Hello · {{ super() }}{% endblock %}
            {% block content %}
              {# `greeting` is Markup (trusted HTML, printed as is); `name` comes from the URL and is escaped. #}
              <h1>{{ greeting }}, {{ name or "World" }}!</h1>
            {% endblock %}

            """#)
    }

    /// `templates/login.html`: the sign-in form.
    static func templateLogin(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/templates/login.html", #"""
            {% extends "layout.html" %}
            {% block title %}{{ title }} · {{ super() }}{% endblock %}
            {% block content %}
              <h1>{{ title }}</h1>
              {% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
              <form method="post" action="{{ url_for('main.login') }}">
                <label>User name
                  <input name="username" value="{{ form.username }}" autocomplete="username" required autofocus>
                </label>
                {% if form.errors.username %}<p class="error">{{ form.errors.username }}</p>{% endif %}
                <label>Password
                  <input name="password" type="password" autocomplete="current-password">
                </label>
                {% if form.errors.password %}<p class="error">{{ form.errors.password }}</p>{% endif %}
                <button type="submit">Sign in</button>
              </form>
            {% endblock %}

            """#)
    }

    /// `templates/404.html`: the page-not-found answer.
    static func template404(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/templates/404.html", #"""
            {% extends "layout.html" %}
            {% block title %}Not found · {{ super() }}{% endblock %}
            {% block content %}
              <h1>Page not found</h1>
              <p>Nothing lives at <code>{{ path }}</code>. <a href="{{ url_for('main.index') }}">Back to the start</a>.</p>
            {% endblock %}

            """#)
    }

    /// `templates/admin/index.html`: the user list.
    static func templateAdmin(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/templates/admin/index.html", #"""
            {% extends "layout.html" %}
            {% block title %}Administration · {{ super() }}{% endblock %}
            {% block content %}
              <h1>Administration</h1>
              <table>
                <thead><tr><th>User</th><th>Role</th><th>Password</th></tr></thead>
                <tbody>
                  {% for user in users %}
                    <tr>
                      <td>{{ user.username }}</td>
                      <td>{{ "administrator" if user.is_admin else "user" }}</td>
                      <td>{{ "set" if user.password_hash else "none" }}</td>
                    </tr>
                  {% endfor %}
                </tbody>
              </table>
            {% endblock %}

            """#)
    }

    /// `static/css/style.css`.
    static func styleSheet(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/static/css/style.css", #"""
            :root {
              --accent: #2f6f8f;
              --error: #b3261e;
              --muted: #5f6368;
              font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
              line-height: 1.5;
            }

            body {
              margin: 0;
              color: #1f1f1f;
              background: #fafafa;
            }

            header {
              display: flex;
              align-items: center;
              justify-content: space-between;
              padding: 0.75rem 1.5rem;
              background: #fff;
              border-bottom: 1px solid #e0e0e0;
            }

            header nav {
              display: flex;
              gap: 1rem;
              color: var(--muted);
            }

            .brand {
              display: flex;
              align-items: center;
              gap: 0.5rem;
              font-weight: 600;
            }

            a {
              color: var(--accent);
              text-decoration: none;
            }

            a:hover {
              text-decoration: underline;
            }

            main {
              max-width: 40rem;
              margin: 2rem auto;
              padding: 0 1.5rem;
            }

            form {
              display: grid;
              gap: 0.75rem;
              max-width: 20rem;
            }

            label {
              display: grid;
              gap: 0.25rem;
            }

            input,
            button {
              font: inherit;
              padding: 0.4rem 0.6rem;
            }

            button {
              color: #fff;
              background: var(--accent);
              border: 0;
              border-radius: 4px;
              cursor: pointer;
            }

            .error {
              color: var(--error);
              margin: 0;
            }

            table {
              border-collapse: collapse;
              width: 100%;
            }

            th,
            td {
              text-align: left;
              padding: 0.4rem 0.6rem;
              border-bottom: 1px solid #e0e0e0;
            }

            """#)
    }

    /// `static/js/app.js`: the sign-in time in local time.
    static func script(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/static/js/app.js", #"""
            // Shows when the user signed in, in local time, from the `login_time` cookie (UTC) that the
            // login view sets.
            document.addEventListener("DOMContentLoaded", () => {
              const target = document.getElementById("login-time");
              const match = document.cookie.match(/(?:^|;\s*)login_time=([^;]+)/);
              if (!target || !match) return;
              const when = new Date(decodeURIComponent(match[1]));
              if (!Number.isNaN(when.getTime())) {
                target.textContent = `Signed in at ${when.toLocaleString()}.`;
              }
            });

            """#)
    }

    /// `static/img/logo.svg`: the logo and icon.
    static func logo(module: String) -> ScaffoldFile {
        ScaffoldFile("\(module)/static/img/logo.svg", #"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" role="img" aria-label="logo">
              <path d="M12 3h8v2h-1v7.5l7.4 12.3A2.8 2.8 0 0 1 24 29H8a2.8 2.8 0 0 1-2.4-4.2L13 12.5V5h-1z" fill="#2f6f8f"/>
              <path d="M9.2 21h13.6l2 3.3a1 1 0 0 1-.8 1.7H8a1 1 0 0 1-.8-1.7z" fill="#9fd3e8"/>
            </svg>

            """#)
    }
}
