from setuptools import setup, find_namespace_packages

setup(
    name='MLAgentBench',
    version='0.1',
    packages=find_namespace_packages(),
)