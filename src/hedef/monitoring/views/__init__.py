"""Monitoring pages: thin views that parse a form, run one action and answer."""
