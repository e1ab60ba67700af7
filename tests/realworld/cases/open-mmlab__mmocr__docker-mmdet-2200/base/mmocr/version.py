# Copyright (c) Open-MMLab. All rights reserved.

__version__ = '0.4.1'
short_version = __version__
