# SPDX-License-Identifier: GPL-3.0-or-later
"""Plain records for the classes on the way to the first paint.

Not dataclasses: @dataclass writes and compiles each class's methods when the module
is imported, about 0.2 ms a class, and the model, the store and the window's context
are all imported before the window appears (benchmarks: startup_ratio). A record's
fields are its `__slots__`, in order; equality and repr come from them, shared here.
"""

from __future__ import annotations


class Record:
    """A mutable record: equal when of the same class with equal fields, unhashable."""

    __slots__: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq=True

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class FrozenRecord(Record):
    """A record that cannot change after __init__, and so can be hashed."""

    __slots__: tuple[str, ...] = ()

    def _set(self, **fields: object) -> None:
        """For __init__ only."""
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(getattr(self, name) for name in self.__slots__))
