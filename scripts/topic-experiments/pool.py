"""Round 6: an unlabelled pool of paragraphs from the three corpora (docs/topics.md "round 6"), written
to $WORK/pool.jsonl in the labelled format (all labels 0, never used as labels) so that `run dump`'s
Java code computes their features. Articles with any labelled passage are left out; paragraphs are
sampled in the natural mix's corpus proportions (topics-dev), seed fixed. Nothing goes into the repo."""
import json, os, random, re, sys
from cv import WORK

SHARED = os.environ.get('PARLEY_SHARED', '../shared')
N = int(os.environ.get('POOL', '24000'))
DIRS = {'reuters': 'reuters21578', 'agnews': 'ag-news-test', 'ungdc': 'un-general-debate'}


def paragraphs(text):
    # the seed format: line 1 is "date YYYY-MM-DD text...", paragraphs are blank-line separated
    text = re.sub(r'^date \S+ ?', '', text)
    return [p.strip() for p in re.split(r'\n\s*\n', text)]


def main(shared):
    labelled = set()
    share = {}
    for f in ('topics-train.jsonl', 'topics-dev.jsonl'):
        for line in open(os.path.join(shared, 'eval', f)):
            d = json.loads(line)
            labelled.add(d['id'].split('#')[0])
            if 'dev' in f:
                share[d['corpus']] = share.get(d['corpus'], 0) + 1
    tot = sum(share.values())
    rnd = random.Random(6)
    out = []
    for corpus, d in sorted(DIRS.items()):
        base = os.path.join(shared, 'data', d, 'articles')
        cand = []
        for name in sorted(os.listdir(base)):
            if not name.endswith('.txt') or name[:-4] in labelled:
                continue
            for i, p in enumerate(paragraphs(open(os.path.join(base, name), encoding='utf-8').read())):
                if len(p) >= 40:
                    cand.append((name[:-4], i, p[:1500]))
        k = min(len(cand), round(N * share[corpus] / tot))
        out += [(corpus, c) for c in rnd.sample(cand, k)]
        print(corpus, len(cand), 'candidates,', k, 'sampled', file=sys.stderr)
    with open(os.path.join(WORK, 'pool.jsonl'), 'w') as w:
        for corpus, (a, i, p) in out:
            w.write(json.dumps({'id': f'{a}#{i}', 'corpus': corpus, 'text': p,
                                'labels': {'diplomacy': 0, 'sanctions': 0, 'summits': 0}}) + '\n')


if __name__ == '__main__':
    main(SHARED)
