"""``python -m hedef.cli``: the ``hedef`` command."""

from hedef.cli import main

main()
