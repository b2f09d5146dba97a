"""Which runs of a Word paragraph a reader can see.

A draft is checked as its reader sees it. Text Word hides (hidden, web-hidden or
deleted), text too small to see, and text coloured like what is behind it are left
out, so none of it can carry a `tender-coach: ignore` marker the reader never sees.
Formatting is resolved the way Word cascades it for the common cases: document
defaults, then the paragraph style, then the character style (each with the styles it
is based on), then the run's own formatting. Theme colours, table styles and toggle
arithmetic between styles are simplified: the last level that sets a property wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

_HIDING = ("vanish", "specVanish", "webHidden")
MIN_HALF_POINTS = 4  # text under 2 pt cannot be read on screen or on paper
# Two colours whose every channel differs by no more than this cannot be told apart.
_COLOUR_TOLERANCE = 0x10
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_WHITE = "FFFFFF"
_HIGHLIGHTS = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
    "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
    "darkGray": "808080", "lightGray": "C0C0C0",
}
_BACKGROUND_THEMES = {"background1", "light1"}
# Elements inside a paragraph whose runs are shown in place; anything else (deleted or
# moved-away revisions, properties, drawings) contributes no visible text.
_CONTAINERS = {qn(f"w:{tag}") for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt",
                                           "sdtContent", "fldSimple", "dir", "bdo")}
_REMOVED = {qn("w:del"), qn("w:moveFrom")}
_RUN = qn("w:r")
_RPR, _PPR, _SHD, _VAL, _COLOR = qn("w:rPr"), qn("w:pPr"), qn("w:shd"), qn("w:val"), qn("w:color")
_TAGS = {tag: qn(f"w:{tag}") for tag in ("pStyle", "rStyle", "basedOn", "sz", "highlight")}
_FLAG_TAGS = tuple((flag, qn(f"w:{flag}")) for flag in _HIDING)
# A run's text the way python-docx spells it (tabs, line breaks, non-breaking hyphens),
# without its per-run XPath query, which doubled the time to read a long draft.
_TEXT, _DELETED_TEXT, _BREAK, _BREAK_TYPE = qn("w:t"), qn("w:delText"), qn("w:br"), qn("w:type")
_AS_TEXT = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_MAX_STYLE_DEPTH = 20  # basedOn chains are short; a cycle must not loop forever


@dataclass(frozen=True)
class ParagraphText:
    visible: str
    everything: str  # including what was left out, to tell whether something was hidden


class Visibility:
    """Built once per document; answers for each paragraph what a reader sees."""

    def __init__(self, document) -> None:
        styles = document.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self._resolved: dict[str, dict] = {}
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._defaults = _run_props(defaults)
        self._default_pstyle = next(
            (sid for sid, s in self._styles.items()
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true", "on")), None)
        background = document.element.find(qn("w:background"))
        colour = background.get(qn("w:color")) if background is not None else None
        self._page = colour.upper() if colour and _HEX.match(colour) else _WHITE

    def paragraph(self, p, behind: str | None = None) -> ParagraphText:
        """`behind` is the fill of the table cell holding the paragraph, if any."""
        ppr = p.find(_PPR)
        style_id = _val(ppr, "pStyle") or self._default_pstyle
        inherited = {**self._defaults, **self._style_props(style_id, "rPr")}
        fill = shading_fill(ppr.find(_SHD) if ppr is not None else None) \
            or self._style_props(style_id, "pPr").get("shd") or behind or self._page
        visible, everything = [], []
        for run, removed in _runs(p):
            text = run_text(run)
            everything.append(text)
            if removed:
                continue
            if self._shown(run, inherited, fill):
                visible.append(text)
        return ParagraphText("".join(visible), "".join(everything))

    def _shown(self, run, inherited: dict, fill: str) -> bool:
        rpr = run.find(_RPR)
        if rpr is None:
            props = inherited
        else:
            char_style = _val(rpr, "rStyle")
            props = {**inherited, **(self._style_props(char_style, "rPr") if char_style else {}), **_run_props(rpr)}
        if any(props.get(flag) for flag in _HIDING):
            return False
        size = props.get("sz")
        if size is not None and size < MIN_HALF_POINTS:
            return False
        behind = props.get("shd") or props.get("highlight") or fill
        colour = props.get("color")
        if colour == "theme-background":
            colour = self._page
        return colour is None or not _alike(colour, behind)

    def _style_props(self, style_id: str | None, part: str) -> dict:
        """A style's run (rPr) or paragraph (pPr) properties, with those of the styles it is based on."""
        if not style_id:
            return {}
        key = f"{part}:{style_id}"
        if key not in self._resolved:
            chain, seen, current = [], set(), style_id
            while current and current not in seen and len(chain) < _MAX_STYLE_DEPTH:
                seen.add(current)
                style = self._styles.get(current)
                if style is None:
                    break
                chain.append(style)
                current = _val(style, "basedOn")
            merged: dict = {}
            for style in reversed(chain):
                element = style.find(qn(f"w:{part}"))
                merged.update(_run_props(element) if part == "rPr" else _paragraph_props(element))
            self._resolved[key] = merged
        return self._resolved[key]


