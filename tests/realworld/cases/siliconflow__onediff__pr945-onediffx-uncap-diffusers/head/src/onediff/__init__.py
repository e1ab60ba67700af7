__version__ = "1.2.0.dev1"
__author__ = "OneDiff"
__credits__ = "OneDiff contributors"
