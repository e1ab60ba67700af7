from setuptools import setup

setup(
    name="tljh-simplest",
    entry_points={"tljh": ["simplest = tljh_simplest"]},
    py_modules=["tljh_simplest"],
)
