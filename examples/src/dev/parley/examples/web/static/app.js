// Parley's search page: plain JavaScript, no build step, no framework.
// The page's state lives in the URL (/?q=...&topic=...&entity=...&since=...&until=...&offset=...,
// plus article=ID&passage=PASSAGE_ID for the article view), so a search can be shared and reloaded.
// Safety: article text is untrusted. Only `snippet` is inserted as HTML, because Parley escapes the
// article's characters in it and adds nothing but <em> markers; everything else goes in as text.
"use strict";

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);
let knownTopics = [];

function state() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "",
    topics: p.getAll("topic"),
    entities: p.getAll("entity"),
    since: p.get("since") || "",
    until: p.get("until") || "",
    offset: Math.max(0, parseInt(p.get("offset") || "0", 10) || 0),
    article: p.get("article") || "",
    passage: p.get("passage") || "",
  };
}

function toQuery(s, includeArticle) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  s.topics.forEach((t) => p.append("topic", t));
  s.entities.forEach((e) => p.append("entity", e));
  if (s.since) p.set("since", s.since);
  if (s.until) p.set("until", s.until);
  if (s.offset) p.set("offset", String(s.offset));
  if (includeArticle && s.article) {
    p.set("article", s.article);
    if (s.passage) p.set("passage", s.passage);
  }
  return p.toString();
}

function go(s) {
  history.pushState(null, "", "/?" + toQuery(s, true));
  render();
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setBusy(busy) {
  document.body.dataset.state = busy ? "loading" : "ready";
}

function showMessage(text, isError) {
  const m = $("message");
  m.textContent = text;
  m.className = isError ? "error" : "";
  m.hidden = !text;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await r.json();
  } catch (e) {
    throw new Error("the server answered " + r.status + " without JSON");
  }
  if (!r.ok) throw new Error(body.error || "the server answered " + r.status);
  return body;
}

async function loadStats() {
  try {
    const s = await getJson("/api/stats");
    knownTopics = s.topics.map((t) => t.label);
    $("stats").textContent =
      s.articles + " articles, " + s.passages + " passages, " +
      (s.firstDate ? s.firstDate + " to " + s.lastDate : "no dates");
    return s;
  } catch (e) {
    showMessage("Cannot read the index: " + e.message, true);
    return null;
  }
}

function renderTopics(s, counts) {
  const box = $("topics");
  box.replaceChildren(el("span", "label", "Only topic:"));
  for (const topic of knownTopics) {
    const on = s.topics.includes(topic);
    const b = el("button", "topic", topic);
    b.type = "button";
    b.dataset.topic = topic;
    b.setAttribute("aria-pressed", String(on));
    b.title = "Show only passages labelled " + topic + " (the count is of all matching passages, before the per-article limit)";
    if (counts && counts.has(topic)) b.append(el("span", "count", String(counts.get(topic))));
    b.addEventListener("click", () => {
      const next = state();
      next.topics = on ? next.topics.filter((t) => t !== topic) : next.topics.concat([topic]);
      next.offset = 0;
      next.article = "";
      go(next);
    });
    box.append(b);
  }
}

function renderEntities(s, facet) {
  const box = $("entities");
  box.replaceChildren();
  const shown = new Map();
  s.entities.forEach((e) => shown.set(e, null));
  (facet || []).slice(0, 12).forEach((c) => {
    if (!shown.has(c.label) || shown.get(c.label) === null) shown.set(c.label, c.count);
  });
  if (shown.size === 0) return;
  box.append(el("span", "label", "Entities:"));
  for (const [entity, count] of shown) {
    const on = s.entities.includes(entity);
    const b = el("button", "chip", entity);
    b.type = "button";
    b.dataset.entity = entity;
    b.setAttribute("aria-pressed", String(on));
    if (count !== null) b.append(el("span", "count", String(count)));
    b.addEventListener("click", () => {
      const next = state();
      next.entities = on ? next.entities.filter((x) => x !== entity) : next.entities.concat([entity]);
      next.offset = 0;
      next.article = "";
      go(next);
    });
    box.append(b);
  }
}

function renderHit(h, s) {
  const li = el("li", "hit");
  li.dataset.passageId = h.passageId;
  const head = el("div", "hit-head");
  head.append(el("span", "rank", h.rank + "."));
  head.append(el("span", "date", h.date || ""));
  if (h.heading) head.append(el("span", "heading", h.heading));
  li.append(head);
  const snippet = el("p", "snippet");
  // The one HTML insertion: `snippet` is escaped by Parley (only <em> is markup).
  snippet.innerHTML = h.snippet;
  li.append(snippet);
  const meta = el("div", "meta");
  for (const [topic, score] of Object.entries(h.topics)) {
    if (score >= 0.5) meta.append(el("span", "badge", topic));
  }
  h.entities.forEach((e) => meta.append(el("span", "entity", e)));
  const open = el("a", "open", "open article " + h.articleId + ", paragraphs " +
    h.paragraphs[0] + (h.paragraphs[1] !== h.paragraphs[0] ? "-" + h.paragraphs[1] : ""));
  const target = Object.assign({}, s, { article: h.articleId, passage: h.passageId });
  open.href = "/?" + toQuery(target, true);
  open.addEventListener("click", (ev) => {
    ev.preventDefault();
    go(target);
  });
  meta.append(open);
  li.append(meta);
  return li;
}

