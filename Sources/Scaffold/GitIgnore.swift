/// The `.gitignore` uv writes next to a repository it initializes.
public enum GitIgnore {
    public static let text = """
        # Python-generated files
        __pycache__/
        *.py[oc]
        build/
        dist/
        wheels/
        *.egg-info

        # Virtual environments
        .venv

        """
}
