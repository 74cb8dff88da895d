"""What changes when the terminal is narrow (80x24 over SSH is the case to serve)."""

from __future__ import annotations

from textual.screen import Screen

NARROW_BELOW = 100  # columns: side panes become tabs, the footer drops its padding


def fit_footer(screen: Screen, width: int) -> None:
    """At 80 columns a padded footer cut off its last keys (Quit, Library, Export): when
    narrow the keys lose their padding and the ^p hint goes (ctrl+p still works; ? says so)."""
    from textual.widgets import Footer

    for footer in screen.query(Footer):
        footer.compact = width < NARROW_BELOW
        if footer.show_command_palette != (width >= NARROW_BELOW):
            footer.show_command_palette = width >= NARROW_BELOW
            # The hint is placed when the footer composes, which a resize does not redo:
            # at 80 columns after 120 it stayed and cut off the last keys.
            footer.refresh(recompose=True)
