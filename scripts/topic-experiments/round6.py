"""Parley 6 round 6 topic experiments (docs/topics.md "Topic model 2.4: round 6 experiments"):
genre-aware features (Daume III 2007 feature augmentation, the genre inferred from the passage's
own text) and self-training on unlabelled paragraphs of the three corpora, measured with the
replica of tune-topics' cross-validation (cv.py) on model 2.4's features.

    ./run dump; ./run pool; then  python3 round6.py NAME... [--splits=tt,a,b] [--protocols=cv,td]

NAME: base, g-bias, g-cues, g-all, g-all-soft, genre-acc (the genre classifier's accuracy),
      g-thr (one threshold per genre, post hoc), by-genre (model 2.4's CV F1 on each genre),
      st, st-g (self-training; st-g over g-cues' features, see GENRE_FOR_ST), st-vocab (st with
      the vocabulary counted over the pool too).
Everything that uses labels is fold-internal: the genre classifier is trained on the unlabelled
pool only (its corpus is known there, no topic label is read); the self-training teacher of a fold
is fitted on that fold's training part, and its pseudo-label setting (k, m, w) and threshold are
chosen by the training part's inner 3-fold CV. Nothing is read on topics-dev except the train->dev
score itself.
"""
import sys, time, math, os
from cv import *
import round4 as R4

POOL = WORK + '/pool-dump.jsonl'
GENRE_FOR_ST = os.environ.get('GENRE_FOR_ST', 'g-cues')

# ---- genre ------------------------------------------------------------------------------------

WE = {'we', 'our', 'us', 'ours', 'ourselves'}
I = {'i', 'my', 'me'}
SAID = {'said', 'says', 'told'}
PHRASES = [('general', 'assembly'), ('united', 'nations'), ('mr', 'president'), ('my', 'delegation'),
           ('my', 'country'), ('session',), ('excellency',), ('international', 'community')]
SIGNALS = ['we', 'i', 'said', 'digits', 'loglen'] + [' '.join(p) for p in PHRASES]


def signals(d):
    """cheap signals of the passage and its article context (headline and lead), both of which an
    indexed passage has: rates and presence flags"""
    out = []
    for toks in (d['tok'], d.get('ctok') or []):
        w = [t[0] for t in toks]
        n = max(len(w), 1)
        v = [sum(x in WE for x in w) / n * 10, sum(x in I for x in w) / n * 10,
             sum(x in SAID for x in w) / n * 10, sum(any(c.isdigit() for c in x) for x in w) / n * 10,
             math.log1p(len(w)) / 5]
        s = set(zip(w, w[1:]))
        ws = set(w)
        for p in PHRASES:
            v.append(1.0 if (p in s if len(p) == 2 else p[0] in ws) else 0.0)
        out += v
    return out


class Genre:
    """logistic regression speech vs news over signals(), trained on the unlabelled pool whose
    corpus is known (ungdc = speech; reuters, agnews = news)"""

    def __init__(self, pool):
        Z = np.array([signals(d) for d in pool])
        y = np.array([d['id'].startswith('ungdc') for d in pool])
        self.mu = Z.mean(0); self.sd = Z.std(0) + 1e-9
        from round5 import fit_dense
        self.w = fit_dense((Z - self.mu) / self.sd, y, 1.0)

    def p(self, d):
        z = (np.array(signals(d)) - self.mu) / self.sd
        return 1 / (1 + math.exp(-(self.w[0] + z @ self.w[1:])))


def genre_extra(kind, genre):
    cache = {}

    def extra(d, topic):
        key = id(d)
        if key not in cache:
            cache[key] = genre.p(d)
        ps = cache[key]
        g = 'S' if ps >= 0.5 else 'N'
        f = d['feats'][topic]
        if kind == 'g-bias':
            return {'x:genre-speech': 1.0} if g == 'S' else {}
        if kind == 'g-cues':
            return {'x:' + g + ':' + k: v for k, v in f.items() if curated(k)}
        if kind == 'g-all':
            return {g + ':' + k: v for k, v in f.items()}
        if kind == 'g-all-soft':
            o = {}
            for k, v in f.items():
                o['S:' + k] = v * ps
                o['N:' + k] = v * (1 - ps)
            return o
        raise ValueError(kind)
    return extra


