package org.rai4j.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.LastMileComparison;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report, the comparison page and the service card in a real headless Chromium (Debian
 * packages {@code chromium} and {@code chromium-driver}): each page loads from file:// with no console
 * errors and no network requests (Chrome's performance log records every request; only the page's own
 * file:// document may appear), a screenshot and a printed PDF are produced, every chart has a text
 * alternative (role="img" with an accessible name from its title and a description), and hostile
 * text in group values stays text. Validity tests show that the checks catch a page that does load
 * something or logs an error.
 */
class HtmlInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target", "browser");
    private static final Pattern REQUEST_URL = Pattern.compile("\"method\":\"Network.requestWillBeSent\".*?\"request\":\\{.*?\"url\":\"([^\"]*)\"");

    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void startChromium() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("browser tests need Debian packages chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("rai4j-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 2400));
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** What the browser saw while loading a page. */
    record Load(List<String> consoleErrors, List<String> requests) {
        /** Requests other than the page's own file:// document. */
        List<String> foreignRequests(Path page) {
            String self = page.toAbsolutePath().toUri().toString().replace("file:///", "file:/");
            return requests.stream().filter(u -> !u.replace("file:///", "file:/").equals(self)).toList();
        }
    }

    private static Load load(Path page) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(page.toAbsolutePath().toUri().toString());
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getLevel() + " " + e.getMessage());
            }
        }
        List<String> requests = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Matcher m = REQUEST_URL.matcher(e.getMessage());
            if (m.find()) {
                requests.add(m.group(1));
            }
        }
        Object resources = driver.executeScript("return performance.getEntriesByType('resource').map(r => r.name)");
        if (resources instanceof List<?> l) {
            l.forEach(r -> requests.add(String.valueOf(r)));
        }
        return new Load(errors, requests);
    }

    private static Path write(String name, String html) throws Exception {
        Path p = OUT.resolve(name);
        Files.writeString(p, html, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertCleanAccessiblePage(Path page, String screenshotName, int minCharts) throws Exception {
        Load load = load(page);
        assertThat(load.consoleErrors()).as("console errors and warnings").isEmpty();
        assertThat(load.foreignRequests(page)).as("network requests besides the page itself").isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).isEmpty();

        List<WebElement> charts = driver.findElements(By.cssSelector("svg"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(minCharts);
        for (WebElement svg : charts) {
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            String name = svg.getAccessibleName();
            assertThat(name).as("accessible name of a chart").isNotBlank();
            String[] ids = svg.getAttribute("aria-labelledby").split(" ");
            assertThat(ids).hasSize(2);
            WebElement title = driver.findElement(By.id(ids[0]));
            WebElement desc = driver.findElement(By.id(ids[1]));
            assertThat(title.getAttribute("textContent")).isNotBlank();
            assertThat(desc.getAttribute("textContent")).as("chart description").hasSizeGreaterThan(40);
            assertThat(name).contains(title.getAttribute("textContent"));
        }

        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path shot = OUT.resolve(screenshotName + ".png");
        Files.write(shot, png);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        Pdf pdf = driver.print(new PrintOptions());
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.write(OUT.resolve(screenshotName + ".pdf"), bytes);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(20_000);
    }

    @Test
    void auditReport_inChromium_loadsCleanWithAccessibleCharts() throws Exception {
        AuditResult base = SampleAudits.binary(11);
        AuditResult cand = SampleAudits.binary(12);
        ComparisonResult cmp = LastMileComparison.compare(base, cand, ComparisonSpec.of("error_rate"));
        Path page = write("audit-report.html", HtmlReport.render(cand, null, cmp, "base.json"));
        assertCleanAccessiblePage(page, "audit-report", 8);
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).contains("g1=<rare & \"odd\">").contains("Coverage").contains("Provenance").contains("Conventions");
        assertThat(driver.findElements(By.cssSelector("svg [role], svg foreignObject"))).isEmpty();
    }

    @Test
    void auditReportWithControls_inChromium_loadsClean() throws Exception {
        for (AuditResult r : SampleAudits.all(13).subList(1, 4)) {
            Path page = write("audit-" + r.spec().task().id() + ".html", HtmlReport.render(r, null, null, null));
            assertCleanAccessiblePage(page, "audit-" + r.spec().task().id(), 1);
        }
    }

    @Test
    void comparisonPage_inChromium_loadsCleanWithAccessibleCharts() throws Exception {
        ComparisonResult cmp = LastMileComparison.compare(SampleAudits.binary(21), SampleAudits.binary(22), ComparisonSpec.of("error_rate"));
        Path page = write("compare.html", ComparisonHtml.render(cmp, "base.json", "cand.json"));
        assertCleanAccessiblePage(page, "compare", 2);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Verdict").contains("differential");
    }

    @Test
    void serviceCard_inChromium_loadsCleanWithAccessibleCharts() throws Exception {
        CardContent content = CardContent.parse("""
                name: Demo <service>
                intended_uses: [ranking for human review]
                glossary: {WER: word error rate}
                """, "card.yaml");
        Path page = write("card.html", ServiceCard.html(SampleAudits.binary(31), content, "audit.json"));
        assertCleanAccessiblePage(page, "card", 6);
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Service card: Demo <service>").contains("rai4j audit --data your-data.csv");
    }

    /** Validity: the checks see a page that loads something from elsewhere, and one that logs an error. */
    @Test
    void checks_pageThatLoadsOrFails_areCaught() throws Exception {
        Path loads = write("broken-loads.html", "<!DOCTYPE html><html><head><title>x</title></head><body>"
                + "<img alt=\"x\" src=\"http://127.0.0.1:9/pixel.png\"></body></html>");
        assertThat(load(loads).foreignRequests(loads)).anyMatch(u -> u.startsWith("http://127.0.0.1:9/"));
        String csp = HtmlWriter.page(new Doc("t", null)).replace("</body>", "<img alt=\"x\" src=\"http://127.0.0.1:9/p.png\"></body>");
        Path blocked = write("broken-csp.html", csp);
        assertThat(load(blocked).consoleErrors()).anyMatch(e -> e.contains("Content Security Policy"));
    }
}
