"""Topic model 2.3 experiments of Parley 6 round 3 (docs/topics.md "Round 3"): a replica of
tune-topics' cross-validation in numpy/scipy (same folds, penalties, priors, inner threshold choice
for the natural mix; it reproduces tune-topics' figures exactly) with extra features or rules.

    python3 experiments.py NAME...   (after ./run dump; NAME as in EXPERIMENTS below)
"""
import sys, pickle, hashlib, functools
from feats import *
import stacking as SL

def rules(data):
    r = rates(data)
    res = {t: cv(data, t, rate=r[t]) for t in TOPICS}
    y = {t: np.array([t in d['labels'] for d in data]) for t in TOPICS}
    pred = {t: res[t][2] >= res[t][3] for t in TOPICS}
    print('rule diplomacy := diplomacy or summits    ', prf(pred['diplomacy'] | pred['summits'], y['diplomacy']))
    print('rule diplomacy := diplomacy or summits or sanctions', prf(pred['diplomacy'] | pred['summits'] | pred['sanctions'], y['diplomacy']))
    print('rule summits := summits and diplomacy     ', prf(pred['summits'] & pred['diplomacy'], y['summits']))
    nat = np.array([d['natural'] for d in data])
    for t in TOPICS:
        sw = sample_weights(y[t], nat, r[t]); p = pred[t]
        tp = sw[p & y[t]].sum(); fp = sw[p & ~y[t]].sum(); fn = sw[~p & y[t]].sum()
        print(t, 'CV F1 weighted to the natural mix %.3f' % (2 * tp / (2 * tp + fp + fn)),
              '; on the topics-dev passages of the CV alone %.3f' % prf(p[nat], y[t][nat])[2])

def stack(data):
    print('diplomacy + logit(summits, sanctions)', SL.stack_cv(data, 'diplomacy', ['summits', 'sanctions']))
    print('diplomacy + p(summits, sanctions)    ', SL.stack_cv(data, 'diplomacy', ['summits', 'sanctions'], mode='prob'))
    print('summits + logit(diplomacy)           ', SL.stack_cv(data, 'summits', ['diplomacy']))
    print('summits + p(diplomacy)               ', SL.stack_cv(data, 'summits', ['diplomacy'], mode='prob'))
    print('sanctions + p(diplomacy)             ', SL.stack_cv(data, 'sanctions', ['diplomacy'], mode='prob'))

def fit_en(X, y, lam, pen, prior, a=0.1):
    """elastic net: the L2 loss of cv.fit plus lam * a * pen * |w - prior| (split variables)"""
    n, d = X.shape
    ys = np.where(y, 1.0, -1.0)
    def f(v):
        w = prior + v[1:d+1] - v[d+1:]
        z = v[0] + X @ w
        off = w - prior
        loss = np.sum(np.logaddexp(0, -ys * z)) + lam / 2 * np.sum(pen * off * off) + lam * a * np.sum(pen * (v[1:d+1] + v[d+1:]))
        r = 1 / (1 + np.exp(-z)) - (ys > 0)
        gw = X.T @ r + lam * pen * off
        g = np.empty(2 * d + 1); g[0] = r.sum(); g[1:d+1] = gw + lam * a * pen; g[d+1:] = -gw + lam * a * pen
        return loss, g
    bounds = [(None, None)] + [(0, None)] * (2 * d)
    v = minimize(f, np.zeros(2 * d + 1), jac=True, method='L-BFGS-B', bounds=bounds, options={'maxiter': 5000, 'gtol': 1e-7, 'ftol': 1e-12}).x
    return np.concatenate([[v[0]], prior + v[1:d+1] - v[d+1:]])

def clusters(k, ctx=False):
    C = pickle.load(open(WORK + '/clusters.pkl', 'rb'))
    ix = {w: i for i, w in enumerate(C['vocab'])}
    if k == 'emb':
        def emb(d, t):
            js = [ix[w] for w, s, c in d['tok'] if w in ix]
            if not js: return {}
            v = C['E'][js].mean(0); v = v / (np.linalg.norm(v) + 1e-9)
            return {f'v:{i}': float(x) for i, x in enumerate(v)}
        return emb
    a = C[k]
    def f(d, t):
        return {f'k{k}:{a[ix[w]]}': 1.0 for w, s, cap in d['tok'] if w in ix}
    return f

