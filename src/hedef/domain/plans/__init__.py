"""Plans: what a strategy document says, as plain data.

The strategy model (:mod:`.model`), its interchange format as JSON and Excel
(:mod:`.interchange`, :mod:`.workbook`, :mod:`.files`), the differences between
two editions (:mod:`.diff`) and the numeric targets read out of result texts
(:mod:`.targets`).
"""
