"""Some Studio: draft, schedule, publish and measure social media posts."""

import sys

__version__ = "0.1.0"
APP_NAME = "Some Studio"
APP_ID = "somestudio"

# PySide6's Python enums without their "forgiveness mode" (the fake unscoped shortcuts such as
# Qt.AlignLeft and the fake old names), read when PySide6 is first imported: building those
# for every Qt enum class the window touches cost 30-40 ms before its first frame (the Qt
# namespace alone has 95). Some Studio names every enum member in full. Flags from
# https://doc.qt.io/qtforpython-6/developer/enumfeatures_doc.html: 0x01 the Python enums,
# 0x10 no fake shortcuts, 0x20 no fake renames.
PYSIDE_ENUM_OPTIONS = 0x01 | 0x10 | 0x20
if "PySide6" not in sys.modules and not hasattr(sys, "pyside6_option_python_enum"):
    sys.pyside6_option_python_enum = PYSIDE_ENUM_OPTIONS  # type: ignore[attr-defined]
