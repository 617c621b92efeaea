"""The append-only audit log: every view, download, export and change of a case."""
