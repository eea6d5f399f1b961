"""The exceptions newslens raises. Their messages are the CLI's (without its
``newslens:`` prefix)."""

from typing import Optional


class NewslensError(Exception):
    """Base class of the errors newslens raises."""


class LexiconError(NewslensError, ValueError):
    """A lexicon file is malformed, or a row means something impossible (a role date
    ``2020-13-45``, a country ``US``, an alias ``the``). ``str(e)`` is
    ``file:line: what is wrong`` (``file:line: field: what is wrong`` when about one
    column), as ``newslens analyze --lexicon FILE`` reports it."""

    #: The lexicon file.
    path: Optional[str] = None
    #: The 1-based line at fault, or None.
    lineno: Optional[int] = None
    #: The column at fault (``country``, ``aliases``...), or None.
    field: Optional[str] = None


class LexiconFileError(LexiconError, OSError):
    """A lexicon file cannot be read (missing, unreadable). Also an :class:`OSError`
    (``errno`` is set); ``str(e)`` is ``file: reason``, as the CLI reports it."""


class RecordError(NewslensError, ValueError):
    """An input the CLI would turn into an error record: a text larger than
    ``max_bytes``, invalid UTF-8 in bytes, a JSON Lines record without ``text``...
    ``str(e)`` is the CLI's message on stderr (``stdin: text is more than the maximum
    of 10 bytes``)."""

    #: The error record's kind: ``too_large``, ``invalid_utf8``, ``invalid_json``,
    #: ``not_an_object``, ``missing_id``, ``invalid_id``, ``missing_text``,
    #: ``invalid_text`` or ``unreadable``.
    kind: str = ""
    #: The record's id, when known.
    id: Optional[str] = None
    #: The file the record is in (never set for in-memory input).
    file: Optional[str] = None
    #: The 1-based position in the input list (JSON Lines records only).
    line: Optional[int] = None


for _cls in (NewslensError, LexiconError, LexiconFileError, RecordError):
    _cls.__module__ = "newslens"
del _cls
