"""Report data built from one consistent snapshot of the store; no rendering here."""
