package org.rai4j.report;

import org.junit.jupiter.api.Test;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.LastMileComparison;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HtmlRenderingTest {
    @Test
    void render_auditWithHostileGroupValue_escapesItAndStaysSelfContained() throws Exception {
        AuditResult r = SampleAudits.binary(5);
        ComparisonResult cmp = LastMileComparison.compare(SampleAudits.binary(6), r, ComparisonSpec.of("error_rate"));
        String html = HtmlReport.render(r, null, cmp, "base.json");
        assertThat(html).doesNotContain("<rare").contains("&lt;rare &amp; &quot;odd&quot;&gt;");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<link rel=\"stylesheet\"").doesNotContain("@import");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlWriter.CSP + "\">");
        Matcher urls = Pattern.compile("(https?:)?//[^\"' )<]+").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).as("only the SVG namespace may look like a URL").isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).contains("Coverage").contains("Gaps and significance").contains("Conventions").contains("Provenance")
                .contains("Comparison with the baseline").contains("<th scope=\"row\">seed</th><td>5</td>");
    }

    @Test
    void svgCharts_everyOne_hasTitleAndDescription() throws Exception {
        String html = HtmlReport.render(SampleAudits.binary(7), null, null, null);
        Matcher svg = Pattern.compile("<svg [^>]*aria-labelledby=\"([^ ]+) ([^\"]+)\"[^>]*><title id=\"([^\"]+)\">([^<]+)</title>"
                + "<desc id=\"([^\"]+)\">([^<]+)</desc>").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
            assertThat(svg.group(1)).isEqualTo(svg.group(3));
            assertThat(svg.group(2)).isEqualTo(svg.group(5));
        }
        assertThat(charts).isEqualTo(html.split("<svg ", -1).length - 1).isGreaterThanOrEqualTo(6 + 6);
    }

    @Test
    void axis_nice_roundsToOneTwoOrFiveSteps() {
        assertThat(DotPlot.Axis.nice(0.596, 0.826, true)).containsExactly(new double[] {0.55, 0.85, 0.05}, within(1e-12));
        assertThat(DotPlot.Axis.nice(-0.031, 0.12, false)).containsExactly(new double[] {-0.05, 0.15, 0.05}, within(1e-12));
        assertThat(DotPlot.Axis.nice(0.3, 0.3, true)).containsExactly(new double[] {0.24, 0.36, 0.02}, within(1e-12));
        assertThat(DotPlot.Axis.nice(0.0, 1.0, true)).containsExactly(new double[] {0.0, 1.0, 0.2}, within(1e-12));
    }

    @Test
    void coverage_missingCombination_isListed() throws Exception {
        AuditResult r = SampleAudits.binary(8);
        Coverage c = Coverage.of(r);
        assertThat(c.cells()).hasSize(6);
        assertThat(c.missing()).isEmpty();
        assertThat(c.levels().get("g2")).containsExactly("x", "y");
        assertThat(c.summary()).startsWith("6 intersections (g1 × g2) have data");
    }

    @Test
    void markdownCard_missingWords_sayWhatToAdd_andCommandsUseTheAuditsColumns() throws Exception {
        String md = ServiceCard.markdown(SampleAudits.binary(9), CardContent.empty(), "provider-audit.json");
        assertThat(md).startsWith("# Service card: (unnamed service: add 'name' to the card YAML)");
        assertThat(md).contains("Not provided (add 'intended_uses' to the card YAML).");
        assertThat(md).contains("rai4j audit --data your-data.csv --label y --prediction p --group g1 --group g2 --min-group-size 30 \\\n"
                + "    --baseline provider-audit.json --metric error_rate --fail-on differential --html last-mile.html");
        assertThat(md).contains("| g1=&lt;rare &amp; \"odd\"&gt; |");
        assertThat(md).doesNotContain("<svg");
        List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).containsExactly("## Overview", "## Intended uses and limitations", "## Design and evaluation",
                "## Performance overall and by group", "## Deployment and testing on your own data", "## Further information");
    }
}
