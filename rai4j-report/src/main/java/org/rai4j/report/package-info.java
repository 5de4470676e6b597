/**
 * Renderings of audits: the {@code rai4j.audit/1} JSON contract ({@link org.rai4j.report.AuditJson}),
 * readable console tables ({@link org.rai4j.report.ConsoleReport}), and atomic file output.
 */
package org.rai4j.report;
