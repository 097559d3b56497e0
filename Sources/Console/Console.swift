// Placeholder: the console is being written.
import SuvBasics
