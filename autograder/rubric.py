"""Keyword rubric for the written (inline) answers, in English and Chinese.

The softmax assignment asks three questions that students answer in prose, in a Markdown cell.
A hidden test grades each answer against a :class:`Rubric`: a short list of key ideas
(:class:`Idea`), each worth some points and recognised by regular expressions written for
English and for Chinese. :func:`grade` returns a :class:`RubricResult` whose ``points`` the test
cell ends with (nbgrader's partial credit) and whose :meth:`RubricResult.report` is printed, so
the student sees which ideas were found, which were not, and why.

This is deliberately a transparent rule-based rubric, not a model: every decision can be traced
to one pattern, an instructor can read and change the patterns, and the score is only a first
pass that the instructor may override in formgrader. The report says so.

How an answer is graded
-----------------------
1. Only the first :data:`MAX_GRADED_CHARS` characters are read (a note says so when cut).
2. The text is normalised (:func:`normalize`): Unicode NFKC, lower case, traditional Chinese
   characters mapped to simplified ones, Markdown and LaTeX markup reduced to plain text
   (``$-\\log\\frac{1}{C}$`` becomes ``-log(1/c)``), dashes, arrows and "approximately" signs
   unified, whitespace collapsed.
3. An empty answer, or one that still holds only a placeholder ("YOUR ANSWER HERE", "TODO",
   "不知道", ...), scores 0 with that reason.
4. Each idea is credited if one of its patterns matches and that match is not negated (see
   below), unless one of its ``negated_by`` counter-patterns matches: those spell out a wrong
   claim that uses the same words ("the softmax loss can be zero").
5. Points of credited ideas are added and clipped to ``[0, max_points]``.
6. Keyword stuffing: an answer of at least :data:`STYLE_CHECK_MIN_TOKENS` tokens in which fewer
   than :data:`MIN_GLUE_RATIO` of the tokens are "glue" (words such as *is, the, so, because*,
   characters such as 的 是 所 以, or the signs = → ≈) reads as a bare list of keywords; its
   points are capped at :data:`KEYWORD_LIST_CAP` of the maximum, with a note asking for sentences.

Negation
--------
A match is *negated* when a negation word (*not, never, no, cannot, n't, without*; 不 没 非 无 未)
appears in the last :data:`NEGATION_WINDOW_TOKENS` words (Chinese: characters) before the match
in the same clause, or inside the matched text itself. A negation word that the pattern itself
spells (``never ... zero``, ``不会为零``) is part of the phrase being looked for and does not
count. Clauses end at punctuation and at words such as *and, but, because, so*, 但, 所以, 因为.
Compounds that contain a negation character without negating (非常, 不同, 差不多, 无穷, "not
only", ...) are ignored. A counter-pattern is also ignored when its clause reports the wrong
claim instead of making it ("one might think the softmax loss can be zero, but ...").

Patterns are compiled with ``re.ASCII`` so that ``\\b`` separates English words from adjacent
Chinese characters ("svm的损失"); Chinese patterns therefore use ``.``, never ``\\w``.

Known limits (the last two are pinned by xfail tests): the rubric cannot tell a fluent wrong
argument that uses the right phrases from a right one ("the weights are templates because the CNN
learns filters" earns the template idea); a correct idea in phrasing nobody anticipated is missed;
a double negation ("not that the scores aren't near zero") reads as a negation; and a keyword
list padded with articles ("the template, the dot product, ...") passes the keyword-list check.
The instructor's review in formgrader is the safety net for all of these.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "Idea",
    "IdeaResult",
    "Rubric",
    "RubricResult",
    "grade",
    "normalize",
    "parse_true_false",
    "RUBRIC_Q1",
    "RUBRIC_Q2_EXPLANATION",
    "RUBRIC_Q3",
]

#: Only this many characters of an answer are graded (a longer answer gets a note).
MAX_GRADED_CHARS = 4000
#: Tokens before a match that are searched for a negation word.
NEGATION_WINDOW_TOKENS = 5
#: Below this many tokens the keyword-list check is skipped: short answers are legitimately terse.
STYLE_CHECK_MIN_TOKENS = 8
#: Fewer glue tokens than this fraction marks an answer as a keyword list.
MIN_GLUE_RATIO = 0.15
#: A keyword list gets at most this fraction of the question's points.
KEYWORD_LIST_CAP = 0.5

HONESTY_NOTE = (
    "This score comes from an automatic keyword rubric: it looks for the key ideas above, in "
    "English or Chinese, and can miss a correct idea phrased in an unexpected way or credit "
    "a phrase used wrongly. Your instructor reviews written answers and may change the score. "
    "（此分数由自动关键词评分给出，仅供参考，老师可能会调整。）"
)


# --------------------------------------------------------------------------------------------
# Rubric model
# --------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _compile(pattern: str) -> re.Pattern:
    # ASCII mode: see the module docstring (word boundaries next to Chinese characters).
    return re.compile(pattern, re.ASCII)


@dataclass(frozen=True)
class Idea:
    """One key idea of a model answer, with the patterns that recognise it.

    Parameters
    ----------
    key : str
        Short identifier, unique within a rubric (``"uniform"``).
    description : str
        The idea in one sentence, as the student will read it in the report.
    points : float
        Points awarded when the idea is found.
    patterns_en, patterns_zh : tuple of str
        Regular expressions matched against the normalised answer (see :func:`normalize`); the
        idea is found if any of them matches without being negated. The split by language is for
        the reader only: both lists are tried on every answer, so mixed answers work.
    negated_by : tuple of str
        Counter-patterns: a wrong claim that uses the idea's words. If one matches (and is not
        itself negated), the idea is not credited, whatever else matched.
    """

    key: str
    description: str
    points: float
    patterns_en: tuple[str, ...] = ()
    patterns_zh: tuple[str, ...] = ()
    negated_by: tuple[str, ...] = ()

    def __post_init__(self):
        for name in ("patterns_en", "patterns_zh", "negated_by"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"Idea {self.key!r}: {name} must be a tuple of patterns, not one string")
            object.__setattr__(self, name, tuple(value))
        if not (self.patterns_en or self.patterns_zh):
            raise ValueError(f"Idea {self.key!r}: give at least one pattern")
        if self.points <= 0:
            raise ValueError(f"Idea {self.key!r}: points must be positive (got {self.points})")
        for pattern in self.patterns_en + self.patterns_zh + self.negated_by:
            try:
                _compile(pattern)
            except re.error as err:
                raise ValueError(f"Idea {self.key!r}: bad pattern {pattern!r}: {err}") from err

    @property
    def patterns(self) -> tuple[str, ...]:
        """All positive patterns, English first."""
        return self.patterns_en + self.patterns_zh


@dataclass(frozen=True)
class Rubric:
    """The key ideas of one question and its maximum score.

    Parameters
    ----------
    question : str
        The question's name in the notebook (``"inline_question_1"``).
    ideas : tuple of Idea
        Key ideas; their points may add up to more than ``max_points`` (alternatives and bonus
        ideas), never to less, or full marks would be out of reach.
    max_points : float
        The grade cell's points; the score is clipped to ``[0, max_points]``.
    """

    question: str
    ideas: tuple[Idea, ...]
    max_points: float

    def __post_init__(self):
        object.__setattr__(self, "ideas", tuple(self.ideas))
        keys = [idea.key for idea in self.ideas]
        if len(set(keys)) != len(keys):
            raise ValueError(f"Rubric {self.question!r}: duplicate idea keys in {keys}")
        if self.max_points <= 0:
            raise ValueError(f"Rubric {self.question!r}: max_points must be positive")
        total = sum(idea.points for idea in self.ideas)
        if total < self.max_points:
            raise ValueError(
                f"Rubric {self.question!r}: the ideas add up to {total} points, less than "
                f"max_points={self.max_points}; full marks would be unreachable"
            )


@dataclass(frozen=True)
class IdeaResult:
    """Whether one idea was credited, and the text that decided it."""

    idea: Idea
    found: bool
    evidence: str | None = None  # the (normalised) text that matched, when found
    reason: str | None = None  # why it was not credited, when that is more than "not found"


@dataclass(frozen=True)
class RubricResult:
    """The outcome of grading one answer.

    Attributes
    ----------
    question : str
    points : float
        Points awarded, in ``[0, max_points]``, rounded to 2 decimals.
    max_points : float
    ideas : tuple of IdeaResult
        One entry per idea of the rubric, in rubric order.
    notes : tuple of str
        Remarks that changed or qualify the score (empty answer, keyword list, truncation).
    """

    question: str
    points: float
    max_points: float
    ideas: tuple[IdeaResult, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def found(self) -> list[str]:
        """Descriptions of the credited ideas."""
        return [r.idea.description for r in self.ideas if r.found]

    @property
    def missing(self) -> list[str]:
        """Descriptions of the ideas not credited."""
        return [r.idea.description for r in self.ideas if not r.found]

    def report(self) -> str:
        """A short text for the student's feedback: score, each idea with ✓/✗, notes, caveat."""
        lines = [f"{self.question}: {_fmt(self.points)} / {_fmt(self.max_points)} points"]
        for r in self.ideas:
            mark = "✓" if r.found else "✗"
            line = f"  {mark} {r.idea.description} ({_fmt(r.idea.points)} pt)"
            if r.found and r.evidence:
                line += f'. Found: "{r.evidence}"'
            elif r.reason:
                line += f". {r.reason}"
            lines.append(line)
        for note in self.notes:
            lines.append(f"  Note: {note}")
        lines.append(HONESTY_NOTE)
        return "\n".join(lines)


