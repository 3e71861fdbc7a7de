"""`python -m opscenter`: the command line (and, with no arguments, the window)."""

from opscenter.cli import main

raise SystemExit(main())
