from setuptools import setup, find_packages

setup(
    name="kolors",
    version="0.1",
    author="Kolors",
    description="The training and inference code for Kolors models.",
    packages=find_packages(),
    install_requires=[],
    dependency_links=[],
)
