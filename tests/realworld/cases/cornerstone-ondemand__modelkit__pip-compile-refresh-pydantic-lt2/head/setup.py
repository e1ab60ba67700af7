import setuptools

setuptools.setup(
    version="0.0.29"
)
