"""The five highlight colours, by number (keys 1-5 in the reader, names in exports)."""

COLOUR_NAMES = {1: "yellow", 2: "green", 3: "blue", 4: "red", 5: "purple"}
