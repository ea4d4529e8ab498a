"""One module per CLI command; each callback parses options, calls the core, reports."""
