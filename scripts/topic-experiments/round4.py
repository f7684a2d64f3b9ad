"""Parley 6 round 4 topic experiments (docs/topics.md "Topic model 2.3: round 4 experiments"):
training-side changes measured with the replica of tune-topics' cross-validation (cv.py): NBSVM
feature scaling, per-group penalties chosen by inner cross-validation, the fit weighted to the
natural mix, feature values (log counts, idf), a steadier threshold choice.

Everything fitted on a training part (scalings, sample weights, penalties, thresholds) is computed
from that part alone, as in tune-topics. A fitter here is fitter(X, y, lam, pen, prior, s) -> the
weights {bias, w...} in the space of the unscaled features, so cv.prob scores with them: a column
scaling c_j learned as w_j becomes the weight c_j * w_j, the model file format is unchanged.

    python3 round4.py NAME...   (after ./run dump; NAME as in EXPERIMENTS below; the figures of
    docs/topics.md "round 4" are in round4-results.txt)
"""
import sys, hashlib, itertools, time
from cv import *


def fit_w(X, y, lam, pen, prior, s=None):
    """cv.fit with optional sample weights s (None: all 1, identical to cv.fit)."""
    if s is None:
        return fit(X, y, lam, pen, prior)
    n, d = X.shape
    ys = np.where(y, 1.0, -1.0)

    def f(w):
        z = w[0] + X @ w[1:]
        loss = np.sum(s * np.logaddexp(0, -ys * z))
        off = w[1:] - prior
        loss += lam / 2 * np.sum(pen * off * off)
        r = s * (1 / (1 + np.exp(-z)) - (ys > 0))
        g = np.empty(d + 1)
        g[0] = r.sum()
        g[1:] = X.T @ r + lam * pen * off
        return loss, g

    w0 = np.concatenate([[0.0], prior])
    return minimize(f, w0, jac=True, method='L-BFGS-B', options={'maxiter': 3000, 'gtol': 1e-7, 'ftol': 1e-12}).x


def plain(X, y, lam, pen, prior, s=None):
    return fit_w(X, y, lam, pen, prior, s)


def scaled_fitter(scale_fn, beta=1.0):
    """Fits on columns multiplied by scale_fn(X, y, pen, prior) (a vector, 1 = unchanged) and maps
    the weights back. beta < 1: NBSVM's interpolation w' = (1 - beta) mean|w| + beta w over the
    scaled columns (Wang and Manning 2012, eq. 3), in the scaled space."""
    def f(X, y, lam, pen, prior, s=None):
        c = scale_fn(X, y, pen, prior)
        # a prior is a weight of the feature itself: in the scaled space it is prior / c
        pr = np.where(c != 0, prior / np.where(c == 0, 1, c), 0)
        w = fit_w(X @ sp.diags(c), y, lam, pen, pr, s)
        if beta < 1:
            m = (c != 1)
            wbar = np.abs(w[1:][m]).mean()
            w[1:][m] = (1 - beta) * wbar + beta * w[1:][m]
        out = w.copy()
        out[1:] = w[1:] * c
        return out
    return f


def uncurated_mask(pen, prior):
    return (pen >= 1) & (prior == 0)


def nb_ratio(X, y, pen, prior, alpha=1.0, mode='wm', smoothing=0.0, which='words'):
    """Log-count ratio per column on the fitting rows. mode 'wm': Wang and Manning, counts of the
    binarised feature normalised by their L1 norm over the scaled columns (alpha smoothing);
    mode 'rate': p6-model's form, rates among positive and negative passages (add-one), scale
    sqrt(r^2 + smoothing) (its penalty / (r^2 + B))."""
    B = (X > 0).astype(np.float64)
    pos = np.asarray(B[y].sum(0)).ravel(); neg = np.asarray(B[~y].sum(0)).ravel()
    m = uncurated_mask(pen, prior) if which == 'words' else (prior == 0)
    if mode == 'wm':
        p = alpha + pos; q = alpha + neg
        r = np.log((p / p[m].sum()) / (q / q[m].sum()))
    else:
        npos = y.sum(); nneg = (~y).sum()
        r = np.log(((pos + 1) / (npos + 2)) / ((neg + 1) / (nneg + 2)))
        r = np.sqrt(r * r + smoothing)
    c = np.ones(X.shape[1])
    c[m] = r[m]
    return c


