__version__ = "1.8a1"
