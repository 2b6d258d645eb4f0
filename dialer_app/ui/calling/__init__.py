"""Placing a call: the dial form, the banner, the live call and the wrap-up."""
