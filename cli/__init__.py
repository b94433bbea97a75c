"""The `gatehouse` operator CLI: a client of the admin function (not part of the deployed bundle)."""
