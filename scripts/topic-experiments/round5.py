"""Parley 6 round 5 topic experiments (docs/topics.md "Topic model 2.4: round 5 experiments"):
the levers rounds 3 and 4 tried alone, COMBINED, plus two new ones, measured with the replica of
tune-topics' cross-validation (cv.py) on model 2.4's features (run dump-sentences).

Levels:
  level 1   a topic's passage model: model 2.4's features, optionally with skip-bigrams (s:),
            entity-typed pairs (t:), cue x sentence-entity conjunctions (j:), fitted plainly or
            with NBSVM scaling (round4.scaled_fitter: W&M, or p6-model's ratio form).
            It yields three scores per passage: the passage logit, the best sentence's logit (the
            passage model applied to each sentence alone) and the lead's logit (applied to the
            headline and lead alone).
  stacked   the target topic's level-1 model with dense curated columns: the other topics'
            passage logits and its own best-sentence logit (0.1 x logit, clipped to +-10).
  stage 2   a per-topic logistic regression over a handful of level-1 scores (own passage,
            best-sentence and lead logits, the other topics' passage logits).

Fold-internal everywhere: for the outer fold f with training part A and scored fold B, a level-1
score of a row of A is its inner out-of-fold score (fitted on A's other two inner folds), a score
of a row of B comes from the fit on all of A. Thresholds are chosen on A alone (inner 3-fold,
natural-mix weights), as tune-topics does; lambda by the outer CV F1, as tune-topics does.

    python3 round5.py NAME...   (after ./run dump-sentences; NAME as in EXPERIMENTS below)
"""
import sys, time, pickle, os
from cv import *
from feats import typed_seq
import round4 as R4

CLIP = 10.0
DUMP = WORK + '/dump-sentences.jsonl'


# ---- extra features --------------------------------------------------------------------------

def sent_runs(toks):
    """the distinct sentence ids of a token list in order (index k <-> d['sents'][k])"""
    out = []
    for t in toks:
        if not out or out[-1] != t[1]:
            out.append(t[1])
    return out


def skip(toks):
    out = {}
    for i in range(len(toks) - 2):
        if toks[i][1] == toks[i + 2][1]:
            out['s:' + toks[i][0] + ' ' + toks[i + 2][0]] = 1.0
    return out


def typed(toks, ments):
    out = {}
    seq = typed_seq(toks, ments)
    for i in range(len(seq) - 1):
        a, b = seq[i], seq[i + 1]
        if a[1] == b[1] and (a[0].isupper() or b[0].isupper()):
            out['t:' + a[0] + ' ' + b[0]] = 1.0
    return out


def sentence_entities(toks, ments):
    """sentence id -> (leaders, countries, organisations) distinct ids"""
    out = {}
    for m in ments:
        if m[3] < 0 or m[3] >= len(toks):
            continue
        s = toks[m[3]][1]
        e = out.setdefault(s, (set(), set(), set()))
        e[{'LEADER': 0, 'COUNTRY': 1, 'ORGANIZATION': 2}.get(m[1], 2)].add(m[0])
    return out


def ent_context(e):
    """the entity-type contexts of one sentence"""
    if e is None:
        return ['0']
    L, C, O = len(e[0]), len(e[1]), len(e[2])
    out = []
    if L: out.append('L')
    if C >= 2: out.append('C2')
    elif C == 1: out.append('C1')
    if L and C >= 2: out.append('LC2')
    if L and C >= 1: out.append('LC')
    if O: out.append('O')
    if not out: out.append('0')
    return out


def conj(d, topic, toks, ments, sents_feats, sids, prefix='j:'):
    """(a) a curated cue AND the entity-type context of its own sentence: j:CUE|CTX (a word-like
    feature: penalty 1, min count 5, NBSVM-scaled) or x:j:CUE|CTX (curated: penalty 0.1, kept at
    any count)"""
    ents = sentence_entities(toks, ments)
    out = {}
    for k, sid in enumerate(sids):
        if k >= len(sents_feats):
            break
        cues = [n[4:] for n, v in sents_feats[k][topic].items() if n.startswith('cue:') and v > 0]
        if not cues:
            continue
        for c in ent_context(ents.get(sid)):
            for cue in cues:
                out[prefix + cue + '|' + c] = 1.0
    return out


