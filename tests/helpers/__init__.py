"""Helpers the tests share: imported from here, never from a conftest or another test module."""
