/**
 * The search page: a small web app on Parley's public API, on the JDK's {@code
 * com.sun.net.httpserver} (no dependency). {@link dev.parley.examples.web.SearchServer} serves one
 * HTML page (plain JavaScript, in {@code static/}) and a JSON API: {@code /api/search} (the JSON of
 * {@code parley search --json}), {@code /api/article/ID} and {@code /api/stats}. Started by {@code
 * parley serve}; it binds to 127.0.0.1 only. Not part of the library jar.
 */
package dev.parley.examples.web;
