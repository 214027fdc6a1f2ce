"""One way for every journey to use a searchable select (Tom Select), acting as a person does and waiting only on
what a person would see: the list open, the typed text in the box, the matching option, the list closed again."""

import re

from playwright.sync_api import expect


def type_into(box, text):
    """Type into a picker's search box as a person does.

    A key pressed while Tom Select is still opening its list (a moment after focus) can be lost; a person sees the
    box and types again, so this does too, then waits until the list shows what was typed.
    """
    for _ in range(3):
        box.press_sequentially(text, delay=30)
        if box.input_value() == text:
            break
        box.fill("")
    expect(box).to_have_value(text)


def open_picker(page, field_id):
    """Put the cursor in the picker and wait for its list to be on screen; return the search box."""
    box = page.locator(f"#{field_id}-ts-control")
    box.focus()
    expect(box).to_be_focused()
    expect(page.locator(f"#{field_id}-ts-dropdown .option").first).to_be_visible()
    return box


def pick(page, field_id, text):
    """Choose the option starting with `text`: click in, type, click the match, then move on (click the heading).

    Returns once the list is closed and the picker no longer has focus, so the next step starts from a still page.
    """
    box = open_picker(page, field_id)
    type_into(box, text)
    match = page.locator(f"#{field_id}-ts-dropdown .option", has_text=re.compile(rf"^{re.escape(text)}\b")).first
    expect(match).to_be_visible()
    match.click()
    page.locator("h1").click()  # leave the box, as a person moving on to the next field does
    expect(page.locator(f"#{field_id}-ts-dropdown")).to_be_hidden()
    expect(box).not_to_be_focused()
