/**
 * Disaggregated evaluation: rows → per-slice mergeable sufficient statistics → metrics with intervals
 * → group aggregates and named fairness metrics with bootstrap intervals and significance.
 *
 * <p>Entry point: {@link org.rai4j.fairness.Auditor#run}. Semantics follow Fairlearn's
 * {@code MetricFrame} (aggregates over the finest slices, control features split the analysis), with
 * rai4j's conventions for small and undefined slices written down in {@link org.rai4j.fairness.Conventions}.
 *
 * <p>Last-mile testing: {@link org.rai4j.fairness.LastMileComparison#compare} compares a customer's audit
 * with a provider's baseline audit, slice by slice, from their sufficient statistics alone.
 */
package org.rai4j.fairness;
