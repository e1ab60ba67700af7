"""Version information."""

__version__ = "1.0.3"
