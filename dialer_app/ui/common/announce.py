"""What a screen reader hears: announcements of outcomes and call states, and the banner's role.

The banner (the outcome of the last call) is a notification to assistive technology, not a
static label; each new outcome or call state is announced with
``QAccessibleAnnouncementEvent`` (polite, or assertive for an error), so the agent hears it
without moving the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget


class BannerLabel(QLabel):
    """The outcome banner: a label that assistive technology sees as a notification."""

    accessible: QAccessibleInterface | None = None


class _BannerAccessible(QAccessibleWidget):
    def __init__(self, label: BannerLabel) -> None:
        super().__init__(label, QAccessible.Role.Notification)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName()
        if kind == QAccessible.Text.Description:
            return self._label.accessibleDescription() or self._label.text()
        if kind == QAccessible.Text.Value:
            return self._label.text()
        return super().text(kind)


def _factory(key: str, target: QObject) -> QAccessibleInterface | None:
    if key == "BannerLabel" and isinstance(target, BannerLabel):
        if target.accessible is None:  # Qt caches it too; the label keeps it alive
            target.accessible = _BannerAccessible(target)
        return target.accessible
    return None


def install_accessibility() -> None:
    """Register the banner's accessibility (once per process; idempotent)."""
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)


_installed: list[bool] = []


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say ``text`` (plain) now, on behalf of ``widget``."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)
