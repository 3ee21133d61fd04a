"""``python -m lishi_pub``: the same as the ``lishi-pub`` command."""

import sys

from .cli import main

sys.exit(main())
