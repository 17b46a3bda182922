"""Scoring quotes, speakers and entities against gold annotations (GOLD_FORMAT.md), as the shared scorer does.

Matching, after the scorer's normalization (NFKC, no diacritics or tatweel, one alef, ى→ي, ة→ه, no
punctuation): a predicted quote matches a gold quote when their token Dice is ≥ 0.5, one to one,
best pairs first; its speaker is right when a gold speaker form is contained, as a token sequence,
in the predicted speaker's text or canonical name; entities are distinct (text, type) pairs per article.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = re.compile("[\u0622\u0623\u0625\u0671]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
TYPES = {"PER": "PER", "PERS": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC",
         "ORG": "ORG", "ORGANIZATION": "ORG", "MISC": "MISC"}
DICE_THRESHOLD = 0.5


class GoldFormatError(ValueError):
    """A gold file that is not GOLD_FORMAT JSON Lines (the message names the line)."""


def normalize(text: str | None) -> list[str]:
    """The scorer's tokens: deliberately *not* extract.normalize.match_key, which also folds hamza seats."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _DIACRITICS.sub("", text)
    text = _ALEF.sub("\u0627", text).replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    return [t for t in _NON_WORD.sub(" ", text).split() if t]


def dice(a: list[str], b: list[str]) -> float:
    """Token-multiset Dice coefficient."""
    if not a or not b:
        return 0.0
    pool: dict[str, int] = {}
    for t in a:
        pool[t] = pool.get(t, 0) + 1
    common = 0
    for t in b:
        if pool.get(t, 0) > 0:
            pool[t] -= 1
            common += 1
    return 2 * common / (len(a) + len(b))


def contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def speaker_strings(speaker: Any) -> list[str]:
    """The strings a predicted speaker offers: its text and canonical name (or the string itself)."""
    if speaker is None:
        return []
    if isinstance(speaker, str):
        return [speaker]
    if isinstance(speaker, dict):
        return [str(speaker[k]) for k in ("text", "canonical", "name", "mention") if speaker.get(k)]
    return [str(speaker)]


def speaker_right(pred_speaker: Any, gold: Mapping[str, Any]) -> bool:
    forms = [normalize(f) for f in [*gold.get("speaker_forms", []), gold.get("speaker", "")]]
    for s in speaker_strings(pred_speaker):
        toks = normalize(s)
        if any(contains(toks, f) for f in forms if f):
            return True
    return False


def match_quotes(gold: list[str], pred: list[str]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs with Dice ≥ 0.5, best pairs first (ties: higher indices first)."""
    gtok = [normalize(t) for t in gold]
    ptok = [normalize(t) for t in pred]
    pairs = sorted(((dice(a, b), i, j) for i, a in enumerate(gtok) for j, b in enumerate(ptok)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for s, i, j in pairs:
        if s < DICE_THRESHOLD:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matched.append((i, j))
    return matched


def entity_set(entities: Iterable[Any]) -> set[tuple[str, str]]:
    """Distinct (normalized text, coarse type) pairs; ``label`` is read when ``type`` is missing."""
    out = set()
    for e in entities:
        if isinstance(e, dict):
            kind = str(e.get("type", e.get("label", ""))).upper()
            out.add((" ".join(normalize(e.get("text", ""))), TYPES.get(kind, "MISC")))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(golds: list[dict[str, Any]], preds: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Score predicted records (keyed by article basename) against gold records; same keys as score.py --json."""
    t = dict(gq=0, pq=0, match=0, right=0, ge=0, pe=0, e_tp=0, e_tp_untyped=0, missing_docs=0)
    by_kind: dict[str, list[int]] = {}
    per_article = []
    for g in golds:
        name = g["article"]
        p = preds.get(name)
        if p is None:
            t["missing_docs"] += 1
            p = {"quotes": [], "entities": []}
        gq = g.get("quotes", [])
        pq = [q for q in p.get("quotes", []) if isinstance(q, dict)]
        matched = match_quotes([q["text"] for q in gq], [q.get("text", "") for q in pq])
        right = sum(1 for i, j in matched if speaker_right(pq[j].get("speaker"), gq[i]))
        hit = dict(matched)
        for i, q in enumerate(gq):
            k = by_kind.setdefault(q.get("kind", "?"), [0, 0, 0])
            k[0] += 1
            if i in hit:
                k[1] += 1
                k[2] += speaker_right(pq[hit[i]].get("speaker"), q)
        gents = entity_set(g.get("entities", []))
        pents = entity_set(p.get("entities", []))
        t["gq"] += len(gq)
        t["pq"] += len(pq)
        t["match"] += len(matched)
        t["right"] += right
        t["ge"] += len(gents)
        t["pe"] += len(pents)
        t["e_tp"] += len(gents & pents)
        t["e_tp_untyped"] += len({x for x, _ in gents} & {x for x, _ in pents})
        per_article.append(dict(article=name, gold=len(gq), pred=len(pq), matched=len(matched), right=right))
    det = prf(t["match"], t["pq"], t["gq"])
    e2e = prf(t["right"], t["pq"], t["gq"])
    ent = prf(t["e_tp"], t["pe"], t["ge"])
    ent_u = prf(t["e_tp_untyped"], t["pe"], t["ge"])
    return dict(
        articles=len(golds), missing_articles=t["missing_docs"],
        gold_quotes=t["gq"], pred_quotes=t["pq"], matched=t["match"], speaker_right=t["right"],
        detection=dict(p=det[0], r=det[1], f1=det[2]),
        attribution_accuracy=(t["right"] / t["match"]) if t["match"] else 0.0,
        end_to_end=dict(p=e2e[0], r=e2e[1], f1=e2e[2]),
        recall_by_kind={k: dict(gold=v[0], found=v[1], speaker_right=v[2]) for k, v in by_kind.items()},
        entities=dict(p=ent[0], r=ent[1], f1=ent[2], untyped_f1=ent_u[2]),
        per_article=per_article,
    )


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records from a JSON Lines file; each needs ``article`` and a ``quotes`` list."""
    golds = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldFormatError(f"line {n}: not JSON ({err.msg})") from None
            if not isinstance(obj, dict) or "article" not in obj:
                raise GoldFormatError(f"line {n}: a gold record needs an \"article\" key")
            if not isinstance(obj.get("quotes", []), list) or any(
                not isinstance(q, dict) or "text" not in q for q in obj.get("quotes", [])
            ):
                raise GoldFormatError(f"line {n}: \"quotes\" must be a list of objects with \"text\"")
            golds.append(obj)
    return golds


def key_records(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Predicted records by the basename of their source, which is how gold names articles."""
    out = {}
    for d in records:
        src = d.get("source") or d.get("file") or d.get("path") or d.get("article") or ""
        out[os.path.basename(str(src))] = d
    return out
