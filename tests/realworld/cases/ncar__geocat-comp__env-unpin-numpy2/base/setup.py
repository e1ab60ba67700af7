#!/usr/bin/env python
from setuptools import setup

setup(use_scm_version={"fallback_version": "999"})
