"""The command line's own words in French: help labels, typed placeholders instead of
« <bool> », and usage errors (unknown option, missing argument…) as one French sentence."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer ≥ 0.29 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover  (older typer runs on click itself)
    from click import exceptions as click_errors

HELP_OPTION_TEXT = "Affiche cette aide et quitte."
USAGE_PREFIX = "Utilisation : "
# placeholder shown after an option in the help, by the option's Python type (a flag shows none)
TYPE_PLACEHOLDERS = {int: "NOMBRE", float: "NOMBRE", str: "TEXTE", Path: "CHEMIN"}
EXPECTED_VALUES = {int: "un nombre entier", float: "un nombre", Path: "un chemin de fichier ou de dossier"}
# typer's help labels (module constants of typer.rich_utils, read when the help is drawn)
HELP_LABELS = {
    "COMMANDS_PANEL_TITLE": "Commandes",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "DEFAULT_STRING": "[défaut : {}]",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "ENVVAR_STRING": "[variable d'environnement : {}]",
    "DEPRECATED_STRING": "(obsolète) ",
    "ABORTED_TEXT": "Interrompu.",
}
# usage errors that click raises as bare text: (pattern of the English text, French sentence)
PLAIN_USAGE_ERRORS = [
    (re.compile(r"No such command '(?P<x>.*)'\."), "commande inconnue : « {x} »"),
    (re.compile(r"Missing command\."), "indiquez une commande"),
    (re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<x>.*)\)"),
     "argument en trop : « {x} » (un texte avec des espaces se met entre guillemets)"),
    (re.compile(r"Option '(?P<x>.*)' requires (an argument|\d+ arguments)\."), "l'option {x} attend une valeur"),
    (re.compile(r"Option '(?P<x>.*)' does not take a value\."), "l'option {x} ne prend pas de valeur"),
]


def _annotation(param) -> Any:
    return getattr(getattr(param, "type_descriptor", None), "annotation", None)


def _name(param) -> str:
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")] or getattr(param, "opts", [])
    if param.param_type_name == "option" and opts:
        return opts[0]
    return param.metavar or (param.name or "").upper()


def usage_error_text(exc: click_errors.UsageError) -> str:
    """One French sentence for a usage error, naming the option or argument at fault."""
    if isinstance(exc, click_errors.NoSuchOption):
        text = f"option inconnue : {exc.option_name}"
        if exc.possibilities:
            text += f" (vouliez-vous dire {' ou '.join(sorted(exc.possibilities))} ?)"
        return text
    if isinstance(exc, click_errors.MissingParameter) and exc.param is not None:
        about = f" ({exc.param.help})" if getattr(exc.param, "help", None) else ""
        if exc.param.param_type_name == "argument":
            return f"argument manquant : {_name(exc.param)}{about}"
        return f"l'option {_name(exc.param)} est obligatoire{about}"
    if isinstance(exc, click_errors.BadParameter) and exc.param is not None:
        expected = EXPECTED_VALUES.get(_annotation(exc.param))
        if expected:
            return f"{_name(exc.param)} attend {expected}"
        return f"valeur invalide pour {_name(exc.param)} : {exc.message}"
    for pattern, french in PLAIN_USAGE_ERRORS:
        found = pattern.fullmatch(exc.message.strip())
        if found:
            return french.format(**found.groupdict())
    return exc.format_message()


def _print_error(text: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False).print(f"[bold red]Erreur :[/] {escape(text)}")


class FrenchHelp:
    """Mixed into typer's command and group classes: French help option, usage line and labels."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            if param.param_type_name == "argument" and _annotation(param) in TYPE_PLACEHOLDERS:
                # typer shows an argument's Python type (« <str> »): the French placeholder instead
                placeholder = TYPE_PLACEHOLDERS[_annotation(param)]
                param.display_type_rich = lambda ctx, placeholder=placeholder: placeholder
                continue
            if param.param_type_name != "option" or param.metavar is not None:
                continue
            if getattr(param, "is_flag", False):
                param.metavar = ""  # a flag takes no value: no « <bool> » after it
            elif _annotation(param) in TYPE_PLACEHOLDERS:
                param.metavar = TYPE_PLACEHOLDERS[_annotation(param)]
        return params

    def format_usage(self, ctx, formatter) -> None:
        # typer writes a required argument « {QUESTION} »; the usual convention, click's, is « QUESTION »
        pieces = [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)

    def format_help(self, ctx, formatter):
        from typer import rich_utils

        for name, label in HELP_LABELS.items():
            setattr(rich_utils, name, label)
        return super().format_help(ctx, formatter)


class FrenchCommand(FrenchHelp, TyperCommand):
    pass


class FrenchGroup(FrenchHelp, TyperGroup):
    def __init__(self, *args, **kwargs):
        kwargs["subcommand_metavar"] = kwargs.get("subcommand_metavar") or "COMMANDE [ARGUMENTS]..."
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode: bool = True, **extra):
        """Typer's own main, with its English usage errors replaced by a French sentence."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as exc:
            sys.exit(exc.exit_code)  # the help is already shown
        except click_errors.UsageError as exc:
            hint = f"\nAide : {exc.ctx.command_path} --help" if exc.ctx is not None else ""
            _print_error(usage_error_text(exc) + hint)
            sys.exit(exc.exit_code)
        except click_errors.ClickException as exc:
            _print_error(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            print("Interrompu.", file=sys.stderr)
            sys.exit(1)
        if code == 130:  # Ctrl+C: typer turns it into this exit code, silently
            print("Interrompu.", file=sys.stderr)
        sys.exit(code if isinstance(code, int) else 0)


class FrenchTyper(typer.Typer):
    """A Typer app whose commands speak French (see ``FrenchCommand``)."""

    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or FrenchCommand, **kwargs)
