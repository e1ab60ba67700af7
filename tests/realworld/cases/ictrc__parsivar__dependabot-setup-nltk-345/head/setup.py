from setuptools import setup

setup(name='parsivar',
	  packages=['parsivar'],
	  version='0.2.2',
	  description='Python library for preprocessing Persian text.',
	  author='ICT',
	  author_email='',
	  url='',
	  download_url = '',
	  install_requires=['nltk==3.4.5'],
	  python_requires=">=3.3",
	  classifiers = [],
	  include_package_data=True
	  )
