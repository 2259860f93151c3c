"""The toets (exam) mode's attempts: ids, the questions per attempt, limits and the result. Pure.

An attempt id is a signed ticket (HMAC-SHA256 with a key derived from the server's secret)::

    <JSON [employee id, quiz id, started (unix microseconds), expires (unix seconds), nonce], base64url>
    . <signature, base64url>

So starting an attempt writes nothing: the ticket says who started which quiz when, and until
when it may be submitted. The nonce is the attempt's own id in the store (``attempt_sessions``):
submitting the same ticket twice finds the first result there. The questions of an attempt (a
draw from the bank when the quiz has ``trekken``, options shuffled) follow from the nonce and the
secret, so the server hands out the same questions when it reads the ticket back.

Scoring is :mod:`geletterdheid.quiz.scoring`'s, over the questions of the attempt.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import hmac
import itertools
import json
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..content.articles import parse_provision
from ..content.model import LegalFacts, Question, Quiz
from ..content.reading_text import plain_text
from ..dutch import QUESTION_HINTS
from ..errors import UserError
from ..quiz.scoring import ScoringError
from ..records.model import NewAttempt
from ..records.times import LOCAL_ZONE
from .submission import stored_result

SOURCE = "toets"
_KEY_LABEL = b"geletterdheid-toets-v1"
_MAX_ID_LENGTH = 1024
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class ToetsError(UserError):
    """A request the toets refuses: ``status`` is the HTTP status, ``message`` the Dutch answer."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True)
class ToetsRules:
    """Server settings of the toets: attempts per quiz per local day (0: no limit), the wait after a
    submitted attempt before the next may start, and how long a started attempt can be submitted."""

    per_day: int = 3
    cooldown: dt.timedelta = dt.timedelta(minutes=10)
    valid_for: dt.timedelta = dt.timedelta(hours=2)


@dataclass(frozen=True)
class Ticket:
    id: str  # the nonce: the attempt's id in the store
    employee_id: str
    quiz_id: str
    started_at: dt.datetime  # aware UTC
    expires_at: dt.datetime  # aware UTC


@dataclass(frozen=True)
class QuestionTexts:
    """What the toets shows of a question besides its options, made once per catalog (not per request)."""

    case: str | None
    explanation: str
    sources: tuple[dict[str, str], ...]


def question_texts(quizzes: Iterable[Quiz], legal: LegalFacts) -> dict[str, QuestionTexts]:
    return {
        question.id: QuestionTexts(
            case=plain_text(question.case, legal) if question.case else None,
            explanation=plain_text(question.explanation, legal),
            sources=tuple(
                {"label": provision.label, "url": provision.url}
                for provision in map(parse_provision, question.articles)
            ),
        )
        for quiz in quizzes
        for question in quiz.questions
    }


@dataclass(frozen=True)
class DrawnQuestion:
    question: Question
    keys: tuple[str, ...]  # the option keys in the order this attempt shows them


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@functools.lru_cache(maxsize=4)
def _key(secret: bytes) -> bytes:
    # Its own key: a ticket can never pass for a personal link token, nor the other way round.
    return hmac.new(secret, _KEY_LABEL, hashlib.sha256).digest()


#: Attempt ids need only be unique (the ticket's signature keeps them from being forged, and the
#: draw follows from the secret too): a random prefix per process and a counter, no system call per
#: attempt (os.urandom was a tenth of starting an attempt on a busy machine).
_PROCESS_PREFIX = _b64encode(secrets.token_bytes(9))
_COUNTER = itertools.count()


def new_ticket(employee_id: str, quiz_id: str, now: dt.datetime, rules: ToetsRules) -> Ticket:
    # the process id too: a process forked after import shares the prefix, never the pid
    return Ticket(
        f"{_PROCESS_PREFIX}{os.getpid():x}.{next(_COUNTER):x}", employee_id, quiz_id, now, now + rules.valid_for
    )


