"""Options and helpers that every command shares: --store, dates, and opening the store.

Kept here, not in ``kg/cli.py``, so that command modules can use them without importing the CLI
that registers them. This module defines no command.
"""

from __future__ import annotations

import os
from datetime import date

import click

__all__ = ["STORE_HELP", "store_option", "parse_date", "window_options", "store_spec", "open_store"]

STORE_HELP = ("Store directory, or a SPARQL endpoint URL (http(s)://…/sparql; credentials from "
              "$KG_STORE_USER, $KG_STORE_PASSWORD, updates to $KG_STORE_UPDATE_URL). Defaults to "
              "$KG_STORE, then ~/.local/share/kg/store ($XDG_DATA_HOME/kg/store).")


def store_option(func):
    """Add the --store option that every command takes."""
    return click.option("--store", "store", type=click.Path(file_okay=False), default=None,
                        help=STORE_HELP)(func)


def parse_date(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> date | None:
    """Read a YYYY-MM-DD option value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form.") from None


def window_options(func):
    """Add --since and --until."""
    func = click.option("--until", callback=parse_date, metavar="YYYY-MM-DD",
                        help="Only events up to this date.")(func)
    return click.option("--since", callback=parse_date, metavar="YYYY-MM-DD",
                        help="Only events from this date on.")(func)


def store_spec(store: str | None):
    """Return the store a command means: --store, else $KG_STORE, else the default directory."""
    from kg.remote import is_remote
    from kg.store import default_store_path

    # A SPARQL endpoint URL (--store or $KG_STORE) stays a string; open_store tells the two apart.
    if store is None and is_remote(os.environ.get("KG_STORE")):
        return os.environ["KG_STORE"]
    return store or default_store_path()


def open_store(store: str | None, *, write: bool = False):
    """Open the store named by --store, $KG_STORE or the default."""
    from kg.store import open_store as open_any

    return open_any(store_spec(store), write=write)
