"""`python -m newswire` is the `newswire` command."""

import sys

from newswire.cli import main

sys.exit(main())
