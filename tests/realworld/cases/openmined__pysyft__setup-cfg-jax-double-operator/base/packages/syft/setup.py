#!/usr/bin/env python3

# third party
import setuptools

if __name__ == "__main__":
    setuptools.setup()
