"""Accounts: the second factor of operators' sign-in."""
