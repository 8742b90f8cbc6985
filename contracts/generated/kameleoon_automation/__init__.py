"""Generated from specs/kameleoon-automation.yaml by `make regen` (tools/regen.py); do not edit.

- `client`: typed HTTP client (openapi-python-client)
- `models`: pydantic v2 models (datamodel-code-generator)
"""
