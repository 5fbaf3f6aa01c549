"""Test configuration for the whole repository: the suite runs in demo mode.

``make_app(users=True)`` (tests/conftest.py) runs ``flask demo-users``, which the demo
feature plugin adds; demo mode (``PELITA_DEMO=1``) enables that plugin in every test app.
"""

import os

os.environ.setdefault("PELITA_DEMO", "1")
