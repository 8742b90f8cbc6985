"""The built-in vendor APIs, one folder each (see README.md here and `contracts.rooms`).

`contracts.registry` finds them, and the vendors other packages register by entry point.
"""
