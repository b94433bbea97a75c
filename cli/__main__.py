"""`python -m cli` is the `gatehouse` console script."""

from cli.main import main

main()
