# SPDX-License-Identifier: MIT
# Copyright © 2022 Patrick Levin
"""Setup script for PIP"""
from setuptools import setup

setup()