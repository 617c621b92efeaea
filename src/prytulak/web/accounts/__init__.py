"""Organizations, users with roles, two-factor login, throttling."""
