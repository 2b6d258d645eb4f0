"""The call history: the SQLite store, its SQL, windowed reads and exports."""
