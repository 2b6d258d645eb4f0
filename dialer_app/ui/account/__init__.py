"""The account: its key, members and deskphones, and the balance."""