def idf_scale(X, y, pen, prior):
    """idf of each uncurated column on the fitting rows, normalised to mean 1 (so lambda keeps
    its scale)."""
    df = np.asarray((X > 0).sum(0)).ravel()
    idf = np.log((X.shape[0] + 1) / (df + 1)) + 1
    m = uncurated_mask(pen, prior)
    c = np.ones(X.shape[1])
    c[m] = idf[m] / idf[m].mean()
    return c


# ---- the protocol, with a general fitter, sample-weight power and nested choices ----------------

def weights_for_fit(sw, power):
    if power == 0:
        return None
    return sw ** power


def inner_oof(X, part, y, inner, lam, pen, prior, fitter, sfit):
    p = np.zeros(X.shape[0])
    for f in range(3):
        tr = part[inner[part] != f]; te = part[inner[part] == f]
        if y[tr].all() or (~y[tr]).all() or len(te) == 0:
            return None
        w = fitter(X[tr], y[tr], lam, pen, prior, None if sfit is None else sfit[tr])
        p[te] = prob(X[te], w)
    return p


def weighted_f1_at(p, y, sw, t):
    pr = p >= t
    tp = sw[pr & y].sum(); fp = sw[pr & ~y].sum(); fn = sw[~pr & y].sum()
    return 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def choose(X, part, y, sw, inner, lam, pen, prior, fitter, sfit, smooth=False):
    p = inner_oof(X, part, y, inner, lam, pen, prior, fitter, sfit)
    if p is None:
        return 0.5, 0.0
    t = best_threshold(p[part], y[part], sw[part]) if not smooth else smooth_threshold(p[part], y[part], sw[part])
    return t, weighted_f1_at(p[part], y[part], sw[part], t)


def smooth_threshold(p, y, sw):
    """The threshold maximising the weighted F1 averaged over its neighbours (+-1 step): a
    threshold on a plateau rather than on a spike of one inner split."""
    f = np.array([weighted_f1_at(p, y, sw, t) for t in THR])
    g = np.convolve(np.pad(f, 1, mode='edge'), np.ones(3) / 3, mode='valid')
    best, bf = 0.5, -1
    for t, v in zip(THR, g):
        if v > bf + 1e-9 or (abs(v - bf) <= 1e-9 and abs(t - 0.5) < abs(best - 0.5)):
            bf, best = v, t
    return best


def cv4(data, topic, fitter=plain, lambdas=(4, 8, 16), power=0, groups=None, smooth=False, extra=None,
        drop=None, dfmask_train=False, verbose=False, **kw):
    """tune-topics' cross-validation (cv.cv) with: a fitter; the fit weighted by the natural-mix
    weights to the power `power`; groups: a list of penalty-multiplier vectors chosen inside each
    training part by its inner 3-fold CV (weighted F1 at the best threshold; the first wins ties)."""
    r = rates(data)
    X, names, pen, prior, y, nat = setup(data, topic, extra, drop, **kw)
    sw = sample_weights(y, nat, r[topic])
    sfit = weights_for_fit(sw, power)
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data])
    allix = np.arange(len(data))
    best = None
    chosen = []
    for lam in lambdas:
        oofp = np.zeros(len(data)); ooft = np.zeros(len(data))
        for f in range(5):
            tr = allix[fold != f]; te = allix[fold == f]
            if groups is None:
                t, _ = choose(X, tr, y, sw, inner, lam, pen, prior, fitter, sfit, smooth)
                pg = pen
            else:
                bestg = None
                for gi, mult in enumerate(groups):
                    t_, f1_ = choose(X, tr, y, sw, inner, lam, pen * mult, prior, fitter, sfit, smooth)
                    if bestg is None or f1_ > bestg[0] + 1e-9:
                        bestg = (f1_, t_, gi)
                t, pg = bestg[1], pen * groups[bestg[2]]
                chosen.append(bestg[2])
            w = fitter(X[tr], y[tr], lam, pg, prior, None if sfit is None else sfit[tr])
            oofp[te] = prob(X[te], w); ooft[te] = t
        s = prf(oofp >= ooft, y)
        if verbose:
            print(f'   {topic} λ={lam} F1={s[2]:.4f}', flush=True)
        if best is None or s[2] > best[1][2] + 1e-12:
            best = (lam, s, oofp.copy(), ooft.copy(), list(chosen))
        chosen = []
    return best


