"""Version file."""

__version__ = "0.0.8"
