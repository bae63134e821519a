package io.sitrep.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.app.config.SitrepConfig;
import io.sitrep.app.run.SitrepInstance;
import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.ingest.replay.ReplaySpeed;
import io.sitrep.model.avro.Article;
import io.sitrep.sinks.auth.Accounts;
import io.sitrep.sinks.auth.PasswordHash;
import io.sitrep.sinks.auth.UserAccount;
import io.sitrep.sinks.auth.UsersFile;
import io.sitrep.sinks.http.Role;
import io.sitrep.testkit.KafkaFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against a real running sitrep (broker, topologies, seed replay, HTTP):
 * the seed alerts in the feed and on the map, a filter, an operator's acknowledge seen live by a viewer, and a
 * hostile article shown as text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final String HOSTILE_SCRIPT = "<script>window.__pwned = 1</script>";
    private static final String HOSTILE_IMG = "<img src=x onerror=\"window.__pwned = 2\">";

    @TempDir static Path dataDir;
    @TempDir static Path profiles;
    private static KafkaFixture kafka;
    private static SitrepInstance sitrep;
    private static WebDriver operator;
    private static WebDriver viewer;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        new UsersFile(dataDir.resolve("users.properties")).save(Accounts.EMPTY
                .withUser(new UserAccount("olga", Role.OPERATOR, PasswordHash.hash("operator-pass-1".toCharArray())))
                .withUser(new UserAccount("vic", Role.VIEWER, PasswordHash.hash("viewer-pass-1".toCharArray()))));
        kafka = KafkaFixture.start();
        SitrepConfig config = SitrepConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "data.dir", dataDir.toString(),
                "http.port", "0",
                "topics.partitions", "3",
                "instance.id", "browser-it"));
        sitrep = SitrepInstance.start(config, Map.of("SITREP_ADMIN_PASSWORD", "admin-pass-for-the-browser-test"));
        base = "http://127.0.0.1:" + sitrep.httpPort();
        operator = browser("operator");
        viewer = browser("viewer");
        login(operator, "olga", "operator-pass-1");
        login(viewer, "vic", "viewer-pass-1");
    }

    @AfterAll
    static void stop() {
        for (WebDriver d : new WebDriver[] {operator, viewer}) {
            if (d != null) d.quit();
        }
        if (sitrep != null) sitrep.close();
        if (kafka != null) kafka.close();
    }

    private static WebDriver browser(String name) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1600,1000", "--user-data-dir=" + Files.createDirectories(profiles.resolve(name)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void login(WebDriver d, String user, String password) {
        d.get(base + "/login");
        d.findElement(By.id("user")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.cssSelector("form button[type=submit]")).click();
        d.get(base + "/");
        wait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), user));
    }

    private static WebDriverWait wait(WebDriver d, Duration timeout) {
        return new WebDriverWait(d, timeout, Duration.ofMillis(200));
    }

    private static List<WebElement> feedItems(WebDriver d) {
        return d.findElements(By.cssSelector("#feed li.alert-item"));
    }

    @Test
    @Order(1)
    void theSeedAlertsAppearInTheFeedAndOnTheMap() {
        for (WebDriver d : List.of(operator, viewer)) {
            wait(d, Duration.ofSeconds(120)).until(x -> x.findElements(
                    By.cssSelector("#feed li.alert-item[data-type=DETAINEE_TRANSFER]")).size() > 0);
            wait(d, Duration.ofSeconds(10)).until(x -> x.findElements(By.cssSelector("#map path.alert-marker")).size() > 0);
            assertThat(d.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("live");
            // governorates with open alerts are shaded
            assertThat(d.findElements(By.cssSelector("#map path.governorate:not([data-worst=''])"))).isNotEmpty();
        }
        assertThat(viewer.findElements(By.cssSelector(".actions button"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
    }

    @Test
    @Order(2)
    void aFilterNarrowsTheFeed() {
        int all = feedItems(viewer).size();
        Select type = new Select(viewer.findElement(By.id("f-type")));
        type.selectByValue("DETAINEE_TRANSFER");
        wait(viewer, Duration.ofSeconds(5)).until(x -> feedItems(x).stream()
                .allMatch(li -> "DETAINEE_TRANSFER".equals(li.getAttribute("data-type"))));
        assertThat(feedItems(viewer)).isNotEmpty();
        if (all > 1) assertThat(feedItems(viewer).size()).isLessThan(all);
        viewer.findElement(By.id("f-text")).sendKeys("no alert mentions this zqxj");
        wait(viewer, Duration.ofSeconds(5)).until(x -> feedItems(x).isEmpty());
        viewer.findElement(By.id("f-reset")).click();
        wait(viewer, Duration.ofSeconds(5)).until(x -> feedItems(x).size() == all);
    }

    @Test
    @Order(3)
    void anOperatorAcknowledgesAndTheViewerSeesItLive() {
        WebElement item = wait(operator, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#feed li.alert-item[data-status=OPEN]")));
        String id = item.getAttribute("data-id");
        item.click();
        WebElement ack = wait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#detail button[data-action=ACKNOWLEDGE]")));
        ack.click();
        wait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#detail .action-message"), "sent"));
        By viewersItem = By.cssSelector("#feed li.alert-item[data-id='" + id + "']");
        wait(viewer, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(viewersItem, "data-status", "ACKNOWLEDGED"));
        // the operator's detail shows the action in the history
        wait(operator, Duration.ofSeconds(30)).until(x -> !x.findElements(
                By.cssSelector("#detail .history li[data-action=ACKNOWLEDGE]")).isEmpty());
    }

    @Test
    @Order(4)
    void aHostileArticleRendersAsText() throws Exception {
        Instant at = Instant.parse("2026-01-22T08:00:00Z");
        String title = "Drone strike kills three SDF fighters in Al-Hasakah " + HOSTILE_SCRIPT;
        String body = title + "\n\nA Turkish drone strike hit a checkpoint of the Syrian Democratic Forces in Al-Hasakah "
                + "on Thursday, killing three fighters " + HOSTILE_IMG + " and wounding two, local sources said. "
                + HOSTILE_SCRIPT;
        Article article = Article.newBuilder().setId("hostile-browser-test").setUrl("https://example.org/hostile")
                .setSource("example.org").setTitle(title).setBody(body).setContentType("text/plain")
                .setLanguage("en").setPublishedAt(at).setOrigin("http").build();
        try (ArticleReplayer replayer = new ArticleReplayer(kafka.bootstrapServers(), "browser-it-hostile")) {
            replayer.replay(List.of(article), ReplaySpeed.MAX, () -> false);
        }
        viewer.findElement(By.id("f-text")).sendKeys("window.__pwned");
        // live updates re-render the feed: click until the detail of the hostile alert is open
        WebElement detail = wait(viewer, Duration.ofSeconds(90))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(x -> {
                    List<WebElement> items = feedItems(x);
                    if (items.isEmpty()) return null;
                    items.get(0).click();
                    List<WebElement> ev = x.findElements(By.cssSelector("#detail .evidence"));
                    return ev.isEmpty() ? null : ev.get(0);
                });
        String shown = viewer.findElement(By.id("detail")).getText() + "\n" + viewer.findElement(By.id("feed")).getText();
        assertThat(shown).containsAnyOf(HOSTILE_SCRIPT, HOSTILE_IMG);
        assertThat(detail.findElements(By.tagName("img"))).isEmpty();
        assertThat(viewer.findElements(By.cssSelector("#detail script, #feed script, #feed img"))).isEmpty();
        assertThat(((JavascriptExecutor) viewer).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        viewer.findElement(By.id("f-reset")).click();
    }

    @Test
    @Order(5)
    void keepsAScreenshot() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = ((TakesScreenshot) operator).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve("dashboard.png"), png);
        assertThat(png.length).isGreaterThan(10_000);
    }
}
