from PyQt6.uic import *  # noqa: F403
