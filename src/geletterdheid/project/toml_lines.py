"""Where each table and key of a TOML file is: ``tomllib`` gives values, never positions.

A small scanner over the text records the line of every table header (``[forum.onderwerpen]``)
and every key (``basis_url =``), also the keys inside inline tables (``{ naam = ..., email = ... }``),
by their full path: ``("forum", "onderwerpen")``, ``("contact", "ai_loket", "email")``. It skips
strings, comments and multi-line arrays the way TOML reads them, so a ``key =`` inside a string
is not taken for a key. It never raises: on text that is not valid TOML it stops where it gets lost
and keeps what it found, because it also serves to place a duplicate key that tomllib only reports
"at end of document".
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

KeyPath = tuple[str, ...]

_BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _Lost(Exception):
    """The text is not TOML the scanner can follow; what was found so far stays."""


@dataclass
class KeyLines:
    """The first line of every table and key path; ``duplicates`` holds paths defined twice."""

    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[tuple[KeyPath, int]] = field(default_factory=list)

    def line_of(self, path: KeyPath) -> int:
        """The line of ``path``, else of its nearest enclosing table that has one, else 1."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.found = KeyLines()
        self.explicit_tables: set[KeyPath] = set()

    # -- low level -------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        chunk = self.text[self.pos : self.pos + count]
        self.line += chunk.count("\n")
        self.pos += len(chunk)

    def skip_spaces(self) -> None:
        while self.peek() in (" ", "\t"):
            self.advance()

    def skip_comment(self) -> None:
        if self.peek() == "#":
            while self.peek() not in ("\n", ""):
                self.advance()

    def skip_blank_and_comments(self) -> None:
        """Inside arrays: spaces, newlines and comments may stand between the values."""
        while True:
            self.skip_spaces()
            if self.peek() == "#":
                self.skip_comment()
            elif self.peek() in ("\n", "\r"):
                self.advance()
            else:
                return

    def record(self, path: KeyPath, line: int) -> None:
        # A dotted key (forum.basis_url = ...) opens its tables where no header did.
        for end in range(1, len(path)):
            self.found.lines.setdefault(path[:end], line)
        if path in self.found.lines:
            self.found.duplicates.append((path, line))
        else:
            self.found.lines[path] = line

    # -- keys and strings --------------------------------------------------------------------
    def string(self) -> str:
        """A basic or literal string, single- or multi-line; the cursor stands on its quote."""
        quote = self.peek()
        triple = self.text.startswith(quote * 3, self.pos)
        self.advance(3 if triple else 1)
        chars: list[str] = []
        while True:
            char = self.peek()
            if char == "":
                raise _Lost
            if not triple and char == "\n":
                raise _Lost
            if triple and self.text.startswith(quote * 3, self.pos):
                # A closing run may hold up to two quotes of the content before the three that end it.
                extra = 0
                while extra < 2 and self.peek(3 + extra) == quote:
                    extra += 1
                chars.append(quote * extra)
                self.advance(3 + extra)
                return "".join(chars)
            if not triple and char == quote:
                self.advance()
                return "".join(chars)
            if quote == '"' and char == "\\":
                nxt = self.peek(1)
                chars.append(_ESCAPES.get(nxt, nxt))
                self.advance(2)
                continue
            chars.append(char)
            self.advance()

    def key(self) -> KeyPath:
        """A dotted key: bare or quoted parts separated by dots."""
        parts: list[str] = []
        while True:
            self.skip_spaces()
            if self.peek() in ('"', "'"):
                parts.append(self.string())
            else:
                start = self.pos
                while self.peek() and self.peek() in _BARE_KEY_CHARS:
                    self.advance()
                if self.pos == start:
                    raise _Lost
                parts.append(self.text[start : self.pos])
            self.skip_spaces()
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    # -- values ------------------------------------------------------------------------------
    def value(self, path: KeyPath) -> None:
        self.skip_spaces()
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:  # number, boolean or date: runs until a separator
            start = self.pos
            while self.peek() not in ("", "\n", "\r", ",", "]", "}", "#"):
                self.advance()
            if self.pos == start:
                raise _Lost

    def array(self, path: KeyPath) -> None:
        self.advance()  # [
        while True:
            self.skip_blank_and_comments()
            if self.peek() == "]":
                self.advance()
                return
            self.value(path)
            self.skip_blank_and_comments()
            if self.peek() == ",":
                self.advance()
            elif self.peek() != "]":
                raise _Lost

    def inline_table(self, path: KeyPath) -> None:
        self.advance()  # {
        while True:
            self.skip_spaces()
            if self.peek() == "}":
                self.advance()
                return
            line = self.line
            key = path + self.key()
            if self.peek() != "=":
                raise _Lost
            self.advance()
            self.record(key, line)
            self.value(key)
            self.skip_spaces()
            if self.peek() == ",":
                self.advance()
            elif self.peek() != "}":
                raise _Lost

    # -- statements --------------------------------------------------------------------------
    def header(self) -> KeyPath:
        array = self.text.startswith("[[", self.pos)
        self.advance(2 if array else 1)
        path = self.key()
        if self.peek() != "]" or (array and self.peek(1) != "]"):
            raise _Lost
        self.advance(2 if array else 1)
        return path

    def document(self) -> None:
        table: KeyPath = ()
        while self.pos < len(self.text):
            self.skip_spaces()
            char = self.peek()
            if char in ("\n", "\r"):
                self.advance()
                continue
            if char == "#":
                self.skip_comment()
                continue
            line = self.line
            if char == "[":
                table = self.header()
                if table in self.explicit_tables:
                    self.found.duplicates.append((table, line))
                self.explicit_tables.add(table)
                # [forum.onderwerpen] also opens [forum] when that has no header of its own.
                for end in range(1, len(table) + 1):
                    self.found.lines.setdefault(table[:end], line)
            else:
                path = table + self.key()
                if self.peek() != "=":
                    raise _Lost
                self.advance()
                self.record(path, line)
                self.value(path)
            self.skip_spaces()
            self.skip_comment()


def scan_key_lines(text: str) -> KeyLines:
    """The line of every table and key in ``text``; as much as can be followed if it is not valid TOML."""
    scanner = _Scanner(text)
    # RecursionError: arrays nested thousands deep; tomllib gives up on those as well.
    with contextlib.suppress(_Lost, RecursionError):
        scanner.document()
    return scanner.found
