"""Load the corpus of student answers to the written (inline) questions.

Each file under ``answers/`` is one answer cell, exactly as a student would type it, after a
small front-matter header::

    ---
    question: inline_question_2
    kind: wrong
    language: zh-Hans
    expect_points_min: 0
    expect_points_max: 0.5
    expect_true_false: false   # inline_question_2 only: what parse_true_false must return, or null
    note: says False; the explanation is fine but the verdict is wrong
    ---
    <the answer>

``expect_points_*`` bound the score of the question's rubric (for inline_question_2, the
explanation rubric; the True/False verdict is checked separately through ``expect_true_false``).
``kind`` is ``good``, ``partial``, ``wrong`` or ``empty``; ``language`` is ``en``, ``zh-Hans`` or
``zh-Hant`` (mixed Chinese–English answers count as Chinese). Comments start with ``#``. This
module only reads and validates the files; the tests that grade them live elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

QUESTIONS = ("inline_question_1", "inline_question_2", "inline_question_3")
KINDS = ("good", "partial", "wrong", "empty")
LANGUAGES = ("en", "zh-Hans", "zh-Hant")
#: The question whose first line is a True/False verdict.
TRUE_FALSE_QUESTION = "inline_question_2"

DEFAULT_DIR = Path(__file__).parent / "answers"

_REQUIRED = ("question", "kind", "language", "expect_points_min", "expect_points_max", "note")
_OPTIONAL = ("expect_true_false",)


class CorpusError(ValueError):
    """A corpus file is malformed; the message names the file and what to fix."""


@dataclass(frozen=True)
class Answer:
    """One student answer from the corpus."""

    name: str  # file stem, e.g. "q2_good_zh_traditional"
    question: str
    kind: str
    language: str
    expect_points_min: float
    expect_points_max: float
    expect_true_false: bool | None  # only meaningful for TRUE_FALSE_QUESTION
    note: str
    text: str  # the answer cell, exactly as typed
    path: Path

    @property
    def is_chinese(self) -> bool:
        """True for simplified or traditional Chinese (including mixed) answers."""
        return self.language.startswith("zh")


def load_answer_corpus(directory: Path = DEFAULT_DIR) -> list[Answer]:
    """Read every ``*.md`` answer in ``directory``, sorted by file name.

    Raises CorpusError naming the file if the header is missing or malformed, a field is
    unknown, missing or has a bad value, or the expected range is empty.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: missing answer corpus folder; add one .md file per answer")
    return [parse_answer_file(path) for path in sorted(directory.glob("*.md"))]


def parse_answer_file(path: Path) -> Answer:
    """Parse one answer file (header and text); see the module docstring for the format."""
    path = Path(path)
    source = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(?P<header>.*?)\n---\n(?P<text>.*)\Z", source, re.S)
    if match is None:
        raise CorpusError(f"{path}: must start with a '---' line, header fields, and a closing '---' line")
    fields = {}
    for number, line in enumerate(match["header"].split("\n"), start=2):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in _REQUIRED + _OPTIONAL:
            raise CorpusError(f"{path}:{number}: expected 'field: value' with a known field, got {line!r}")
        if key in fields:
            raise CorpusError(f"{path}:{number}: field {key!r} given twice")
        fields[key] = value.strip()
    missing = [key for key in _REQUIRED if key not in fields]
    if missing:
        raise CorpusError(f"{path}: header lacks {', '.join(missing)}")

    def choice(key, allowed):
        if fields[key] not in allowed:
            raise CorpusError(f"{path}: {key} must be one of {', '.join(allowed)} (got {fields[key]!r})")
        return fields[key]

    def number(key):
        try:
            return float(fields[key])
        except ValueError:
            raise CorpusError(f"{path}: {key} must be a number (got {fields[key]!r})") from None

    question = choice("question", QUESTIONS)
    low, high = number("expect_points_min"), number("expect_points_max")
    if not 0 <= low <= high:
        raise CorpusError(f"{path}: need 0 <= expect_points_min <= expect_points_max (got {low}, {high})")
    verdict = None
    if question == TRUE_FALSE_QUESTION:
        if "expect_true_false" not in fields:
            raise CorpusError(f"{path}: {question} answers need expect_true_false: true, false or null")
        verdict = {"true": True, "false": False, "null": None}.get(fields["expect_true_false"].lower(), "bad")
        if verdict == "bad":
            raise CorpusError(f"{path}: expect_true_false must be true, false or null (got {fields['expect_true_false']!r})")
    elif "expect_true_false" in fields:
        raise CorpusError(f"{path}: expect_true_false is only for {TRUE_FALSE_QUESTION}")

    return Answer(
        name=path.stem,
        question=question,
        kind=choice("kind", KINDS),
        language=choice("language", LANGUAGES),
        expect_points_min=low,
        expect_points_max=high,
        expect_true_false=verdict,
        note=fields["note"],
        text=match["text"],
        path=path,
    )
