# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar: save state, network, time since the incident started, next-update countdown."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from composer.core.model import Incident, utc_now
from composer.core.promises import DEFAULT_WARN_BEFORE, Promise, PromiseState
from composer.ui.clock import format_countdown, format_duration
from composer.ui.incident_list import alert_color

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation


def _emphasise(label: QLabel, alert: bool) -> None:
    """Red and bold, or back to normal. A palette, not a style sheet: style sheets load a whole
    style engine, which would slow the first paint."""
    if label.property("alert") == alert:
        return
    label.setProperty("alert", alert)
    from PySide6.QtGui import QPalette  # noqa: PLC0415 - not needed until an alert

    parent = label.parentWidget()
    palette = parent.palette() if parent is not None else label.palette()
    if alert:
        palette.setColor(QPalette.ColorRole.WindowText, alert_color(palette))
    label.setPalette(palette)
    font = label.font()
    font.setBold(alert)
    label.setFont(font)


class StatusPanel:
    """Owns the labels in the window's status bar and ticks once a second."""

    def __init__(self, bar: QStatusBar, owner: QWidget):
        self._bar = bar
        self._owner = owner
        self.save_state = QLabel()
        self.network = QLabel(QCoreApplication.translate("StatusPanel", "Network: checking…"))
        self.elapsed = QLabel()
        self.countdown = QLabel()
        # Shown with the countdown's red: the colour is never the only sign (a due-soon update
        # reads like any other countdown but for the colour).
        self.attention = QLabel("⚠")
        needs_you = QCoreApplication.translate("StatusPanel", "Needs your attention")
        self.attention.setAccessibleName(needs_you)
        self.attention.setToolTip(needs_you)
        self.attention.setVisible(False)
        for label, name in (
            (self.save_state, "saveState"),
            (self.network, "networkState"),
            (self.elapsed, "elapsed"),
            (self.attention, "attention"),
            (self.countdown, "countdown"),
        ):
            label.setObjectName(name)
        bar.addWidget(self.save_state, 1)
        bar.addPermanentWidget(self.network)
        bar.addPermanentWidget(self.elapsed)
        bar.addPermanentWidget(self.attention)
        bar.addPermanentWidget(self.countdown)
        self._incident: Incident | None = None
        self._promise: Promise | None = None
        self.remind_before = DEFAULT_WARN_BEFORE
        self._network_info: QNetworkInformation | None = None
        self._network_text = ""  # what the system says of the network
        self._network_up = False  # it says online (or, with no reachability service, an interface is up)
        self._servers_down = False  # every account with a waiting post has a server that does not answer
        self._poller: QTimer | None = None  # polls interfaces when there is no reachability backend
        # Red and bold wait for the window's first paint: the first use of a font or a palette
        # from Python costs ~1 ms of startup (benchmarks: startup_ratio). Latest wish per label.
        self._emphasis_later: dict[QLabel, bool] | None = {}
        self._ticker = QTimer(owner)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start(1000)

    def follow(self, incident: Incident | None, promise: Promise | None) -> None:
        self._incident, self._promise = incident, promise
        self.tick()

    def show_saved(self, when: datetime | None = None) -> None:
        when = when or utc_now()
        self.save_state.setText(
            QCoreApplication.translate("StatusPanel", "Saved %1").replace("%1", when.astimezone().strftime("%H:%M:%S"))
        )
        self._emphasise(self.save_state, False)

    def show_save_failed(self, message: str) -> None:
        self.save_state.setText(message)
        self._emphasise(self.save_state, True)

    def tick(self) -> None:
        if self._incident is None:
            self.elapsed.setText("")
            self.countdown.setText("")
            self.attention.setVisible(False)
            return
        now = utc_now()
        started = self._incident.started_at
        if started <= now:
            self.elapsed.setText(
                QCoreApplication.translate("StatusPanel", "Started %1 ago").replace(
                    "%1", format_duration(now - started)
                )
            )
        else:
            self.elapsed.setText(
                QCoreApplication.translate("StatusPanel", "Starts in %1").replace("%1", format_duration(started - now))
            )
        alert = True
        promise = self._promise
        deadline = promise.deadline if promise else None
        if self._incident.status.is_closed:
            text, style = QCoreApplication.translate("StatusPanel", "Closed"), False
        elif promise is None or promise.state is PromiseState.NOT_PUBLISHED:
            text, style = QCoreApplication.translate("StatusPanel", "Nothing published yet"), alert
        elif deadline is None:
            text, style = QCoreApplication.translate("StatusPanel", "The last update promised no next update"), alert
        elif deadline >= now:
            soon = deadline - now <= self.remind_before
            text = QCoreApplication.translate("StatusPanel", "Next update due in %1").replace(
                "%1", format_countdown(deadline - now)
            )
            style = soon
        else:
            text = QCoreApplication.translate("StatusPanel", "Next update overdue by %1").replace(
                "%1", format_countdown(now - deadline)
            )
            style = alert
        self.countdown.setText(text)
        self.attention.setVisible(style)
        self._emphasise(self.countdown, style)

    def _emphasise(self, label: QLabel, alert: bool) -> None:
        if self._emphasis_later is None:
            _emphasise(label, alert)
        else:
            self._emphasis_later[label] = alert

    def show_emphasis(self) -> None:
        """From now on alerts are red and bold at once; the window calls this after its first paint."""
        waiting, self._emphasis_later = self._emphasis_later or {}, None
        for label, alert in waiting.items():
            _emphasise(label, alert)

    def stop(self) -> None:
        """The window is closing: no more ticks, polls or reachability news."""
        self._ticker.stop()
        if self._poller is not None:
            self._poller.stop()
        if self._network_info is not None:
            self._network_info.reachabilityChanged.disconnect(self._show_reachability)
            self._network_info = None

    # -- network -----------------------------------------------------------------

    def start_network_watch(self) -> None:
        """Called after the first paint: loading QtNetwork costs startup time."""
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        feature = QNetworkInformation.Feature.Reachability
        if QNetworkInformation.loadBackendByFeatures(feature):
            self._network_info = QNetworkInformation.instance()
            self._network_info.reachabilityChanged.connect(self._show_reachability)
            self._show_reachability(self._network_info.reachability())
            return
        self._poll_interfaces()
        self._poller = QTimer(self._owner)
        self._poller.timeout.connect(self._poll_interfaces)
        self._poller.start(10_000)

    def _show_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        r = QNetworkInformation.Reachability
        text = {
            r.Online: QCoreApplication.translate("StatusPanel", "Online"),
            r.Site: QCoreApplication.translate("StatusPanel", "Network: local only"),
            r.Local: QCoreApplication.translate("StatusPanel", "Network: local only"),
            r.Disconnected: QCoreApplication.translate("StatusPanel", "Offline"),
        }.get(reachability, QCoreApplication.translate("StatusPanel", "Network: unknown"))
        self._show_network(text, reachability == r.Online)

    def _poll_interfaces(self) -> None:
        """No reachability backend (no NetworkManager): look for a live, non-loopback interface."""
        from PySide6.QtNetwork import QNetworkInterface  # noqa: PLC0415

        flags = QNetworkInterface.InterfaceFlag
        up = [
            i
            for i in QNetworkInterface.allInterfaces()
            if i.flags() & flags.IsUp
            and i.flags() & flags.IsRunning
            and not i.flags() & flags.IsLoopBack
            and i.addressEntries()
        ]
        self._show_network(
            QCoreApplication.translate("StatusPanel", "Network: interface up")
            if up
            else QCoreApplication.translate("StatusPanel", "Offline"),
            bool(up),
        )
        self.network.setToolTip(
            QCoreApplication.translate(
                "StatusPanel",
                "No reachability service on this system; this only tells whether a network interface is up.",
            )
        )

    def show_servers_down(self, down: bool) -> None:
        """Whether every account with a post waiting in the outbox has a server that does not answer:
        then "Online" would mislead (the user's own mail server is down, say)."""
        self._servers_down = down
        self._show_network(self._network_text, self._network_up)

    def _show_network(self, text: str, up: bool) -> None:
        self._network_text, self._network_up = text, up
        if not text:
            return  # not known yet: "checking…" stays
        if up and self._servers_down:
            text = QCoreApplication.translate("StatusPanel", "Online, but no account's server answers")
        self.network.setText(text)
