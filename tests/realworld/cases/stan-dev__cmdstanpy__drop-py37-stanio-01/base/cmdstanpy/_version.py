"""PyPi Version"""

__version__ = '1.1.0'
