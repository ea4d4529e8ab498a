"""plantrack: track a government planning scheme in plain files."""

__version__ = "0.1.0"
