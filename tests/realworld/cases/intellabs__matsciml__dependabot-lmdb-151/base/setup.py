from __future__ import annotations

from setuptools import setup

if __name__ == "__main__":
    setup()
