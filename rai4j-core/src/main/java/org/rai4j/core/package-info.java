/**
 * The foundation every rai4j module stands on: columnar {@link org.rai4j.core.Table}s read from CSV
 * with precise, file-and-line error messages ({@link org.rai4j.core.DataFileException}), slice keys,
 * estimates that always travel with their sample count, interval and status, interval methods
 * (Wilson, bootstrap percentile), seeded sampling (binomial, multinomial) and provenance records.
 *
 * <p>This module depends on FastCSV only. It has no web, database or command-line dependency.
 */
package org.rai4j.core;
