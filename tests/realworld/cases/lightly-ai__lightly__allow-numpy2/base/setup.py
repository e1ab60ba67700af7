from setuptools import setup

# For compatibility with legacy builds or versions of tools
# that don’t support certain packaging standards (e.g. PEP 517
# or PEP 660). The configuration is kept in pyproject.toml
setup()