def sentence_slice(toks, ments, sid):
    idx = [i for i, t in enumerate(toks) if t[1] == sid]
    if not idx:
        return [], []
    a, b = idx[0], idx[-1]
    st = toks[a:b + 1]
    sm = [[m[0], m[1], m[2], m[3] - a, m[4] - a, m[5]] for m in ments if a <= m[3] <= b]
    return st, sm


def extra_rows(d, topic, kinds):
    """extras of the passage, of each sentence alone, of the context alone"""
    toks, ments = d['tok'], d['ment']
    sids = sent_runs(toks)
    p = {}
    if 'skip' in kinds: p.update(skip(toks))
    if 'typed' in kinds: p.update(typed(toks, ments))
    if 'conj' in kinds: p.update(conj(d, topic, toks, ments, d.get('sents', []), sids))
    if 'conjx' in kinds: p.update(conj(d, topic, toks, ments, d.get('sents', []), sids, 'x:j:'))
    srows = []
    for k, sid in enumerate(sids[:len(d.get('sents', []))]):
        st, sm = sentence_slice(toks, ments, sid)
        s = {}
        if 'skip' in kinds: s.update(skip(st))
        if 'typed' in kinds: s.update(typed(st, sm))
        if 'conj' in kinds:
            s.update(conj(d, topic, st, sm, [d['sents'][k]], [sid]))
        if 'conjx' in kinds:
            s.update(conj(d, topic, st, sm, [d['sents'][k]], [sid], 'x:j:'))
        srows.append(s)
    c = {}
    if d.get('ctok'):
        if 'skip' in kinds: c.update(skip(d['ctok']))
        if 'typed' in kinds: c.update(typed(d['ctok'], d.get('cment') or []))
    return p, srows, c


# ---- matrices -----------------------------------------------------------------------------------

class TD:
    pass


def build(data, topic, kinds=(), dfmask=None, min_count=5):
    rows, srows, owner, crows, hasc = [], [], [], [], []
    for i, d in enumerate(data):
        ep, es, ec = extra_rows(d, topic, kinds) if kinds else ({}, [{}] * len(d.get('sents', [])), {})
        f = dict(d['feats'][topic]); f.update(ep); rows.append(f)
        for k, s in enumerate(d.get('sents', [])):
            g = dict(s[topic]); g.update(es[k] if k < len(es) else {}); srows.append(g); owner.append(i)
        if d.get('cfeats'):
            g = dict(d['cfeats'][topic]); g.update(ec); crows.append(g); hasc.append(True)
        else:
            crows.append({}); hasc.append(False)
    df = {}
    for i, f in enumerate(rows):
        if dfmask is not None and not dfmask[i]:
            continue
        for k in f:
            df[k] = df.get(k, 0) + 1
    names = sorted(k for k, c in df.items() if curated(k) or c >= min_count)
    ix = {k: j for j, k in enumerate(names)}

    def mat(rs):
        r, c, v = [], [], []
        for i, f in enumerate(rs):
            for k, val in f.items():
                j = ix.get(k)
                if j is not None and val != 0:
                    r.append(i); c.append(j); v.append(val)
        return sp.csr_matrix((v, (r, c)), shape=(len(rs), len(names)), dtype=np.float64)

    t = TD()
    t.X, t.Xs, t.Xc = mat(rows), mat(srows), mat(crows)
    t.owner = np.array(owner); t.hasc = np.array(hasc); t.names = names
    t.pen = np.array([0.1 if curated(k) else 1.0 for k in names])
    t.prior = np.zeros(len(names))
    for k, v in PRIORS.get(topic, {}).items():
        if k in ix: t.prior[ix[k]] = v
    t.y = np.array([topic in d['labels'] for d in data])
    t.nat = np.array([d['natural'] for d in data])
    return t


def fitter_for(name):
    if name == 'plain':
        return lambda X, y, lam, pen, prior: fit(X, y, lam, pen, prior)
    if name == 'wm':
        f = R4.scaled_fitter(R4.nb_ratio)
    elif name == 'ratio':
        f = R4.scaled_fitter(lambda X, y, p, q: R4.nb_ratio(X, y, p, q, mode='rate', smoothing=0.1))
    else:
        raise ValueError(name)
    return lambda X, y, lam, pen, prior: f(X, y, lam, pen, prior)


def scores(t, w, rows):
    """passage, best-sentence and lead logits of `rows` (clipped)"""
    z = w[0] + t.X[rows] @ w[1:]
    m = np.isin(t.owner, rows)
    ms = np.full(t.X.shape[0], -CLIP)
    if m.any():
        np.maximum.at(ms, t.owner[m], w[0] + t.Xs[m] @ w[1:])
    zl = w[0] + t.Xc[rows] @ w[1:]
    return np.clip(np.column_stack([z, ms[rows], zl]), -CLIP, CLIP)


