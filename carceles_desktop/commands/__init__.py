"""Command-line commands, one module per family; each registers its sub-parsers.

Part of the application layer (with ``cli.py``): commands open units of work, call
services and print; they hold no business rule of their own.
"""
