"""The compiled part (pyproject.toml cannot declare extensions), and `scrapyd-deploy`'s `setup.py bdist_egg`.

Metadata is in pyproject.toml.
"""

from setuptools import Extension, setup

# The compiled fingerprint scan (newscrawl/fingerprint/scan.py): optional, since without a C
# compiler the pure-Python scan gives the same fingerprints, only slower.
setup(ext_modules=[Extension("newscrawl.fingerprint._native", ["newscrawl/fingerprint/_native.c"], optional=True)])
