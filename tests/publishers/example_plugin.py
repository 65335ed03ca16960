# SPDX-License-Identifier: GPL-3.0-or-later
"""A third-party publisher written against `composer.publishers.api` only, as a plugin would be.

It drops each post into a folder another system picks up (a pager gateway, an SMS relay), as
a short thread of text files, each with an HMAC signature made with the account's shared key.
The tests hold it to the same contract as the built-ins (test_contract.py), load it through a
real entry point (test_registry.py) and type-check it strictly (tests/test_types.py).

A plugin's distribution declares it in its entry points:

    [project.entry-points."incident_composer.publishers"]
    drop-folder = "example_plugin:DropFolderPublisher"
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime
from pathlib import Path

from composer.publishers.api import (
    API_VERSION,
    Account,
    AccountField,
    Cancelled,
    Post,
    PublishableUpdate,
    PublishError,
    Receipt,
    Rejected,
    Report,
    TextPolicy,
    fit,
    graphemes,
    markdown_to_html,
    no_report,
    scrub,
    source_text,
)

LIMIT = 160  # graphemes: what one pager screen shows


class DropFolderPublisher:
    """Writes each update as signed text files into a folder (a thread of them when it is long)."""

    id = "drop-folder"
    display_name = "Drop folder (pager gateway)"
    api_version = API_VERSION
    account_fields = (
        AccountField("folder", "Folder", kind="path", help="Where the gateway picks up messages"),
        AccountField("key", "Shared key", secret=True, help="Signs each message; kept in the system keyring only"),
    )
    policy = TextPolicy(
        limit=LIMIT, counter="graphemes", threads=True, measure=graphemes, source="social-short", max_parts=5
    )

    def render(self, update: PublishableUpdate) -> Post:
        parts = fit(
            source_text(update, "social-short"),
            limit=LIMIT,
            length=graphemes,
            thread=True,
            long_url=update.long_url,
            max_parts=self.policy.max_parts,
        )
        return Post(
            channel=self.id,
            parts=parts,
            subject=update.title,
            html=markdown_to_html(update.body),
            meta={"update_id": update.update_id},
        )

    def validate_settings(self, settings: dict[str, str]) -> None:
        """The optional hook: a relative folder would depend on where the app was started."""
        if settings.get("folder") and not Path(settings["folder"]).is_absolute():
            raise ValueError("Write the folder as a full path, e.g. /var/spool/pager.")

    def publish(
        self,
        post: Post,
        account: Account,
        credentials: dict[str, str],
        *,
        report: Report = no_report,
        cancel: threading.Event | None = None,
    ) -> Receipt:
        folder = self._folder(account)
        key = credentials.get("key", "")
        if not key:
            raise PublishError("No shared key is stored for this account; enter it in the account.")
        stem = f"{post.meta.get('incident_key', 'incident')}-{post.meta.get('update_id', 0)}"
        for index, part in enumerate(post.parts, 1):
            if cancel is not None and cancel.is_set():
                raise Cancelled("Stopped before every message was written.")
            report(index / (len(post.parts) + 1), f"Writing message {index} of {len(post.parts)}")
            signature = hmac.new(key.encode(), part.encode(), hashlib.sha256).hexdigest()
            try:
                (folder / f"{stem}-{index}.json").write_text(
                    json.dumps({"text": part, "signature": signature}, ensure_ascii=False), encoding="utf-8"
                )
            except OSError as error:  # whatever the system says, the key never reaches the user
                raise Rejected(scrub(f"Could not write to {folder}: {error}", key)) from None
        return Receipt(
            account=account.name,
            channel=self.id,
            remote_id=stem,
            url=folder.as_uri(),
            published_at=datetime.now(UTC),
            meta={"files": len(post.parts)},
        )

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        folder = self._folder(account)
        if not credentials.get("key"):
            raise PublishError("No shared key is stored for this account; enter it in the account.")
        return f"The folder {folder} is ready"

    @staticmethod
    def _folder(account: Account) -> Path:
        folder = Path(account.settings.get("folder", ""))
        if not folder.is_dir():
            raise PublishError(f"The folder {folder} does not exist; create it or change the account.")
        return folder
