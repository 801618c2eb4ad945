"""Reading the numeric targets out of result texts.

Result cells state their promises in prose: "azı 20 təchizatçının qeydiyyatı" (at
least 20 suppliers), "100-dən çox müəssisə" (more than 100 enterprises), "payının
20 faizə çatması" (a 20 % share). This module finds each number, the comparator
around it and what it counts, so that reported values can be compared with it.
"""

from __future__ import annotations

import re

from hedef.domain.core.text import az_lower
from hedef.domain.plans.model import Comparator, NumericTarget, Stage

__all__ = ["numbers_in", "parse_number", "targets_in"]

_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# A number: digits with "." thousand groups ("3.000") or a decimal part ("1,5" / "1.66").
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{_NUMBER})")
_TARGET_RE = re.compile(
    rf"(?P<before>(?:ən\s+azı|azı|minimum|ən\s+az|ən\s+çox|maksimum|ən\s+azından)\s+)?"
    rf"(?<![\w.,])(?P<value>{_NUMBER})"
    rf"(?:\s*[{_DASH}]\s*(?P<upper>{_NUMBER})(?![\w]))?"
    rf"(?P<suffix>[{_DASH}](?:dən|dan|ə|a|ya|yə|ü|u|i|ı|in|ın|nin|nın|un|ün|nun|nün|ni|nı)\b)?"
    rf"(?P<percent>\s*%(?:[{_DASH}]\w+)?)?"
    rf"(?=(?P<after>(?:\s+[{_DASH}\w/]+){{0,4}}))",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(rf"^[{_DASH}](?:cı|ci|cu|cü|ıncı|inci|uncu|üncü)\b", re.IGNORECASE)
# Case and possessive endings of a counted noun, longest first. A bare final vowel
# is never stripped: "müəssisə" and "layihə" end in one of their own.
_ENDINGS = (
    "larının", "lərinin", "larına", "lərinə", "larında", "lərində", "larını", "lərini",
    "sının", "sinin", "sunun", "sünün", "sına", "sinə", "sında", "sində",
    "ının", "inin", "unun", "ünün", "ların", "lərin", "lara", "lərə", "lar", "lər",
    "nın", "nin", "nun", "nün", "ın", "in", "un", "ün", "na", "nə", "ya", "yə",
    "dan", "dən", "da", "də", "nı", "ni", "sı", "si", "su", "sü",
)  # fmt: skip
_VOWELS = "aeəıioöuü"
_CONSONANT_ONLY_ENDINGS = frozenset({"ın", "in", "un", "ün"})
_VERBAL_NOUN = re.compile(r"(?:ma|mə)(?:sı|si|q|k)\w*$")
# Words that end the counted phrase: what follows them is no longer the noun counted.
_PHRASE_BREAKS = frozenset(
    "və ilə üzrə üçün arasında olan ildə il hər dəfədən çox artıq az".split()
)
# Words that come between a number and its noun without being the noun.
_MODIFIERS = frozenset(
    "yeni iri kiçik orta pilot əsas əlavə yerli xarici beynəlxalq milli vahid aktiv "
    "rəqəmsal texnoloji davamlı daimi birgə prioritet müxtəlif ümumi mövcud açıq".split()
)


def parse_number(text: str) -> float:
    """Read a number as the documents write it: "3.000" is three thousand, "1,5" one and a half."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text.replace(",", "."))


def numbers_in(text: str) -> list[float]:
    """Every quantity in ``text``, in order; ordinals ("4-cü") are not quantities."""
    found = []
    for match in _NUMBER_RE.finditer(text):
        if _ORDINAL_SUFFIX.match(text[match.end() :]):
            continue
        found.append(parse_number(match.group(0)))
    return found


def _noun_stem(word: str) -> str:
    """The dictionary form of a counted noun, as far as its ending can be told apart."""
    word = az_lower(word.strip(f"{_DASH}.,;:()“”\"'"))
    suffixed = re.fullmatch(rf"(\w+)[{_DASH}]\w{{1,4}}", word)  # "kob-un" → "kob"
    if suffixed:
        return suffixed.group(1)
    agentive = re.match(r"(.+ç[ıiuü])n[ıiuü]n$", word)  # "təchizatçının" → "təchizatçı"
    if agentive:
        return agentive.group(1)
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
            continue
        if ending in _CONSONANT_ONLY_ENDINGS and stem[-1] in _VOWELS:
            continue
        return stem
    # A last "-ı/-i/-u/-ü" after a consonant is a case or possessive ending ("nəfəri"),
    # unless it closes an agent noun or an adjective ("istehsalçı", "ixtisaslı").
    if len(word) > 4 and word[-1] in "ıiuü" and word[-2] not in _VOWELS and word[-2] not in "çl":
        return word[:-1]
    return word


def _counted_noun(words: list[str]) -> str:
    """The noun a number counts: the last word of the phrase after it.

    Azerbaijani puts adjectives and nouns used as adjectives before the noun they
    describe, and the case ending on that noun ("12 dövlət qurumunun": twelve
    state bodies), so the noun is the word that carries an ending, or else the
    last word before the phrase breaks off.
    """
    noun = ""
    for word in words:
        folded = az_lower(word)
        if folded in _PHRASE_BREAKS or _VERBAL_NOUN.search(folded):
            break
        if folded in _MODIFIERS:
            continue
        noun = word
        if _noun_stem(word) != folded:
            break
    return _noun_stem(noun) if noun else ""


def targets_in(text: str, stage: Stage) -> list[NumericTarget]:
    """The numeric targets stated in one result cell."""
    targets = []
    for match in _TARGET_RE.finditer(text):
        if _ORDINAL_SUFFIX.match(text[match.end("value") :]):
            continue
        before = az_lower(match.group("before") or "")
        suffix = az_lower(match.group("suffix") or "")
        after = az_lower(match.group("after") or "").strip()
        words = after.split()
        comparator = Comparator.EQUAL
        if "azı" in before or "minimum" in before or "ən az" in before:
            comparator = Comparator.AT_LEAST
        elif "ən çox" in before or "maksimum" in before:
            comparator = Comparator.AT_MOST
        if suffix.strip(_DASH) in {"dən", "dan"} and words and words[0] in {"çox", "artıq"}:
            comparator = Comparator.MORE_THAN
            words = words[1:]
        elif suffix.strip(_DASH) in {"dən", "dan"} and words and words[0] == "az":
            comparator = Comparator.LESS_THAN
            words = words[1:]
        if match.group("percent") or (words and words[0].startswith("faiz")):
            unit = "%"
        else:
            unit = _counted_noun(words)
        if comparator is Comparator.EQUAL and any(word.startswith("üstələ") for word in words):
            comparator = Comparator.MORE_THAN
        upper = match.group("upper")
        targets.append(
            NumericTarget(
                stage=stage,
                comparator=comparator,
                value=parse_number(match.group("value")),
                upper=parse_number(upper) if upper else None,
                unit=unit,
                phrase=" ".join(
                    text[match.start() : match.end("value") + _phrase_tail(match)].split()
                ),
            )
        )
    return targets


def _phrase_tail(match: re.Match[str]) -> int:
    """How far past the number the phrase runs: through the comparator and one counted word."""
    end = max(
        match.end(group) for group in ("value", "upper", "suffix", "percent") if match.group(group)
    )
    words = (match.group("after") or "").split()
    keep = 0
    if words and az_lower(words[0]) in {"çox", "artıq", "az"}:
        keep = 1
    if len(words) > keep and not _VERBAL_NOUN.search(az_lower(words[keep])):
        keep += 1
    tail = match.group("after") or ""
    offset = 0
    for word in words[:keep]:
        offset = tail.index(word, offset) + len(word)
    return end - match.end("value") + offset
