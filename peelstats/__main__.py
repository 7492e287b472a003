"""``python -m peelstats``: the same as the ``peelstats`` command."""

from peelstats.console import main

main()