function renderResults(s, r) {
  const list = $("results");
  list.replaceChildren();
  const bound = r.totalHitsRelation === "gte" ? "at least " : "";
  if (r.hits.length === 0) {
    $("summary").textContent = "";
    $("pager").hidden = true;
    showMessage(r.totalHits > 0
      ? "No results on this page: the list has " + bound + r.totalHits + " passages."
      : "No passages match" + (s.q ? " \u201c" + s.q + "\u201d" : "") + ". Try other words, fewer filters or a wider date range.", false);
    return;
  }
  showMessage("", false);
  const first = s.offset + 1;
  const last = s.offset + r.hits.length;
  $("summary").textContent = bound + r.totalHits + (r.totalHits === 1 ? " passage" : " passages") +
    (r.order === "newest" ? " listed, newest first" : r.order === "topic" ? " listed by topic" : " match") +
    " (showing " + first + "\u2013" + last + ")" +
    // totalHits counts the list after the per-article limit; the topic and entity counts are of
    // every matching passage, so say both when they differ.
    (r.matchingPassages > r.totalHits
      ? "; " + r.matchingPassages + " passages match in all, at most 2 per article are listed"
      : "") +
    (r.partial ? "; partial: the search reached its time limit" : "");
  r.hits.forEach((h) => list.append(renderHit(h, s)));
  const pages = Math.max(1, Math.ceil(r.totalHits / PAGE_SIZE));
  const page = Math.floor(s.offset / PAGE_SIZE) + 1;
  $("page").textContent = "page " + page + " of " + bound + pages;
  $("prev").disabled = s.offset === 0;
  $("next").disabled = last >= r.totalHits;
  $("pager").hidden = pages <= 1 && s.offset === 0;
}

async function renderArticle(s) {
  $("results-view").hidden = true;
  $("article-view").hidden = false;
  const back = Object.assign({}, s, { article: "", passage: "" });
  $("back").href = "/?" + toQuery(back, false);
  const box = $("article-text");
  box.replaceChildren();
  $("article-title").textContent = s.article;
  $("article-meta").textContent = "";
  try {
    const a = await getJson("/api/article/" + encodeURIComponent(s.article));
    $("article-title").textContent = a.title || a.id;
    $("article-meta").textContent = a.date + " \u00b7 " + a.id + " \u00b7 " + a.paragraphs.length + " paragraphs";
    const span = a.passages.find((p) => p.passageId === s.passage);
    let firstMarked = null;
    for (const p of a.paragraphs) {
      const e = el("p", p.heading ? "heading-paragraph" : "", p.text);
      e.id = "p" + p.number;
      if (span && p.number >= span.paragraphs[0] && p.number <= span.paragraphs[1]) {
        e.classList.add("marked");
        if (!firstMarked) firstMarked = e;
      }
      box.append(e);
    }
    if (s.passage && !span) showMessage("Passage " + s.passage + " is not in this article.", true);
    if (firstMarked) firstMarked.scrollIntoView({ block: "center" });
  } catch (e) {
    showMessage(e.message, true);
  }
}

async function render() {
  setBusy(true);
  const s = state();
  $("q").value = s.q;
  $("since").value = s.since;
  $("until").value = s.until;
  showMessage("", false);
  try {
    if (s.article) {
      await renderArticle(s);
      return;
    }
    $("article-view").hidden = true;
    $("results-view").hidden = false;
    const searching = s.q || s.topics.length || s.entities.length || s.since || s.until;
    if (!searching) {
      renderTopics(s, null);
      renderEntities(s, null);
      $("results").replaceChildren();
      $("summary").textContent = "";
      $("pager").hidden = true;
      showMessage("Type a query (words, \"phrases\", -exclusions, a OR b), or pick a topic.", false);
      return;
    }
    const api = new URLSearchParams(toQuery(s, false));
    api.set("k", String(PAGE_SIZE));
    api.set("facets", "true");
    try {
      const r = await getJson("/api/search?" + api.toString());
      const counts = new Map(((r.facets && r.facets.topic) || []).map((c) => [c.label, c.count]));
      renderTopics(s, counts);
      renderEntities(s, r.facets && r.facets.entity);
      renderResults(s, r);
    } catch (e) {
      renderTopics(s, null);
      renderEntities(s, null);
      $("results").replaceChildren();
      $("summary").textContent = "";
      $("pager").hidden = true;
      showMessage(e.message, true);
    }
  } finally {
    setBusy(false);
  }
}

function init() {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const s = state();
    s.q = $("q").value.trim();
    s.since = $("since").value;
    s.until = $("until").value;
    s.offset = 0;
    s.article = "";
    go(s);
  });
  $("prev").addEventListener("click", () => {
    const s = state();
    s.offset = Math.max(0, s.offset - PAGE_SIZE);
    go(s);
  });
  $("next").addEventListener("click", () => {
    const s = state();
    s.offset += PAGE_SIZE;
    go(s);
  });
  $("back").addEventListener("click", (ev) => {
    ev.preventDefault();
    go(Object.assign(state(), { article: "", passage: "" }));
  });
  window.addEventListener("popstate", render);
  loadStats().then(render);
}

document.addEventListener("DOMContentLoaded", init);
