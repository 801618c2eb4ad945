"""The open-data files of a published snapshot, byte for byte as the portal serves them.

The portal's ``/open-data/<key>/<name>`` and ``hedef opendata export`` both call
:func:`open_data_content`, so a file downloaded and a file exported are the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.utils import translation

from hedef.domain.publishing import opendata
from hedef.publishing.models import Snapshot

__all__ = ["OPEN_DATA_FILES", "export_snapshot", "open_data_content", "open_data_labels"]


def _media_type(name: str) -> str:
    if name.endswith(".sdmx.csv"):
        return "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8"
    if name.endswith(".csv"):
        return "text/csv; charset=utf-8"
    if name.endswith(".json"):
        return "application/json; charset=utf-8"
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


OPEN_DATA_FILES = {name: _media_type(name) for name in opendata.file_names()}


def open_data_labels() -> dict[str, dict[str, dict[str, str]]]:
    """The codebook's labels in each language of the open data."""
    labels = {}
    for language in opendata.LANGUAGES:
        with translation.override(language):
            labels[language] = opendata.code_labels()
    return labels


def open_data_content(snapshot: Snapshot, name: str) -> bytes:
    """The bytes of one open-data file of ``snapshot``: what the portal serves and exports."""
    data = snapshot.data
    tables = {t.name: t for t in opendata.snapshot_tables(data, open_data_labels())}
    if name == "snapshot.json":
        return json.dumps(data, ensure_ascii=False, indent=2).encode()
    if name == "hedef.xlsx":
        return opendata.tables_xlsx(tuple(tables.values()), data)
    if name == "indicator_values.sdmx.csv":
        return opendata.sdmx_csv(data).encode()
    if name == "datapackage.json":
        return opendata.datapackage(data, tuple(tables.values())).encode()
    if name.endswith(".excel.csv"):
        return opendata.table_csv(tables[name.removesuffix(".excel.csv")], bom=True).encode()
    return opendata.table_csv(tables[name.removesuffix(".csv")]).encode()


def export_snapshot(snapshot: Snapshot, directory: Path) -> list[Path]:
    """Write every open-data file of ``snapshot`` into ``directory``; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in OPEN_DATA_FILES:
        path = directory / name
        path.write_bytes(open_data_content(snapshot, name))
        written.append(path)
    return written
