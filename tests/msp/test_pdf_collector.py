"""render_pdf pauses Python's cyclic garbage collector for the render only: it is back on afterwards, also when
the render fails, and stays off where the caller had turned it off."""

import gc

import pytest

from msp.pdf import collector_paused, render_pdf


def test_the_collector_is_on_again_after_a_render():
    assert gc.isenabled()
    content = render_pdf("<p>Hello</p>")
    assert content.startswith(b"%PDF")
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_failure():
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("the render failed")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
