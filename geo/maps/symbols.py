"""What each role looks like on a map: its colour, its label and its symbol (a triangle for an
attack, a diamond for a response, a dot for another place, a dashed circle for an area), drawn the
same on the live map (inline SVG) and in the image export (matplotlib)."""

from __future__ import annotations

ROLE_COLOURS: dict[str, str] = {
    "attack": "#d62728",
    "response": "#1f5fbf",
    "both": "#d62728",
    "place": "#3c3c3c",
}
ROLE_LABELS: dict[str, str] = {
    "attack": "Attack",
    "response": "Response",
    "both": "Attack and response",
    "place": "Other place",
}
ROLE_GROUPS: dict[str, str] = {
    "attack": "Attacks",
    "both": "Attacks",
    "response": "Responses",
    "place": "Other places",
}
MARKER_SIZE = 22
APPROXIMATE_SIZE = 40  # the dashed ring around an approximate location
MAX_PERMANENT_LABELS = 15  # more points than this: names on hover only, to avoid clutter


def confidence_opacity(confidence: float) -> float:
    """Lower confidence draws lighter: 0.35 at confidence 0, 1.0 at confidence 1."""
    return round(0.35 + 0.65 * min(max(confidence, 0.0), 1.0), 2)


def symbol_svg(role: str, opacity: float = 1.0, size: int = MARKER_SIZE, *, uncertain: bool = False,
               colour: str | None = None) -> str:
    """The marker symbol of a role as inline SVG: triangle, diamond or dot.

    ``uncertain``: a lighter fill and a dashed outline in the symbol's colour. ``colour``: another
    colour than the role's (the map coloured by actor).
    """
    colour = colour or ROLE_COLOURS[role]
    half = size / 2
    fill_opacity = round(opacity * 0.45, 2) if uncertain else opacity
    stroke = (f'stroke="{colour}" stroke-width="2" stroke-dasharray="3 2"' if uncertain
              else 'stroke="#ffffff" stroke-width="2"')
    common = f'fill="{colour}" fill-opacity="{fill_opacity}" {stroke}'
    if role == "attack":
        shape = f'<polygon points="{half},2 {size - 2},{size - 3} 2,{size - 3}" {common}/>'
    elif role == "both":
        dash = ' stroke-dasharray="3 2"' if uncertain else ""
        shape = (
            f'<polygon points="{half},2 {size - 2},{size - 3} 2,{size - 3}" fill="{colour}" '
            f'fill-opacity="{fill_opacity}" stroke="{ROLE_COLOURS["response"]}" stroke-width="3"{dash}/>'
        )
    elif role == "response":
        shape = f'<polygon points="{half},1 {size - 1},{half} {half},{size - 1} 1,{half}" {common}/>'
    else:
        shape = f'<circle cx="{half}" cy="{half}" r="{half * 0.55}" {common}/>'
    return (
        f'<svg width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" aria-hidden="true">{shape}</svg>'
    )


def approximate_symbol_svg(role: str, opacity: float = 1.0, size: int = APPROXIMATE_SIZE,
                           colour: str | None = None) -> str:
    """An approximate location: a small uncertain symbol inside a dashed ring ("somewhere near here")."""
    colour = colour or ROLE_COLOURS[role]
    half = size / 2
    inner = MARKER_SIZE - 6
    offset = (size - inner) / 2
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true">'
        f'<circle cx="{half}" cy="{half}" r="{half - 2}" fill="{colour}" fill-opacity="0.08" '
        f'stroke="{colour}" stroke-opacity="{opacity}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        f'<g transform="translate({offset},{offset})">'
        + symbol_svg(role, opacity, inner, uncertain=True, colour=colour)
        + "</g></svg>"
    )


def area_symbol_svg(role: str, size: int = 18) -> str:
    colour = ROLE_COLOURS[role]
    half = size / 2
    return (
        f'<svg width="{size}" height="{size}" aria-hidden="true">'
        f'<circle cx="{half}" cy="{half}" r="{half - 2}" fill="{colour}" fill-opacity="0.15" '
        f'stroke="{colour}" stroke-width="2" stroke-dasharray="4 3"/></svg>'
    )
