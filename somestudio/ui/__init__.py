"""The Qt Widgets user interface. It talks to ``somestudio.app`` only."""

from somestudio.ui.argument_errors import keep_wrong_arguments_an_error
from somestudio.ui.pyside_imports import use_a_cheap_check

use_a_cheap_check()  # before the window's modules: see ui/pyside_imports.py
keep_wrong_arguments_an_error()  # see ui/argument_errors.py
