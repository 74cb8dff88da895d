"""Theme files (TOML) -> validated Textual themes, registered at start-up.

A theme file holds Textual's `Theme` fields plus a `[variables]` table for Briefing's own
colours (actor types, claim kinds, highlight colours). Shipped themes live in `themes/`;
users add theirs under the config folder's `themes/`.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from briefing import config
from briefing.errors import BriefingError

# Briefing's own theme variables and their defaults (used when a theme leaves one out).
VARIABLES = {
    "highlight-1": "#7a6a00", "highlight-2": "#005f00", "highlight-3": "#00308f",
    "highlight-4": "#8a2431", "highlight-5": "#5f005f",
    "actor-person": "#5fd7ff", "actor-organisation": "#d787ff", "actor-country": "#87d787",
    "actor-group": "#ffd75f", "actor-place": "#87afff",
    "claim-tint": "#2a2f3a", "claim-denial": "#3a2426", "claim-speculation": "#33301f",
    "search-match": "#d7af00", "focus-mention": "#005f87",
}
_COLOUR_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent",
                  "foreground", "background", "surface", "panel", "boost")
_THEME_FIELDS = {f.name for f in dataclasses.fields(Theme)}


def theme_dirs() -> list[Path]:
    return [config.bundled_dir("themes"), config.config_dir() / "themes"]


def load_theme(path: Path) -> Theme:
    """Parse and validate one theme file; BriefingError names the file and the field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefingError(f"theme {path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(f"theme {path}: not valid TOML ({exc})") from None
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise BriefingError(f"theme {path}: field 'name' is missing")
    if "primary" not in data:
        raise BriefingError(f"theme {path}: field 'primary' is missing")
    unknown = set(data) - _THEME_FIELDS
    if unknown:
        raise BriefingError(f"theme {path}: unknown field '{sorted(unknown)[0]}'")
    for name in _COLOUR_FIELDS:
        if name in data:
            _check_colour(path, name, data[name])
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise BriefingError(f"theme {path}: field 'variables' must be a table")
    for name, value in variables.items():
        if not isinstance(value, str):
            raise BriefingError(f"theme {path}: variable '{name}' must be a string")
        if name in VARIABLES:
            _check_colour(path, f"variables.{name}", value)
    if "dark" in data and not isinstance(data["dark"], bool):
        raise BriefingError(f"theme {path}: field 'dark' must be true or false")
    return Theme(**{**data, "variables": {**VARIABLES, **variables}})


def _check_colour(path: Path, field: str, value: object) -> None:
    try:
        Color.parse(str(value))
    except ColorParseError:
        raise BriefingError(f"theme {path}: field '{field}' is not a colour: {value!r}") from None


def available_themes() -> tuple[list[Theme], list[str]]:
    """All themes from the theme folders, and one-line errors for the broken files."""
    themes, errors = [], []
    for folder in theme_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                themes.append(load_theme(path))
            except BriefingError as exc:
                errors.append(str(exc))
    return themes, errors
