"""A bounded, process-wide memo for work that is the same for every request with the same key (a drawn chart, a
compiled query): the least recently used entry goes first when it is full.

Only for values that cannot go stale under their key: the key must hold everything the value depends on (the
language, the time zone, the ids and times of append-only rows), so that nothing ever needs clearing.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class Memo:
    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._values: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], object]):
        """The value kept for `key`, or `make()`'s, kept (made outside the lock: two threads may both make it)."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.maxsize:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
