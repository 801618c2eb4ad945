"""Reading a plan file in either interchange form, JSON or Excel, by its content."""

from __future__ import annotations

from hedef.domain.core.i18n import gettext as _
from hedef.domain.plans import interchange
from hedef.domain.plans.model import Strategy
from hedef.domain.plans.workbook import plan_from_workbook, plan_to_workbook

__all__ = ["PlanFileError", "read_plan_file", "write_plan_file"]

FORMATS = ("json", "xlsx")


class PlanFileError(interchange.InterchangeError):
    """A plan file that cannot be read; the message names the file and the place."""


def read_plan_file(data: bytes, file_name: str) -> Strategy:
    if not data.strip():
        raise PlanFileError(_("%(file)s is empty.") % {"file": file_name})
    try:
        if data[:2] == b"PK":
            return plan_from_workbook(data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise PlanFileError(
                _("%(file)s is neither UTF-8 JSON nor an Excel workbook.") % {"file": file_name}
            ) from error
        return interchange.loads(text)
    except PlanFileError:
        raise
    except interchange.InterchangeError as error:
        location = f"{file_name}: {error.location}" if error.location else file_name
        raise PlanFileError(error.message, location) from error


def write_plan_file(plan: Strategy, fmt: str) -> bytes:
    if fmt == "json":
        return interchange.dumps(plan).encode("utf-8")
    if fmt == "xlsx":
        return plan_to_workbook(plan)
    raise ValueError(fmt)
