"""Command modules that the CLI registers: each defines a click command named ``command``.

Keeping larger command families in their own modules keeps ``kg/cli.py`` short; every module
here is imported and added to the ``kg`` group by :func:`kg.cli.register_commands`.
"""