def train_dev4(data, topic, fitter=plain, lambdas=(4, 8, 16), power=0, groups=None, smooth=False, **kw):
    """cv.train_dev with the same options: topics-train alone (its vocabulary, its CV for lambda
    and the groups, its inner CV for the threshold), scored on all of topics-dev."""
    r = rates(data)
    nat0 = np.array([d['natural'] for d in data])
    X, names, pen, prior, y, nat = setup(data, topic, dfmask=~nat0, **kw)
    tr = np.where(~nat)[0]; dv = np.where(nat)[0]
    sw = sample_weights(y, np.zeros(len(y), bool), r[topic])
    sfit = weights_for_fit(sw, power)
    fold = np.array([d['fold'] for d in data]); inner = np.array([d['inner'] for d in data])
    best = None
    for lam in lambdas:
        oofp = np.zeros(len(data)); ooft = np.zeros(len(data))
        for f in range(5):
            a = tr[fold[tr] != f]; b = tr[fold[tr] == f]
            t, pg = pick_groups(X, a, y, sw, inner, lam, pen, prior, fitter, sfit, smooth, groups)
            w = fitter(X[a], y[a], lam, pg, prior, None if sfit is None else sfit[a])
            oofp[b] = prob(X[b], w); ooft[b] = t
        s = prf(oofp[tr] >= ooft[tr], y[tr])
        if best is None or s[2] > best[1] + 1e-12:
            best = (lam, s[2])
    lam = best[0]
    t, pg = pick_groups(X, tr, y, sw, inner, lam, pen, prior, fitter, sfit, smooth, groups)
    w = fitter(X[tr], y[tr], lam, pg, prior, None if sfit is None else sfit[tr])
    return lam, t, prf(prob(X[dv], w) >= t, y[dv])


def pick_groups(X, part, y, sw, inner, lam, pen, prior, fitter, sfit, smooth, groups):
    if groups is None:
        return choose(X, part, y, sw, inner, lam, pen, prior, fitter, sfit, smooth)[0], pen
    bestg = None
    for gi, mult in enumerate(groups):
        t_, f1_ = choose(X, part, y, sw, inner, lam, pen * mult, prior, fitter, sfit, smooth)
        if bestg is None or f1_ > bestg[0] + 1e-9:
            bestg = (f1_, t_, gi)
    return bestg[1], pen * groups[bestg[2]]