# ---- level 1 ------------------------------------------------------------------------------------

def level1(t, parts, inner, sw, lam, fitter, dense=None):
    """for each (A, B) of parts: S (n x 3) with inner-OOF scores on A, fitted-on-A on B; the
    threshold chosen on A (inner 3-fold, natural-mix weights); B's probabilities.
    dense: per part an (n x k) array of extra dense curated columns (stacking)."""
    n = t.X.shape[0]
    out = []
    for pi, (A, B) in enumerate(parts):
        X = t.X; pen = t.pen; prior = t.prior
        if dense is not None:
            X = sp.hstack([t.X, sp.csr_matrix(dense[pi])]).tocsr()
            pen = np.concatenate([t.pen, [0.1] * dense[pi].shape[1]])
            prior = np.concatenate([t.prior, np.zeros(dense[pi].shape[1])])
        S = np.zeros((n, 3)); p = np.zeros(n)
        ok = True
        for g in range(3):
            tr = A[inner[A] != g]; te = A[inner[A] == g]
            if t.y[tr].all() or (~t.y[tr]).all():
                ok = False; break
            w = fitter(X[tr], t.y[tr], lam, pen, prior)
            p[te] = prob(X[te], w)
            if dense is None:
                S[te] = scores(t, w, te)
            else:
                S[te, 0] = np.clip(w[0] + X[te] @ w[1:], -CLIP, CLIP)
        th = best_threshold(p[A], t.y[A], sw[A]) if ok else 0.5
        w = fitter(X[A], t.y[A], lam, pen, prior)
        if dense is None:
            S[B] = scores(t, w, B)
        else:
            S[B, 0] = np.clip(w[0] + X[B] @ w[1:], -CLIP, CLIP)
        out.append((S, th, prob(X[B], w)))
    return out


def outer_parts(data, rows=None):
    fold = np.array([d['fold'] for d in data])
    allix = np.arange(len(data)) if rows is None else rows
    return [(allix[fold[allix] != f], allix[fold[allix] == f]) for f in range(5)]


def f1_of(parts, res, y):
    pred = np.zeros(len(y), bool); seen = np.zeros(len(y), bool)
    for (A, B), (S, th, pB) in zip(parts, res):
        pred[B] = pB >= th; seen[B] = True
    return prf(pred[seen], y[seen])


# ---- stage 2 ------------------------------------------------------------------------------------

def fit_dense(Z, y, lam=1.0):
    """small L2 logistic regression over dense scores (bias not penalised)"""
    n, k = Z.shape
    ys = np.where(y, 1.0, -1.0)

    def f(w):
        z = w[0] + Z @ w[1:]
        loss = np.sum(np.logaddexp(0, -ys * z)) + lam / 2 * np.sum(w[1:] ** 2)
        r = 1 / (1 + np.exp(-z)) - (ys > 0)
        return loss, np.concatenate([[r.sum()], Z.T @ r + lam * w[1:]])
    return minimize(f, np.zeros(k + 1), jac=True, method='L-BFGS-B').x


def stage2(parts, inner, y, sw, Zs, lam=1.0):
    """Zs: per part the (n x k) level-1 scores (inner-OOF on A, fitted-on-A on B). Fits the
    second stage on A, threshold by inner 3-fold on A, scores B."""
    out = []
    for (A, B), Z in zip(parts, Zs):
        p = np.zeros(len(y))
        for g in range(3):
            tr = A[inner[A] != g]; te = A[inner[A] == g]
            w = fit_dense(Z[tr], y[tr], lam)
            p[te] = 1 / (1 + np.exp(-(w[0] + Z[te] @ w[1:])))
        th = best_threshold(p[A], y[A], sw[A])
        w = fit_dense(Z[A], y[A], lam)
        out.append((None, th, 1 / (1 + np.exp(-(w[0] + Z[B] @ w[1:])))))
    return out


# ---- one configuration on one protocol ---------------------------------------------------------

def run_config(data, cfg, protocol, log):
    """cfg: dict(kinds, fitter, lambdas, stack (bool), stage2 (list of score sets)).
    protocol 'cv': 5 folds over all rows; 'td': lambda by 5-fold CV over topics-train, then
    trained on topics-train, scored on topics-dev. Returns {variant: {topic: (P, R, F1)}}."""
    res = {}
    L1, T = compute_L1(data, cfg, protocol, res, log)
    return later_stages(data, cfg, protocol, res, L1, T, log)


