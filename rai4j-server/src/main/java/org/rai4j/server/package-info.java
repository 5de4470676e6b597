/**
 * The rai4j platform ({@code rai4j serve}): a self-hostable web service where a provider publishes models with
 * service cards and audits, customers run last-mile checks on their own data, and hunters join bias bounties whose
 * submissions are verified on a holdout they never see. Thin by design: every computation is a call into the
 * rai4j libraries (bounty engine, fairness, report); this package parses HTTP, stores state (H2 or PostgreSQL
 * through JDBI and Flyway) and renders pages (JTE templates precompiled in the build).
 */
package org.rai4j.server;