def _runs(p):
    """(run, removed) for each run of the paragraph in reading order, descending into wrappers."""
    stack = [(child, False) for child in reversed(p)]
    while stack:
        element, removed = stack.pop()
        if element.tag == _RUN:
            yield element, removed
        elif element.tag in _CONTAINERS or element.tag in _REMOVED:
            inner = removed or element.tag in _REMOVED
            stack.extend((child, inner) for child in reversed(element))


def run_text(run) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == _TEXT or tag == _DELETED_TEXT:
            parts.append(child.text or "")
        elif tag == _BREAK:
            # Only a line break reads as one; page and column breaks separate nothing in a sentence.
            parts.append("\n" if child.get(_BREAK_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in _AS_TEXT:
            parts.append(_AS_TEXT[tag])
    return "".join(parts)


def _run_props(rpr) -> dict:
    if rpr is None:
        return {}
    props: dict = {}
    for flag, tag in _FLAG_TAGS:
        element = rpr.find(tag)
        if element is not None:
            props[flag] = _on_value(element.get(_VAL))
    size = _val(rpr, "sz")
    if size is not None:
        try:
            props["sz"] = int(float(size))
        except ValueError:
            pass
    colour = rpr.find(_COLOR)
    if colour is not None:
        value = colour.get(_VAL) or ""
        if _HEX.match(value):
            props["color"] = value.upper()
        elif colour.get(qn("w:themeColor")) in _BACKGROUND_THEMES:
            props["color"] = "theme-background"
        else:
            props["color"] = None  # "auto": Word picks a colour that contrasts with the background
    highlight = _val(rpr, "highlight")
    if highlight is not None:
        props["highlight"] = _HIGHLIGHTS.get(highlight)
    shading = rpr.find(_SHD)
    if shading is not None:
        props["shd"] = shading_fill(shading)
    return props


def _paragraph_props(ppr) -> dict:
    shading = ppr.find(_SHD) if ppr is not None else None
    return {"shd": shading_fill(shading)} if shading is not None else {}


def shading_fill(shading) -> str | None:
    """The colour a shading element paints, or None when it paints nothing."""
    if shading is None:
        return None
    pattern = shading.get(_VAL) or "clear"
    colour = shading.get(qn("w:color") if pattern == "solid" else qn("w:fill")) or ""
    return colour.upper() if _HEX.match(colour) else None


def _val(parent, tag: str) -> str | None:
    if parent is None:
        return None
    element = parent.find(_TAGS.get(tag) or qn(f"w:{tag}"))
    return element.get(_VAL) if element is not None else None


def _on_value(value: str | None) -> bool:
    # A toggle with no value is on; Word writes "0", "false" or "off" to turn one off.
    return value is None or value.lower() not in ("0", "false", "off")


def _alike(a: str, b: str) -> bool:
    return all(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) <= _COLOUR_TOLERANCE for i in (0, 2, 4))
