"""`python -m opscenter`: the command line (and, with no arguments, the window)."""

from opscenter.launch import main

raise SystemExit(main())
