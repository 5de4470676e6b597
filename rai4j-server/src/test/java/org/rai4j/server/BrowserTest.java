package org.rai4j.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform in a real headless Chromium (Debian chromium + chromium-driver), started the way
 * rai4j-report's browser tests start it: sign up, log out and in, check a group's mass, submit it,
 * see it decided and on the leaderboard, run a last-mile upload and see the flagged slice. Pages must
 * log no console error (a CSP violation would be one). Screenshots go to target/screenshots (the ones
 * in docs/platform/ were copied from there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    Rai4jServer server;
    ChromeDriver driver;
    Path profile;

    @BeforeAll
    void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("browser tests need Debian packages chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        server = Rai4jServer.start(ServerOptions.of(0, Files.createTempDirectory("rai4j-browser")));
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("rai4j-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void open(String path) {
        driver.get(server.url() + path.substring(1));
    }

    private void shot(String name) throws Exception {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /**
     * The text of {@code css} once it contains {@code expected} (at most 20 s): a click that submits a form returns
     * before the next page has loaded, so reading at once can find the old page, or none.
     */
    private String textAfterNavigation(String css, String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                try {
                    return d.findElement(By.cssSelector(css)).getText().contains(expected);
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // fall through: the assertion below reports what the page shows
        }
        return text(css);
    }

    @Test
    void hunterAndCustomerJourney_withoutJavaScriptErrors() throws Exception {
        open("/");
        assertThat(text("#models")).contains("German credit scoring (logistic regression)");
        shot("01-models.png");

        open("/signup");
        driver.findElement(By.id("username")).sendKeys("browser-hunter");
        driver.findElement(By.id("password")).sendKeys("a long browser password");
        driver.findElement(By.id("team")).sendKeys("browser-team");
        driver.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
        assertThat(textAfterNavigation("header.top", "Log out browser-hunter (hunter)")).contains("Log out browser-hunter (hunter)");

        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        assertThat(textAfterNavigation("header.top", "Log in")).contains("Log in");
        open("/login");
        driver.findElement(By.id("username")).sendKeys("browser-hunter");
        driver.findElement(By.id("password")).sendKeys("a long browser password");
        shot("02-login.png");
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        assertThat(textAfterNavigation("header.top", "Log out browser-hunter")).contains("Log out browser-hunter");

        open("/bounties/" + DemoLoader.BOUNTY);
        assertThat(text("main")).contains("Holdout size").contains("400 rows (private; never served)");
        shot("03-bounty.png");
        driver.findElement(By.linkText("Submit a group and a model")).click();

        // the mass check works without JavaScript (a GET form)
        driver.findElement(By.id("mass-predicate")).sendKeys(ApiSuite.GOOD_GROUP);
        driver.findElement(By.cssSelector("form.mass-check button")).click();
        assertThat(textAfterNavigation("#mass", "Mass on the public training split:")).startsWith("Mass on the public training split:");
        driver.findElement(By.id("model_constant")).sendKeys("good");
        driver.findElement(By.id("description")).sendKeys("critical credit histories repay better than the rule assumes");
        shot("04-submit.png");
        driver.findElement(By.id("submit-button")).click();
        textAfterNavigation("#submissions", "");
        assertThat(driver.getCurrentUrl()).contains("/submissions");

        long end = System.nanoTime() + 60_000_000_000L;
        while (!text("#submissions td.status").equals("decided") && System.nanoTime() < end) {
            Thread.sleep(200);
            driver.navigate().refresh();
        }
        assertThat(text("#submissions td.status")).isEqualTo("decided");
        assertThat(text("#submissions td.decision")).isIn("accepted", "rejected");
        shot("05-submissions.png");

        open("/bounties/" + DemoLoader.BOUNTY);
        assertThat(text("#leaderboard")).contains("browser-team");
        assertThat(text("#heatmap")).contains("credit_history");
        shot("06-leaderboard.png");

        open("/models/" + DemoLoader.CREDIT);
        assertThat(text("#card")).contains("Service card");
        assertThat(driver.findElements(By.cssSelector("#audit svg")).size()).isPositive();
        shot("07-model.png");
        Path csv = Files.createTempFile("customer", ".csv");
        Files.writeString(csv, LastMileData.degradedYoung(), StandardCharsets.UTF_8);
        driver.findElement(By.id("lm-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#last-mile button[type=submit]")).click();
        assertThat(textAfterNavigation("#flagged", "age_band=19-24")).contains("age_band=19-24").contains("DIFFERENTIAL_DEGRADATION");
        shot("08-last-mile.png");

        assertThat(consoleErrors()).as("console errors (CSP violations included)").isEmpty();
    }
}