def _fmt(x: float) -> str:
    return f"{x:g}"


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

# Traditional -> simplified, only for characters that the Chinese patterns (and the true/false
# verdicts) use, plus a few Taiwanese word choices. Words first, then single characters.
_TRAD_WORDS = {"機率": "概率", "範本": "模板", "樣板": "模板", "點積": "点积", "內積": "内积"}
_TRAD_CHARS = str.maketrans(
    "類別機確對錯誤數權單變將會為與損隨測歸範邊際點個於無沒積內樣們這該約總絕遠進過負訓練圖顏藍綠紅"
    "馬車鳥貓飛頭兩滿趨極窮實獻貢從來說應優則項幾學習統計後態種並區線維徵準體狀輪開關問題驗證視覺遞減"
    "僅還須讓給較號現發間麼嗎條偏匯鬆當時產維興擇鹿蘭殼斷無論靠觀張條",
    "类别机确对错误数权单变将会为与损随测归范边际点个于无没积内样们这该约总绝远进过负训练图颜蓝绿红"
    "马车鸟猫飞头两满趋极穷实献贡从来说应优则项几学习统计后态种并区线维征准体状轮开关问题验证视觉递减"
    "仅还须让给较号现发间么吗条偏汇松当时产维兴择鹿兰壳断无论靠观张条",
)

_LATEX_SYMBOLS = {
    "approx": " ≈ ", "simeq": " ≈ ", "sim": " ≈ ", "infty": " ∞ ", "neq": " ≠ ", "ne": " ≠ ",
    "geq": " ≥ ", "ge": " ≥ ", "leq": " ≤ ", "le": " ≤ ", "lt": " < ", "gt": " > ",
    "rightarrow": " → ", "longrightarrow": " → ", "implies": " → ", "to": " → ",
    "cdot": " ", "times": " ", "delta": "δ", "mid": " | ",
}
_LATEX_DROP = re.compile(
    r"\\(?:left|right|bigg|big|displaystyle|textstyle|limits|quad|qquad|text|textbf|textit|textrm|"
    r"mathrm|mathbf|mathit|mathcal|operatorname|boldsymbol|emph|underline|hat|bar|tilde|vec|bf|it|rm)"
    r"(?![a-z])"
)
_FRAC = re.compile(r"\\d?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_SUPSUB = re.compile(r"([\^_])\{([^{}]*)\}")
_SIMPLE = re.compile(r"[a-z0-9_.^δ]*")


def _group(s: str) -> str:
    s = s.strip()
    return s if _SIMPLE.fullmatch(s) else f"({s})"


def _latex_to_text(t: str) -> str:
    t = re.sub(r"\\(?:text)?color\s*\{[^{}]*\}", " ", t)
    t = _LATEX_DROP.sub(" ", t)
    for _ in range(10):  # innermost braces first, until nothing changes
        new = _FRAC.sub(lambda m: f"{_group(m[1])}/{_group(m[2])}", t)
        new = _SUPSUB.sub(lambda m: m[1] + _group(m[2]), new)
        if new == t:
            break
        t = new
    t = re.sub(r"\\\\", "\n", t)
    t = re.sub(r"\\([{}$%#&_,;! ])", lambda m: m[1] if m[1] in "{}$%#&_" else " ", t)
    t = re.sub(r"\\([a-z]+)", lambda m: _LATEX_SYMBOLS.get(m[1], f" {m[1]} "), t)
    return t.replace("$", " ").replace("{", "").replace("}", "")


def normalize(text: str) -> str:
    """Reduce an answer to the plain lower-case text that the patterns are written against.

    Parameters
    ----------
    text : str
        The answer as typed in the Markdown cell.

    Returns
    -------
    str
        NFKC-normalised, lower-cased text with traditional Chinese characters simplified,
        Markdown/HTML/LaTeX markup removed (``\\frac{1}{C}`` -> ``1/c``, ``\\approx`` -> ``≈``),
        minus signs and dashes as ``-``, arrows as ``→``, ``~`` as ``≈``, one space between
        words and one newline between non-empty lines.
    """
    t = unicodedata.normalize("NFKC", text or "").lower()
    for trad, simp in _TRAD_WORDS.items():
        t = t.replace(trad, simp)
    t = t.translate(_TRAD_CHARS)
    t = re.sub(r"~~.*?~~", " ", t, flags=re.S)  # struck-out text is what the student deleted
    t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&nbsp;", " ")
    t = re.sub(r"<br\s*/?>", "\n", t)
    t = re.sub(r"</?(?:p|div|span|b|i|u|em|strong|font|sup|sub|center)\b[^>]*>", " ", t)
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", t)  # images
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)  # links keep their text
    # Headings, quotes and list markers, before LaTeX turns "$-\log" into "- log".
    t = re.sub(r"(?m)^[ \t]*(?:#+|>+|[-+•*]|\d+[.)])[ \t]+", "", t)
    t = _latex_to_text(t)
    t = t.replace("**", " ").replace("__", " ").replace("`", " ").replace("*", " ")
    t = re.sub(r"[−–‐‑‒﹣]", "-", t)
    t = re.sub(r"[—―]+", ", ", t)  # an em dash separates clauses
    t = re.sub(r"[≃≅≒~]", "≈", t)
    t = re.sub(r"=>|->|⇒|⟹|⟶|⇨", "→", t)
    t = re.sub(r"[·×]", " ", t)
    t = re.sub(r"[“”„「」『』]", '"', t).replace("‘", "'").replace("’", "'")
    # Space between Chinese and Latin/digits so "svm的" and "约2.3" tokenise alike in both scripts.
    t = re.sub(r"([\u4e00-\u9fff])([a-z0-9δ∞])", r"\1 \2", t)
    t = re.sub(r"([a-z0-9δ∞)])([\u4e00-\u9fff])", r"\1 \2", t)
    t = re.sub(r"\b(log|ln|exp|max)\s+\(", r"\1(", t)
    t = re.sub(r"-\s+(?=(?:log|ln)\b)", "-", t)
    t = re.sub(r"\(\s+", "(", t)
    t = re.sub(r"\s+\)", ")", t)
    t = re.sub(r"\s*/\s*", "/", t)
    t = re.sub(r"[ \t\r\f\v]+", " ", t)
    lines = [line.strip() for line in t.split("\n")]
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------------------------
# Placeholder answers
# --------------------------------------------------------------------------------------------

