"""The one exception root: every error a user can cause (an unknown API, an unreadable spec or
file, a vendor folder that breaks the interface) is a `ContractsError`.

The command line turns these, and only these, into one clear line with exit status 1 (or the
`exit_code` a child sets); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class ContractsError(Exception):
    """Something the user can fix: the message says what, where and why."""

    exit_code = 1

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class UnknownApiError(ContractsError, KeyError):
    """No registered API (or edition) has that name."""


class SpecError(ContractsError, ValueError):
    """A spec that cannot be found or read, or is not an OpenAPI document."""

    exit_code = 2


class VendorError(ContractsError, TypeError):
    """A vendor folder that does not satisfy the vendor interface (`contracts.rooms`)."""


class InputError(ContractsError, ValueError):
    """Input the command cannot use: a traffic file, a setting, an option's value."""

    exit_code = 2


class SettingError(InputError):
    """A mock setting (`--setting API.KEY=VALUE`) a vendor's mock cannot use."""


class UnreachableError(ContractsError, ConnectionError):
    """The server to check does not answer."""
