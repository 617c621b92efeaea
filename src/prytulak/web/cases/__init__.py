"""Cases: the CaseFile as JSON with a version for optimistic locking, and per-case membership."""
