#!/usr/bin/env python

# Copyright (c) Facebook, Inc. and its affiliates.

# This source code is licensed under the MIT license found in the
# LICENSE file in the root directory of this source tree.

from setuptools import setup


setup(
    name="vilbert_multi_task",
    version="0.1.0",
    author="Jiasen Lu, Vedanuj Goswami",
    description="",
    license="MIT",
    zip_safe=True,
)