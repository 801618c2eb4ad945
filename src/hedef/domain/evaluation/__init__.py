"""Evaluation: how far each target, measure, strategy and agency has come.

Every function here is pure: observations, targets, periods, reports and "today"
come in as arguments, results go out as frozen dataclasses carrying stable keys
(``substantial_progress``, ``behind``) that the web shell translates. The rules,
their formulas and their sources are written down in ``docs/methodology.md``.

Modules, from the single number up to the portfolio:

- ``dates``: calendar dates as fractional years, period labels, the chart axis;
- ``attainment``: (A − B) / (T − B) for one year of one indicator;
- ``growth`` and ``progress``: progress statuses by the Statistics Canada /
  Eurostat method, as Open SDG's sdg-build computes them;
- ``path_progress``: the same method with explicit direction, linear rates,
  fractional years and staged targets;
- ``disagreement``: when a self-reported status contradicts the computed one;
- ``forecast``: linear and compound trends to the target year;
- ``measure_status`` and ``numeric_targets``: schedule-aware status of a measure;
- ``rollup``: counts, shares and timeliness by direction, goal, strategy, agency;
- ``composite``: composite indices by the OECD/JRC Handbook, with uncertainty
  analysis;
- ``readiness``: the agencies' digital-readiness rating table.
"""
