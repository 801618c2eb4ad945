"""Publishing: open data from a published snapshot."""
