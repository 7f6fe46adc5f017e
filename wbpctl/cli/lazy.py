"""The command tree, built as it is used: a start builds the commands it runs, not all 70.

Typer makes a command out of a function by reading its signature and evaluating every
annotation, twice; for the whole tree that was a third of what ``wbpctl participant show``
took to start. Here a group holds its commands as *makers*: the command's name, known
without building it (so ``--help`` lists them in the same order and usage errors suggest
the same names), and how to build it, which imports its module the first time the
command is asked for. What is built is Typer's own command, from Typer's own functions,
so every ``--help`` and completion reads as before.

``commands`` stays a mapping, so code that walks the tree (the help tests, the README's
command table) still finds every command: walking it builds them.
"""

from __future__ import annotations

import copy
from collections.abc import MutableMapping
from importlib import import_module
from typing import Callable, Iterator

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo, DefaultPlaceholder, TyperInfo

from typer._click import Command, Context

Maker = Callable[[], Command]


class LazyCommands(MutableMapping):
    """A group's commands by name, each built from its maker when first looked up."""

    def __init__(self, makers: dict[str, Maker]) -> None:
        self._order = list(makers)
        self._makers = dict(makers)
        self._built: dict[str, Command] = {}
        self._when_built: list[Callable[[Command], None]] = []

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            if name not in self._makers:
                raise KeyError(name)
            command = self._makers[name]()
            for hook in self._when_built:
                hook(command)
            self._built[name] = command
            del self._makers[name]
        return self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self:
            self._order.append(name)
        self._makers.pop(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._order.remove(name)
        self._makers.pop(name, None)
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


class Settings:
    """What Typer passes down from the root app to every command it builds."""

    def __init__(self, root: typer.Typer) -> None:
        self.pretty_exceptions_short = root.pretty_exceptions_short
        self.rich_markup_mode = root.rich_markup_mode
        self.suggest_commands = root.suggest_commands


def command(settings: Settings, name: str, module: str, attribute: str) -> Maker:
    """A maker for the function ``module.attribute`` as the command ``name``; when it is
    a Typer app instead, for that app as the group ``name``."""

    def make() -> Command:
        found = getattr(import_module(module, __package__), attribute)
        if isinstance(found, typer.Typer):
            return group(settings, TyperInfo(found, name=name))
        # what ``app.command(name)(found)`` registers
        return typer.main.get_command_from_info(
            CommandInfo(name=name, cls=typer.core.TyperCommand, callback=found),
            pretty_exceptions_short=settings.pretty_exceptions_short,
            rich_markup_mode=settings.rich_markup_mode)

    return make


def group(settings: Settings, info: TyperInfo) -> LazyGroup:
    """The group of a Typer app (``info`` as ``app.add_typer`` records it) with its
    commands and groups as makers. Typer builds the group itself from a copy of the app
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
    built = typer.main.get_group_from_info(
        bare_info, pretty_exceptions_short=settings.pretty_exceptions_short,
        rich_markup_mode=settings.rich_markup_mode, suggest_commands=settings.suggest_commands)
    assert isinstance(built, LazyGroup), f"{info.name}: its cls must be a LazyGroup"
    makers: dict[str, Maker] = {}
    for command_info in app.registered_commands:
        name = command_info.name or typer.main.get_command_name(
            command_info.callback.__name__)    # type: ignore[union-attr]
        makers[name] = _from_info(settings, command_info)
    for group_info in app.registered_groups:
        makers[group_info.name] = _group_maker(settings, group_info)  # type: ignore[index]
    built.commands = LazyCommands(makers)
    return built


def _from_info(settings: Settings, info: CommandInfo) -> Maker:
    return lambda: typer.main.get_command_from_info(
        info, pretty_exceptions_short=settings.pretty_exceptions_short,
        rich_markup_mode=settings.rich_markup_mode)


def _group_maker(settings: Settings, info: TyperInfo) -> Maker:
    return lambda: group(settings, info)
