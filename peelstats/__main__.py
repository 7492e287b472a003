"""``python -m peelstats``: the same as the ``peelstats`` command."""

import sys

from peelstats.console import main

sys.exit(main())
