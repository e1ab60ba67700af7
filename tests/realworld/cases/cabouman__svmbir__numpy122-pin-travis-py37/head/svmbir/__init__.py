__version__ = '0.2.9.1'
from .svmbir import *
from .phantom import *
__all__ = ['recon','project','backproject','sino_sort','calc_weights','auto_sigma_x','auto_sigma_y','auto_sigma_p','_clear_cache','_svmbir_lib_path']
