"""Pieces every part of the window uses: notices, names, colours, plain text, dialogs."""
