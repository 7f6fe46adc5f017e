"""The one message catalogue: every sentence in English and Indonesian, with the same
fields, and every key the code names is in it."""

import re
import string
from pathlib import Path

from wbpctl.render.messages import MESSAGES

CODE = Path(__file__).resolve().parent.parent / "wbpctl"
# a key named as a literal where an error is raised or a message said
USES = re.compile(r"""(?:Rejected|NotFound|StorageError|ConfigError|WbpError|msg|say\(ctx,|"""
                  r"""warn\(ctx,)\(?\s*"([a-z][a-z0-9_]*[a-z0-9])\"""")


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_in_both_languages_with_the_same_fields():
    for key, (english, indonesian) in MESSAGES.items():
        assert english and indonesian, key
        assert fields(english) == fields(indonesian), key


def test_every_key_the_code_names_is_in_the_catalogue():
    used = {key for path in CODE.rglob("*.py") for key in USES.findall(path.read_text())}
    assert len(used) > 100
    assert sorted(used - set(MESSAGES)) == []


def test_keys_made_from_parts_are_in_the_catalogue():
    for what in ("not_json", "seq", "hash", "lapas"):
        assert f"checkpoint_line_{what}" in MESSAGES
    for prefix in ("head", "checkpoint"):
        assert {f"{prefix}_not_found", f"{prefix}_differs"} <= set(MESSAGES)
