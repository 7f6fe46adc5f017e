"""``--help`` and usage errors in the user's language.

The language is known before the command line is parsed (``--lang``, ``WBPCTL_LANG``,
else the config's ``language``), so the command tree of this invocation has its help
texts put in that language (``render.help_text``) and its examples laid out to copy.
The words of the command-line framework itself ("Usage:", "Missing option '--on'."),
which it writes in English, are translated as they are printed (``CLICK_ID``).
"""

from __future__ import annotations

import io
import os
import re
import types
from contextvars import ContextVar
from typing import Any, Sequence

LANG: ContextVar[str] = ContextVar("lang", default="en")

# what the framework prints, as patterns, and its Indonesian; compiled when first used
# (most starts print no help and no usage error)
CLICK_ID = (
    (r"^Usage:", "Penggunaan:"),
    (r"^Options:$", "Opsi:"),
    (r"^Commands:$", "Perintah:"),
    (r"^Arguments:$", "Argumen:"),
    (r"Show this message and exit\.", "Tampilkan pesan ini lalu keluar."),
    (r"Install completion for the current shell\.",
     "Pasang pelengkapan otomatis untuk shell ini."),
    (r"Show completion for the current shell, to copy it or customize the installation\.",
     "Tampilkan pelengkapan otomatis untuk shell ini, untuk disalin atau disesuaikan."),
    (r"\[required\]", "[wajib]"),
    (r"\[default: ", "[bawaan: "),
    (r"^Try '(.+?)' for help\.", r"Coba '\1' untuk bantuan."),
    (r"^Error: ", "Galat: "),
    (r"Missing option '(.+?)'\.", r"Opsi wajib '\1' belum diberikan."),
    (r"Missing argument '(.+?)'\.", r"Argumen wajib '\1' belum diberikan."),
    (r"Missing parameter: (\S+)", r"Parameter wajib belum diberikan: \1"),
    (r"Missing command\.", "Perintah belum diberikan."),
    (r"No such option: (\S+)", r"Tidak ada opsi: \1"),
    (r"No such command '(.+?)'\.", r"Tidak ada perintah '\1'."),
    (r"Did you mean (.+?)\?", r"Maksudnya \1?"),
    (r"\(Possible options: (.+?)\)", r"(Pilihan: \1)"),
    # "argument(s)" since Click 8.2; a value with a space needs quotes ('BI 12/2025')
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+?)\)",
     r"Ada argumen berlebih (\1); beri tanda kutip pada nilai yang memuat spasi"),
    (r"Invalid value for (.+?): ", r"Nilai tidak sah untuk \1: "),
    (r"'(.+?)' is not a valid integer\.", r"'\1' bukan bilangan bulat."),
    (r"'(.+?)' is not a valid float\.", r"'\1' bukan bilangan."),
    (r"'(.+?)' is not one of (.+)\.", r"'\1' bukan salah satu dari \2."),
    (r"'?(\S+?)'? is not in the range (.+)\.", r"\1 di luar rentang \2."),
    (r"Option '(.+?)' requires an argument\.", r"Opsi '\1' memerlukan nilai."),
    (r"Option '(.+?)' does not take a value\.", r"Opsi '\1' tidak menerima nilai."),
)
EXAMPLE = {"en": "Example:", "id": "Contoh:"}


def framework_text(text: str, lang: str) -> str:
    """What the command-line framework printed, in ``lang``."""
    if lang != "id":
        return text
    for pattern, replacement in CLICK_ID:
        text = re.sub(pattern, replacement, text, flags=re.MULTILINE)
    return text


def install() -> None:
    """Usage errors are printed by the framework's exception; say them in the language of
    this invocation (the English text, translated, when it is Indonesian)."""
    from typer._click import exceptions

    if getattr(exceptions.UsageError.show, "_wbpctl", False):
        return
    english = exceptions.UsageError.show

    def show(self: Any, file: Any = None) -> None:
        if LANG.get() != "id":
            return english(self, file)
        import sys
        buffer = io.StringIO()
        english(self, buffer)
        (file or sys.stderr).write(framework_text(buffer.getvalue(), "id"))

    show._wbpctl = True          # type: ignore[attr-defined]
    exceptions.UsageError.show = show


def language_of(args: Sequence[str]) -> str:
    """The language of this invocation, read before the command line is parsed: ``--lang``
    among the global options (before the command), else ``WBPCTL_LANG``, else the
    config's."""
    config = os.environ.get("WBPCTL_CONFIG")
    words, i = list(args), 0
    while i < len(words) and words[i].startswith("-"):
        name, _, inline = words[i].partition("=")
        takes_value = name in ("--db", "--config", "--lang", "--actor")
        value = inline or (words[i + 1] if takes_value and not inline and
                           i + 1 < len(words) else None)
        if name == "--lang" and value in ("id", "en"):
            return value
        if name == "--config" and value:
            config = value
        i += 2 if takes_value and not inline else 1
    chosen = os.environ.get("WBPCTL_LANG")
    if chosen in ("id", "en"):
        return chosen
    try:
        from ..config_files import language
        return language(config)
    except Exception:      # a bad config is reported once the command runs
        return "id"


def localize(command: Any, lang: str) -> None:
    """Put every help text of ``command`` and below in ``lang``, examples laid out to
    copy, and what the framework adds to a help page ("Options:") too."""
    command.help = _text(command.help, lang)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _text(param.help, lang)
    if lang == "id":
        framework_help = command.get_help
        command.get_help = types.MethodType(
            lambda self, ctx: framework_text(framework_help(ctx), lang), command)
    subs = getattr(command, "commands", {})
    if hasattr(subs, "when_built"):    # built when used (cli.lazy): each as it is built
        subs.when_built(lambda sub: localize(sub, lang))
    else:
        for sub in subs.values():
            localize(sub, lang)


def paragraph_key(paragraph: str) -> str:
    return " ".join(paragraph.replace("\b", "").split())


def _text(text: str | None, lang: str) -> str | None:
    if not text:
        return text
    from ..render.help_text import HELP_ID

    out = []
    for paragraph in text.split("\n\n"):
        key = paragraph_key(paragraph)
        if key.startswith("Example:"):
            out.append(_example(key[len("Example:"):].strip(), lang))
        elif lang == "id" and key in HELP_ID:
            out.append(("\b\n" if "\b" in paragraph else "") + HELP_ID[key])
        else:
            out.append(paragraph)
    return "\n\n".join(out)


def _example(command: str, lang: str) -> str:
    """One command a line to copy: long ones continue with a backslash, broken before an
    option, never inside a value."""
    chunks: list[str] = []    # an option with its value stays on one line
    for token in _tokens(command):
        if chunks and not token.startswith("-") and chunks[-1].startswith("-") \
                and " " not in chunks[-1]:
            chunks[-1] += " " + token
        else:
            chunks.append(token)
    lines, line = [], ""
    for chunk in chunks:
        if line and len(line) + 1 + len(chunk) > 72 and chunk.startswith("-"):
            lines.append(line + " \\")
            line = "    " + chunk
        else:
            line = f"{line} {chunk}" if line else chunk
    lines.append(line)
    return "\b\n" + EXAMPLE[lang] + "\n" + "\n".join("  " + l for l in lines)


def _tokens(command: str) -> list[str]:
    """Words of a command, a quoted value kept whole."""
    tokens, current, quote = [], "", ""
    for char in command:
        if quote:
            current += char
            if char == quote:
                quote = ""
        elif char in "\"'":
            current += char
            quote = char
        elif char == " ":
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    if current:
        tokens.append(current)
    return tokens
