"""The command tree, built as it is used: a start builds the commands it runs, not all 70.

Typer makes a command out of a function by reading its signature and evaluating every
annotation, twice; for the whole tree that was a third of what ``wbpctl participant show``
took to start. Here a group holds, for each command, how to find what Typer would have
registered for it (``CommandInfo`` for a function, ``TyperInfo`` for a group), which imports
the command's module; the command is built from it the first time it is asked for. The
names are known without either, so ``--help`` lists them in the same order and a usage
error suggests the same names. What is built is Typer's own command, made by Typer's own
functions, so every ``--help`` and completion reads as before.

A group's ``--help`` lists its commands with the first line of their help: it reads that
from the registration, without building the commands (``LazyGroup.format_commands``).

``commands`` stays a mapping, so code that walks the tree (the help tests, the README's
command table) still finds every command: walking it builds them.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import MutableMapping
from gettext import gettext as _
from importlib import import_module
from typing import Callable, Iterator, Union

import typer
from typer._click import Command, Context, HelpFormatter
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo, DefaultPlaceholder, TyperInfo

Info = Union[CommandInfo, TyperInfo]


class Settings:
    """What Typer passes down from the root app to every command it builds."""

    def __init__(self, root: typer.Typer) -> None:
        self.pretty_exceptions_short = root.pretty_exceptions_short
        self.rich_markup_mode = root.rich_markup_mode
        self.suggest_commands = root.suggest_commands


class LazyCommands(MutableMapping):
    """A group's commands by name, each built when first looked up."""

    def __init__(self, settings: Settings, infos: dict[str, Callable[[], Info]]) -> None:
        self._settings = settings
        self._order = list(infos)
        self._find = dict(infos)
        self._infos: dict[str, Info] = {}
        self._built: dict[str, Command] = {}
        self._when_built: list[Callable[[Command], None]] = []

    def info(self, name: str) -> Info:
        """What Typer would have registered for the command ``name``."""
        if name not in self._infos:
            self._infos[name] = self._find[name]()
        return self._infos[name]

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            if name not in self._find:
                raise KeyError(name)
            self._built[name] = self._finish(build(self._settings, self.info(name)))
        return self._built[name]

    def listing(self, name: str) -> Command:
        """The command as a list of commands shows it (name, help, hidden, deprecated):
        the command itself when built or a group (cheap to build: its own commands are
        not), else one made of those alone."""
        info = self.info(name) if name not in self._built else None
        if not isinstance(info, CommandInfo):
            return self[name]
        assert info.callback is not None
        return self._finish(TyperCommand(
            name=name, help=_help(info), short_help=info.short_help, hidden=info.hidden,
            deprecated=info.deprecated, rich_markup_mode=self._settings.rich_markup_mode))

    def _finish(self, command: Command) -> Command:
        for hook in self._when_built:
            hook(command)
        return command

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._find

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self:
            self._order.append(name)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._order.remove(name)
        self._find.pop(name, None)
        self._infos.pop(name, None)
        self._built.pop(name, None)

    def when_built(self, hook: Callable[[Command], None]) -> None:
        """Run ``hook`` on every command: those built already, now; the others as they
        are built (the help texts are put in this invocation's language so)."""
        for command in self._built.values():
            hook(command)
        self._when_built.append(hook)


class LazyGroup(TyperGroup):
    """A Typer group whose commands are built when asked for."""

    def list_commands(self, ctx: Context) -> list[str]:
        # Typer's reads the commands' items, which would build every one
        return list(self.commands)

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """Typer's list of commands, from what it shows of each (``listing``)."""
        if not isinstance(self.commands, LazyCommands):
            return super().format_commands(ctx, formatter)
        shown = [(name, self.commands.listing(name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in shown if not command.hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _command in shown)
            rows = [(name, command.get_short_help_str(limit)) for name, command in shown]
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


def found(module: str, attribute: str, name: str) -> Callable[[], Info]:
    """How to find the command ``name``: ``module.attribute``, a function registered as
    ``app.command(name)`` registers it, or a Typer app as ``app.add_typer(it, name=name)``
    does."""

    def find() -> Info:
        target = getattr(import_module(module, __package__), attribute)
        if isinstance(target, typer.Typer):
            return TyperInfo(target, name=name)
        return CommandInfo(name=name, cls=TyperCommand, callback=target)

    return find


def build(settings: Settings, info: Info) -> Command:
    """The command Typer builds from ``info``; a group as a ``LazyGroup``."""
    if isinstance(info, TyperInfo):
        return group(settings, info)
    return typer.main.get_command_from_info(
        info, pretty_exceptions_short=settings.pretty_exceptions_short,
        rich_markup_mode=settings.rich_markup_mode)


def group(settings: Settings, info: TyperInfo) -> LazyGroup:
    """The group of a Typer app (``info`` as ``app.add_typer`` records it) with its
    commands built when used. Typer builds the group itself, from a copy of the app
    without commands: its help, callback and options as Typer makes them."""
    app = info.typer_instance
    assert app is not None and isinstance(info.name, str), "a lazy group is a named Typer app"
    bare = copy.copy(app)
    bare.registered_commands, bare.registered_groups = [], []
    bare_info = copy.copy(info)
    bare_info.typer_instance = bare
    if isinstance(bare_info.cls, DefaultPlaceholder) and \
            isinstance(app.info.cls, DefaultPlaceholder):
        bare_info.cls = LazyGroup
    made = typer.main.get_group_from_info(
        bare_info, pretty_exceptions_short=settings.pretty_exceptions_short,
        rich_markup_mode=settings.rich_markup_mode, suggest_commands=settings.suggest_commands)
    assert isinstance(made, LazyGroup), f"{info.name}: its cls must be a LazyGroup"
    infos: dict[str, Callable[[], Info]] = {}
    for registered in [*app.registered_commands, *app.registered_groups]:
        infos[_name(registered)] = (lambda registered=registered: registered)
    made.commands = LazyCommands(settings, infos)
    return made


def _name(info: Info) -> str:
    if isinstance(info, TyperInfo):
        assert isinstance(info.name, str), "a lazy group is a named Typer app"
        return info.name
    return info.name or typer.main.get_command_name(info.callback.__name__)  # type: ignore


def _help(info: CommandInfo) -> str | None:
    """The help Typer gives the command of ``info``."""
    if info.help is None:
        return inspect.getdoc(info.callback)
    return inspect.cleandoc(info.help)
