"""cnnquiz: a terminal trainer for the arithmetic and ideas of convolutional networks."""

__version__ = "0.1.0"
