"""msp.memo.Memo: made once per key, bounded, the least recently used entry dropped first."""

import pytest

from msp.memo import Memo


def test_a_value_is_made_once_per_key():
    memo, made = Memo(maxsize=4), []

    def make(key):
        return lambda: made.append(key) or f"value of {key}"

    assert memo.get("a", make("a")) == "value of a"
    assert memo.get("a", make("a")) == "value of a"
    assert memo.get("b", make("b")) == "value of b"
    assert made == ["a", "b"]


def test_when_full_the_least_recently_used_goes_first():
    memo, made = Memo(maxsize=2), []

    def make(key):
        return lambda: made.append(key) or key

    memo.get("a", make("a"))
    memo.get("b", make("b"))
    memo.get("a", make("a"))  # a is now the more recently used
    memo.get("c", make("c"))  # so b goes
    assert len(memo) == 2
    memo.get("a", make("a"))
    memo.get("b", make("b"))
    assert made == ["a", "b", "c", "b"]


def test_a_failure_keeps_nothing():
    memo = Memo(maxsize=2)

    def fail():
        raise ValueError("no")

    with pytest.raises(ValueError):
        memo.get("a", fail)
    assert len(memo) == 0
    assert memo.get("a", lambda: 1) == 1
