from setuptools import setup, find_packages

setup(
    name="fedscale",
    version="1.0",
    description="FedScale: Benchmarking Model and System Performance of Federated Learning",
    url="https://github.com/SymbioticLab/FedScale",
    author="FedScale authors",
    author_email="fedscale@googlegroups.com",
    packages=find_packages(),
)