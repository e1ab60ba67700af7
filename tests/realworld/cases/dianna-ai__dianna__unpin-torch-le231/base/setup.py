#!/usr/bin/env python
from setuptools import setup

# see setup.cfg
setup()
