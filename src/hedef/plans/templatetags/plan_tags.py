from django import template

from hedef.agencies.models import name_in_language as worded_name

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``{{ mapping|get_item:key }}``: a dictionary look-up with a variable key."""
    return mapping.get(key)


@register.filter
def status_label(key):
    """The translated label of an evaluation or reporting status key."""
    from hedef.domain.evaluation.statuses import status_label as label

    return label(key) if key else ""


@register.filter
def status_class(key):
    """The class that gives a status its colour (``is-on-schedule``, rules in hedef.css);
    empty for an unknown key, which is shown in the neutral colour."""
    from hedef.domain.evaluation.statuses import is_known_status

    return f"is-{key.replace('_', '-')}" if key and is_known_status(key) else ""


@register.filter
def stage_label(key):
    from hedef.domain.evaluation.statuses import stage_label as label

    return label(key)


@register.filter
def percent(value):
    """A share (0.42) as a whole percentage ("42 %"); empty when unknown."""
    if value is None or value == "":
        return ""
    return f"{round(float(value) * 100)} %"


@register.filter
def get_index(sequence, index):
    """``{{ list|get_index:i }}``: the item at a variable position, or None."""
    try:
        return sequence[index]
    except (IndexError, TypeError):
        return None


@register.filter
def segments(pieces):
    """Search segments (hedef.domain.core.search.Segment) as HTML, matches in ``<mark>``;
    every piece of text is escaped."""
    from django.utils.html import format_html
    from django.utils.safestring import mark_safe

    return mark_safe(
        "".join(
            format_html("<mark>{}</mark>", piece.text)
            if piece.marked
            else format_html("{}", piece.text)
            for piece in pieces or ()
        )
    )


@register.filter
def highlight(text, query):
    """``{{ title|highlight:q }}``: ``text`` with every word of ``query`` in ``<mark>``,
    found exactly or without diacritics; escaped."""
    from hedef.domain.core.search import highlight as cut
    from hedef.domain.core.search import query_words

    return segments(cut(str(text), query_words(query or "")))


@register.filter
def name_in_language(names):
    """``{{ agency|name_in_language }}`` for a published snapshot's agency (a dict); models
    have ``display_name``. Both word the name by :func:`hedef.agencies.models.name_in_language`."""
    return worded_name(names) if names else ""
