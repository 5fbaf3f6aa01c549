"""WSGI entry point: ``flask --app wsgi ...`` and any WSGI server use ``app``.

Served (a WSGI server, or ``flask run``) without demo mode, it refuses to start while an
account still has the password the demo publishes; other ``flask`` commands still work.
"""

import sys

from core.app import create_app
from core.services.accounts import DemoPasswordsInUse, launched_to_serve, refuse_published_demo_passwords

app = create_app()
if launched_to_serve():
    try:
        refuse_published_demo_passwords(app)
    except DemoPasswordsInUse as refusal:
        sys.exit(str(refusal))