# A whole line that is only one of these means "no answer yet".
_PLACEHOLDER_LINE = re.compile(
    r"(?:(?:your|my)? ?answer(?: here)?|your answer here|fill (?:this|me) in|todo|tbd|tba|n/a|none|"
    r"\?+|\.+|-+|answer|不知道|不会|不清楚|不懂|待补充|待填写|略|无|没有|答案|回答|答|你的答案)"
    r"[\s:.!?。！？]*",
)
_PLACEHOLDER_ANYWHERE = re.compile(r"your answer here|fill this in")


def _strip_placeholders(norm: str) -> str:
    norm = _PLACEHOLDER_ANYWHERE.sub(" ", norm)
    kept = [line for line in norm.split("\n") if not _PLACEHOLDER_LINE.fullmatch(line.strip())]
    return "\n".join(kept)


def _is_empty_answer(norm: str) -> bool:
    content = re.findall(r"[a-z0-9\u4e00-\u9fff]", _strip_placeholders(norm))
    return len(content) < 2


# --------------------------------------------------------------------------------------------
# Negation and keyword-list checks
# --------------------------------------------------------------------------------------------

_NEGATION = re.compile(
    r"\b(?:not|never|no|none|cannot|neither|nor|without|isnt|dont|doesnt|cant|wont|arent|didnt|"
    r"wasnt|werent|couldnt|shouldnt)\b|n't\b|[不没非无未]"
)
# Contain a negation word or character without negating what follows.
_NOT_A_NEGATION = re.compile(
    r"not only|not just|no matter|no doubt|nothing but|"
    r"非常|不同|不断|不仅|不但|不过|不少|差不多|无论|不管|不论|无穷|无限|非线性|不久|除非"
)
_CLAUSE_BREAK = re.compile(
    r"[;!?,:\n。;!?,、]|\.(?!\d)|\b(?:and|but|whereas|while|however|although|though|because|since|so|"
    r"hence|thus|therefore|which|unlike)\b|但是|但|然而|而|所以|因为|因此|由于|可是"
)
_WINDOW_TOKEN = re.compile(r"[a-z0-9_']+|[\u4e00-\u9fff]")


# Before a counter-pattern, these report a wrong claim instead of making it ("one might think the
# softmax loss can be zero, but ..."), so the claim is not held against the answer.
_HEDGE = re.compile(
    r"\b(?:one|you|we|people|students?) (?:might|may|could|would) (?:think|expect|assume|believe)|"
    r"\bit (?:may|might) seem|\bmisconception|\bnaively|\bwrongly|\bmistakenly|\bcontrary to|"
    r"误以为|看似|有人(?:认为|以为)|直觉上|似乎"
)


def _is_hedged(masked: str, start: int) -> bool:
    # "One might think A and B can be zero": the hedge reaches over "and".
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(masked, 0, start) if m[0] != "and"]
    clause_start = breaks[-1] if breaks else 0
    return _HEDGE.search(masked, clause_start, start) is not None


def _mask_non_negations(norm: str) -> str:
    # Same length, so match offsets stay valid.
    return _NOT_A_NEGATION.sub(lambda m: "_" * len(m[0]), norm)


def _negation_in_pattern(cue: str, pattern: str) -> bool:
    cue = cue.strip()
    pattern = _mask_non_negations(pattern)  # "差不多" in a pattern does not make it negative
    return re.search(r"(?<![a-z])" + re.escape(cue) + r"(?![a-z])", pattern) is not None


