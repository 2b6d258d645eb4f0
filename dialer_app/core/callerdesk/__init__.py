"""The CallerDesk client: HTTP, its transport and proxy, its records' parsing, outcomes."""
