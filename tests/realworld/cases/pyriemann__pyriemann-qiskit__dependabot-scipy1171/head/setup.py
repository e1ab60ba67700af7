import os.path as op

from setuptools import find_packages, setup

# get the version (don't import mne here, so dependencies are not needed)
version = None
with open(op.join('pyriemann_qiskit', '_version.py'), 'r') as fid:
    for line in (line.strip() for line in fid):
        if line.startswith('__version__'):
            version = line.split('=')[1].strip().strip('\'')
            break
if version is None:
    raise RuntimeError('Could not determine version')

with open('README.md', 'r', encoding="utf8") as fid:
    long_description = fid.read()

setup(name='pyriemann-qiskit',
      version=version,
      description='Qiskit wrapper for pyRiemann',
      url='https://pyriemann-qiskit.readthedocs.io',
      author='Gregoire Cattan',
      author_email='gcattan@hotmail.com',
      license='BSD (3-clause)',
      packages=find_packages(),
      long_description=long_description,
      long_description_content_type='text/markdown',
      project_urls={
          'Documentation': 'https://pyriemann-qiskit.readthedocs.io/',
          'Source': 'https://github.com/pyRiemann/pyRiemann-qiskit',
          'Tracker': 'https://github.com/pyRiemann/pyRiemann-qiskit/issues/',
      },
      platforms='any',
      python_requires=">=3.11",
      install_requires=[
                        'numpy<2.5',
                        'cython',
                        'filelock',
                        'pyriemann==0.10',
                        'qiskit==2.4.1',
                        'qiskit_algorithms==0.4.0',
                        'qiskit_machine_learning==0.9.0',
                        'qiskit_ibm_runtime==0.46.1',
                        'qiskit-optimization==0.7.0',
                        'qiskit-aer==0.17.2',
                        'cvxpy==1.6.5',
                        'scipy==1.17.1',
                        'docplex==2.32.264',
                        'scikit-learn==1.8.0',
                        'tqdm',
                        'pandas',
                        ],
      extras_require={'docs': [
                                'sphinx-gallery',
                                'sphinx-bootstrap_theme',
                                'numpydoc',
                                'mne==1.11.0',
                                'mne-bids==0.18.0',
                                'seaborn>=0.12.1',
                                'moabb==1.5.0',
                                'imbalanced-learn==0.14.1'
                            ],
                      'tests': ['pytest', 'pytest-testmon', 'seaborn', 'flake8', 'mne', 'pooch'],
                      # GPU optimization not available on all platform.
                      # See https://github.com/Qiskit/qiskit-aer/issues/929#issuecomment-691716936
                      'optim': ['qiskit-symb==0.6.0', 'symengine==0.14.1'],
                      'optim_linux': ['qiskit-aer-gpu==0.15.1']},
      zip_safe=False,
)
