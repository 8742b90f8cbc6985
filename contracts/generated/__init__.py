"""Code generated from specs/ by `make regen` (tools/regen.py); do not edit by hand.

One package per spec; generated code never imports the hand-written `contracts` package.
"""
