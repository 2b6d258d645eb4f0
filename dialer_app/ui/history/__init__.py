"""The history panel: its table model, columns, filter bar, export."""
