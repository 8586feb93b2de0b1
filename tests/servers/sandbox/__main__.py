"""``python -m tests.servers.sandbox``: run the sandbox servers (see :mod:`.services`)."""

import sys

from tests.servers.sandbox.services import main

sys.exit(main())
