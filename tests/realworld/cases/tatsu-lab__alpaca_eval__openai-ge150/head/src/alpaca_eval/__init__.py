from dotenv import load_dotenv

load_dotenv()

from .main import *  # noqa

__version__ = "0.5.1"
