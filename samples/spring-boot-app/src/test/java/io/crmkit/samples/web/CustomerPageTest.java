package io.crmkit.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.bulk.DeletePreview;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer page in headless Chromium, as a person uses it: sign in, filter, columns, import, export, merge, the
 * details panel with its inline edit and timeline, the bulk bar, the bulk delete's confirmation and the trash; the
 * read-only viewer's refused import; each tenant's own customers. Each test checks what the page shows, never the
 * API's JSON. On an in-memory H2 database with the demo customers; signed in as the manager unless said otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Jobs (imports, bulk operations) are picked up at each poll of the kit's scheduler, every job-lease-renewal:
        // polled often, a test waits for them a moment rather than up to 3 seconds.
        properties = {"spring.datasource.url=jdbc:h2:mem:sample-page;DB_CLOSE_DELAY=-1", "crmkit.job-lease-renewal=250ms"})
class CustomerPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    private static ChromeDriver browser;

    @LocalServerPort
    private int port;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signInAsTheManager() {
        wait = new WebDriverWait(browser, WAIT);
        // The list is drawn anew after every answer: an element read while it is replaced is read again.
        wait.ignoring(StaleElementReferenceException.class);
        signIn(SampleApiTest.MANAGER, SampleApiTest.MANAGER_PASSWORD);
    }

    /** Signs in with the login form, as whoever was signed in signs out, and waits for the list. */
    private void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        WebElement field = browser.findElement(By.id("password"));
        field.sendKeys(password);
        field.submit();
        awaitReady();
        assertThat(browser.findElement(By.id("signed-in")).getText()).startsWith("Signed in as " + user + " ");
    }

    private void openPage() {
        browser.get(base() + "/");
        awaitReady();
    }

    private void awaitReady() {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void aPageOpenedWithoutSigningInAsksToSignIn() {
        browser.manage().deleteAllCookies();
        browser.get(base() + "/");

        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("customers"))).isEmpty();
        browser.findElement(By.id("username")).sendKeys(SampleApiTest.MANAGER);
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("password")).submit();
        wait.until(ExpectedConditions.urlContains("/login?error"));
    }

    @Test
    void theReadOnlyViewerCannotImport(@TempDir Path files) throws Exception {
        signIn(SampleApiTest.VIEWER, SampleApiTest.VIEWER_PASSWORD);
        long before = total();
        Path csv = files.resolve("viewer.csv");
        Files.writeString(csv, "Name,Phone\nViewer Import,+84955000001\n");

        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-start")).click();

        WebElement status = browser.findElement(By.id("import-status"));
        wait.until(driver -> status.getText().startsWith("Import refused"));
        assertThat(status.getText()).contains("viewer").contains("missing permission IMPORT");
        openPage();
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void eachTenantSeesOnlyItsOwnCustomers(@TempDir Path files) throws Exception {
        Path csv = files.resolve("shop-a.csv");
        Files.writeString(csv, "Name,Phone\nShop A Regular,+84966000001\n");
        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-start")).click();
        WebElement status = browser.findElement(By.id("import-status"));
        wait.until(driver -> status.getText().startsWith("Import done"));
        searchFor("Shop A Regular");
        awaitTotal(1);

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn(SampleApiTest.VIEWER, SampleApiTest.VIEWER_PASSWORD);

        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("tenant shop-b");
        awaitTotal(DemoData.CUSTOMERS);
        searchFor("Shop A Regular");
        awaitTotal(0);
        assertThat(browser.findElements(By.cssSelector("#customers tbody tr"))).isEmpty();
    }

    @Test
    void theFilterBuilderNarrowsTheListAndShowsWhatIsWrong() {
        WebElement root = filterByCity("Da Nang");

        awaitTotal(5);
        assertThat(column("city")).hasSize(5).containsOnly("Da Nang");

        root.findElement(By.className("add-group")).click();
        WebElement inner = root.findElement(By.cssSelector(".items > .group"));
        WebElement vip = conditions(inner).get(0);
        condition(vip, "tags", "HAS_ANY");
        vip.findElement(By.className("cond-value")).sendKeys("vip");
        inner.findElement(By.className("add-condition")).click();
        WebElement gold = conditions(inner).get(1);
        condition(gold, "tier", "IN");
        new Select(gold.findElement(By.className("cond-value"))).selectByValue("gold");
        apply();

        // Da Nang and (vip or gold): three of the five.
        awaitTotal(3);
        assertThat(column("city")).containsOnly("Da Nang");

        browser.findElement(By.id("clear-filter")).click();
        root = browser.findElement(By.cssSelector("#filter-builder > .group"));
        root.findElement(By.className("add-condition")).click();
        condition(conditions(root).get(0), "createdAt", "GT");
        apply();

        WebElement error = browser.findElement(By.id("filter-error"));
        wait.until(ExpectedConditions.visibilityOf(error));
        assertThat(error.getText()).contains("filter.all[0]");
    }

    @Test
    void theFilterBuilderOffersWhatTheSdkAcceptsFromItsFieldMetadata() {
        browser.findElement(By.id("toggle-filter")).click();
        WebElement root = browser.findElement(By.cssSelector("#filter-builder > .group"));
        root.findElement(By.className("add-condition")).click();
        WebElement row = conditions(root).get(0);

        new Select(row.findElement(By.className("cond-field"))).selectByValue("stage");
        assertThat(options(row, "cond-op")).containsExactly("EQ", "NE", "IN", "NOT_IN", "IS_EMPTY", "IS_NOT_EMPTY");
        assertThat(options(row, "cond-value")).contains("lead", "customer");
        new Select(row.findElement(By.className("cond-field"))).selectByValue("createdAt");
        new Select(row.findElement(By.className("cond-op"))).selectByValue("BETWEEN");
        assertThat(row.findElements(By.className("cond-value"))).hasSize(2);
        new Select(row.findElement(By.className("cond-op"))).selectByValue("IS_EMPTY");
        assertThat(row.findElements(By.className("cond-value"))).isEmpty();

        condition(row, "phones", "STARTS_WITH");
        row.findElement(By.className("cond-value")).sendKeys("0912 345 60");
        apply();
        awaitTotal(10);
        assertThat(column("phones")).allMatch(phone -> phone.startsWith("+8491234560"));

        condition(row, "group", "EQ");
        new Select(row.findElement(By.className("cond-value"))).selectByVisibleText(DemoData.GROUP);
        apply();
        wait.until(driver -> !column("tags").isEmpty() && column("tags").stream().allMatch(
                tags -> tags.contains("trade-fair")));
        assertThat(browser.findElement(By.id("filter-error")).isDisplayed()).isFalse();
    }

    @Test
    void columnSettingsChangeTheListAndStaySaved() {
        try {
            browser.findElement(By.id("toggle-columns")).click();
            columnBox("emails").click();
            columnBox("tier").click();
            browser.findElement(By.id("save-columns")).click();

            wait.until(driver -> headers(driver).contains("Tier"));
            assertThat(headers(browser)).doesNotContain("Emails").contains("Name", "Phones", "Tier");
            assertThat(column("tier")).isNotEmpty().isSubsetOf("bronze", "silver", "gold", "");

            openPage();
            assertThat(headers(browser)).doesNotContain("Emails").contains("Tier");
        } finally {
            browser.executeScript("return fetch('/api/columns', {method: 'PUT', headers: Object.assign("
                    + "{'Content-Type': 'application/json'}, csrfHeaders('PUT')), body: JSON.stringify(arguments[0])})"
                    + ".then(r => r.status)", CustomerListView.DEFAULT_COLUMNS);
        }
    }

    @Test
    void anImportShowsItsProgressAndTheFailureReport(@TempDir Path files) throws Exception {
        long before = total();
        Path csv = files.resolve("fair-visitors.csv");
        Files.writeString(csv, "Name,Phone,Email,City\n"
                + "Visitor One,+84944000001,one@visitors.test,Hue\n"
                + "Visitor Two,+84944000002,two@visitors.test,Hue\n"
                + "Visitor Three,+84944000003,not an email,Hue\n"
                + "Visitor Four,+84944000004,four@visitors.test,Hue\n");

        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-start")).click();

        WebElement status = browser.findElement(By.id("import-status"));
        wait.until(driver -> status.getText().startsWith("Import done"));
        assertThat(status.getText()).contains("3 created").contains("1 failed");
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value")).isEqualTo("100");
        WebElement report = browser.findElement(By.id("import-failures"));
        assertThat(report.isDisplayed()).isTrue();
        String failures = download(report.getAttribute("href"));
        assertThat(failures).contains("not an email").doesNotContain("Visitor One");
        awaitTotal(before + 3);
    }

    @Test
    void theExportHoldsTheFilteredList() throws Exception {
        filterByCity("Hai Phong");
        wait.until(driver -> column("city").stream().allMatch("Hai Phong"::equals));
        long shown = total();

        String csv = download(browser.findElement(By.id("export-csv")).getAttribute("href"));

        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize((int) shown + 1);
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains("Hai Phong"));
    }

    @Test
    void aSuggestedDuplicateIsMergedFromThePage() {
        long before = total();
        WebElement pair = wait.until(driver -> driver.findElements(By.cssSelector("#duplicates li.duplicate"))
                .stream().filter(li -> li.getText().contains("Tran Thi Lan")).findFirst().orElse(null));
        assertThat(pair.getText()).contains("lan.tran@gmail.com").contains("lantran@gmail.com");

        pair.findElement(By.className("merge")).click();

        WebElement status = browser.findElement(By.id("merge-status"));
        wait.until(driver -> status.getText().startsWith("Merged"));
        assertThat(status.getText()).contains("Merged Tran Thi Lan into Tran Thi Lan").contains("can be undone");
        wait.until(driver -> driver.findElements(By.cssSelector("#duplicates li.duplicate")).stream()
                .noneMatch(li -> li.getText().contains("Tran Thi Lan")));
        awaitTotal(before - 1);
        searchFor("Tran Thi Lan");
        awaitTotal(1);
        assertThat(column("emails").get(0)).contains("lan.tran@gmail.com").contains("lantran@gmail.com");
    }

    @Test
    void theDetailsPanelShowsTheCustomerAndEditsAFieldInline() {
        searchFor(DemoData.FIRST);
        awaitTotal(1);
        openDetails(0);

        assertThat(text("details-name")).isEqualTo(DemoData.FIRST);
        WebElement phone = browser.findElement(By.cssSelector("#details-identities li[data-type='PHONE']"));
        assertThat(phone.findElement(By.className("verified")).getText()).contains("verified");
        assertThat(text("details-tags")).contains("vip", "newsletter");
        assertThat(text("details-segments")).isEqualTo(DemoData.SAVED_FILTER);
        assertThat(text("details-tasks")).contains(DemoData.TASK).contains("open");
        assertThat(text("details-orders")).contains(DemoData.ORDER).contains("360,000 VND").contains("3 x Lotus tea");
        assertThat(text("details-links")).contains(DemoData.LINK);
        assertThat(text("details-metrics")).contains("Orders\n1").contains("Total spent\n360,000");
        assertThat(timelineTypes()).contains("customer_created", "identity_verified", "message", "order_placed",
                "task_created");

        WebElement emails = editField("emails", "not an email");
        WebElement error = emails.findElement(By.className("field-error"));
        wait.until(driver -> error.isDisplayed());
        assertThat(error.getText()).contains("emails");
        emails.findElement(By.className("field-input")).sendKeys(Keys.ESCAPE);
        editField("nickname", "Anh An");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#details-fields tr[data-field='nickname'] .value"),
                "Anh An"));
        wait.until(driver -> timelineTypes().contains("fields_changed"));

        new Select(browser.findElement(By.id("timeline-type"))).selectByValue("customer_created");
        wait.until(ExpectedConditions.attributeToBe(By.id("timeline"), "data-type", "customer_created"));
        assertThat(timelineTypes()).containsExactly("customer_created");
    }

    @Test
    void theBulkBarTagsSetsTheStatusAndAssignsTheSelectedCustomers() {
        searchFor("Hong Ha Foods");
        awaitTotal(7);
        assertThat(browser.findElement(By.id("bulk-bar")).isDisplayed()).isFalse();
        List<WebElement> boxes = browser.findElements(By.cssSelector("#customers .row-select"));
        boxes.get(0).click();
        boxes.get(1).click();
        assertThat(text("bulk-count")).isEqualTo("2 selected");

        browser.findElement(By.id("bulk-tag")).sendKeys("follow-up");
        bulk("bulk-add-tag", "Tag added: 2 changed");
        new Select(browser.findElement(By.id("bulk-status"))).selectByValue("identify_as_valid");
        bulk("bulk-apply-status", "Identified as valid: 2 changed");
        browser.findElement(By.id("bulk-owner")).sendKeys("agent-7");
        bulk("bulk-assign", "Assigned: 2 changed");

        assertThat(browser.findElements(By.cssSelector("#customers .row-select:checked"))).hasSize(2);
        openDetails(1);
        assertThat(text("details-status")).contains("Status ASSIGNED, owner agent-7");
        assertThat(text("details-tags")).contains("follow-up");
        assertThat(timelineTypes()).contains("assigned", "status_changed", "tag_added");
    }

    @Test
    void aBulkDeleteShowsTheStatementAndNeedsTheAgreementAndAReasonThenTheTrashRestores() {
        searchFor("Kieu Van Vinh");
        awaitTotal(1);
        browser.findElement(By.cssSelector("#customers .row-select")).click();
        browser.findElement(By.id("bulk-matching")).click();
        assertThat(text("bulk-count")).isEqualTo("The 1 matching customer");

        browser.findElement(By.id("bulk-delete")).click();
        WebElement dialog = browser.findElement(By.id("delete-dialog"));
        wait.until(driver -> dialog.isDisplayed());
        assertThat(text("delete-title")).isEqualTo("Delete 1 customer?");
        assertThat(text("delete-statement")).isEqualTo(DeletePreview.STATEMENT);
        browser.findElement(By.id("delete-reason")).sendKeys("duplicate entry from the trade fair");
        confirmDeleteRefused("agreed");
        browser.findElement(By.id("delete-agree")).click();
        browser.findElement(By.id("delete-reason")).clear();
        browser.findElement(By.id("delete-reason")).sendKeys("dupe");
        confirmDeleteRefused("reason");
        browser.findElement(By.id("delete-reason")).sendKeys(" entry from the trade fair");
        browser.findElement(By.id("delete-confirm")).click();

        wait.until(driver -> !dialog.isDisplayed());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-result"), "Deleted: 1 changed"));
        awaitTotal(0);
        browser.findElement(By.id("toggle-trash")).click();
        WebElement trashed = wait.until(driver -> driver.findElements(By.cssSelector("#trash tbody tr")).stream()
                .filter(tr -> tr.getText().contains("Kieu Van Vinh")).findFirst().orElse(null));
        assertThat(trashed.getText()).contains("dupe entry from the trade fair").contains(SampleApiTest.MANAGER);

        trashed.findElement(By.className("restore")).click();

        wait.until(ExpectedConditions.textToBe(By.id("trash-status"), "Restored Kieu Van Vinh."));
        awaitTotal(1);
        assertThat(browser.findElements(By.cssSelector("#trash tbody tr"))).noneMatch(
                tr -> tr.getText().contains("Kieu Van Vinh"));
    }

    // ------------------------------------------------------------------ helpers

    /** Clicks a cell of the list's row (not its checkbox) and waits for the details panel of that customer. */
    private void openDetails(int row) {
        WebElement tr = browser.findElements(By.cssSelector("#customers tbody tr")).get(row);
        String id = tr.getAttribute("data-id");
        tr.findElement(By.cssSelector("td:nth-child(2)")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("details"), "data-customer", id));
    }

    /** Clicks a field's value in the details panel, types the new value and presses Enter; returns its row. */
    private static WebElement editField(String key, String value) {
        WebElement row = browser.findElement(By.cssSelector("#details-fields tr[data-field='" + key + "']"));
        row.findElement(By.className("value")).click();
        WebElement input = row.findElement(By.className("field-input"));
        input.clear();
        input.sendKeys(value, Keys.ENTER);
        return row;
    }

    private static List<String> timelineTypes() {
        return browser.findElements(By.cssSelector("#timeline li[data-type]")).stream()
                .map(li -> li.getAttribute("data-type")).toList();
    }

    /** Clicks a button of the bulk bar and waits for the result of its job. */
    private void bulk(String button, String result) {
        browser.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-result"), result));
    }

    private void confirmDeleteRefused(String field) {
        browser.findElement(By.id("delete-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delete-error"), field + ":"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Opens the filter, adds "City is {@code city}" to its top group and applies it; returns that group. */
    private static WebElement filterByCity(String city) {
        browser.findElement(By.id("toggle-filter")).click();
        WebElement root = browser.findElement(By.cssSelector("#filter-builder > .group"));
        root.findElement(By.className("add-condition")).click();
        WebElement condition = conditions(root).get(0);
        condition(condition, "city", "EQ");
        condition.findElement(By.className("cond-value")).sendKeys(city);
        apply();
        return root;
    }

    private static void searchFor(String keyword) {
        WebElement field = browser.findElement(By.id("keyword"));
        field.clear();
        field.sendKeys(keyword);
        browser.findElement(By.id("search")).click();
    }

    private static List<WebElement> conditions(WebElement group) {
        return group.findElements(By.cssSelector(":scope > .items > .condition"));
    }

    private static void condition(WebElement row, String field, String operator) {
        new Select(row.findElement(By.className("cond-field"))).selectByValue(field);
        new Select(row.findElement(By.className("cond-op"))).selectByValue(operator);
    }

    private static List<String> options(WebElement row, String className) {
        return new Select(row.findElement(By.className(className))).getOptions().stream()
                .map(option -> option.getAttribute("value")).toList();
    }

    private static void apply() {
        browser.findElement(By.id("apply-filter")).click();
    }

    private WebElement columnBox(String key) {
        return browser.findElement(By.cssSelector("#column-list li[data-key='" + key + "'] input"));
    }

    private static List<String> headers(WebDriver driver) {
        return driver.findElements(By.cssSelector("#customers thead th")).stream().map(WebElement::getText).toList();
    }

    /** @return the cells of one column, top to bottom */
    private static List<String> column(String key) {
        List<WebElement> headers = browser.findElements(By.cssSelector("#customers thead th"));
        int index = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (key.equals(headers.get(i).getAttribute("data-key"))) {
                index = i + 1;
            }
        }
        assertThat(index).as("column " + key + " is shown").isPositive();
        return browser.findElements(By.cssSelector("#customers tbody tr td:nth-child(" + index + ")")).stream()
                .map(WebElement::getText).toList();
    }

    private long total() {
        WebElement total = browser.findElement(By.id("total"));
        wait.until(driver -> !total.getText().isBlank());
        return Long.parseLong(total.getText().split(" ")[0]);
    }

    private void awaitTotal(long expected) {
        String text = expected + (expected == 1 ? " customer" : " customers");
        wait.until(ExpectedConditions.textToBe(By.id("total"), text));
    }

    /** Downloads as the browser would, in its session. */
    private static String download(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