def _is_negated(masked: str, start: int, end: int, pattern: str) -> bool:
    """True if a negation word governs the text ``masked[start:end]`` matched by ``pattern``."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(masked, 0, start)]
    clause_start = breaks[-1] if breaks else 0
    before = _WINDOW_TOKEN.findall(masked[clause_start:start])[-NEGATION_WINDOW_TOKENS:]
    if _NEGATION.search(" ".join(before)):
        return True
    for cue in _NEGATION.finditer(masked[start:end]):
        if not _negation_in_pattern(cue[0], pattern):
            return True
    return False


_GLUE_WORDS = frozenset(
    "a an the is are was were be been being am of to in on for with by as at from into that this "
    "these those it its they them there their so because since thus hence therefore then which who "
    "what when where while if and or but not no also will would can could should may might must do "
    "does did has have had than each every all any such both only just very more most less like "
    "about over under between through we you our my your here means mean make makes made get gets "
    "give gives lead leads become becomes why how one same".split()
)
_GLUE_CHARS = frozenset("的是了都就会在和与把被也为而所以因此则即这那其很时使得地从到于由可能要个每有没不让当如果但并且又才只还将")
_GLUE_SIGNS = frozenset("=→≈<>≥≤")
_STYLE_TOKEN = re.compile(r"[a-z]{2,}|\d+(?:\.\d+)?|[\u4e00-\u9fff]|[=→≈<>≥≤]")


def _reads_as_keyword_list(norm: str) -> bool:
    tokens = _STYLE_TOKEN.findall(norm)
    if len(tokens) < STYLE_CHECK_MIN_TOKENS:
        return False
    glue = sum(t in _GLUE_WORDS or t in _GLUE_CHARS or t in _GLUE_SIGNS for t in tokens)
    return glue / len(tokens) < MIN_GLUE_RATIO


# --------------------------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------------------------

def _quote(norm: str, start: int, end: int, limit: int = 70) -> str:
    text = norm[start:end].replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_idea(idea: Idea, norm: str, masked: str) -> IdeaResult:
    for pattern in idea.negated_by:
        for m in _compile(pattern).finditer(norm):
            if not _is_negated(masked, m.start(), m.end(), pattern) and not _is_hedged(masked, m.start()):
                return IdeaResult(
                    idea, False,
                    reason=f'Not credited: the answer says "{_quote(norm, *m.span())}", which contradicts it',
                )
    negated = None
    for pattern in idea.patterns:
        for m in _compile(pattern).finditer(norm):
            if not _is_negated(masked, m.start(), m.end(), pattern):
                return IdeaResult(idea, True, evidence=_quote(norm, *m.span()))
            negated = negated or _quote(norm, *m.span())
    if negated:
        return IdeaResult(idea, False, reason=f'Not credited: "{negated}" is negated in the answer')
    return IdeaResult(idea, False)


def grade(answer_text: str | None, rubric: Rubric) -> RubricResult:
    """Grade a written answer against a rubric.

    Parameters
    ----------
    answer_text : str or None
        The Markdown cell's source, as the student left it (None counts as empty).
    rubric : Rubric

    Returns
    -------
    RubricResult
        Points in ``[0, rubric.max_points]``, the per-idea outcome and notes; ``report()`` gives
        the text for the feedback.
    """
    text = answer_text or ""
    notes = []
    if len(text) > MAX_GRADED_CHARS:
        text = text[:MAX_GRADED_CHARS]
        notes.append(
            f"the answer is {len(answer_text)} characters long; only the first "
            f"{MAX_GRADED_CHARS} were graded"
        )
    norm = normalize(text)
    if _is_empty_answer(norm):
        return RubricResult(
            question=rubric.question,
            points=0.0,
            max_points=rubric.max_points,
            ideas=tuple(IdeaResult(idea, False) for idea in rubric.ideas),
            notes=tuple(notes) + (
                "no answer found: the cell is empty or still holds only the placeholder text, "
                "so it scores 0",
            ),
        )
    norm = _strip_placeholders(norm)
    masked = _mask_non_negations(norm)
    results = tuple(_check_idea(idea, norm, masked) for idea in rubric.ideas)
    points = min(max(sum(r.idea.points for r in results if r.found), 0.0), rubric.max_points)
    cap = KEYWORD_LIST_CAP * rubric.max_points
    if points > cap and _reads_as_keyword_list(norm):
        points = cap
        notes.append(
            f"the answer reads as a list of keywords rather than an explanation (almost no "
            f"connecting words), so it is capped at {_fmt(cap)} points; explain the reasoning "
            f"in sentences"
        )
    return RubricResult(
        question=rubric.question,
        points=round(points, 2),
        max_points=rubric.max_points,
        ideas=results,
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------------------------
# True/False verdicts
# --------------------------------------------------------------------------------------------

_LABEL_PREFIX = re.compile(
    r"^(?:(?:your|my|final)\s+)*(?:answer|verdict|response|ans|solution)\s*:\s*|"
    r"^(?:你的|我的|最终)?(?:答案|回答|答|结论|判断)\s*:\s*"
)
# Words that contain a verdict word without being a verdict (checked before the verdicts).
_NOT_A_VERDICT = re.compile(
    r"true (?:class|label|score|probabilit\w*)|对于|对数|相对|绝对|对应|对比|对称|针对|面对|对待|对象|"
    r"正确(?:的)?(?:类|分类|标签|类别)|假设|假如|假定|真实|是否|否则"
)
_FALSE_WORDS = re.compile(r"\bfalse\b|\bnot true\b|\bisn't true\b|不正确|不对|错误|错|为假|是假|假的|不成立")
_TRUE_WORDS = re.compile(r"\btrue\b|正确|对|为真|是真|真的|成立")
_STANDALONE = {"t": True, "f": False, "是": True, "是的": True, "真": True, "否": False, "不是": False, "假": False}


def _clean_verdict_line(line: str) -> str:
    t = unicodedata.normalize("NFKC", line).lower().translate(_TRAD_CHARS)
    t = re.sub(r"~~.*?~~", " ", t)
    t = _latex_to_text(t)
    t = re.sub(r"[*_`#>✅❌✔✘✓✗]", " ", t)
    t = re.sub(r"^\s*(?:[-+•]|\d+[.)])\s+", "", t)
    t = t.strip()
    t = _LABEL_PREFIX.sub("", t).strip()
    t = re.sub(r"[\s.!?。!?,;:、]+$", "", t)
    if _PLACEHOLDER_LINE.fullmatch(t) or _PLACEHOLDER_ANYWHERE.fullmatch(t):
        return ""
    return t


def parse_true_false(text: str | None) -> bool | None:
    """Read the True/False verdict from the first line of an answer.

    The verdict is read from the first line that has content once Markdown and a label are
    removed: a line holding only a label ("**Your Answer:**", "答：") or the placeholder
    ("YOUR ANSWER HERE") is skipped, and the next line is read instead. Only that one line is
    read, and only up to its first punctuation mark, so a verdict followed by an explanation on
    the same line ("True, because ...") works and words in the explanation don't interfere.

    Accepted (any case, full-width or half-width, simplified or traditional Chinese):

    * True: ``true``, ``t`` (alone), ``对``, ``正确``, ``为真`` / ``是真`` / ``真的``, ``成立``, and alone
      ``是`` / ``是的`` / ``真``.
    * False: ``false``, ``f`` (alone), ``not true``, ``错``, ``错误``, ``不对``, ``不正确``, ``为假`` /
      ``是假`` / ``假的``, ``不成立``, and alone ``否`` / ``不是`` / ``假``.

    Markdown emphasis, headings, quotes and list markers, LaTeX (``$\\textbf{True}$``), struck-out
    text (``~~False~~``), trailing punctuation and prefixes such as "Your answer:", "Answer:",
    "答：", "答案：" are removed first. Phrases such as "true class", 对于, 对数 and 正确类别 are not
    verdicts.

    Parameters
    ----------
    text : str or None
        The whole answer cell.

    Returns
    -------
    bool or None
        The verdict, or None when the line is empty, holds no verdict, or holds both ("True/False").
    """
    for raw in (text or "").splitlines():
        line = _clean_verdict_line(raw)
        if line:
            break
    else:
        return None
    if line in _STANDALONE:
        return _STANDALONE[line]
    segment = re.split(r"[,.;:!?()\[\]。,;:!?、()—-]", line, maxsplit=1)[0].strip()
    segment = _NOT_A_VERDICT.sub(" ", segment)
    if segment.strip() in _STANDALONE:
        return _STANDALONE[segment.strip()]
    says_false = _FALSE_WORDS.search(segment) is not None
    says_true = _TRUE_WORDS.search(_FALSE_WORDS.sub(" ", segment)) is not None
    if says_true == says_false:
        return None
    return says_true


# ============================================================================================
# The assignment's rubrics. One self-contained block per question, literal arguments only, so
# that each block can be copied into the source notebook's hidden test as it stands. Patterns
# run on normalize()d text: lower case, "-log(1/c)", "≈", "→", simplified Chinese, a space
# between Chinese and Latin/digits. Keep negation words out of a pattern unless the phrase
# itself is negative ("never zero"), see the module docstring.
# ============================================================================================

# ---- inline_question_1: why is the initial loss close to -log(0.1)? --------------------------
RUBRIC_Q1 = Rubric(
    question="inline_question_1",
    max_points=2,
    ideas=(
        Idea(
            key="small_scores",
            description="Small weights make every class score close to zero, so the scores are nearly equal",
            points=0.75,
            patterns_en=(
                r"\b(scores?|logits?|outputs?|activations?|dot products?|wx|xw|w ?x|x ?w|s_?[jiky]|f\(x)"
                r"(?![a-z])[^.;\n]{0,40}?(≈|=|near|close to|approximately|approx|about|around|roughly|almost|"
                r"nearly|tends? to|goes to|go to|centered (at|on|around)|concentrated (at|near|around))"
                r"\s*(zero|0(?!\.?\d))",
                r"\b(scores?|logits?|outputs?|dot products?|wx|xw|s_?j)\b[^.;\n]{0,30}?\b(tiny|small|very small|"
                r"negligible|close together|close to each other|(almost|nearly|roughly|approximately|basically|"
                r"essentially|all|pretty much|about) (the same|equal|identical|similar)|equal|identical|the same|"
                r"similar|indistinguishable)\b",
                r"\b(same|equal|similar|identical|near-?zero|tiny|small|zero|comparable) (class )?(scores|logits)\b",
                r"\b(scores?|logits?|outputs?|wx|xw|w ?x|x ?w)\b[^.;\n]{0,30}?\b(zero matrix|zero vector|all zeros?|zeros)\b",
                r"(?<![a-z])(e\^0|exp\(0\)|e\^\(0\))(?![.\d])",
            ),
            patterns_zh=(
                r"(分数|得分|评分|打分|score|logit|输出|wx|xw|点积|内积|s_?j).{0,12}?(接近|约等于|约为|约|近似|"
                r"近似为|趋近于?|差不多|大约|几乎|都是|都为|都约|≈|=|为|在)\s*(于)?\s*(0(?!\.?\d)|零)",
                r"(分数|得分|score|logit|输出|点积).{0,10}?(都)?(很小|非常小|极小|差不多|几乎一样|几乎相同|相近|"
                r"相似|一样|相等|相同|差异很小|差距很小)",
                r"(分数|得分|score|logit|输出|点积).{0,10}?(都)?(没什么区别|没有区别|区别不大|差别不大)",
                r"(相同|相等|相近|一样|接近\s*(0|零)|很小)的(分数|得分|score)",
            ),
        ),
        Idea(
            key="uniform",
            description="Softmax of (nearly) equal scores is (nearly) uniform: each of the C classes gets probability ≈ 1/C = 0.1",
            points=0.75,
            patterns_en=(
                r"\buniform(ly)?\b",
                r"\b(probabilit(y|ies)|probs?|p|p_?[jyik]|softmax( outputs?| values?| probabilit(y|ies))?|chances?|"
                r"likelihood)\b[^.;\n]{0,40}?(≈|=|~|of|about|around|roughly|approximately|approx|close to|near|"
                r"equal to|is|are|be|each|being|at|gets?)\s*(?<!log\()(?<!ln\()(1/c|1/10|0\.1(?!\d)|one tenth|"
                r"1 in 10|10 ?%|one in ten)",
                r"\b(each|every|all|any)( of the)?( \d+| ten| c)? (class(es)?|categor(y|ies)|labels?)\b[^.;\n]{0,40}?"
                r"\b(same|equal|similar|identical)\b[^.;\n]{0,15}?(probabilit|chance|likel)",
                r"\b(same|equal|similar|identical) (probabilit(y|ies)|chances?)\b",
                r"\bequally (likely|probable)\b|\bequiprobable\b|\bevenly (distributed|spread|split)\b",
                r"(?<!log\()(?<!ln\()(?<![\d.])(1/c|1/10)(?![\d])",
                r"\bsoftmax\b[^.;\n]{0,40}?\b(uniform|equal|the same|even(ly)?|flat)\b",
                r"\bno (class(es)?|categor(y|ies)|label)\b[^.;\n]{0,30}?\b(preferred|favou?red|more likely|higher probability|"
                r"stands out|wins)\b",
            ),
            patterns_zh=(
                r"均匀|等概率|概率(都)?(相等|相同|一样|差不多|接近|均等)|(相等|相同|一样)的概率",
                r"(概率|可能性|softmax|机会|几率|p_?y|p).{0,12}?(约为|约|大约|接近|近似|差不多|都是|都为|都约|等于|为|是|"
                r"≈|=)\s*(?<!log\()(1/c|1/10|0\.1(?!\d)|十分之一|10 ?%|1/类别数)",
                r"(每个|所有|各个?)类(别)?.{0,8}?(机会|可能性|概率)(均等|相同|相等|一样)",
                r"没有(哪个|任何|一个)类(别)?.{0,10}?(更|占优|突出|偏好|特别)",
            ),
        ),
        Idea(
            key="neg_log",
            description="The loss is −log of the correct-class probability, so it is −log(1/C) = log 10 ≈ 2.3",
            points=0.5,
            patterns_en=(
                r"\b(log|ln)\(?(1/c|1/10|0\.1|p_?y|p_?[a-z]{1,8}|p\b|prob|correct|10\b|c\b)",
                r"\bnegative log(arithm)?\b|\blog[- ]likelihood\b",
                r"\bcross.?entropy\b[^.;\n]{0,40}?(-log|log of|logarithm)",
                r"(-log|log of|logarithm of)[^.;\n]{0,30}?\b(correct|true|right|target|ground.?truth)\b",
            ),
            patterns_zh=(
                r"负对数|负的对数|对数的(相反数|负值|负数)|对数似然|交叉熵.{0,20}?(log|对数)",
                r"(log|ln|对数).{0,3}?(10|c)\b",
                r"(正确|真实)(类|类别|标签)的?(概率)?.{0,10}?(取)?(负)?(对数|log)",
            ),
        ),
        Idea(
            key="chance_or_reg",
            description="Alternative view: the untrained classifier is just guessing at random among C classes (and the regularization term is still negligible)",
            points=0.25,
            patterns_en=(
                r"\brandom(ly)? guess|\bguess(es|ing)? (at )?random|\bchance level\b",
                r"\b(no|not) better than (random|chance|guessing)",
                r"\bhas(n't| not)( yet)? learn(ed|t)|\b(untrained|not (yet )?trained|no training|before (any )?training)\b",
                r"\b(regulari[sz]ation|reg|l2|weight decay|penalty)( term| loss| part)?\b[^.;\n]{0,30}?\b(negligible|"
                r"tiny|very small|almost zero|close to (0|zero)|near (0|zero)|≈ ?0(?!\.?\d)|ignored|ignorable|"
                r"insignificant)",
                r"\b(regulari[sz]ation|reg|l2|weight decay|penalty)( term| loss| part)?\b[^.;\n]{0,30}?"
                r"(does(n't| not)|do(n't| not)) (matter|contribute|affect)",
            ),
            patterns_zh=(
                r"随机猜|瞎猜|盲猜|随便猜|随机选择|随机分类|乱猜",
                r"(还)?没有(经过)?(训练|学习|学到)|未(经)?训练|训练(之)?前",
                r"正则(化)?(项|损失)?.{0,10}?(可以忽略|可忽略|忽略不计|很小|非常小|几乎为\s*(0|零)|接近\s*(0|零)|"
                r"微不足道|影响很小)",
                r"正则(化)?(项|损失)?.{0,10}?(没有影响|不影响|没什么影响)",
            ),
        ),
    ),
)

# ---- inline_question_2: adding a point that leaves the SVM loss unchanged (explanation) -------
RUBRIC_Q2_EXPLANATION = Rubric(
    question="inline_question_2",
    max_points=2,
    ideas=(
        Idea(
            key="svm_zero",
            description="A new point that the SVM already classifies correctly with enough margin has zero hinge loss, so the SVM loss stays the same",
            points=0.75,
            patterns_en=(
                r"\b(svm|hinge)\b[^.;\n]{0,60}?(?<!max\()\b(zero|0(?!\.?\d)|unchanged|unaffected|stays? the same|remains? the same|"
                r"the same|nothing|clamped|saturates?|flat)\b",
                r"\b(svm|hinge)\b[^.;\n]{0,60}?\b(does(n't| not)|do(n't| not)|won't|will not|would(n't| not)|no|not)"
                r"\b[^.;\n]{0,15}?\b(change|increase|affect|effect|contribution|penalty|loss|care|matter|go up)",
                r"\b(loss|l_?i|contribution|penalty)\b\s*(is|=|of|becomes|will be|would be|equals)?\s*(exactly )?"
                r"(zero|0(?!\.?\d))[^.;\n]{0,50}?\b(svm|hinge|margin)\b",
                r"\bmax\(0[^)]*\)\s*(=|is|becomes|will be|gives)\s*0(?!\.?\d)",
            ),
            patterns_zh=(
                r"(svm|合页|铰链|hinge|折页).{0,25}?(为|等于|是|=|就是|变成|贡献|都是)\s*(0(?!\.?\d)|零)",
                r"(svm|合页|铰链|hinge).{0,25}?(不变|不会(改变|变化|增加|变|受影响)|没有(变化|影响|贡献|改变|损失)|"
                r"无影响|保持不变|不受影响|不产生损失|不贡献)",
                r"(svm|合页|铰链|hinge|margin|间隔).{0,25}?(不算|不计|不产生|不会有|没有)\s*(loss|损失)",
                r"(损失|loss|贡献).{0,6}?(为|是|=|等于)\s*(0|零).{0,20}?(svm|合页|hinge|间隔|margin|边界)",
            ),
            negated_by=(
                r"\b(svm|hinge)( loss)?\b[^.;\n]{0,30}?\b(always|must|will always|would always)\b[^.;\n]{0,15}?"
                r"\b(change|increase|go up|be affected|be positive|be greater than (0|zero))",
                r"(svm|合页|hinge).{0,15}?(一定|总是|必然|肯定)(会)?(改变|变化|增加|变大)",
            ),
        ),
        Idea(
            key="margin",
            description="That happens when the correct-class score beats every other class's score by at least the margin Δ",
            points=0.5,
            patterns_en=(
                r"\b(beyond|outside|past|exceed\w*|satisf\w*|meets?|met|clears?|larger than|greater than|bigger than|"
                r"more than|at least|by|outside of)\b[^.;\n]{0,20}?\b(the |a |its |safety )?(margin|delta|δ)",
                r"(margin|delta|δ)\b[^.;\n]{0,30}?\b(is |are |was )?(satisf\w*|met|respected|fulfilled|exceeded|"
                r"achieved|large enough|big enough)",
                r"s_?y\s*(-\s*s_?j\s*)?(>|≥|>=)\s*(s_?j\s*\+\s*)?(1|δ|delta|margin)",
                r"(higher|larger|greater|bigger|exceeds?|above)\b[^.;\n]{0,50}?\bby (at least |more than )?(1\b|one\b|δ|"
                r"delta|the margin|a margin|margin)",
            ),
            patterns_zh=(
                r"(间隔|边界|边际|margin|δ|delta|安全距离).{0,10}?(之外|以外|外面|外侧|满足|大于|超过|超出|足够|达到)",
                r"(超过|大于|超出|满足|达到|高于|多出|大出|高出).{0,12}?(间隔|边界|边际|margin|δ|delta)",
                r"(间隔|边界|边际|margin|δ|delta).{0,15}?(分|分数|得分|score)?(够高|足够高|够大|足够大|高出|超过)",
                r"(正确类|正确的类|正确类别|正确分类).{0,20}?(比|高于|大于|超过).{0,20}?(δ|delta|margin|间隔|1\b|以上)",
            ),
        ),
        Idea(
            key="softmax_positive",
            description="The softmax loss −log p_y is always above zero: p_y < 1 for finite scores, so every point adds some loss (softmax is never fully satisfied)",
            points=1.0,
            patterns_en=(
                r"\b(softmax|cross.?entropy)\b[^.;\n]{0,50}?\b(never|not|cannot|can't|can ?not|won't|will not|"
                r"impossible to|unable to)\b[^.;\n]{0,20}?\b(be |become |reach |equal |get to |hit |go to |drop to )?"
                r"(exactly |actually |truly )?(zero|0(?!\.?\d))",
                r"\b(softmax|cross.?entropy|-log)\b[^.;\n]{0,50}?\b(always|strictly|remains|stays|is|are|will be)\b"
                r"[^.;\n]{0,20}?(positive|greater than (zero|0)|larger than (zero|0)|above (zero|0)|bigger than (zero|0)"
                r"|>\s*0(?!\.?\d)|non-?zero)",
                r"\b(p_?y|p|probabilit(y|ies)|softmax (output|probabilit\w*)|prob)\b[^.;\n]{0,40}?\b(never|not|cannot|"
                r"can't|can ?not|won't|will not|impossible to)\b[^.;\n]{0,20}?\b(be |become |reach |equal |get to |hit )?"
                r"(exactly |fully |actually )?(1|one|100 ?%)(?![\d.])",
                r"\b(p_?y|probabilit(y|ies)|prob)\b[^.;\n]{0,40}?(always |strictly )?(less than|smaller than|below|<)\s*"
                r"(1|one)(?![\d.])",
                r"(infinit\w*|∞)( large| big)?[^.;\n]{0,15}?\b(scores?|margin|differences?|gaps?|weights?|logits?)\b",
                r"\b(scores?|differences?|gaps?|margin|weights?|logits?)\b[^.;\n]{0,30}?(infinit\w*|∞)",
                r"\bnever\b[^.;\n]{0,10}?\b(fully |completely |totally |100 ?% )?(satisfied|happy|content)\b",
                r"\b(always|still)\b[^.;\n]{0,20}?\b(wants?|tries|try|pushes|push|pulls?|prefers?|encourag\w*|improv\w*)\b"
                r"[^.;\n]{0,40}?\b(higher|increase|more|larger|closer|towards?|better|bigger)\b",
                r"\b(contribut\w*|adds?|incurs?|has|have|gets?|produces?|gives?)\s+(some|a (small|little|tiny|bit of)|"
                r"positive|non-?zero|nonzero|at least some|a (non-?zero|positive|small positive))\b[^.;\n]{0,10}?"
                r"(loss|penalty|gradient|amount|value)",
                r"\bnon-?zero (loss|penalty|gradient)",
            ),
            patterns_zh=(
                r"(softmax|交叉熵|-log).{0,25}?(永远|始终|总是|一直|恒|都|绝不|决不)?(不会|不可能|不能|无法|不|没法)"
                r"(是|为|等于|达到|变成|降到|到)?\s*(0(?!\.?\d)|零)",
                r"(softmax|交叉熵|-log|对数).{0,25}?((大于|>|严格大于)\s*(0(?!\.?\d)|零)|为正|是正(数|的)|正数)",
                r"(softmax|交叉熵|-log|对数).{0,25}?(非零|非 0)",
                r"(概率|p_?y|p|softmax).{0,20}?(永远|始终|总是|一直|都)?(小于|<)\s*(1(?![\d.])|一|百分之百|100 ?%)",
                r"(概率|p_?y|p|softmax).{0,20}?(永远|始终|总是|一直|都)?(不会?等于|不可能等于|不可能是|不可能为|"
                r"达不到|到不了|无法达到|不能达到|不会达到|不可能达到|无法等于)\s*(1(?![\d.])|一|百分之百|100 ?%)",
                r"(分数|得分|score|差距|差值|权重|间隔).{0,15}?(无穷|无限|∞)|(无穷|无限)(大)?的?(分数|得分|差距)",
                r"(永远|始终|总是|一直)(都)?(不会|不|无法)?(完全)?(满足|满意)",
                r"(永远|始终|总是|一直).{0,10}?(提高|增大|增加|推高|拉高|想要|希望).{0,10}?(正确|概率)",
                r"(每个|任何|所有|每一个|任意)(新的?)?(数据)?(点|样本).{0,20}?(都)?(会)?(贡献|产生|带来|有|增加)"
                r".{0,6}?(损失|loss|梯度)",
            ),
            negated_by=(
                r"\bsoftmax\b[^.;\n]{0,40}?\b(can|could|may|might|will|would|also|too)\b[^.;\n]{0,15}?\b(be|become|"
                r"reach|equal|go to|drop to|fall to|get to)\s*(exactly )?(zero|0(?!\.?\d))(?![^.;\n]{0,40}?"
                r"(infinit|∞|limit|only if|only when))",
                r"\bsoftmax\b[^.;\n]{0,30}?\b(loss )?(is|becomes|=|equals)\s*(exactly )?(zero|0(?!\.?\d))"
                r"(?![^.;\n]{0,40}?(infinit|∞|limit|only if|only when))",
                r"\b(both|either)( losses| of them| loss functions)?\b[^.;\n]{0,30}?\b(can|could|will|are|is|be|become)\b"
                r"[^.;\n]{0,15}?(zero|0(?!\.?\d))",
                r"softmax.{0,15}?(也|同样|一样|都)?(可以|可能|能|会)(是|为|等于|变成|变为|达到|降到)\s*(0(?!\.?\d)|零)"
                r"(?!.{0,20}?(无穷|无限|极限|除非|只有))",
                r"(两者|两个损失|两种损失)(都)?(可以|可能|能|会)?(是|为|等于)\s*(0|零)",
            ),
        ),
    ),
)

# ---- inline_question_3: what do the learned weights look like, and why? ----------------------
RUBRIC_Q3 = Rubric(
    question="inline_question_3",
    max_points=2,
    ideas=(
        Idea(
            key="template",
            description="Each class's weights look like a blurry template (an average image) of that class",
            points=0.75,
            patterns_en=(
                r"\b(templates?|prototypes?|prototypical)\b",
                r"\b(average|averaged|mean|typical|generic|blurr?y|fuzzy|ghost(ly|ed)?|smeared|smudg\w*|rough|faint|"
                r"smoothed|little|small|low-res\w*)\b[^.;\n]{0,25}?\b(images?|pictures?|photos?|versions?|shapes?|silhouettes?|outlines?|"
                r"representations?|looks?|appearance|examples?|instances?|sketch)\b[^.;\n]{0,10}?\b(of|for)\b",
                r"\blooks? (a bit |somewhat |vaguely |kind of |kinda |roughly )?like\b[^.;\n]{0,30}?\b(class(es)?|categor(y|ies)|"
                r"horse|car|automobile|plane|airplane|ship|boat|truck|frog|bird|cat|deer|dog|animal|object)s?\b",
                r"\bresembl\w*\b[^.;\n]{0,30}?\b(class(es)?|categor(y|ies)|horse|car|automobile|plane|airplane|ship|boat|truck|"
                r"frog|bird|cat|deer|dog|animal|object)s?\b",
                r"\b(silhouettes?|outlines?|shapes?|contours?)\b[^.;\n]{0,20}?\bof\b[^.;\n]{0,15}?\b(class(es)?|categor(y|ies)|"
                r"horse|car|automobile|plane|airplane|ship|boat|truck|frog|bird|cat|deer|dog|animal|object)s?\b",
            ),
            patterns_zh=(
                r"模板|原型|范本|样板",
                r"(平均|典型|模糊|大致|粗略|抽象).{0,8}?(图像|图片|样子|形状|轮廓|外形|影子|形象|照片)",
                r"((?<!图)(?<!影)(?<!好)像(?!素)|类似|看起来是|看出|能看到|看得出|隐约|依稀).{0,10}?(马|汽车|车|船|飞机|"
                r"青蛙|蛙|鸟|猫|狗|鹿|卡车|类别|物体|动物)",
                r"(马|车|船|飞机|青蛙|鸟|猫|狗|鹿).{0,6}?(的)?(轮廓|外形|形状|影子)",
            ),
        ),
        Idea(
            key="examples",
            description="Concrete examples of what the templates show (a horse with two heads, a red car, blue background for ship or plane, a green frog, ...)",
            points=0.5,
            patterns_en=(
                r"\b(two|2|double)[- ]?(headed|heads?)\b|\bheads? (on|at|facing) (both|each|two) (sides?|ends?|"
                r"directions?)|\b(facing|looking|pointing) (both|two|left and right|in both)\b",
                r"\b(red|reddish|blue|bluish|green|greenish|brown|brownish|white|yellow)\b[^.;\n]{0,40}?\b(car|"
                r"automobile|plane|airplane|ship|boat|truck|frog|horse|deer|bird|sky|sea|water|ocean|background|grass)s?\b",
                r"\b(car|automobile|plane|airplane|ship|boat|truck|frog|deer|bird|sky|sea|water|ocean|background|"
                r"grass)s?\b[^.;\n]{0,40}?\b(red|reddish|blue|bluish|green|greenish|brown|brownish)\b",
            ),
            patterns_zh=(
                r"两个头|双头|两头|两个脑袋|头朝两边|朝向两边|两边都有头|左右两个方向|两个方向",
                r"(红|蓝|绿|棕|褐|黄)色?.{0,10}?(车|汽车|飞机|船|青蛙|蛙|马|鹿|鸟|背景|天空|海|水|草)",
                r"(车|汽车|飞机|船|青蛙|蛙|鹿|鸟|背景|天空|海|水|草).{0,10}?(红|蓝|绿|棕|褐)色?",
            ),
        ),
        Idea(
            key="dot_product",
            description="A class score is the dot (inner) product of the image with that class's weights, i.e. template matching",
            points=0.5,
            patterns_en=(
                r"\b(dot|inner|scalar)[- ]?products?\b",
                r"\btemplate[- ]match\w*",
                r"\bmatch(es|ing)?\b[^.;\n]{0,30}?\b(templates?|weights?|patterns?|images?)\b",
                r"\b(scores?|s|f\(x\))\s*=\s*(w ?x|x ?w|w\^?t ?x)\b",
                r"\bweighted sum of (the )?(pixels?|pixel values|inputs?|input)",
                r"\b(scores?)\b[^.;\n]{0,10}?\b(is|=|equals)\s*w_?[a-z0-9]*\s?x\b",
                r"\b(similar|similarity|correlat\w*|aligns?|alignment|lines? up)\b[^.;\n]{0,40}?\b(weights?|templates?|image|input)",
                r"\bmultipl\w*\b[^.;\n]{0,30}?\b(pixels?|images?|inputs?)\b",
            ),
            patterns_zh=(
                r"点积|内积|点乘|模板匹配|匹配|相似度|相似性|相关性|加权(求)?和",
                r"(乘|相乘).{0,10}?(像素|图像|输入)|(像素|图像|输入).{0,10}?(乘|相乘)",
            ),
        ),
        Idea(
            key="averaging",
            description="Training pulls each class's weights towards the pixels and colours typical of that class; one template per class averages over many poses and colours, hence the blur",
            points=0.5,
            patterns_en=(
                r"\b(averag\w*|blend\w*|mix\w*|combin\w*|superimpos\w*|overlay\w*|sum\w*|accumulat\w*)\b[^.;\n]{0,50}?"
                r"\b(poses?|orientations?|colou?rs?|positions?|views?|angles?|directions?|variations?|backgrounds?|"
                r"examples|instances|training images?|training (set|data)|images|pictures|samples)\b",
                r"\b(one|a single|only one|single|just one)\b[^.;\n]{0,10}?\btemplates?\b[^.;\n]{0,20}?\b(per|for each|"
                r"for every|for the whole|for a|to)\b",
                r"\b(push\w*|pull\w*|mov\w*|nudg\w*|adjust\w*|updat\w*|learn\w*|driv\w*|shap\w*|tun\w*|grow\w*|become|"
                r"becomes|converg\w*)\b[^.;\n]{0,40}?\b(towards?|closer to|to (match|resemble|look like)|in the direction "
                r"of|like)\b[^.;\n]{0,30}?\b(images?|pixels?|colou?rs?|examples?|class|training data|data)\b",
                r"\bgradient\b[^.;\n]{0,50}?\b(adds?|add|plus|sum|subtracts?|contains?|proportional|multiple|is)\b"
                r"[^.;\n]{0,30}?\b(x|x_i|images?|inputs?|examples?|pixels?)\b",
                r"\b(linear|only one|can only|cannot|can't)\b[^.;\n]{0,40}?\b(variations?|multiple|different (poses|"
                r"modes|colou?rs|orientations))\b",
                r"\b(weights?|w)\b[^.;\n]{0,20}?\b(is|are|become|becomes|end up)\b[^.;\n]{0,15}?\b(a )?(linear "
                r"combination|weighted (sum|average)|sum|combination) of\b",
                r"\b(common|shared|typical|frequent|consistent|most)\b[^.;\n]{0,30}?\b(features?|colou?rs?|pixels?|"
                r"patterns?|backgrounds?)\b",
                r"\b(most|many|lots of)\b[^.;\n]{0,20}?\b(images|pictures|examples|photos)\b[^.;\n]{0,40}?\b(have|are|"
                r"contain|show|with)\b[^.;\n]{0,30}?\b(blue|green|red|brown|sky|water|sea|background|facing)\b",
            ),
            patterns_zh=(
                r"(平均|综合|混合|叠加|融合|累加|求和).{0,15}?(所有|很多|大量|多张|各种|不同|许多|多个|整个).{0,10}?"
                r"(图像|图片|样本|姿态|姿势|颜色|角度|朝向|方向)",
                r"(所有|很多|大量|多张|各种|不同|许多|多个|整个).{0,10}?(图像|图片|样本|姿态|姿势|颜色|角度|朝向|方向)"
                r".{0,15}?(平均|综合|混合|叠加|融合|累加|求和)",
                r"(只有|只能有|仅有|单个|一个)(一个)?模板",
                r"(训练|梯度|更新).{0,20}?(推向|拉向|往|朝|向|趋向|靠近|接近|变得像).{0,20}?(像素|颜色|图像|图片|样本)",
                r"(常见|典型|共同|普遍|大多数|大部分|多数).{0,10}?(颜色|像素|特征|背景|图像|图片)",
                r"线性.{0,15}?(只能|无法|不能|局限)",
            ),
        ),
    ),
)
