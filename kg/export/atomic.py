"""Write a file so that readers see the old version or the new one, never a truncated mix.

The data goes to a temporary file in the target's folder, which is flushed, synced and then
renamed over the target. If anything fails, the temporary file is removed and the target is
left as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from kg.errors import KGError

__all__ = ["atomic_output"]


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temporary binary file beside ``path``; on success, rename it over ``path``.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> _ = target.write_text("old")
    >>> try:
    ...     with atomic_output(target) as out:
    ...         _ = out.write(b"half")
    ...         raise ValueError("the exporter failed")
    ... except ValueError:
    ...     pass
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('old', ['out.txt'])
    """
    target = Path(path)
    if target.is_dir():
        raise KGError(f"{target}: is a directory; give a file name to write to.")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise KGError(f"{target}: cannot create a file in {target.parent}: {err.strerror}.") from err
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as err:
        with suppress(OSError):
            os.unlink(temporary)
        raise KGError(f"{target}: writing failed ({err.strerror or err}); "
                      "any previous file there is unchanged.") from err
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    # Make the rename itself durable; not every platform can open a folder.
    with suppress(OSError):
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
