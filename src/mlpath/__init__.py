"""mlpath: a dated, personal study plan for ML careers."""

__version__ = "0.1.0"
