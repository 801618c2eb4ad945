"""The annex: the methodology the figures were computed by, and the audit chain's head.

The head hash lets anyone holding the audit log check that no entry behind the
report was changed, removed or reordered after the cycle was published
(:mod:`hedef.domain.core.audit_chain` on the monitoring side).
"""

from __future__ import annotations

from hedef.domain.core.i18n import gettext as _
from hedef.domain.reports.data import ReportData
from hedef.domain.reports.formatting import Formats
from hedef.domain.reports.markdown import blocks_from_markdown
from hedef.domain.reports.model import (
    Block,
    Heading,
    Paragraph,
    ParagraphStyle,
    Text,
)

__all__ = ["annex_blocks", "short_hash"]


def short_hash(value: str) -> str:
    """The first and last 8 characters of a hash, for the cover ("3f9a…c21d")."""
    return value if len(value) <= 20 else f"{value[:8]}…{value[-8:]}"


def annex_blocks(data: ReportData, f: Formats) -> list[Block]:
    """Methodology, audit chain head and the report's own particulars."""
    blocks: list[Block] = [Heading(_("Methodology"), level=2, anchor="annex-methodology")]
    if data.methodology.strip():
        blocks += blocks_from_markdown(data.methodology, heading_offset=1, key="methodology")
    else:
        blocks.append(Paragraph.of(_("The methodology is published separately.")))
    blocks.append(Heading(_("Audit chain"), level=2, anchor="annex-audit"))
    chain = _(
        "Every change to reports, values and reviews in Hədəf is written to an audit "
        "log whose entries are chained by their hashes: each entry's hash covers the "
        "entry before it, so that no entry can be changed, removed or reordered without "
        "it showing."
    )
    if data.audit_head_recorded:
        head = _("The head of the chain recorded for this reporting cycle is:")
    else:
        head = _(
            "The cycle is not published yet, so no head has been recorded for it; "
            "the head of the chain when this report was produced is:"
        )
    blocks.append(Paragraph.of(f"{chain} {head}"))
    if data.audit_head_hash:
        blocks.append(Paragraph((Text(data.audit_head_hash, code=True),), ParagraphStyle.CODE))
    else:
        blocks.append(Paragraph.of(_("No audit chain head was recorded for this cycle.")))
    blocks.append(Heading(_("About this report"), level=2, anchor="annex-about"))
    particulars = [
        _("Reporting cycle: %(cycle)s (%(start)s – %(end)s).")
        % {
            "cycle": data.cycle.label,
            "start": f.date(data.cycle.start),
            "end": f.date(data.cycle.end),
        },
        _("Produced by Hədəf on %(date)s.") % {"date": f.date(data.generated_on)},
    ]
    if data.demo:
        particulars.append(demo_notice())
    blocks += [Paragraph.of(text, ParagraphStyle.SMALL) for text in particulars]
    return blocks


def demo_notice() -> str:
    """The sentence every page of a demonstration report carries."""
    return _(
        "Demonstration data: the strategies are real documents; statuses, values and reports "
        "are invented."
    )
