/**
 * The demo year: a deterministic, realistic history of three devices (about a million events a year) for
 * {@code deskfeed demo} and the benchmarks. {@link dev.deskfeed.importers.demo.DemoGenerator} makes it from a
 * {@link dev.deskfeed.importers.demo.DemoPlan}, day by day, and writes it through the store's writer.
 */
package dev.deskfeed.importers.demo;