# ---- self-training ------------------------------------------------------------------------------

def fit_w(X, y, lam, pen, prior, sw):
    n, d = X.shape
    ys = np.where(y, 1.0, -1.0)

    def f(w):
        z = w[0] + X @ w[1:]
        loss = np.sum(sw * np.logaddexp(0, -ys * z))
        off = w[1:] - prior
        loss += lam / 2 * np.sum(pen * off * off)
        r = sw * (1 / (1 + np.exp(-z)) - (ys > 0))
        g = np.empty(d + 1)
        g[0] = r.sum()
        g[1:] = X.T @ r + lam * pen * off
        return loss, g
    w0 = np.concatenate([[0.0], prior])
    return minimize(f, w0, jac=True, method='L-BFGS-B',
                    options={'maxiter': 3000, 'gtol': 1e-7, 'ftol': 1e-12}).x


# (k positives, m negatives, weight); (0, 0, 0) is the teacher itself
ST_GRID = [(0, 0, 0.0)] + [(k, m, w) for k in (200, 1000) for m in (0, 3000) for w in (1.0, 0.3)]


def student(XL, yL, XU, pu, cfg, lam, pen, prior):
    k, m, w = cfg
    order = np.argsort(-pu, kind='stable')
    pos = order[:k]; neg = order[::-1][:m]
    X = sp.vstack([XL, XU[pos], XU[neg]]).tocsr()
    y = np.concatenate([yL, np.ones(len(pos), bool), np.zeros(len(neg), bool)])
    sw = np.concatenate([np.ones(len(yL)), np.full(len(pos) + len(neg), w)])
    return fit_w(X, y, lam, pen, prior, sw)


def threshold_f1(p, y, sw):
    t = best_threshold(p, y, sw)
    pr = p >= t
    tp = sw[pr & y].sum(); fp = sw[pr & ~y].sum(); fn = sw[~pr & y].sum()
    return t, (0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))


def st_fold(XL, XU, y, sw, inner, A, B, lam, pen, prior, log=None):
    """choose (k, m, w) and the threshold by A's inner 3-fold CV; refit teacher and student on A;
    probabilities of B"""
    oof = np.zeros((len(ST_GRID), XL.shape[0]))
    for g in range(3):
        tr = A[inner[A] != g]; te = A[inner[A] == g]
        wt = fit(XL[tr], y[tr], lam, pen, prior)
        pu = prob(XU, wt)
        for ci, cfg in enumerate(ST_GRID):
            w = wt if cfg[0] + cfg[1] == 0 else student(XL[tr], y[tr], XU, pu, cfg, lam, pen, prior)
            oof[ci, te] = prob(XL[te], w)
    best = None
    for ci, cfg in enumerate(ST_GRID):
        t, f = threshold_f1(oof[ci, A], y[A], sw[A])
        if best is None or f > best[2] + 1e-9:
            best = (ci, t, f)
    ci, t, _ = best
    wt = fit(XL[A], y[A], lam, pen, prior)
    cfg = ST_GRID[ci]
    w = wt if cfg[0] + cfg[1] == 0 else student(XL[A], y[A], XU, prob(XU, wt), cfg, lam, pen, prior)
    if log: log(f"      fold cfg={cfg} thr={t}")
    return prob(XL[B], w), t, cfg


