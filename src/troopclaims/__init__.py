"""troopclaims: sourced claims about troop movements from news articles, and where the sources disagree."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("troopclaims")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
