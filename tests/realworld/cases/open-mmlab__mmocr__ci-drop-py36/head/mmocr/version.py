# Copyright (c) Open-MMLab. All rights reserved.

__version__ = '1.0.0rc4'
short_version = __version__