def st_run(data, pool, topic, protocol, lambdas, extra=None, log=print, pool_vocab=False):
    """pool_vocab: the vocabulary (min count 5) counted over the pool's rows too, so words that
    only pseudo-labels carry can get a weight (st-vocab)"""
    nat0 = np.array([d['natural'] for d in data])
    n = len(data)
    mask = np.concatenate([(~nat0 if protocol == 'td' else np.ones(n, bool)), np.full(len(pool), pool_vocab)])
    X, names, pen, prior, y, nat = setup(data + pool, topic, extra, dfmask=mask)
    XL, XU = X[:n], X[n:]
    y = y[:n]; nat = nat[:n]
    r = rates(data)[topic]
    sw = sample_weights(y, nat if protocol == 'cv' else np.zeros(n, bool), r)
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data])
    allix = np.arange(n)
    rows = allix if protocol == 'cv' else allix[~nat0]
    best = None
    for lam in lambdas:
        oofp = np.zeros(n); ooft = np.zeros(n); cfgs = []
        for f in range(5):
            A = rows[fold[rows] != f]; B = rows[fold[rows] == f]
            p, t, cfg = st_fold(XL, XU, y, sw, inner, A, B, lam, pen, prior)
            oofp[B] = p; ooft[B] = t; cfgs.append(cfg)
        s = prf(oofp[rows] >= ooft[rows], y[rows])
        log(f"    {topic} λ={lam} CV F1={s[2]:.4f} cfgs={cfgs}")
        if best is None or s[2] > best[1][2] + 1e-12:
            best = (lam, s, cfgs)
    if protocol == 'cv':
        return best
    lam = best[0]
    tr = allix[~nat0]; dv = allix[nat0]
    p, t, cfg = st_fold(XL, XU, y, sw, inner, tr, dv, lam, pen, prior)
    return lam, prf(p >= t, y[dv]), [cfg, t]


# ---- genre-specific thresholds (post hoc) -------------------------------------------------------

def pooled_f1(pred, y, sw):
    tp = sw[pred & y].sum(); fp = sw[pred & ~y].sum(); fn = sw[~pred & y].sum()
    return 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def genre_thresholds(p, y, sw, speech):
    """the pair (speech threshold, news threshold) with the best pooled weighted F1"""
    best = None
    for ts in THR:
        for tn in THR:
            f = pooled_f1(np.where(speech, p >= ts, p >= tn), y, sw)
            if best is None or f > best[2] + 1e-9:
                best = (ts, tn, f)
    return best[:2]


def gthr_cv(data, topic, speech, protocol, lambdas=(4, 8, 16)):
    """model 2.4's passage model with one threshold per genre, both chosen inside each training
    part (inner 3-fold OOF, natural-mix weights)"""
    nat0 = np.array([d['natural'] for d in data])
    n = len(data)
    X, names, pen, prior, y, nat = setup(data, topic, dfmask=(~nat0 if protocol == 'td' else None))
    sw = sample_weights(y, nat if protocol == 'cv' else np.zeros(n, bool), rates(data)[topic])
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data])
    allix = np.arange(n)
    rows = allix if protocol == 'cv' else allix[~nat0]

    def one(A, B, lam):
        p = np.zeros(n)
        for g in range(3):
            tr = A[inner[A] != g]; te = A[inner[A] == g]
            p[te] = prob(X[te], fit(X[tr], y[tr], lam, pen, prior))
        ts, tn = genre_thresholds(p[A], y[A], sw[A], speech[A])
        pb = prob(X[B], fit(X[A], y[A], lam, pen, prior))
        return np.where(speech[B], pb >= ts, pb >= tn), (ts, tn)

    best = None
    for lam in lambdas:
        pred = np.zeros(n, bool); ths = []
        for f in range(5):
            A = rows[fold[rows] != f]; B = rows[fold[rows] == f]
            pred[B], th = one(A, B, lam); ths.append(th)
        s = prf(pred[rows], y[rows])
        if best is None or s[2] > best[1][2] + 1e-12:
            best = (lam, s, ths)
    if protocol == 'cv':
        return best
    tr = allix[~nat0]; dv = allix[nat0]
    pred, th = one(tr, dv, best[0])
    return best[0], prf(pred, y[dv]), th


# ---- driver -------------------------------------------------------------------------------------

