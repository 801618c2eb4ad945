"""Data-quality audits of state registries: checks as data, compiled to SQL, run where the data is.

Pure core: check declarations (:mod:`.checks`), their compilation to SQL with SQLGlot
(:mod:`.compiler`), the engines that run it (:mod:`.engines`: DuckDB embedded, Spark
through pyspark), results and dimension scores (:mod:`.results`) and a synthetic
registry generator with planted errors (:mod:`.generator`).
"""
