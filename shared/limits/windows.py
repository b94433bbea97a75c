"""Fixed windows: which window an instant falls in, and when it ends.

Rate quotas use windows of `window_s` seconds aligned to the epoch (a per-minute limit scales
to the window: 60 RPM in a 6 s window is 6). Budgets use UTC days and calendar months; with a
shortened `day_s` (tests) a "day" is `day_s` seconds and a "month" is 30 of them.
"""

from __future__ import annotations

import calendar
import math
import time
from dataclasses import dataclass

__all__ = ["Window", "Windows", "per_window"]

_DAY = 86_400


@dataclass(frozen=True, slots=True)
class Window:
    id: int
    end: float  # epoch seconds


def per_window(per_minute: int, window_s: float) -> int:
    """A per-minute limit scaled to one window, rounded up so a positive limit never becomes 0."""
    return math.ceil(per_minute * window_s / 60) if per_minute > 0 else 0


class Windows:
    def __init__(self, window_s: float = 60.0, day_s: int = _DAY) -> None:
        self.window_s = window_s
        self.day_s = day_s
        self._month: tuple[int, Window] | None = None  # cached per day id

    def rate(self, now: float) -> Window:
        index = int(now // self.window_s)
        return Window(index, (index + 1) * self.window_s)

    def day(self, now: float) -> Window:
        index = int(now // self.day_s)
        return Window(index, (index + 1) * self.day_s)

    def month(self, now: float) -> Window:
        day = int(now // self.day_s)
        cached = self._month
        if cached is not None and cached[0] == day:
            return cached[1]
        if self.day_s == _DAY:
            t = time.gmtime(now)
            index = t.tm_year * 12 + t.tm_mon - 1
            year, month = divmod(index + 1, 12)
            window = Window(index, float(calendar.timegm((year, month + 1, 1, 0, 0, 0, 0, 0, 0))))
        else:
            index = day // 30
            window = Window(index, (index + 1) * 30.0 * self.day_s)
        self._month = (day, window)
        return window
