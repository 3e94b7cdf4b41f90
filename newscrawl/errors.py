"""Errors that are the user's to fix (arguments, settings, input paths): told in one line, no traceback."""


class UserError(Exception):
    """Base of the mistakes a user fixes by changing the command line or a setting."""


class SettingError(UserError, ValueError):
    """A setting with a value newscrawl cannot use."""
