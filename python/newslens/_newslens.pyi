"""The Rust extension module (private; use the ``newslens`` package)."""

from typing import Any, List, Optional, Tuple, Union

DEFAULT_MAX_BYTES: int
SCHEMA_VERSION: int

class _Analyzer:
    def __init__(
        self,
        lexicons: List[str],
        default_lexicons: bool,
        max_bytes: int,
        lossy: bool,
        lexicon_only: bool = False,
        force_aliases: bool = False,
    ) -> None: ...
    def analyze_json(
        self,
        text: Union[str, bytes],
        id: str,
        title: Optional[str] = None,
        date: Optional[str] = None,
    ) -> str: ...
    def analyze_many_json(
        self, inputs: List[Any], threads: Optional[int] = None, raise_errors: bool = True
    ) -> List[str]: ...
    def analyze_jsonl(
        self,
        lines: List[Union[str, bytes]],
        threads: Optional[int] = None,
        raise_errors: bool = False,
        first_line: int = 1,
    ) -> List[str]: ...
    def lexicon_counts(self) -> List[Tuple[str, int]]: ...
