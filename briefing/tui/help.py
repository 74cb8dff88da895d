"""The help screen's rows and the command palette's actions, generated from the live
bindings: each screen or widget with a BINDING_GROUP_TITLE contributes the bindings it
declares, shown with the keys the keymap gave them (`app.get_key_display`), so a remapped
key reads the same in the footer, in help and in the palette."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.binding import Binding

from briefing.tui.keys import split_keys

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen

Section = tuple[str, list[tuple[str, str]]]


def own_bindings(node: DOMNode) -> list[Binding]:
    """The bindings `node`'s class declares (not those it inherits), in their order."""
    declared = type(node).__dict__.get("BINDINGS", [])
    return [b for b in declared if isinstance(b, Binding)]


def titled_nodes(screen: Screen) -> Iterator[DOMNode]:
    """The screen, then its widgets, then the app: each titled class once."""
    seen: set[type] = set()
    for node in (screen, *screen.walk_children(with_self=False), screen.app):
        if node.BINDING_GROUP_TITLE and type(node) not in seen:
            seen.add(type(node))
            yield node


def key_display(app: App, binding: Binding, keymap: dict[str, str]) -> str:
    """Every key of a binding as the footer shows it, the keymap's when it remaps it."""
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return "/".join(app.get_key_display(binding.with_key(key, key_display=None))
                    for key in split_keys(keys))


def help_sections(app: App, screen: Screen, keymap: dict[str, str]) -> list[Section]:
    sections: list[Section] = []
    for node in titled_nodes(screen):
        rows: list[tuple[str, str]] = []
        last_group = None
        for binding in own_bindings(node):
            keys = key_display(app, binding, keymap)
            if binding.group is not None and binding.group is last_group:
                rows[-1] = (f"{rows[-1][0]}/{keys}", rows[-1][1])  # one row: keys 1/2/3/4/5
                continue
            last_group = binding.group
            rows.append((keys, binding.tooltip or binding.description))
        sections.append((node.BINDING_GROUP_TITLE, rows))
    return sections


def palette_bindings(screen: Screen) -> list[Binding]:
    """The screen's actions the palette offers: those reached without a parameter."""
    return [b for b in own_bindings(screen) if "(" not in b.action and b.description]