def attempt_id(secret: bytes, ticket: Ticket) -> str:
    started = ticket.started_at - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    payload = json.dumps(
        [
            ticket.employee_id,
            ticket.quiz_id,
            started // dt.timedelta(microseconds=1),
            int(ticket.expires_at.timestamp()),
            ticket.id,
        ],
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    body = _b64encode(payload)
    return f"{body}.{_b64encode(hmac.new(_key(secret), body.encode('ascii'), hashlib.sha256).digest())}"


def read_attempt_id(secret: bytes, text: str) -> Ticket:
    """The ticket of a valid attempt id (expired or not); raises ToetsError 404 when forged or damaged."""
    unknown = ToetsError(404, "Deze poging bestaat niet. Start de toets opnieuw op de pagina van de module.")
    body, _, signature = text.partition(".")
    if len(text) > _MAX_ID_LENGTH or not body or not signature:
        raise unknown
    try:
        expected = hmac.new(_key(secret), body.encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(_b64decode(signature), expected):
            raise unknown
        employee_id, quiz_id, started_us, expires, nonce = json.loads(_b64decode(body))
        started_at = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=started_us)
        expires_at = dt.datetime.fromtimestamp(expires, dt.UTC)
    except (ValueError, TypeError, UnicodeError, binascii.Error, OverflowError):
        raise unknown from None
    return Ticket(nonce, employee_id, quiz_id, started_at, expires_at)


def _order(hasher: Any, label: str, count: int) -> list[int]:
    """0..count-1 in a random order that the keyed ``hasher`` and ``label`` fix: one keyed hash gives
    two bytes per position to sort by (random.shuffle in Python cost more than the rest of handing
    out an attempt)."""
    digest = b""
    block = 0
    while len(digest) < 2 * count:  # 64 bytes a block: 32 positions; a larger bank takes more blocks
        own = hasher.copy()
        own.update(f"{label}|{block}".encode())
        digest += own.digest()
        block += 1
    return sorted(range(count), key=lambda index: digest[2 * index : 2 * index + 2])


def drawn_questions(secret: bytes, quiz: Quiz, ticket: Ticket) -> list[DrawnQuestion]:
    """The questions of this attempt in their order, each with its options in the order shown.

    Without ``trekken`` every question of the bank, in the bank's order; with it, that many drawn at
    random (in the bank's order, so a casus that leads into the next question keeps its place).
    Options are shuffled, except juist/onjuist, which read best in that order.
    """
    seed = hmac.new(_key(secret), f"trekking|{ticket.id}".encode(), hashlib.sha256).digest()
    hasher = hashlib.blake2b(key=seed)
    questions = list(quiz.questions)
    if quiz.draw is not None and quiz.draw < len(questions):
        chosen = set(_order(hasher, "vragen", len(questions))[: quiz.draw])
        questions = [question for index, question in enumerate(questions) if index in chosen]
    drawn = []
    for question in questions:
        keys = list(question.options)
        if question.type != "juist-onwaar":
            keys = [keys[index] for index in _order(hasher, question.id, len(keys))]
        drawn.append(DrawnQuestion(question, tuple(keys)))
    return drawn


def shown_label(position: int, key: str, text: str) -> str:
    """'A. Optie' by the position shown (the key itself is not shown: it would undo the shuffle)."""
    return f"{_LETTERS[position].upper()}. {text}" if len(key) == 1 else text


def start_body(
    token: str, ticket: Ticket, quiz: Quiz, drawn: Sequence[DrawnQuestion], texts: Mapping[str, QuestionTexts]
) -> dict:
    """What the browser needs to show the attempt: questions and options, no answer, no uitleg."""
    return {
        "poging": token,
        "quiz": quiz.module,
        "drempel": quiz.pass_mark,
        "verloopt": ticket.expires_at.isoformat(),
        "vragen": [
            {
                "id": item.question.id,
                "type": item.question.type,
                "hint": QUESTION_HINTS[item.question.type],
                "casus": texts[item.question.id].case,
                "vraag": item.question.text,
                "opties": [
                    {"sleutel": key, "tekst": shown_label(position, key, item.question.options[key])}
                    for position, key in enumerate(item.keys)
                ],
            }
            for item in drawn
        ],
    }


def parse_answers(body: bytes) -> dict[str, list[str]]:
    """``{"antwoorden": {"m01-q01": ["b"], ...}}``; raises ToetsError 400/422."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ToetsError(400, "De gegevens zijn geen geldige JSON.") from None
    if not isinstance(data, dict) or set(data) - {"antwoorden"}:
        raise ToetsError(422, "Stuur alleen 'antwoorden'; de server berekent de score zelf.")
    answers = data.get("antwoorden")
    if not isinstance(answers, dict):
        raise ToetsError(422, "Het veld 'antwoorden' ontbreekt of is geen object (vraag-id: lijst van antwoorden).")
    for question_id, keys in answers.items():
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            raise ToetsError(422, f"De antwoorden bij vraag '{question_id[:80]}' moeten een lijst van teksten zijn.")
    return answers


def scored_attempt(
    quiz: Quiz, drawn: Sequence[DrawnQuestion], answers: Mapping[str, list[str]], employee_id: str, now: dt.datetime
) -> NewAttempt:
    """The attempt scored over its own questions; raises ToetsError 422 for a question or key it lacks."""
    questions = [item.question for item in drawn]
    # The whole bank (no trekken): the quiz itself; a copy costs more than the scoring.
    own = quiz if len(questions) == len(quiz.questions) else quiz.model_copy(update={"questions": questions})
    try:
        return NewAttempt.scored(employee_id, own, now, SOURCE, answers)
    except ScoringError as exc:
        message = str(exc)
        raise ToetsError(422, message[:1].upper() + message[1:] + ".") from None


def _verdict(score: float) -> str:
    return "goed" if score >= 1 else ("deels" if score > 0 else "fout")


def result_body(
    attempt: NewAttempt,
    quiz: Quiz,
    drawn: Sequence[DrawnQuestion],
    employee_name: str,
    texts: Mapping[str, QuestionTexts],
) -> dict:
    """The feedback after submission: the server's score, and per question right or wrong, the right
    options, the uitleg and its articles."""
    scores = {answer.question_id: answer.score for answer in attempt.answers}
    return {
        **stored_result(attempt, quiz, employee_name),
        "feedback": [
            {
                "vraag": item.question.id,
                "score": scores[item.question.id],
                "uitkomst": _verdict(scores[item.question.id]),
                "juist": list(item.question.correct),
                "juiste_opties": [
                    shown_label(item.keys.index(key), key, item.question.options[key]) for key in item.question.correct
                ],
                "uitleg": texts[item.question.id].explanation,
                "bronnen": list(texts[item.question.id].sources),
            }
            for item in drawn
        ],
    }


def local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(LOCAL_ZONE).date()


def _daily_limit(rules: ToetsRules, submitted: Sequence[dt.datetime], now: dt.datetime) -> ToetsError | None:
    today = [moment for moment in submitted if local_day(moment) == local_day(now)]
    if rules.per_day and len(today) >= rules.per_day:
        return ToetsError(
            429,
            f"Je hebt deze toets vandaag al {len(today)} keer gemaakt; meer kan niet op één dag. "
            "Probeer het morgen opnieuw.",
        )
    return None


def start_refusal(rules: ToetsRules, submitted: Sequence[dt.datetime], now: dt.datetime) -> ToetsError | None:
    """Why a new attempt may not start now, given the times this employee submitted this quiz."""
    limit = _daily_limit(rules, submitted, now)
    if limit is not None:
        return limit
    if submitted and rules.cooldown:
        ready = max(submitted) + rules.cooldown
        if ready > now:
            minutes = max(1, -(-int((ready - now).total_seconds()) // 60))
            return ToetsError(
                429,
                f"Je hebt deze toets net gemaakt. Lees de uitleg nog eens rustig door; over {minutes} "
                f"{'minuut' if minutes == 1 else 'minuten'} kun je opnieuw beginnen.",
                retry_after=int((ready - now).total_seconds()) + 1,
            )
    return None


def submit_refusal(
    rules: ToetsRules, started_at: dt.datetime, submitted: Sequence[dt.datetime], now: dt.datetime
) -> ToetsError | None:
    """Why this attempt may not be stored, given the times this employee submitted this quiz.

    An attempt started before the last submission is void: its questions could be answered with the
    feedback of that submission.
    """
    if any(moment > started_at for moment in submitted):
        return ToetsError(
            409,
            "Deze poging telt niet meer: je hebt deze toets intussen al ingeleverd. Start de toets opnieuw.",
        )
    return _daily_limit(rules, submitted, now)


def start_of_day(moment: dt.datetime) -> dt.datetime:
    """The start of the local (Dutch) day of ``moment``, in UTC."""
    return dt.datetime.combine(local_day(moment), dt.time(), LOCAL_ZONE).astimezone(dt.UTC)


def look_back_since(rules: ToetsRules, now: dt.datetime) -> dt.datetime:
    """How far back starting an attempt needs earlier submissions: the day's start, or the cool-down."""
    since = now - rules.cooldown
    return min(since, start_of_day(now)) if rules.per_day else since


class ToetsJson:
    """The start and result bodies as JSON text, the same as ``json.dumps(start_body(...))`` and
    ``json.dumps(result_body(...))``, built from each question's JSON, made once per order of its
    options (and score): a toets hands out the same few orders thousands of times."""

    def __init__(self, texts: Mapping[str, QuestionTexts]):
        self._texts = texts
        self._questions: dict[tuple[str, tuple[str, ...]], str] = {}
        self._feedback: dict[tuple[str, tuple[str, ...], float], str] = {}

    @staticmethod
    def _dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    def _question(self, item: DrawnQuestion) -> str:
        key = (item.question.id, item.keys)
        text = self._questions.get(key)
        if text is None:
            body = start_body("", Ticket("", "", "", _EPOCH, _EPOCH), _ONE_QUIZ, [item], self._texts)
            text = self._questions[key] = self._dumps(body["vragen"][0])
        return text

    def start(self, token: str, ticket: Ticket, quiz: Quiz, drawn: Sequence[DrawnQuestion]) -> str:
        head = {
            "poging": token,
            "quiz": quiz.module,
            "drempel": quiz.pass_mark,
            "verloopt": ticket.expires_at.isoformat(),
        }
        return self._dumps(head)[:-1] + ', "vragen": [' + ", ".join(map(self._question, drawn)) + "]}"

    def result(self, attempt: NewAttempt, quiz: Quiz, drawn: Sequence[DrawnQuestion], employee_name: str) -> str:
        scores = {answer.question_id: answer.score for answer in attempt.answers}
        parts = []
        for item in drawn:
            key = (item.question.id, item.keys, scores[item.question.id])
            text = self._feedback.get(key)
            if text is None:
                one = attempt._replace(answers=tuple(a for a in attempt.answers if a.question_id == item.question.id))
                body = result_body(one, quiz, [item], employee_name, self._texts)
                text = self._feedback[key] = self._dumps(body["feedback"][0])
            parts.append(text)
        head = result_body(attempt._replace(answers=()), quiz, [], employee_name, self._texts)
        del head["feedback"]
        return self._dumps(head)[:-1] + ', "feedback": [' + ", ".join(parts) + "]}"


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ONE_QUIZ = Quiz.model_construct(module="", pass_mark=0, questions=[], draw=None)
