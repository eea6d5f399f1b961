"""newslens: a fast, offline news-article analyzer.

Sentences, entity mentions resolved to canonical lexicon entries, attributed claims
(speaker, cue, content, stance, modality) and sentiment toward entities, as the
``newslens`` command line prints them: every result is the dict ``json.loads`` makes
of the CLI's JSON record for the same input, with exactly the same keys and values.

>>> import newslens
>>> r = newslens.analyze("Russian President Vladimir Putin said the talks failed.")
>>> [e["canonical"] for e in r["entities"]]
['Russia', 'Vladimir Putin']
>>> r["claims"][0]["cue"]["text"]
'said'

Build an :class:`Analyzer` once to choose lexicons or analyze many texts in parallel;
:func:`analyze` uses a default one, built on first use.
"""

import json
import os
import threading
from collections.abc import Mapping
from typing import Any, Dict, Iterable, List, Optional, Union

from ._errors import (
    LexiconError,
    LexiconFileError,
    NewslensError,
    RecordError,
)
from ._newslens import DEFAULT_MAX_BYTES, SCHEMA_VERSION, _Analyzer

__all__ = [
    "Analyzer",
    "analyze",
    "analyze_many",
    "get_analyzer",
    "NewslensError",
    "LexiconError",
    "LexiconFileError",
    "RecordError",
    "DEFAULT_MAX_BYTES",
    "SCHEMA_VERSION",
]

__version__ = "0.1.0"

_loads = json.loads
_ERRORS = ("raise", "record")


def _check_threads(threads: Optional[int]) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError("threads must be at least 1")
    return threads


def _check_errors(errors: str) -> bool:
    if errors not in _ERRORS:
        raise ValueError(f"errors must be 'raise' or 'record', not {errors!r}")
    return errors == "raise"


def _id(value: Any, i: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"item {i}: the id must be a str or an int, not {type(value).__name__}")


def _check_iterable(value: Any, method: str, what: str) -> None:
    """Refuses a single str, bytes or dict where an iterable of them is expected:
    iterating it would read a str character by character (or a dict's keys)."""
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            f"{method}() takes an iterable of {what} (a list, an open file...), not "
            f"one {type(value).__name__}, which would be read character by character; "
            f"pass [value], or value.splitlines() for many lines"
        )
    if isinstance(value, Mapping):
        raise TypeError(
            f"{method}() takes an iterable of {what}, not one dict, whose keys would "
            f"be read as {what}; pass [value]"
        )


def _prepare(i: int, item: Any) -> Any:
    """One input of analyze_many as the Rust side takes it: an (id, text) tuple, or
    a str holding one JSON Lines record."""
    if isinstance(item, (str, bytes)):
        return (str(i), item)
    if isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError(f"item {i}: a tuple must be (id, text)")
        return (_id(item[0], i), item[1])
    if isinstance(item, Mapping):
        # Read exactly as one line of a JSON Lines file would be.
        return json.dumps(dict(item), ensure_ascii=False, default=str)
    raise TypeError(
        f"item {i}: expected a str, bytes, an (id, text) tuple or a dict, "
        f"not {type(item).__name__}"
    )