def compute_L1(data, cfg, protocol, res, log):
    r = rates(data)
    nat0 = np.array([d['natural'] for d in data])
    inner = np.array([d['inner'] for d in data])
    fitter = fitter_for(cfg['fitter'])
    L1 = {}
    T = {}
    for topic in TOPICS:
        t = build(data, topic, cfg['kinds'], dfmask=(~nat0 if protocol == 'td' else None))
        T[topic] = t
        sw = sample_weights(t.y, t.nat if protocol == 'cv' else np.zeros(len(t.y), bool), r[topic])
        t.sw = sw
        if protocol == 'cv':
            parts = outer_parts(data)
            best = None
            for lam in cfg['lambdas']:
                rr = level1(t, parts, inner, sw, lam, fitter)
                s = f1_of(parts, rr, t.y)
                if best is None or s[2] > best[1][2] + 1e-12:
                    best = (lam, s, rr)
            L1[topic] = (best[0], parts, best[2])
            res.setdefault('level 1', {})[topic] = best[1]
            log(f"  level 1 {topic:9s} λ={best[0]} P={best[1][0]:.3f} R={best[1][1]:.3f} F1={best[1][2]:.4f}")
        else:
            tr = np.where(~nat0)[0]; dv = np.where(nat0)[0]
            cvparts = outer_parts(data, tr)
            best = None
            for lam in cfg['lambdas']:
                rr = level1(t, cvparts, inner, sw, lam, fitter)
                s = f1_of(cvparts, rr, t.y)
                if best is None or s[2] > best[1][2] + 1e-12:
                    best = (lam, s)
            parts = [(tr, dv)]
            rr = level1(t, parts, inner, sw, best[0], fitter)
            L1[topic] = (best[0], parts, rr)
            s = f1_of(parts, rr, t.y)
            res.setdefault('level 1', {})[topic] = s
            log(f"  level 1 {topic:9s} λ={best[0]} train->dev P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f} thr={rr[0][1]}")
    return L1, T


def later_stages(data, cfg, protocol, res, L1, T, log):
    inner = np.array([d['inner'] for d in data])
    fitter = fitter_for(cfg['fitter'])
    # stage 2 variants (cheap)
    for name, spec in cfg.get('stage2', {}).items():
        for topic in ('diplomacy', 'summits'):
            lam, parts, rr = L1[topic]
            others = [u for u in TOPICS if u != topic]
            Zs = []
            for pi in range(len(parts)):
                cols = []
                for what in spec:
                    if what == 'own':
                        cols.append(rr[pi][0][:, 0])
                    elif what == 'sent':
                        cols.append(rr[pi][0][:, 1])
                    elif what == 'lead':
                        cols.append(rr[pi][0][:, 2])
                    elif what == 'others':
                        for u in others:
                            cols.append(L1[u][2][pi][0][:, 0])
                Zs.append(np.column_stack(cols) / CLIP)
            out = stage2(parts, inner, T[topic].y, T[topic].sw, Zs)
            s = f1_of(parts, out, T[topic].y)
            res.setdefault('stage 2 ' + name, {})[topic] = s
            log(f"  stage 2 {name:22s} {topic:9s} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f}")
    # stacked passage model (others' logits + own best sentence as dense columns)
    if cfg.get('stack'):
        for topic in ('diplomacy', 'summits'):
            t = T[topic]
            lam1, parts, rr = L1[topic]
            others = [u for u in TOPICS if u != topic]
            dense = []
            for pi in range(len(parts)):
                cols = [L1[u][2][pi][0][:, 0] for u in others] + [rr[pi][0][:, 1]]
                dense.append(np.column_stack(cols) * 0.1)
            if protocol == 'cv':
                best = None
                for lam in cfg['lambdas']:
                    r2 = level1(t, parts, inner, t.sw, lam, fitter, dense=dense)
                    s = f1_of(parts, r2, t.y)
                    if best is None or s[2] > best[1][2] + 1e-12:
                        best = (lam, s)
            else:
                # lambda: the level-1 one (its CV over topics-train); a nested CV of the stack is
                # not worth its cost here
                r2 = level1(t, parts, inner, t.sw, lam1, fitter, dense=dense)
                best = (lam1, f1_of(parts, r2, t.y))
            res.setdefault('stacked', {})[topic] = best[1]
            log(f"  stacked {topic:9s} λ={best[0]} P={best[1][0]:.3f} R={best[1][1]:.3f} F1={best[1][2]:.4f}")
    return res


