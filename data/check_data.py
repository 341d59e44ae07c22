#!/usr/bin/env python3
"""Validate skillgap's built-in data: data/catalog.json and profiles/*.json.

Usage: python3 data/check_data.py [--source PATH]

Stdlib only. Exits 1 and lists every problem found; prints a summary on success.
The checks mirror what the Rust side relies on:

* catalog: unique kebab-case ids, known categories, known ids in implies/related/
  prerequisites, no ambiguous name/alias key across skills, no cycles in implies or in
  implies+prerequisites, short terms (<= 3 characters) restricted by case_sensitive or
  list_only, case_sensitive/list_only entries that are real names/aliases, related credit
  in [0.1, 0.8], no skill both implied and related, every SPEC section 3 id present;
* profiles: file stem == id, tiers entry/mid/senior with sane year bands, importance words,
  levels 1-4 integers non-decreasing and applying from some tier up, no empty category,
  no skill required twice, valid related_roles, all eight SPEC section 2 roles present;
  source_text phrases quoted verbatim from the source document when it can be found;
* formatting: every file is pretty-printed JSON (2-space indent, trailing newline) with
  keys in the documented order.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CATALOG = os.path.join(ROOT, "data", "catalog.json")
PROFILES = os.path.join(ROOT, "profiles")
SOURCE_CANDIDATES = [
    os.path.join(ROOT, "shared", "seed", "deep-learning-engineer-role.txt"),
    os.path.join(ROOT, "..", "shared", "seed", "deep-learning-engineer-role.txt"),
]

SPEC_SKILL_IDS = """
pytorch jax tensorflow keras fsdp deepspeed megatron-lm nccl tensorrt onnx onnx-runtime
bitsandbytes quantization flash-attention vllm triton-inference-server lora qlora rlhf dpo
instruction-tuning wandb mlflow dvc ray kubeflow docker kubernetes cuda python git
hugging-face-transformers mixed-precision gradient-checkpointing linear-algebra calculus
statistics perplexity bleu-rouge mmlu ab-testing distributed-training transformers-architecture
cnn diffusion-models rag prompt-engineering mlops spark scikit-learn sql cpp cutlass nsight
triton slurm infiniband nvlink red-teaming interpretability cvat labelbox
""".split()

SPEC_ROLE_IDS = [
    "deep-learning-engineer", "ml-engineer", "llm-engineer", "cuda-engineer",
    "distributed-training-engineer", "ai-safety-engineer", "data-labeling-specialist",
    "ai-strategy-director",
]
MAIN_ROLE = "deep-learning-engineer"

TIER_IDS = ["entry", "mid", "senior"]
IMPORTANCE = ["essential", "expected", "situational", "differentiator"]

SKILL_KEYS = ["id", "name", "category", "aliases", "case_sensitive", "list_only", "implies",
              "related", "prerequisites", "generic"]
SKILL_REQUIRED = ["id", "name", "category"]
PROFILE_KEYS = ["id", "title", "summary", "source", "salary", "tiers", "related_roles",
                "electives", "categories"]
PROFILE_REQUIRED = ["id", "title", "summary", "tiers", "related_roles", "categories"]
TIER_KEYS = ["id", "min_years", "max_years", "titles", "description"]
REQ_KEYS = ["skill", "importance", "levels", "source_text"]
SALARY_KEYS = ["min", "max", "currency", "period"]

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION_PART = re.compile(r"^(?:x|[0-9]+)$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def looks_like_version(token):
    """Mirror of catalog.rs looks_like_version: "2.1", "v3", "3.x", "11+"."""
    if token[:1] in ("v", "V"):
        token = token[1:]
    if token.endswith("+"):
        token = token[:-1]
    return bool(token) and token[0].isdigit() and all(VERSION_PART.match(p) for p in token.split("."))


def normalize(term):
    """The matching key, exactly as catalog.rs computes it: drop a trailing version token
    ("PyTorch 2.1" -> "PyTorch"), lowercase, keep only letters, digits and + # &.

    This is stricter than dropping only whitespace and - _ . / ' ( ) , : ; so anything that
    is unambiguous here is unambiguous under either rule."""
    term = term.strip()
    parts = term.rsplit(None, 1)
    if len(parts) == 2 and parts[0].strip() and looks_like_version(parts[1]):
        term = parts[0].rstrip()
    return "".join(ch for ch in term.lower() if ch.isalnum() or ch in "+#&")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        err(path, f"cannot read: {e}")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        err(path, f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return None
    canonical = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if text != canonical:
        err(path, "not in canonical form (json.dumps(indent=2, ensure_ascii=False) + newline)")
    return data


def check_keys(where, obj, order, required):
    if not isinstance(obj, dict):
        err(where, f"expected an object, got {type(obj).__name__}")
        return False
    keys = list(obj)
    unknown = [k for k in keys if k not in order]
    if unknown:
        err(where, f"unknown field(s) {unknown}; allowed: {order}")
    for k in required:
        if k not in obj:
            err(where, f"missing field '{k}'")
    known = [k for k in keys if k in order]
    if known != sorted(known, key=order.index):
        err(where, f"fields out of order {known}; expected order {order}")
    return True


def find_cycle(graph):
    """Return one cycle (list of nodes) in a directed graph, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    color = defaultdict(int)
    stack = []

    def visit(node):
        color[node] = GREY
        stack.append(node)
        for nxt in graph.get(node, ()):
            if color[nxt] == GREY:
                return stack[stack.index(nxt):] + [nxt]
            if color[nxt] == WHITE:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        color[node] = BLACK
        return None

    for node in sorted(graph):
        if color[node] == WHITE:
            found = visit(node)
            if found:
                return found
    return None


