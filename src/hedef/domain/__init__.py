"""The pure core of Hədəf.

Nothing in this package imports Django: parsing, the plan model, attainment and
status rules, index maths and report assembly are plain Python fed plain data, so
they are tested directly and reused by the web app, the API and the command line.
"""