class Analyzer:
    """An analyzer: lexicons loaded and matchers compiled once (about 0.1 s with the
    bundled lexicons), then any number of texts analyzed, from any number of threads.

    :param lexicons: lexicon files (TSV, the CLI's ``--lexicon FILE``), loaded after
        the bundled ones, so their entries win.
    :param default_lexicons: load the bundled entity lexicons first (``False`` is the
        CLI's ``--no-default-lexicons``). The bundled word lists (cues, roles,
        sentiment) are always loaded.
    :param max_bytes: largest text accepted, in UTF-8 bytes (the CLI's ``--max-bytes``);
        a larger one raises :class:`RecordError` (or gives an error record).
    :param lossy: replace invalid UTF-8 in ``bytes`` input and lone surrogates in
        ``str`` input with U+FFFD instead of refusing the text (the CLI's ``--lossy``).
    :param lexicon_only: entities are lexicon matches alone, plus pronoun and nominal
        coreference (the CLI's ``--lexicon-only``): faster, every named entity a
        lexicon entry.
    :raises LexiconError: a lexicon file is malformed (``file:line: problem``).
    :raises LexiconFileError: a lexicon file cannot be read (also an ``OSError``).
    """

    __slots__ = ("_inner",)

    def __init__(
        self,
        lexicons: Iterable[Union[str, "os.PathLike[str]"]] = (),
        default_lexicons: bool = True,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        lossy: bool = False,
        lexicon_only: bool = False,
        force_aliases: bool = False,
    ) -> None:
        if isinstance(lexicons, (str, bytes, os.PathLike)):
            lexicons = [lexicons]
        paths = [os.fsdecode(os.fspath(p)) for p in lexicons]
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
            raise ValueError("max_bytes must be a non-negative int")
        self._inner = _Analyzer(
            paths,
            bool(default_lexicons),
            max_bytes,
            bool(lossy),
            bool(lexicon_only),
            bool(force_aliases),
        )

    def analyze(
        self,
        text: Union[str, bytes],
        *,
        id: str = "stdin",
        title: Optional[str] = None,
        date: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Analyzes one article and returns its record: the dict of the JSON object
        ``newslens analyze`` prints for it (keys ``id``, ``schema_version``,
        ``sentences``, ``entities``, ``claims``, and ``title``/``date`` when given).

        :param text: the article; ``bytes`` are read as the CLI reads a file (UTF-8, a
            byte-order mark dropped).
        :param id: the record's id; the default, ``"stdin"``, is the id the CLI gives
            an article read from standard input, so the record equals
            ``newslens analyze < article.txt``.
        :param title: echoed in the record, as a JSON Lines ``title`` is.
        :param date: the publication date (``YYYY[-MM[-DD]]``): people get the roles
            they held that day; echoed in the record.
        :raises RecordError: the text is larger than ``max_bytes``, or ``bytes`` are not
            UTF-8 (without ``lossy``).
        :raises UnicodeEncodeError: a ``str`` with lone surrogates (without ``lossy``).

        The analysis runs without the GIL.
        """
        return _loads(self._inner.analyze_json(text, id, title, date))

    def analyze_json(
        self,
        text: Union[str, bytes],
        *,
        id: str = "stdin",
        title: Optional[str] = None,
        date: Optional[str] = None,
    ) -> str:
        """Like :meth:`analyze`, but returns the record as the CLI's JSON line (without
        the newline), byte for byte."""
        return self._inner.analyze_json(text, id, title, date)

    def analyze_many(
        self,
        texts: Iterable[Union[str, bytes, tuple, Mapping]],
        threads: Optional[int] = None,
        *,
        errors: str = "raise",
    ) -> List[Dict[str, Any]]:
        """Analyzes many articles in parallel, without the GIL, and returns their
        records in input order. The output does not depend on ``threads``.

        Each item is one of:

        - a ``str`` (or ``bytes``): a plain-text article, whose id is its position in
          ``texts`` as a string (``"0"``, ``"1"``...);
        - an ``(id, text)`` tuple, ``id`` a str or an int;
        - a dict such as ``{"id": ..., "text": ..., "title": ..., "date": ...}``, read
          exactly as one line of a JSON Lines file: the same checks and the same error
          records, its ``line`` being its 1-based position in ``texts``.

        :param threads: worker threads; ``None`` uses all cores (rayon's pool, which
            ``RAYON_NUM_THREADS`` sizes), ``1`` runs in the calling thread.
        :param errors: ``"raise"`` raises :class:`RecordError` for the first bad item
            before anything is analyzed; ``"record"`` puts the CLI's error record
            (``{"id", "schema_version", "line"?, "error": {"kind", "message"}}``) in
            its place, as the CLI does.

        All inputs and outputs are held in memory at once: give a large corpus in
        chunks (a few hundred articles each keeps every core busy).
        """
        return [_loads(s) for s in self.analyze_many_json(texts, threads, errors=errors)]

    def analyze_many_json(
        self,
        texts: Iterable[Union[str, bytes, tuple, Mapping]],
        threads: Optional[int] = None,
        *,
        errors: str = "raise",
    ) -> List[str]:
        """Like :meth:`analyze_many`, but returns the CLI's JSON lines (without
        newlines)."""
        _check_iterable(texts, "analyze_many", "articles")
        raise_errors = _check_errors(errors)
        threads = _check_threads(threads)
        inputs = [_prepare(i, item) for i, item in enumerate(texts)]
        return self._inner.analyze_many_json(inputs, threads, raise_errors)

    def analyze_jsonl(
        self,
        lines: Iterable[Union[str, bytes]],
        threads: Optional[int] = None,
        *,
        errors: str = "record",
        first_line: int = 1,
    ) -> List[str]:
        """JSON Lines in, JSON lines out (without newlines), exactly as
        ``newslens analyze --jsonl`` turns them: one record per non-blank line, in
        order, an error record for a bad line (``errors="record"``, the default) or
        :class:`RecordError` raised for the first one (``errors="raise"``).

        :param first_line: the line number of the first of ``lines``, for the ``line``
            of error records: give a stream in chunks with ``first_line`` counting on,
            and the records are those of the whole stream at once. A UTF-8 byte-order
            mark is dropped from line 1 only, as the CLI does.
        :raises TypeError: ``lines`` is one ``str`` or ``bytes`` (which would be read
            character by character): pass a list of lines, or an open file.
        """
        _check_iterable(lines, "analyze_jsonl", "lines")
        raise_errors = _check_errors(errors)
        threads = _check_threads(threads)
        if isinstance(first_line, bool) or not isinstance(first_line, int) or first_line < 1:
            raise ValueError("first_line must be an int of at least 1")
        return self._inner.analyze_jsonl(list(lines), threads, raise_errors, first_line)

    def lexicon_counts(self) -> Dict[str, int]:
        """Entity lexicon entries per type, and their ``total``, as
        ``newslens lexicons`` prints them."""
        return dict(self._inner.lexicon_counts())

    def __repr__(self) -> str:
        return f"<newslens.Analyzer with {self.lexicon_counts()['total']} lexicon entries>"


_shared: Dict[Any, Analyzer] = {}
_shared_lock = threading.Lock()


def get_analyzer(
    lexicons: Iterable[Union[str, "os.PathLike[str]"]] = (),
    default_lexicons: bool = True,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lossy: bool = False,
    lexicon_only: bool = False,
    force_aliases: bool = False,
) -> Analyzer:
    """The process's :class:`Analyzer` for these arguments, built on the first call
    and returned by every later one (from any thread). For code that runs many times
    in one process, such as a Spark task function or a multiprocessing worker, where
    building an analyzer each time would cost about 0.1 s."""
    if isinstance(lexicons, (str, bytes, os.PathLike)):
        lexicons = [lexicons]
    paths = tuple(os.path.abspath(os.fsdecode(os.fspath(p))) for p in lexicons)
    key = (
        paths,
        bool(default_lexicons),
        max_bytes,
        bool(lossy),
        bool(lexicon_only),
        bool(force_aliases),
    )
    analyzer = _shared.get(key)
    if analyzer is None:
        with _shared_lock:
            analyzer = _shared.get(key)
            if analyzer is None:
                analyzer = Analyzer(
                    paths,
                    default_lexicons,
                    max_bytes=max_bytes,
                    lossy=lossy,
                    lexicon_only=lexicon_only,
                    force_aliases=force_aliases,
                )
                _shared[key] = analyzer
    return analyzer


def _default_analyzer() -> Analyzer:
    return get_analyzer()


def analyze(
    text: Union[str, bytes],
    *,
    id: str = "stdin",
    title: Optional[str] = None,
    date: Optional[str] = None,
) -> Dict[str, Any]:
    """Analyzes one article with the bundled lexicons: :meth:`Analyzer.analyze` of a
    default :class:`Analyzer`, built on the first call (about 0.1 s) and reused."""
    return _default_analyzer().analyze(text, id=id, title=title, date=date)


def analyze_many(
    texts: Iterable[Union[str, bytes, tuple, Mapping]],
    threads: Optional[int] = None,
    *,
    errors: str = "raise",
) -> List[Dict[str, Any]]:
    """Analyzes many articles in parallel with the bundled lexicons:
    :meth:`Analyzer.analyze_many` of the default :class:`Analyzer`."""
    return _default_analyzer().analyze_many(texts, threads, errors=errors)
