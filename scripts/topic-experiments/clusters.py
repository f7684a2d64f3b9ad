"""Word vectors (PPMI + SVD, 100 d) and k-means clusters of the three corpora' words, for experiments.py clusters."""
import os, re, glob, numpy as np, scipy.sparse as sp, unicodedata, collections, time, pickle
from scipy.sparse.linalg import svds
t0 = time.time()
D = os.environ.get('PARLEY_SHARED', '../shared') + '/data'
WORD = re.compile(r'[^\W_]+')
def fold(w):
    if w.isascii(): return w
    return ''.join(c for c in unicodedata.normalize('NFKD', w) if not unicodedata.combining(c))
docs = []
for c in ['reuters21578', 'ag-news-test', 'un-general-debate']:
    for f in sorted(glob.glob(f'{D}/{c}/articles/*.txt')):
        txt = open(f, encoding='utf-8', errors='replace').read().lower()
        for para in txt.split('\n\n'):
            docs.append([fold(w) for w in WORD.findall(para)])
print('paras', len(docs), sum(map(len, docs)), time.time() - t0, flush=True)
cnt = collections.Counter(w for d in docs for w in d)
V = 30000
vocab = [w for w, c in cnt.most_common(V) if c >= 5]  # 23,048 words on the three corpora
V = len(vocab); ix = {w: i for i, w in enumerate(vocab)}
ids = []; seg = []
for k, d in enumerate(docs):
    for w in d:
        ids.append(ix.get(w, -1)); seg.append(k)
ids = np.array(ids, np.int64); seg = np.array(seg, np.int64)
keys = []
for off in range(1, 5):
    a = ids[:-off]; b = ids[off:]; ok = (a >= 0) & (b >= 0) & (seg[:-off] == seg[off:])
    keys.append(a[ok] * V + b[ok]); keys.append(b[ok] * V + a[ok])
keys = np.concatenate(keys)
u, c = np.unique(keys, return_counts=True)
M = sp.csr_matrix((c.astype(np.float64), (u // V, u % V)), shape=(V, V))
print('cooc', M.nnz, time.time() - t0, flush=True)
tot = M.sum(); row = np.asarray(M.sum(1)).ravel(); col = np.asarray(M.sum(0)).ravel() ** 0.75; col /= col.sum()
Mc = M.tocoo()
pmi = np.log(Mc.data / tot / (row[Mc.row] / tot) / col[Mc.col])
keep = pmi > 0
P = sp.csr_matrix((pmi[keep], (Mc.row[keep], Mc.col[keep])), shape=(V, V))
U, S, _ = svds(P, k=100, random_state=0) if 'random_state' in svds.__code__.co_varnames else svds(P, k=100, v0=np.ones(V) / V)
E = U * np.sqrt(S); E /= np.linalg.norm(E, axis=1, keepdims=True) + 1e-9
print('svd', time.time() - t0, flush=True)
def kmeans(E, k, it=20):
    rng = np.random.default_rng(0)
    C = E[rng.choice(len(E), k, replace=False)]
    for _ in range(it):
        a = np.argmax(E @ C.T, axis=1)
        for j in range(k):
            m = E[a == j]
            if len(m): C[j] = m.mean(0) / (np.linalg.norm(m.mean(0)) + 1e-9)
    return a
out = {'vocab': vocab, 'E': E.astype(np.float32)}
for k in (256, 1024):
    out[k] = kmeans(E, k)
    print('kmeans', k, time.time() - t0, flush=True)
pickle.dump(out, open(os.environ.get('WORK', '/tmp/parley-topic-exp') + '/clusters.pkl', 'wb'))
a = out[256]
for j in range(8):
    print(j, [vocab[i] for i in np.where(a == a[ix['summit']] if j == 0 else a == a[ix[['sanctions','talks','embargo','president','visit','treaty','ambassador'][j-1]]])[0][:25]])
