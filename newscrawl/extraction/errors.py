"""Why an input could not be extracted: one exception with a short, countable reason."""


class BadInput(Exception):
    """An input that cannot give an article; `reason` is a short key for counting skips."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return self.message
