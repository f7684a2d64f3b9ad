"""A replica of parley tune-topics' cross-validation (TopicTrainer, LogisticRegression) in numpy/scipy,
over the features scripts/topic-experiments/run dump writes; see docs/topics.md "round 3"."""
import json, sys, math, numpy as np, scipy.sparse as sp
from scipy.optimize import minimize

TOPICS = ['diplomacy', 'sanctions', 'summits']
THR = [round(0.05 + 0.025 * i, 3) for i in range(37)]

import os
WORK = os.environ.get('WORK', '/tmp/parley-topic-exp')

def load(path=WORK + '/dump.jsonl'):
    return [json.loads(l) for l in open(path)]

def curated(name):
    return name.startswith('cue:') or name.startswith('ent:') or name.startswith('ctx:cue:') or name.startswith('x:')

def matrix(data, topic, extra=None, min_count=5, drop=None, dfmask=None):
    rows = []
    for i, d in enumerate(data):
        f = dict(d['feats'][topic])
        if drop:
            f = {k: v for k, v in f.items() if not drop(k)}
        if extra:
            f.update(extra(d, topic))
        rows.append(f)
    df = {}
    for i, f in enumerate(rows):
        if dfmask is not None and not dfmask[i]: continue
        for k in f:
            df[k] = df.get(k, 0) + 1
    names = sorted(k for k, c in df.items() if curated(k) or c >= min_count)
    ix = {k: j for j, k in enumerate(names)}
    r, c, v = [], [], []
    for i, f in enumerate(rows):
        for k, val in f.items():
            j = ix.get(k)
            if j is not None and val != 0:
                r.append(i); c.append(j); v.append(val)
    X = sp.csr_matrix((v, (r, c)), shape=(len(rows), len(names)), dtype=np.float64)
    return X, names

def fit(X, y, lam, pen, prior):
    n, d = X.shape
    ys = np.where(y, 1.0, -1.0)
    def f(w):
        z = w[0] + X @ w[1:]
        yz = ys * z
        loss = np.sum(np.logaddexp(0, -yz))
        off = w[1:] - prior
        loss += lam / 2 * np.sum(pen * off * off)
        p = 1 / (1 + np.exp(-z))
        r = p - (ys > 0)
        g = np.empty(d + 1)
        g[0] = r.sum()
        g[1:] = X.T @ r + lam * pen * off
        return loss, g
    w0 = np.concatenate([[0.0], prior])
    res = minimize(f, w0, jac=True, method='L-BFGS-B', options={'maxiter': 3000, 'gtol': 1e-7, 'ftol': 1e-12})
    return res.x

def prob(X, w):
    return 1 / (1 + np.exp(-(w[0] + X @ w[1:])))

def sample_weights(y, natural, rate):
    w = np.ones(len(y))
    if rate is None: return w
    other = ~natural
    pos = np.sum(y & other); n = np.sum(other)
    if n == 0 or pos == 0 or pos == n: return w
    share = pos / n
    w[other & y] = rate / share
    w[other & ~y] = (1 - rate) / (1 - share)
    return w

def choose_threshold(X, part, y, sw, inner, lam, pen, prior, fitter=None):
    fitter = fitter or fit
    p = np.zeros(X.shape[0])
    for f in range(3):
        tr = part[inner[part] != f]; te = part[inner[part] == f]
        if y[tr].all() or (~y[tr]).all() or len(te) == 0: return 0.5
        w = fitter(X[tr], y[tr], lam, pen, prior)
        p[te] = prob(X[te], w)
    return best_threshold(p[part], y[part], sw[part])

def best_threshold(p, y, sw):
    best, bf = 0.5, -1
    for t in THR:
        pr = p >= t
        tp = sw[pr & y].sum(); fp = sw[pr & ~y].sum(); fn = sw[~pr & y].sum()
        f1 = 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
        if f1 > bf + 1e-9 or (abs(f1 - bf) <= 1e-9 and abs(t - 0.5) < abs(best - 0.5)):
            bf, best = f1, t
    return best

def prf(pred, y):
    tp = int(np.sum(pred & y)); fp = int(np.sum(pred & ~y)); fn = int(np.sum(~pred & y))
    p = tp / (tp + fp) if tp + fp else 0; r = tp / (tp + fn) if tp + fn else 0
    return (p, r, 0 if p + r == 0 else 2 * p * r / (p + r))

