package dev.parley.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.query.SearchRequest;
import dev.parley.query.Searcher;
import dev.parley.query.result.Hit;
import dev.parley.query.result.SearchResults;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser: headless Chromium from the system's packages, driven by
 * Selenium through {@code /usr/bin/chromedriver} (Selenium Manager never runs, nothing is
 * downloaded), against one server on a random local port. Skipped, with one line saying why, where
 * Chromium or its driver is not installed ({@code .ci/run} installs them).
 *
 * <p>With {@code -Dparley.screenshot.index=DIR} (an index of Reuters, say) the last test also saves
 * a screenshot of the page on that index to {@code docs/search-page.png} (README.md).
 */
class SearchPageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static Path index;
  static SearchServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: no "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)");
    index = WebFixture.index(dir);
    server = SearchServer.start(index, 0);
    browser = browser(dir.resolve("profile"));
  }

  static ChromeDriver browser(Path profile) {
    // The driver path is given explicitly, so Selenium Manager is never asked for one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Opens {@code pathAndQuery} and waits until the page has rendered. */
  static void open(String pathAndQuery) {
    browser.get(server.url() + pathAndQuery.substring(1));
    awaitReady();
  }

  static void awaitReady() {
    // Generous: the test machine may be busy; this only bounds how long a broken page hangs.
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                "ready"
                    .equals(
                        ((JavascriptExecutor) d)
                            .executeScript("return document.body.dataset.state")));
  }

  static List<String> passageIds() {
    return browser.findElements(By.cssSelector("#results li.hit")).stream()
        .map(e -> e.getAttribute("data-passage-id"))
        .toList();
  }

  static Object js(String script) {
    return browser.executeScript(script);
  }

  @Test
  void typingAQueryShowsHighlightedPassages() {
    open("/");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("banquet");
    browser.findElement(By.id("go")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.cssSelector("#results li.hit")).isEmpty());
    awaitReady();
    WebElement first = browser.findElement(By.cssSelector("#results li.hit"));
    assertEquals("000_36ca1f6425bbafbc#19-19", first.getAttribute("data-passage-id"));
    assertEquals("1.", first.findElement(By.className("rank")).getText());
    assertEquals("2019-01-10", first.findElement(By.className("date")).getText());
    assertEquals("Birthday banquet", first.findElement(By.className("heading")).getText());
    WebElement snippet = first.findElement(By.className("snippet"));
    assertTrue(
        snippet.getText().startsWith("Xi and his wife Peng Liyuan hosted a welcome banquet"),
        snippet.getText());
    List<WebElement> marks = snippet.findElements(By.tagName("em"));
    assertFalse(marks.isEmpty(), snippet.getAttribute("innerHTML"));
    assertEquals("banquet", marks.get(0).getText());
    assertTrue(browser.getCurrentUrl().endsWith("/?q=banquet"), browser.getCurrentUrl());
    assertTrue(
        browser.findElement(By.id("summary")).getText().startsWith("2 passages match"),
        browser.findElement(By.id("summary")).getText());
  }

  @Test
  void aTopicToggleNarrowsTheResultsAndTheUrl() throws IOException {
    // Loaded from the URL alone: no typing.
    open("/?q=talks");
    List<String> before = passageIds();
    assertFalse(before.isEmpty());
    WebElement sanctions =
        browser.findElement(By.cssSelector("button.topic[data-topic=sanctions]"));
    assertEquals("false", sanctions.getAttribute("aria-pressed"));
    sanctions.click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().contains("topic=sanctions"));
    awaitReady();
    List<String> after = passageIds();
    assertNotEquals(before, after);
    // The toggle narrows: the page lists what the library lists for the same filter.
    try (Searcher searcher = Searcher.open(index)) {
      assertEquals(
          searcher
              .search(SearchRequest.builder("talks").filterTopic("sanctions").build())
              .hits()
              .stream()
              .map(Hit::passageId)
              .toList(),
          after);
    }
    assertTrue(
        after.get(0).startsWith("sanctions-1#") || after.get(0).startsWith("hostile-1#"),
        after.toString());
    assertEquals(
        "true",
        browser
            .findElement(By.cssSelector("button.topic[data-topic=sanctions]"))
            .getAttribute("aria-pressed"));
    // Back restores the earlier list.
    browser.navigate().back();
    awaitReady();
    assertEquals(before, passageIds());
  }

  @Test
  void anEntityChipAndTheDateRangeNarrowTheList() {
    open("/?q=talks");
    int all = passageIds().size();
    browser.findElement(By.cssSelector("button.chip[data-entity=north-korea]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().contains("entity=north-korea"));
    awaitReady();
    List<String> korea = passageIds();
    assertTrue(korea.size() < all && !korea.isEmpty(), korea + " of " + all);
    assertTrue(korea.stream().noneMatch(id -> id.startsWith("geneva-1#")), korea.toString());
    open("/?q=talks&since=2020-03-03");
    assertTrue(
        passageIds().stream().noneMatch(id -> id.startsWith("geneva-1#")), passageIds().toString());
    assertTrue(
        passageIds().stream().noneMatch(id -> id.startsWith("000_")), passageIds().toString());
    assertEquals("2020-03-03", browser.findElement(By.id("since")).getAttribute("value"));
  }

  @Test
  void theSummarySaysWhenThePerArticleLimitHidesMatches() throws IOException {
    open("/?q=Xi");
    SearchResults r;
    try (Searcher searcher = Searcher.open(index)) {
      r = searcher.search(SearchRequest.of("Xi"));
    }
    assertTrue(r.matchingPassages() > r.totalHits(), r.matchingPassages() + " " + r.totalHits());
    assertTrue(
        browser
            .findElement(By.id("summary"))
            .getText()
            .endsWith(
                "; "
                    + r.matchingPassages()
                    + " passages match in all, at most 2 per article are listed"),
        browser.findElement(By.id("summary")).getText());
  }

  @Test
  void pagingAgreesWithTotalHits() {
    open("/?q=ministers");
    assertEquals(10, passageIds().size());
    assertTrue(
        browser
            .findElement(By.id("summary"))
            .getText()
            .startsWith("12 passages match (showing 1–10)"),
        browser.findElement(By.id("summary")).getText());
    assertEquals("page 1 of 2", browser.findElement(By.id("page")).getText());
    browser.findElement(By.id("next")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().contains("offset=10"));
    awaitReady();
    assertEquals(2, passageIds().size());
    assertEquals("page 2 of 2", browser.findElement(By.id("page")).getText());
    assertEquals("true", browser.findElement(By.id("next")).getAttribute("disabled"));
    assertEquals("11.", browser.findElement(By.cssSelector("#results li.hit .rank")).getText());
  }

  @Test
  void theArticleViewScrollsToAndMarksThePassage() {
    open("/?q=banquet");
    browser.findElement(By.cssSelector("#results li.hit a.open")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().contains("article="));
    awaitReady();
    List<WebElement> marked = browser.findElements(By.cssSelector("#article-text p.marked"));
    assertEquals(1, marked.size());
    assertEquals("p19", marked.get(0).getAttribute("id"));
    assertTrue(
        marked.get(0).getText().contains("hosted a welcome banquet"), marked.get(0).getText());
    assertEquals("– Birthday banquet –", browser.findElement(By.id("p15")).getText());
    assertTrue(((Number) js("return window.scrollY")).doubleValue() > 0, "scrolled to the passage");
    assertTrue(
        browser.getCurrentUrl().contains("passage=000_36ca1f6425bbafbc%2319-19"),
        browser.getCurrentUrl());
  }

  @Test
  void markupInArticlesIsShownAsTextAndNeverRuns() {
    open("/?q=sanctions+relief+Geneva");
    String results = browser.findElement(By.id("results")).getText();
    assertTrue(results.contains("<script>window.parleyXss = 1;</script>"), results);
    assertTrue(browser.findElements(By.cssSelector("#results script, #results img")).isEmpty());
    assertNull(js("return window.parleyXss"));
    open("/?article=" + WebFixture.HOSTILE_ID);
    String text = browser.findElement(By.id("article-text")).getText();
    assertTrue(text.contains("<img src=x onerror=\"window.parleyXss = 2\">"), text);
    assertTrue(
        browser.findElements(By.cssSelector("#article-text script, #article-text img")).isEmpty());
    assertNull(js("return window.parleyXss"));
  }

  @Test
  void emptyResultsAndErrorsAreMessages() {
    open("/?q=zzyzx");
    assertEquals(
        "No passages match “zzyzx”. Try other words, fewer filters or a wider date range.",
        browser.findElement(By.id("message")).getText());
    open("/?q=talks&since=2020-01-01&until=2019-01-01");
    WebElement message = browser.findElement(By.id("message"));
    assertEquals("since 2020-01-01 is after until 2019-01-01", message.getText());
    assertEquals("error", message.getAttribute("class"));
    open("/?article=no-such-article");
    assertEquals(
        "no article 'no-such-article' in the index",
        browser.findElement(By.id("message")).getText());
  }

  /**
   * With {@code -Dparley.screenshot.index=DIR}: the page on that index (Reuters for README's
   * picture), searched for "sanctions", saved to {@code docs/search-page.png}.
   */
  @Test
  void screenshotOnAnotherIndexWhenAsked() throws IOException {
    String index = System.getProperty("parley.screenshot.index", "");
    Assumptions.assumeFalse(index.isEmpty(), "no screenshot: -Dparley.screenshot.index not set");
    try (SearchServer reuters = SearchServer.start(Path.of(index), 0)) {
      browser.get(reuters.url() + "?q=Iran+sanctions&topic=sanctions");
      awaitReady();
      assertFalse(passageIds().isEmpty());
      Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Path out = Path.of(System.getProperty("parley.screenshot.out", "docs/search-page.png"));
      Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("screenshot: " + out.toAbsolutePath());
    }
  }
}
