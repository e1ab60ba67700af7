"""
JupyterHealth client for CommonHealth Cloud
"""

__version__ = "0.0.1a0"

from .ch_client import JupyterHealthCHClient

__all__ = [
    "JupyterHealthCHClient",
]
