"""Features tried in round 3 (docs/topics.md): entity-typed pairs, skip-bigrams, entity counts, words of entity sentences."""
from cv import *
import math

def typed_seq(toks, ments):
    """token list with entity mention spans replaced by their type; keeps sentence ids"""
    seq = []
    start = {}
    for m in ments:
        if m[3] >= 0: start[m[3]] = m
    i = 0
    while i < len(toks):
        if i in start:
            m = start[i]
            seq.append((m[1], toks[i][1])); i = max(m[4], i) + 1
        else:
            seq.append((toks[i][0], toks[i][1])); i += 1
    return seq

def typed_pairs(d, topic, ctx=False):
    out = {}
    seq = typed_seq(d['tok'], d['ment'])
    for i in range(len(seq) - 1):
        a, b = seq[i], seq[i + 1]
        if a[1] == b[1] and (a[0].isupper() or b[0].isupper()):
            out['t:' + a[0] + ' ' + b[0]] = 1.0
    return out

def skip_pairs(d, topic, gap=2):
    out = {}
    t = d['tok']
    for i in range(len(t)):
        for g in range(2, gap + 1):
            if i + g < len(t) and t[i][1] == t[i + g][1]:
                out['s:' + t[i][0] + ' ' + t[i + g][0]] = 1.0
    return out

def ent_counts(d, topic):
    out = {}
    for pre, ms in (('', d['ment']), ('c', d.get('cment') or [])):
        for typ in ('COUNTRY', 'LEADER', 'ORGANIZATION'):
            n = len({m[0] for m in ms if m[1] == typ})
            if n: out[f'x:{pre}n-{typ}'] = math.log1p(n) / math.log(6) if pre == '' else 0.5 * math.log1p(n) / math.log(6)
        nsent = (d['tok'][-1][1] + 1) if d['tok'] else 1
        if pre == '' and d['tok']:
            sents = {}
            for m in ms:
                if m[3] >= 0: sents.setdefault(d['tok'][m[3]][1], set()).add(m[0])
            frac = len(sents) / nsent
            out['x:ent-sent-frac'] = frac
            out['x:max-ents-sent'] = min(max((len(v) for v in sents.values()), default=0), 4) / 4
    return out

def ent_sentence_words(d, topic):
    """words counted only in sentences that hold a country/leader/org mention"""
    t = d['tok']; out = {}
    has = set()
    for m in d['ment']:
        if m[3] >= 0: has.add(t[m[3]][1])
    for w, s, cap in t:
        if s in has: out['e:w:' + w] = 1.0
    return out

def combine(*fs):
    def f(d, topic):
        o = {}
        for g in fs: o.update(g(d, topic))
        return o
    return f
