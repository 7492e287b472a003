"""Reporting: notebook building blocks, charts, the papermill reports and their index, batch runs.

The top layer of the library: may import every other layer; nothing in the library imports it (the CLI does).
"""
