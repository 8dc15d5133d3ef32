"""The Qt Widgets user interface. It talks to ``somestudio.app`` only."""
