"""`python -m helpers ...` runs the command line."""

from helpers.cli import main

raise SystemExit(main())
