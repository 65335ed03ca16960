# SPDX-License-Identifier: GPL-3.0-or-later
"""The one atomic write: the old file or the new one, never half, and nothing left behind."""

from __future__ import annotations

import stat

import pytest

from composer.core import files
from composer.core.files import write_atomic


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces_whole(tmp_path):
    target = tmp_path / "update.md"
    write_atomic(target, "first\n")
    write_atomic(target, "second — ünïcode\n")
    assert target.read_text(encoding="utf-8") == "second — ünïcode\n"
    write_atomic(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert leftovers(tmp_path) == []


def test_keeps_an_existing_files_permissions(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.html"
    write_atomic(fresh, "x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "update.md"
    target.write_text("the good version", encoding="utf-8")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "half of a new version")
    assert target.read_text(encoding="utf-8") == "the good version"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nowhere" / "x.md", "text")


def test_only_a_regular_file_is_replaced_never_a_link_a_folder_or_a_device(tmp_path):
    import os

    import pytest

    from composer.core.files import write_atomic

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link") as caught:
        write_atomic(link, "planted")
    assert caught.value.strerror == "is a symbolic link: name the file it points to"
    assert victim.read_text(encoding="utf-8") == "keep me" and link.is_symlink()
    with pytest.raises(IsADirectoryError, match="is a folder"):
        write_atomic(tmp_path, "x")
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic("/dev/null", "x")
    assert sorted(os.listdir(tmp_path)) == ["link.md", "victim.txt"]  # nothing left behind
