"""Type stubs of the newslens package (see __init__.py for the docs)."""

import os
from collections.abc import Mapping
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

__version__: str
DEFAULT_MAX_BYTES: int
SCHEMA_VERSION: int

#: A record: the dict of the CLI's JSON record for one article.
Record = Dict[str, Any]
#: One input of analyze_many: a text, an (id, text) pair, or a JSON Lines-like dict.
Input = Union[str, bytes, Tuple[Union[str, int], Union[str, bytes]], Mapping[str, Any]]

class NewslensError(Exception):
    """Base class of the errors newslens raises."""

class LexiconError(NewslensError, ValueError):
    """A lexicon file is malformed: ``file:line: what is wrong``."""

    path: Optional[str]
    lineno: Optional[int]

class LexiconFileError(LexiconError, OSError):
    """A lexicon file cannot be read (an OSError too, errno set)."""

class RecordError(NewslensError, ValueError):
    """An input the CLI would turn into an error record."""

    kind: str
    id: Optional[str]
    line: Optional[int]

class Analyzer:
    """Lexicons loaded and matchers compiled once; thread-safe."""

    def __init__(
        self,
        lexicons: Iterable[Union[str, os.PathLike[str]]] = ...,
        default_lexicons: bool = True,
        *,
        max_bytes: int = ...,
        lossy: bool = False,
        lexicon_only: bool = False,
        force_aliases: bool = False,
    ) -> None: ...
    def analyze(
        self,
        text: Union[str, bytes],
        *,
        id: str = "stdin",
        title: Optional[str] = None,
        date: Optional[str] = None,
    ) -> Record: ...
    def analyze_json(
        self,
        text: Union[str, bytes],
        *,
        id: str = "stdin",
        title: Optional[str] = None,
        date: Optional[str] = None,
    ) -> str: ...
    def analyze_many(
        self, texts: Iterable[Input], threads: Optional[int] = None, *, errors: str = "raise"
    ) -> List[Record]: ...
    def analyze_many_json(
        self, texts: Iterable[Input], threads: Optional[int] = None, *, errors: str = "raise"
    ) -> List[str]: ...
    def analyze_jsonl(
        self,
        lines: Iterable[Union[str, bytes]],
        threads: Optional[int] = None,
        *,
        errors: str = "record",
        first_line: int = 1,
    ) -> List[str]: ...
    def lexicon_counts(self) -> Dict[str, int]: ...

def get_analyzer(
    lexicons: Iterable[Union[str, os.PathLike[str]]] = ...,
    default_lexicons: bool = True,
    *,
    max_bytes: int = ...,
    lossy: bool = False,
    lexicon_only: bool = False,
    force_aliases: bool = False,
) -> Analyzer: ...
def analyze(
    text: Union[str, bytes],
    *,
    id: str = "stdin",
    title: Optional[str] = None,
    date: Optional[str] = None,
) -> Record: ...
def analyze_many(
    texts: Iterable[Input], threads: Optional[int] = None, *, errors: str = "raise"
) -> List[Record]: ...
