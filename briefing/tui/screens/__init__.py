"""The app's screens."""


def dialogs():
    """The dialogs module, imported on first use: no dialog is needed for the first paint."""
    from briefing.tui.screens import modals

    return modals
