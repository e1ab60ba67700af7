#!/usr/bin/env python
"""
setup.py is used to distribute scikit-lego as a package using setuptools and twine
"""

from setuptools import setup

if __name__ == "__main__":
    setup()
