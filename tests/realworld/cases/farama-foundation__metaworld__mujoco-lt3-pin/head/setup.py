"""Sets up the project."""

from setuptools import setup

setup()
