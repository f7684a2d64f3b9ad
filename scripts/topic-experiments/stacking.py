"""Stacking: a topic's model with other topics' fold-internal scores as features (docs/topics.md "round 3")."""
from cv import *
import sys
# the source topics' λ: the ones tune-topics chose for them on the whole pool (a small shortcut)
LAM = {'diplomacy': 16, 'sanctions': 8, 'summits': 8}
def logit(p): p = np.clip(p, 1e-6, 1-1e-6); return np.log(p/(1-p))
def src_scores(data, S, inner, u, A, B):
    """U's scores: inner-oof on A, fitted-on-A on B"""
    X, names, pen, prior, y, nat = S[u]
    out = np.zeros(len(data))
    for f in range(3):
        tr = A[inner[A] != f]; te = A[inner[A] == f]
        w = fit(X[tr], y[tr], LAM[u], pen, prior); out[te] = prob(X[te], w)
    w = fit(X[A], y[A], LAM[u], pen, prior); out[B] = prob(X[B], w)
    return out
def stack_cv(data, t, sources, lambdas=(4, 8, 16), mode='logit', scale=0.1):
    r = rates(data); S = {u: setup(data, u) for u in set(sources) | {t}}
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data]); allix = np.arange(len(data))
    X, names, pen, prior, y, nat = S[t]
    sw = sample_weights(y, nat, r[t])
    # precompute per outer fold source features
    feats = {}
    for f in range(5):
        A = allix[fold != f]; B = allix[fold == f]
        cols = []
        for u in sources:
            s = src_scores(data, S, inner, u, A, B)
            cols.append(logit(s) * scale if mode == 'logit' else s)
        feats[f] = np.column_stack(cols)
    best = None
    for lam in lambdas:
        oofp = np.zeros(len(data)); ooft = np.zeros(len(data))
        for f in range(5):
            A = allix[fold != f]; B = allix[fold == f]
            Xf = sp.hstack([X, sp.csr_matrix(feats[f])]).tocsr()
            penf = np.concatenate([pen, [0.1] * len(sources)]); priorf = np.concatenate([prior, [0] * len(sources)])
            th = choose_threshold(Xf, A, y, sw, inner, lam, penf, priorf)
            w = fit(Xf[A], y[A], lam, penf, priorf)
            oofp[B] = prob(Xf[B], w); ooft[B] = th
        s = prf(oofp >= ooft, y)
        if best is None or s[2] > best[1][2]: best = (lam, s)
    return best

def sentence_matrix(data, t, names):
    """every sentence of every passage as a row over the passage vocabulary; owner[k] = its passage"""
    ix = {k: j for j, k in enumerate(names)}
    r, c, v, owner = [], [], [], []
    k = 0
    for i, d in enumerate(data):
        for s in d['sents']:
            for name, val in s[t].items():
                j = ix.get(name)
                if j is not None and val != 0:
                    r.append(k); c.append(j); v.append(val)
            owner.append(i); k += 1
    return sp.csr_matrix((v, (r, c)), shape=(k, len(names))), np.array(owner)

def max_sentence_cv(data, t, lambdas=(4, 8, 16), scale=0.1):
    """(b) max over sentences: the passage model applied to each sentence alone (fold-internal, as
    in stacking); the highest sentence logit is one more curated feature of the passage."""
    r = rates(data)
    X, names, pen, prior, y, nat = setup(data, t)
    Xs, owner = sentence_matrix(data, t, names)
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data]); allix = np.arange(len(data))
    sw = sample_weights(y, nat, r[t])
    def maxsent(w, rows):
        m = np.isin(owner, rows)
        z = w[0] + Xs[m] @ w[1:]
        out = np.full(len(data), -10.0)
        np.maximum.at(out, owner[m], z)
        return out
    feats = {}
    for f in range(5):
        A = allix[fold != f]; B = allix[fold == f]
        col = np.zeros(len(data))
        for g in range(3):
            tr = A[inner[A] != g]; te = A[inner[A] == g]
            w = fit(X[tr], y[tr], LAM[t], pen, prior); col[te] = maxsent(w, te)[te]
        w = fit(X[A], y[A], LAM[t], pen, prior); col[B] = maxsent(w, B)[B]
        feats[f] = np.clip(col, -10, 10)[:, None] * scale
    best = None
    for lam in lambdas:
        oofp = np.zeros(len(data)); ooft = np.zeros(len(data))
        for f in range(5):
            A = allix[fold != f]; B = allix[fold == f]
            Xf = sp.hstack([X, sp.csr_matrix(feats[f])]).tocsr()
            penf = np.concatenate([pen, [0.1]]); priorf = np.concatenate([prior, [0]])
            th = choose_threshold(Xf, A, y, sw, inner, lam, penf, priorf)
            w = fit(Xf[A], y[A], lam, penf, priorf)
            oofp[B] = prob(Xf[B], w); ooft[B] = th
        s = prf(oofp >= ooft, y)
        if best is None or s[2] > best[1][2]: best = (lam, s)
    return best