# ----------------------------------------------------------------------------- catalog
def check_catalog(cat):
    where = "catalog"
    if not check_keys(where, cat, ["categories", "skills"], ["categories", "skills"]):
        return {}, set()

    cat_ids = []
    for i, c in enumerate(cat.get("categories", [])):
        w = f"catalog.categories[{i}]"
        if not check_keys(w, c, ["id", "name"], ["id", "name"]):
            continue
        if not KEBAB.match(str(c.get("id", ""))):
            err(w, f"id '{c.get('id')}' is not kebab-case")
        if not str(c.get("name", "")).strip():
            err(w, "empty name")
        cat_ids.append(c.get("id"))
    for cid, n in Counter(cat_ids).items():
        if n > 1:
            err("catalog.categories", f"duplicate category id '{cid}'")
    cat_set = set(cat_ids)

    skills = {}
    for i, s in enumerate(cat.get("skills", [])):
        w = f"catalog.skills[{i}]"
        if not check_keys(w, s, SKILL_KEYS, SKILL_REQUIRED):
            continue
        sid = s.get("id")
        w = f"skill '{sid}'"
        if not isinstance(sid, str) or not KEBAB.match(sid):
            err(w, "id is not kebab-case")
            continue
        if sid in skills:
            err(w, "duplicate skill id")
            continue
        skills[sid] = s
        if not isinstance(s.get("name"), str) or not s["name"].strip():
            err(w, "empty name")
        if s.get("category") not in cat_set:
            err(w, f"unknown category '{s.get('category')}'")
        for field in ["aliases", "case_sensitive", "list_only", "implies", "prerequisites"]:
            if field in s:
                v = s[field]
                if not isinstance(v, list) or not v:
                    err(w, f"'{field}' must be a non-empty list (omit it when empty)")
                    continue
                if not all(isinstance(x, str) and x.strip() for x in v):
                    err(w, f"'{field}' must hold non-empty strings")
                for x, n in Counter(v).items():
                    if n > 1:
                        err(w, f"'{field}' lists '{x}' twice")
        if "related" in s:
            rel = s["related"]
            if not isinstance(rel, list) or not rel:
                err(w, "'related' must be a non-empty list (omit it when empty)")
            else:
                for j, r in enumerate(rel):
                    rw = f"{w} related[{j}]"
                    if not check_keys(rw, r, ["skill", "credit"], ["skill", "credit"]):
                        continue
                    c = r.get("credit")
                    if isinstance(c, bool) or not isinstance(c, (int, float)) or not 0.1 <= c <= 0.8:
                        err(rw, f"credit {c!r} outside [0.1, 0.8]")

    ids = set(skills)

    # references
    for sid, s in skills.items():
        w = f"skill '{sid}'"
        implies = s.get("implies", [])
        related = [r.get("skill") for r in s.get("related", []) if isinstance(r, dict)]
        prereqs = s.get("prerequisites", [])
        for field, refs in (("implies", implies), ("related", related), ("prerequisites", prereqs)):
            for ref in refs:
                if ref not in ids:
                    err(w, f"{field} references unknown skill '{ref}'")
                if ref == sid:
                    err(w, f"{field} references itself")
        for ref, n in Counter(related).items():
            if n > 1:
                err(w, f"related lists '{ref}' twice")
        both = set(implies) & set(related)
        if both:
            err(w, f"skill(s) both implied and related: {sorted(both)}")

    # terms: ambiguity, short terms, case_sensitive / list_only
    key_owner = defaultdict(set)
    key_terms = defaultdict(list)
    for sid, s in skills.items():
        w = f"skill '{sid}'"
        terms = [s.get("name", "")] + s.get("aliases", [])
        restricted = set(s.get("case_sensitive", [])) | set(s.get("list_only", []))
        for field in ("case_sensitive", "list_only"):
            for t in s.get(field, []):
                if t not in terms:
                    err(w, f"{field} entry '{t}' is not exactly its name or one of its aliases")
        overlap = set(s.get("case_sensitive", [])) & set(s.get("list_only", []))
        if overlap:
            err(w, f"terms in both case_sensitive and list_only (list_only is already case-sensitive): {sorted(overlap)}")
        for t, n in Counter(terms).items():
            if n > 1:
                err(w, f"term '{t}' appears twice in name/aliases")
        for t in terms:
            k = normalize(t)
            if not k:
                err(w, f"term '{t}' normalizes to an empty key")
                continue
            key_owner[k].add(sid)
            key_terms[k].append((sid, t))
            if (len(k) <= 3 or len(t.strip()) <= 3) and t not in restricted:
                err(w, f"short term '{t}' must be listed in case_sensitive or list_only")
            if len(k) == 1 and t not in s.get("list_only", []):
                err(w, f"one-letter term '{t}' must be list_only")
        # the id is also matched exactly (e.g. skills JSON "cpp"), so it takes part too
        key_owner[normalize(sid)].add(sid)
        key_terms[normalize(sid)].append((sid, f"id {sid}"))
    for k, owners in sorted(key_owner.items()):
        if len(owners) > 1:
            detail = ", ".join(f"{sid}: '{t}'" for sid, t in key_terms[k])
            err("catalog", f"ambiguous key '{k}' maps to {sorted(owners)} ({detail})")

    # cycles
    implies_graph = {sid: [x for x in s.get("implies", []) if x in ids] for sid, s in skills.items()}
    cyc = find_cycle(implies_graph)
    if cyc:
        err("catalog", f"cycle in implies: {' -> '.join(cyc)}")
    union_graph = {sid: sorted(set(implies_graph[sid]) | {x for x in s.get("prerequisites", []) if x in ids})
                   for sid, s in skills.items()}
    cyc = find_cycle(union_graph)
    if cyc:
        err("catalog", f"cycle in prerequisites+implies: {' -> '.join(cyc)}")

    # coverage
    for sid in SPEC_SKILL_IDS:
        if sid not in ids:
            err("catalog", f"SPEC section 3 skill id '{sid}' is missing")
    per_cat = Counter(s.get("category") for s in skills.values())
    for cid in cat_ids:
        if per_cat[cid] == 0:
            err("catalog", f"category '{cid}' has no skills")

    return skills, cat_set


