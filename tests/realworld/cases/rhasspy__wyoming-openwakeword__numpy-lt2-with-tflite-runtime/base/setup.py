#!/usr/bin/env python3
from pathlib import Path

import setuptools
from setuptools import setup

this_dir = Path(__file__).parent
module_dir = this_dir / "wyoming_openwakeword"

requirements = []
requirements_path = this_dir / "requirements.txt"
if requirements_path.is_file():
    with open(requirements_path, "r", encoding="utf-8") as requirements_file:
        requirements = requirements_file.read().splitlines()

models_dir = module_dir / "models"
data_files = [str(f.relative_to(module_dir)) for f in models_dir.glob("*.tflite")]

version_path = module_dir / "VERSION"
version = version_path.read_text(encoding="utf-8").strip()
data_files.append(str(version_path))

# -----------------------------------------------------------------------------

setup(
    name="wyoming_openwakeword",
    version=version,
    description="Wyoming server for openWakeWord",
    url="http://github.com/rhasspy/wyoming-openwakeword",
    author="Michael Hansen",
    author_email="mike@rhasspy.org",
    packages=setuptools.find_packages(),
    package_data={"wyoming_openwakeword": data_files},
    install_requires=requirements,
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Intended Audience :: Developers",
        "License :: OSI Approved :: Apache Software License",
        "Programming Language :: Python :: 3.7",
        "Programming Language :: Python :: 3.8",
        "Programming Language :: Python :: 3.9",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
    ],
    keywords="rhasspy wyoming openwakeword",
    entry_points={
        "console_scripts": ["wyoming-openwakeword = wyoming_openwakeword.__main__:run"]
    },
)