def set_split(data, seed):
    """seed None: tune-topics' folds (from the dump); 'a', 'b': folds by an MD5 of the article id
    (the round-3 harness's other splits)."""
    for d in data:
        if seed is None:
            d['fold'], d['inner'] = d['fold0'], d['inner0']
        else:
            h = int(hashlib.md5((d['article'] + seed).encode()).hexdigest(), 16)
            d['fold'] = h % 5; d['inner'] = (h // 7) % 3


def report(data, label, topics=TOPICS, td=False, splits=(None,), **kw):
    out = {}
    for seed in splits:
        set_split(data, seed)
        for t in topics:
            t0 = time.time()
            b = cv4(data, t, **kw)
            line = f"{label:44s} split={seed or 'tt':2s} {t:9s} CV λ={b[0]:<4} P={b[1][0]:.3f} R={b[1][1]:.3f} F1={b[1][2]:.4f}"
            if b[4]:
                line += f" groups={b[4]}"
            if td and seed is None:
                lam2, t2, s2 = train_dev4(data, t, **kw)
                line += f" | train->dev λ={lam2} thr={t2} P={s2[0]:.3f} R={s2[1]:.3f} F1={s2[2]:.4f}"
            print(line + f"  ({time.time() - t0:.0f}s)", flush=True)
            out[(seed, t)] = b[1][2]
    set_split(data, None)
    return out


def group_vectors(data, topic, combos):
    X, names, pen, prior, y, nat = setup(data, topic)
    g = np.array([0 if k.startswith('w:') else 1 if k.startswith('p:') else 2 if k.startswith('ctx:') else 3 for k in names])
    return [np.array(c, dtype=float)[g] for c in combos]


def groups_run(data, label, combos, topics=TOPICS, splits=(None,), td=False, **kw):
    for seed in splits:
        set_split(data, seed)
        for t in topics:
            G = group_vectors(data, t, combos)
            t0 = time.time()
            b = cv4(data, t, groups=G, **kw)
            line = (f"{label:44s} split={seed or 'tt':2s} {t:9s} CV λ={b[0]:<4} P={b[1][0]:.3f} R={b[1][1]:.3f} F1={b[1][2]:.4f}"
                    f" chosen={[combos[i] for i in b[4]]}")
            if td and seed is None:
                lam2, t2, s2 = train_dev4(data, t, groups=G_train(data, t, combos), **kw)
                line += f" | train->dev λ={lam2} thr={t2} F1={s2[2]:.4f}"
            print(line + f"  ({time.time() - t0:.0f}s)", flush=True)
    set_split(data, None)


def G_train(data, topic, combos):
    nat0 = np.array([d['natural'] for d in data])
    X, names, pen, prior, y, nat = setup(data, topic, dfmask=~nat0)
    g = np.array([0 if k.startswith('w:') else 1 if k.startswith('p:') else 2 if k.startswith('ctx:') else 3 for k in names])
    return [np.array(c, dtype=float)[g] for c in combos]


def counts_extra(kind):
    """word and pair values from the passage's tokens: 'log' 1 + ln(count); replaces w: and p:."""
    def f(d, topic):
        out = {}
        toks = d['tok']
        cw = {}; cp = {}
        for i, (w, s, cap) in enumerate(toks):
            cw[w] = cw.get(w, 0) + 1
            if i + 1 < len(toks) and toks[i + 1][1] == s:
                k = w + ' ' + toks[i + 1][0]
                cp[k] = cp.get(k, 0) + 1
        for w, c in cw.items():
            out['w:' + w] = 1 + math.log(c)
        for k, c in cp.items():
            out['p:' + k] = 1 + math.log(c)
        return out
    return f


def trigrams(d, topic):
    """word trigrams inside one sentence (t3:A B C), min count 5 like pairs"""
    t = d['tok']; out = {}
    for i in range(len(t) - 2):
        if t[i][1] == t[i + 2][1]:
            out['t3:' + t[i][0] + ' ' + t[i + 1][0] + ' ' + t[i + 2][0]] = 1.0
    return out


def oracle(data):
    """How much a perfect threshold would add: the best single threshold on the baseline's
    out-of-fold probabilities (an upper bound, not a protocol)."""
    for t in TOPICS:
        b = cv4(data, t)
        y = np.array([t in d['labels'] for d in data])
        f = max(prf(b[2] >= th, y)[2] for th in THR)
        print(f'{t:9s} baseline CV F1 {b[1][2]:.4f}; the best single threshold on the same out-of-fold scores {f:.4f}; thresholds chosen per fold {sorted(set(b[3]))}', flush=True)


SPLITS = (None, 'a', 'b')

# per-group penalties (word, pair, context, curated), as multipliers of the current penalty
# factors (1 for words, pairs, context words; 0.1 for cues, patterns, context cues), lambda 1:
# so (16, 16, 16, 16) is today's model with λ 16


def star_grid():
    """for λ in 4, 8, 16: today's penalties (λ for every group) and each group alone at λ/2 or
    2λ (27 settings, today's three first)"""
    out = [(l,) * 4 for l in (4, 8, 16)]
    for l in (4, 8, 16):
        for g in range(4):
            for m in (0.5, 2):
                c = [l] * 4; c[g] = l * m; out.append(tuple(c))
    return out


STAR = star_grid()


def groups_exp(d, splits=(None,), td=True):
    """each topic's group penalties chosen inside every training part by its inner 3-fold CV
    (weighted F1 at its best threshold; the first setting wins ties)"""
    groups_run(d, 'per-group penalties (f1)', STAR, lambdas=(1,), splits=splits, td=td)


def nested_lambda(d, splits=(None,)):
    """today's lambda grid chosen inside each training part (nested), for comparison"""
    groups_run(d, 'λ 4/8/16 chosen by inner CV', [(4,) * 4, (8,) * 4, (16,) * 4], lambdas=(1,), splits=splits, td=True)

EXPERIMENTS = {
    'baseline': lambda d: report(d, 'model 2.3 (replica)', td=True),
    'baseline3': lambda d: report(d, 'model 2.3 (replica)', splits=SPLITS),
    'baselinewide': lambda d: report(d, 'model 2.3, λ 1-32', lambdas=(1, 2, 4, 8, 16, 32)),
    'oracle': oracle,
    # 1. NBSVM
    'nbsvm': lambda d: [report(d, f'NBSVM r (W&M α=1), words/pairs/ctx', fitter=scaled_fitter(nb_ratio), lambdas=(1, 2, 4, 8, 16, 32))],
    'nbsvmall': lambda d: [report(d, f'NBSVM r (W&M α=1), all but priors', fitter=scaled_fitter(lambda X, y, p, q: nb_ratio(X, y, p, q, which='all')), lambdas=(1, 2, 4, 8, 16, 32))],
    'nbsvmbeta': lambda d: [report(d, f'NBSVM r, β={b}', fitter=scaled_fitter(nb_ratio, beta=b), lambdas=(1, 2, 4, 8, 16, 32)) for b in (0.75, 0.5, 0.25)],
    'ratiopen': lambda d: [report(d, f'p6-model ratio penalty B={B}', fitter=scaled_fitter(lambda X, y, p, q, B=B: nb_ratio(X, y, p, q, mode='rate', smoothing=B)), lambdas=(1, 2, 4, 8, 16, 32)) for B in (0.1, 0.5)],
    # 3. the fit weighted to the natural mix
    'weights': lambda d: [report(d, f'fit weighted to natural mix ^{p}', power=p) for p in (1.0, 0.5, 0.25)],
    # 4. feature values
    'logcount': lambda d: report(d, 'words and pairs 1+ln(count)', extra=counts_extra('log')),
    'idf': lambda d: report(d, 'idf-scaled words/pairs/ctx (fold-internal)', fitter=scaled_fitter(idf_scale), lambdas=(2, 4, 8, 16, 32)),
    'smooth': lambda d: report(d, 'threshold on the smoothed F1 curve', smooth=True),
    'trigrams': lambda d: report(d, 'word trigrams in a sentence', extra=trigrams),
    'mincount3': lambda d: report(d, 'min count 3 (words, pairs, context)', min_count=3),
    # 2. per-group penalties
    'nestedlambda': lambda d: nested_lambda(d, splits=SPLITS),
    'groupsstar': lambda d: groups_exp(d, splits=SPLITS, td=True),
    # the promising ones on the three splits, with train -> dev
    'robust-wide': lambda d: report(d, 'model 2.3, λ 1-32', lambdas=WIDE, splits=SPLITS, td=True),
    'robust-nbsvm': lambda d: report(d, 'NBSVM r (W&M α=1), words/pairs/ctx', fitter=scaled_fitter(nb_ratio), lambdas=WIDE, splits=SPLITS, td=True),
    'robust-nbsvmall': lambda d: report(d, 'NBSVM r (W&M α=1), all but priors', fitter=scaled_fitter(lambda X, y, p, q: nb_ratio(X, y, p, q, which='all')), lambdas=WIDE, splits=SPLITS, td=True),
    'robust-ratio': lambda d: report(d, 'ratio penalty B=0.1 (p6-model form)', fitter=scaled_fitter(lambda X, y, p, q: nb_ratio(X, y, p, q, mode='rate', smoothing=0.1)), lambdas=WIDE, splits=SPLITS, td=True),
}
WIDE = (1, 2, 4, 8, 16, 32)


def main():
    data = load()
    for d in data:
        d['fold0'], d['inner0'] = d['fold'], d['inner']
    for name in sys.argv[1:]:
        print('==', name, flush=True)
        EXPERIMENTS[name](data)

if __name__ == '__main__':
    main()