def robust(data):
    for seed in ('a', 'b'):
        for d in data:
            h = int(hashlib.md5((d['article'] + seed).encode()).hexdigest(), 16)
            d['fold'] = h % 5; d['inner'] = (h // 7) % 3
        r = rates(data)
        for t in ['summits', 'diplomacy']:
            b = cv(data, t, rate=r[t])
            s = SL.stack_cv(data, t, ['diplomacy'] if t == 'summits' else ['summits', 'sanctions'], mode='logit' if t == 'summits' else 'prob')
            k = cv(data, t, rate=r[t], extra=skip_pairs)
            print(f'other fold split {seed} {t}: base {b[1][2]:.3f}  stacking {s[1][2]:.3f}  skip-bigrams {k[1][2]:.3f}', flush=True)

def maxsent_robust():
    data = load(WORK + '/dump-sentences.jsonl')
    for seed in ('a', 'b'):
        for d in data:
            h = int(hashlib.md5((d['article'] + seed).encode()).hexdigest(), 16)
            d['fold'] = h % 5; d['inner'] = (h // 7) % 3
        r = rates(data)
        for t in ['summits', 'diplomacy']:
            print(f'other fold split {seed} {t}: max over sentences', SL.max_sentence_cv(data, t)[1][2], flush=True)

def train_errors(data):
    """CV of topics-train alone; writes its out-of-fold errors for reading (never topics-dev)"""
    r = rates(data)
    tr = [d for d in data if not d['natural']]
    out = {}
    for t in TOPICS:
        lam, s, p, th = cv(tr, t, rate=r[t])
        print(t, 'topics-train alone CV', lam, s)
        y = np.array([t in d['labels'] for d in tr]); pred = p >= th
        out[t] = [(tr[i]['id'], bool(y[i]), round(float(p[i]), 3), float(th[i]), tr[i]['text'], (tr[i].get('context') or '')[:200])
                  for i in range(len(tr)) if pred[i] != y[i]]
    with open(WORK + '/train-errors.txt', 'w') as f:
        for t in TOPICS:
            for e in sorted(out[t], key=lambda e: hashlib.md5(e[0].encode()).hexdigest()):
                f.write(f"{t}\t{'FN' if e[1] else 'FP'}\t{e[0]}\t{e[2]}\t{e[3]}\t{e[4]}\n")
    print('wrote', WORK + '/train-errors.txt (sorted by md5 of id: the sample read is the first 12 FN and 12 FP per topic, 6 and 6 for sanctions)')

EXPERIMENTS = {
    'baseline': lambda d: run(d, 'model 2.3'),
    'rules': rules,
    'stack': stack,
    'typed': lambda d: run(d, 'entity-typed pairs', extra=typed_pairs, td=False),
    'entsent': lambda d: run(d, 'words of entity sentences', extra=ent_sentence_words, td=False),
    'entcount': lambda d: run(d, 'entity counts', extra=ent_counts, td=False),
    'skip2': lambda d: run(d, 'skip-bigrams (gap 2)', extra=skip_pairs),
    'skip2typed': lambda d: run(d, 'skip-bigrams + typed pairs', extra=combine(skip_pairs, typed_pairs), td=False, topics=['summits', 'diplomacy']),
    'elastic': lambda d: [run(d, f'elastic net a={a}', td=False, fitter=functools.partial(fit_en, a=a), lambdas=(2, 4, 8, 16)) for a in (0.05, 0.25)],
    'clusters': lambda d: [run(d, f'word clusters {k}', extra=clusters(k), td=False) for k in (256, 1024, 'emb')],
    'poolthreshold': lambda d: [print(t, 'thresholds for the pool mix', cv(d, t, rate=None)[:2]) for t in TOPICS],
    'robust': robust,
    'maxsent': lambda d: [print(t, 'passage + its best sentence (max over sentences)', SL.max_sentence_cv(load(WORK + '/dump-sentences.jsonl'), t)) for t in TOPICS],
    'trainerrors': train_errors,
    'maxsentrobust': lambda d: maxsent_robust(),
}

if __name__ == '__main__':
    data = load()
    for name in sys.argv[1:]:
        print('==', name, flush=True)
        EXPERIMENTS[name](data)
