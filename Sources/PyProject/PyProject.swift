// Placeholder: the pyproject.toml model is being written.
import TOML