# ---------------------------------------------------------------------------- profiles
def check_profile(path, prof, skills, cat_set, role_ids, source_text):
    stem = os.path.splitext(os.path.basename(path))[0]
    w = f"profiles/{stem}.json"
    if not check_keys(w, prof, PROFILE_KEYS, PROFILE_REQUIRED):
        return None
    pid = prof.get("id")
    if pid != stem:
        err(w, f"id '{pid}' differs from the file stem '{stem}'")
    if not isinstance(pid, str) or not KEBAB.match(pid):
        err(w, "id is not kebab-case")
    for field in ("title", "summary"):
        if not isinstance(prof.get(field), str) or not prof[field].strip():
            err(w, f"empty {field}")

    sal = prof.get("salary")
    if sal is not None and check_keys(f"{w} salary", sal, SALARY_KEYS, SALARY_KEYS):
        lo, hi = sal.get("min"), sal.get("max")
        if not all(isinstance(x, int) and not isinstance(x, bool) and x > 0 for x in (lo, hi)) or lo >= hi:
            err(w, f"salary min/max must be positive integers with min < max, got {lo!r}/{hi!r}")
        if not re.fullmatch(r"[A-Z]{3}", str(sal.get("currency"))):
            err(w, f"salary currency '{sal.get('currency')}' is not an ISO 4217 code")
        if sal.get("period") not in ("year", "month", "hour"):
            err(w, f"salary period '{sal.get('period')}' not year/month/hour")

    tiers = prof.get("tiers", [])
    tier_ids = []
    prev = None
    for i, t in enumerate(tiers if isinstance(tiers, list) else []):
        tw = f"{w} tiers[{i}]"
        if not check_keys(tw, t, TIER_KEYS, ["id", "min_years", "description"]):
            continue
        tier_ids.append(t.get("id"))
        lo, hi = t.get("min_years"), t.get("max_years")
        if isinstance(lo, bool) or not isinstance(lo, (int, float)) or lo < 0:
            err(tw, f"min_years {lo!r} must be a non-negative number")
            continue
        if hi is not None and (isinstance(hi, bool) or not isinstance(hi, (int, float)) or hi < lo):
            err(tw, f"max_years {hi!r} must be a number >= min_years")
        if prev is not None:
            plo, phi = prev
            if lo <= plo:
                err(tw, "min_years must increase from tier to tier")
            if phi is None:
                err(tw, "only the last tier may be open-ended (no max_years)")
            elif lo <= phi:
                err(tw, f"min_years {lo} overlaps the previous tier's max_years {phi}")
        prev = (lo, hi)
        if not str(t.get("description", "")).strip():
            err(tw, "empty description")
    if tier_ids != TIER_IDS:
        err(w, f"tiers must be {TIER_IDS} in that order, got {tier_ids}")

    rr = prof.get("related_roles", [])
    if not isinstance(rr, list):
        err(w, "related_roles must be a list")
        rr = []
    for r in rr:
        if r not in role_ids:
            err(w, f"related_roles names unknown role '{r}'")
        if r == pid:
            err(w, "related_roles names the profile itself")
    for r, n in Counter(rr).items():
        if n > 1:
            err(w, f"related_roles lists '{r}' twice")

    seen = {}
    stats = Counter()
    cats = prof.get("categories", [])
    if not isinstance(cats, list) or not cats:
        err(w, "categories must be a non-empty list")
        cats = []
    cat_ids = []
    for ci, c in enumerate(cats):
        cw = f"{w} categories[{ci}]"
        if not check_keys(cw, c, ["id", "name", "elective", "requirements"], ["id", "name", "requirements"]):
            continue
        cid = c.get("id")
        cat_ids.append(cid)
        cw = f"{w} category '{cid}'"
        if cid not in cat_set:
            err(cw, "id is not a catalog category id")
        if not str(c.get("name", "")).strip():
            err(cw, "empty name")
        reqs = c.get("requirements", [])
        if not isinstance(reqs, list) or not reqs:
            err(cw, "empty category (no requirements)")
            continue
        for ri, r in enumerate(reqs):
            rw = f"{cw} requirements[{ri}]"
            if not check_keys(rw, r, REQ_KEYS, ["skill", "importance", "levels"]):
                continue
            sk = r.get("skill")
            rw = f"{cw} requirement '{sk}'"
            if sk not in skills:
                err(rw, "unknown skill id")
            if sk in seen:
                err(rw, f"skill required twice (also in category '{seen[sk]}')")
            seen[sk] = cid
            imp = r.get("importance")
            if imp not in IMPORTANCE:
                err(rw, f"importance '{imp}' not one of {IMPORTANCE}")
            stats[imp] += 1
            lv = r.get("levels")
            if not isinstance(lv, dict) or not lv:
                err(rw, "levels must name at least one tier")
            else:
                unknown = [k for k in lv if k not in TIER_IDS]
                if unknown:
                    err(rw, f"levels name unknown tier(s) {unknown}")
                if [k for k in lv if k in TIER_IDS] != [k for k in TIER_IDS if k in lv]:
                    err(rw, "levels keys out of tier order")
                present = [k in lv for k in TIER_IDS]
                first = present.index(True) if True in present else 3
                if not all(present[first:]):
                    err(rw, "a requirement must apply from some tier up (no gaps after the first tier)")
                vals = []
                for k in TIER_IDS:
                    if k in lv:
                        v = lv[k]
                        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 4:
                            err(rw, f"level for '{k}' is {v!r}; must be an integer 1-4")
                        else:
                            vals.append(v)
                if vals != sorted(vals):
                    err(rw, f"levels decrease across tiers: {lv}")
            st = r.get("source_text")
            if pid == MAIN_ROLE and not st:
                err(rw, "every requirement of the main profile must carry source_text")
            if st is not None:
                if not isinstance(st, str) or not st.strip():
                    err(rw, "empty source_text (omit it instead)")
                elif source_text is not None and " ".join(st.split()) not in source_text:
                    err(rw, f"source_text is not a verbatim phrase of the source: '{st}'")
    for cid, n in Counter(cat_ids).items():
        if n > 1:
            err(w, f"category id '{cid}' used twice")

    total = sum(stats.values())
    if pid != MAIN_ROLE and pid in SPEC_ROLE_IDS:
        if not 15 <= total <= 35:
            err(w, f"{total} requirements; the built-in secondary roles carry 15-35")
        if not 3 <= stats["essential"] <= 8:
            err(w, f"{stats['essential']} essentials; the built-in secondary roles carry 3-8")
        if not 4 <= len(cat_ids) <= 8:
            err(w, f"{len(cat_ids)} categories; the built-in secondary roles use 4-8")
    return {"id": pid, "requirements": total, "categories": len(cat_ids), "stats": stats,
            "skills": set(seen)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", help="path of the source document (for source_text checks)")
    args = ap.parse_args()

    source_path = args.source or next((p for p in SOURCE_CANDIDATES if os.path.exists(p)), None)
    source_text = None
    if source_path:
        with open(source_path, encoding="utf-8") as f:
            source_text = " ".join(f.read().split())

    cat = load(CATALOG)
    skills, cat_set = check_catalog(cat) if cat is not None else ({}, set())

    files = sorted(f for f in os.listdir(PROFILES) if f.endswith(".json"))
    role_ids = {os.path.splitext(f)[0] for f in files}
    for rid in SPEC_ROLE_IDS:
        if rid not in role_ids:
            err("profiles", f"SPEC section 2 role '{rid}' has no profiles/{rid}.json")
    results = []
    for f in files:
        path = os.path.join(PROFILES, f)
        prof = load(path)
        if prof is not None:
            res = check_profile(path, prof, skills, cat_set, role_ids, source_text)
            if res:
                results.append(res)

    if errors:
        print(f"check_data: {len(errors)} problem(s)", file=sys.stderr)
        for e in errors:
            print(f"  - {e}", file=sys.stderr)
        return 1

    per_cat = Counter(s["category"] for s in skills.values())
    terms = sum(1 + len(s.get("aliases", [])) for s in skills.values())
    print(f"catalog: {len(skills)} skills, {len(cat_set)} categories, {terms} names+aliases")
    print("  per category: " + ", ".join(f"{c} {per_cat[c]}" for c in sorted(per_cat)))
    print(f"source_text checked against: {source_path or '(source document not found; skipped)'}")
    print("profiles:")
    for r in results:
        st = r["stats"]
        print(f"  {r['id']:<32} {r['requirements']:>3} requirements in {r['categories']:>2} categories"
              f"  (essential {st['essential']}, expected {st['expected']},"
              f" situational {st['situational']}, differentiator {st['differentiator']})")
    used = set().union(*(r["skills"] for r in results)) if results else set()
    print(f"skills used by at least one profile: {len(used)} of {len(skills)}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
