"""``python -m dialer_app``: same as the ``dialer-app`` console script."""

from dialer_app.app import main

raise SystemExit(main())