def ensemble(data, names, protocol, log):
    """stage 2 over the level-1 scores of several configurations (own passage, best-sentence and
    lead logits of each; the other topics' passage logits of each)"""
    inner = np.array([d['inner'] for d in data])
    Ls = []
    for n in names:
        res = {}
        L1, T = compute_L1(data, CONFIGS[n], protocol, res, lambda s: log('  [' + n + ']' + s))
        Ls.append(L1)
    out = {}
    for spec_name, spec in (('own+sent+lead', ('own',)), ('own+sent+lead+others', ('own', 'others'))):
        for topic in ('diplomacy', 'summits'):
            parts = Ls[0][topic][1]
            Zs = []
            for pi in range(len(parts)):
                cols = []
                for L1 in Ls:
                    cols += [L1[topic][2][pi][0][:, k] for k in range(3)]
                    if 'others' in spec:
                        cols += [L1[u][2][pi][0][:, 0] for u in TOPICS if u != topic]
                Zs.append(np.column_stack(cols) / CLIP)
            o = stage2(parts, inner, T[topic].y, T[topic].sw, Zs)
            s = f1_of(parts, o, T[topic].y)
            log(f"  ensemble stage 2 {'+'.join(names)} {spec_name:22s} {topic:9s} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f}")
            out[(spec_name, topic)] = s
    return out


STAGE2 = {
    'own+sent+lead': ['own', 'sent', 'lead'],
    'own+sent+lead+others': ['own', 'sent', 'lead', 'others'],
}

BASE = dict(kinds=(), fitter='plain', lambdas=(4, 8, 16), stage2=STAGE2, stack=True)
CONFIGS = {
    'base': dict(BASE),
    'base-l1only': dict(BASE, stage2={}, stack=False),
    'conj': dict(BASE, kinds=('conj',), stage2={}, stack=False),
    'wm': dict(BASE, fitter='wm', lambdas=(1, 2, 4, 8, 16, 32)),
    'wm-all': dict(BASE, kinds=('skip', 'typed', 'conj'), fitter='wm', lambdas=(1, 2, 4, 8, 16, 32)),
    'wm-conj': dict(BASE, kinds=('conj',), fitter='wm', lambdas=(1, 2, 4, 8, 16, 32)),
    'ratio-all': dict(BASE, kinds=('skip', 'typed', 'conj'), fitter='ratio', lambdas=(1, 2, 4, 8, 16, 32)),
    'plain-all': dict(BASE, kinds=('skip', 'typed', 'conj')),
    'conjx': dict(BASE, kinds=('conjx',), stage2={}, stack=False),
    'wm-conjx': dict(BASE, kinds=('conjx',), fitter='wm', lambdas=(1, 2, 4, 8, 16, 32)),
}


def main():
    args = sys.argv[1:]
    splits = [None]
    protocols = ['cv']
    names = []
    for a in args:
        if a.startswith('--splits='):
            splits = [None if s == 'tt' else s for s in a[9:].split(',')]
        elif a.startswith('--protocols='):
            protocols = a[12:].split(',')
        else:
            names.append(a)
    data = load(DUMP)
    for d in data:
        d['fold0'], d['inner0'] = d['fold'], d['inner']
    for name in names:
        if name.startswith('ens:'):
            for proto in protocols:
                for seed in (splits if proto == 'cv' else [None]):
                    R4.set_split(data, seed)
                    print(f"== {name} protocol={proto} split={seed or 'tt'}", flush=True)
                    ensemble(data, name[4:].split('+'), proto, lambda s: print(s, flush=True))
            R4.set_split(data, None)
            continue
        cfg = CONFIGS[name]
        for proto in protocols:
            for seed in (splits if proto == 'cv' else [None]):
                R4.set_split(data, seed)
                t0 = time.time()
                head = f"== {name} {cfg['kinds']} {cfg['fitter']} protocol={proto} split={seed or 'tt'}"
                print(head, flush=True)
                res = run_config(data, cfg, proto, lambda s: print(s, flush=True))
                print(f"   ({time.time() - t0:.0f}s)", flush=True)
        R4.set_split(data, None)


if __name__ == '__main__':
    main()
