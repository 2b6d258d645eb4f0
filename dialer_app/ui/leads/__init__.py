"""Lead lists in the window: the menu, the panel, its table, files in and out."""
