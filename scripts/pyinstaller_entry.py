"""Entry script of the PyInstaller build (see build.spec): the same as ``python -m dialer_app``.

It lives outside the package so that PyInstaller, which puts the entry script's folder on its
search path, cannot mistake a module inside ``dialer_app/`` for a top-level one.
"""

from dialer_app.app import main

raise SystemExit(main())