PRIORS = {'summits': {'ent:head-travels-to-country': 3.0}, 'diplomacy': {'ent:head-travels-to-country': 2.0},
          'sanctions': {'cue:sanction-verb': 5.0}}
# the shipped topic files' priors when they are there (model 2.4 added diplomacy's
# cue:un-thanks-support -8; round 5), so the replica follows the model the dump was made from
_TOPIC_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/main/resources/dev/parley/indexer/enrich/topics')
for _t in TOPICS:
    _f = os.path.join(_TOPIC_DIR, _t + '.json')
    if os.path.exists(_f):
        PRIORS[_t] = dict(json.load(open(_f)).get('priors') or {})

def rates(data):
    out = {}
    dev = [d for d in data if d['natural']]
    for t in TOPICS:
        out[t] = sum(t in d['labels'] for d in dev) / len(dev)
    return out

def setup(data, topic, extra=None, drop=None, curated_penalty=0.1, priors=None, pen_fn=None, dfmask=None, min_count=5):
    X, names = matrix(data, topic, extra, drop=drop, dfmask=dfmask, min_count=min_count)
    pen = np.array([pen_fn(k) if pen_fn else (curated_penalty if curated(k) else 1.0) for k in names])
    prior = np.zeros(len(names))
    for k, v in (priors if priors is not None else PRIORS.get(topic, {})).items():
        if k in names: prior[names.index(k)] = v
    y = np.array([topic in d['labels'] for d in data])
    nat = np.array([d['natural'] for d in data])
    return X, names, pen, prior, y, nat

def cv(data, topic, lambdas=(4, 8, 16), extra=None, drop=None, rate=None, verbose=False, fitter=None, **kw):
    X, names, pen, prior, y, nat = setup(data, topic, extra, drop, **kw)
    sw = sample_weights(y, nat, rate)
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data])
    allix = np.arange(len(data))
    best = None
    res = {}
    for lam in lambdas:
        oofp = np.zeros(len(data)); ooft = np.zeros(len(data))
        for f in range(5):
            tr = allix[fold != f]; te = allix[fold == f]
            t = choose_threshold(X, tr, y, sw, inner, lam, pen, prior, fitter)
            w = (fitter or fit)(X[tr], y[tr], lam, pen, prior)
            oofp[te] = prob(X[te], w); ooft[te] = t
        s = prf(oofp >= ooft, y)
        res[lam] = s[2]
        if best is None or s[2] > best[1][2] + 1e-12:
            best = (lam, s, oofp.copy(), ooft.copy())
    if verbose: print(topic, res)
    return best


def train_dev(data, topic, lambdas=(4, 8, 16), extra=None, drop=None, rate=None, fitter=None, **kw):
    nat0 = np.array([d['natural'] for d in data])
    X, names, pen, prior, y, nat = setup(data, topic, extra, drop, dfmask=~nat0, **kw)
    fitter = fitter or fit
    tr = np.where(~nat)[0]; dv = np.where(nat)[0]
    sw = sample_weights(y, np.zeros(len(y), bool), rate)  # all train items are not natural
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data])
    best = None
    for lam in lambdas:
        oofp = np.zeros(len(data)); ooft = np.zeros(len(data))
        for f in range(5):
            a = tr[fold[tr] != f]; b = tr[fold[tr] == f]
            t = choose_threshold(X, a, y, sw, inner, lam, pen, prior, fitter)
            w = fitter(X[a], y[a], lam, pen, prior)
            oofp[b] = prob(X[b], w); ooft[b] = t
        s = prf(oofp[tr] >= ooft[tr], y[tr])
        if best is None or s[2] > best[1] + 1e-12: best = (lam, s[2])
    lam = best[0]
    t = choose_threshold(X, tr, y, sw, inner, lam, pen, prior, fitter)
    w = fitter(X[tr], y[tr], lam, pen, prior)
    p = prob(X[dv], w)
    return lam, t, prf(p >= t, y[dv])

def run(data, label='', topics=TOPICS, td=True, **kw):
    r = rates(data)
    out = []
    for t in topics:
        lam, s, p, th = cv(data, t, rate=r[t], **kw)
        line = f"{label:30s} {t:10s} CV λ={lam:<4} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.3f}"
        if td:
            lam2, t2, s2 = train_dev(data, t, rate=r[t], **kw)
            line += f"  | train->dev λ={lam2} thr={t2} P={s2[0]:.3f} R={s2[1]:.3f} F1={s2[2]:.3f}"
        print(line, flush=True)
        out.append((t, s, p, th))
    return out

