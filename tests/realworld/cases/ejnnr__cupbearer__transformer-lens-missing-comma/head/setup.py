# necessary to make package editable before pip 21.1
import setuptools

setuptools.setup()
