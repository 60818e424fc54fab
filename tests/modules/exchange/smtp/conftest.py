from smtp_peers import raw_peer  # noqa: F401  (the fixture)
