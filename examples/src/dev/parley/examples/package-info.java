/**
 * Small programs that use Parley's public API only. They are compiled and run by the test build
 * (see {@code ExamplesTest}) and are not part of the library jar. Each has a method that returns
 * values, which the tests check, and a thin {@code main} that prints them.
 */
package dev.parley.examples;
