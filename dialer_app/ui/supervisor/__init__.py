"""The supervisor's window (``dialer-app --supervisor``) and the agent's pause picker (F10)."""
