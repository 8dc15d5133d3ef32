"""The scheduling engine: alarms that wake the dispatcher, which claims and publishes.

The database is the truth; everything here can be rebuilt from it at start. Nothing in this
package imports Qt: the UI listens through ``Engine.add_listener``.
"""
