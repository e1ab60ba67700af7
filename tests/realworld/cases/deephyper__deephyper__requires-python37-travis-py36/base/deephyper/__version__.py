VERSION = (0, 2, 5)

__version__ = ".".join(map(str, VERSION))

# alpha/beta/rc tags
__version_suffix__ = ""
