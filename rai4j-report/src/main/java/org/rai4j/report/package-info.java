/**
 * Renderings of audits: the {@code rai4j.audit/1} JSON contract ({@link org.rai4j.report.AuditJson}) and
 * its exact reader ({@link org.rai4j.report.AuditJsonReader}), readable console tables
 * ({@link org.rai4j.report.ConsoleReport}), self-contained HTML reports with inline SVG charts
 * ({@link org.rai4j.report.HtmlReport}), service cards ({@link org.rai4j.report.ServiceCard} from
 * {@link org.rai4j.report.CardContent}), last-mile comparisons as JSON, text and HTML
 * ({@link org.rai4j.report.ComparisonJson}, {@link org.rai4j.report.ComparisonReport},
 * {@link org.rai4j.report.ComparisonHtml}), and atomic file output.
 */
package org.rai4j.report;