def main():
    args = sys.argv[1:]
    splits = [None]; protocols = ['cv']; names = []
    lam_st = None
    for a in args:
        if a.startswith('--splits='):
            splits = [None if s == 'tt' else s for s in a[9:].split(',')]
        elif a.startswith('--protocols='):
            protocols = a[12:].split(',')
        elif a.startswith('--topics='):
            topics = a[9:].split(',')
        else:
            names.append(a)
    topics = [a[9:].split(',') for a in args if a.startswith('--topics=')]
    topics = topics[0] if topics else TOPICS
    data = load(WORK + '/dump.jsonl')
    for d in data:
        d['fold0'], d['inner0'] = d['fold'], d['inner']
    t0 = time.time()
    pool = load(POOL)
    genre = Genre(pool)
    print(f"pool {len(pool)} paragraphs, genre classifier trained ({time.time() - t0:.0f}s); "
          f"weights {dict(zip(['bias'] + ['p:' + s for s in SIGNALS] + ['c:' + s for s in SIGNALS], np.round(genre.w, 2)))}",
          flush=True)
    r = rates(data)
    for name in names:
        if name == 'genre-acc':
            for label, ds in (('labelled', data), ('pool (training data)', pool)):
                acc = {}
                for d in ds:
                    c = d['id'].split('-')[0]
                    acc.setdefault(c, [0, 0])
                    acc[c][0] += (genre.p(d) >= 0.5) == (c == 'ungdc'); acc[c][1] += 1
                print(f"genre accuracy on {label}: " + ', '.join(f"{c} {a}/{n} = {a / n:.3f}" for c, (a, n) in sorted(acc.items())), flush=True)
            continue
        for proto in protocols:
            for seed in (splits if proto == 'cv' else [None]):
                R4.set_split(data, seed)
                t1 = time.time()
                print(f"== {name} protocol={proto} split={seed or 'tt'}", flush=True)
                for topic in topics:
                    if name in ('base', 'g-bias', 'g-cues', 'g-all', 'g-all-soft'):
                        extra = None if name == 'base' else genre_extra(name, genre)
                        if proto == 'cv':
                            lam, s, p, th = cv(data, topic, rate=r[topic], extra=extra)
                            print(f"  {topic:9s} CV λ={lam} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f}", flush=True)
                        else:
                            lam, t, s = train_dev(data, topic, rate=r[topic], extra=extra)
                            print(f"  {topic:9s} train->dev λ={lam} thr={t} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f}", flush=True)
                    elif name in ('st', 'st-g', 'st-vocab'):
                        extra = None if name == 'st' else genre_extra(GENRE_FOR_ST, genre)
                        lams = tuple(int(x) for x in os.environ.get('ST_LAMBDAS', '4,8,16').split(','))
                        res = st_run(data, pool, topic, proto, lams, extra, log=lambda s: print(s, flush=True),
                                     pool_vocab=(name == 'st-vocab'))
                        s = res[1]
                        print(f"  {topic:9s} {'CV' if proto == 'cv' else 'train->dev'} λ={res[0]} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f} {res[2]}", flush=True)
                    elif name == 'g-thr':
                        speech = np.array([genre.p(d) >= 0.5 for d in data])
                        res = gthr_cv(data, topic, speech, proto)
                        s = res[1]
                        print(f"  {topic:9s} {'CV' if proto == 'cv' else 'train->dev'} λ={res[0]} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.4f} thresholds (speech, news) {res[2]}", flush=True)
                    elif name == 'by-genre':
                        # diagnostic: model 2.4's out-of-fold F1 on each inferred genre (CV only)
                        if proto != 'cv':
                            continue
                        speech = np.array([genre.p(d) >= 0.5 for d in data])
                        lam, s, p, th = cv(data, topic, rate=r[topic])
                        y = np.array([topic in d['labels'] for d in data])
                        for gname, m in (('speech', speech), ('news', ~speech)):
                            q = prf((p >= th)[m], y[m])
                            print(f"  {topic:9s} {gname:6s} n={m.sum()} pos={y[m].sum()} P={q[0]:.3f} R={q[1]:.3f} F1={q[2]:.4f}", flush=True)
                    else:
                        raise ValueError(name)
                print(f"   ({time.time() - t1:.0f}s)", flush=True)
        R4.set_split(data, None)


if __name__ == '__main__':
    main()
