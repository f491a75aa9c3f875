package io.crmkit.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.error.SearchTimeoutException;
import io.crmkit.api.error.StorageException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API as a client sees it, on an in-memory H2 database with the demo customers: signed in as the manager
 * of tenant shop-a (every permission) or the viewer of tenant shop-b (read only), with the CSRF token the page sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Jobs (imports, bulk operations) are picked up at each poll of the kit's scheduler, every job-lease-renewal:
        // polled often, a test waits for them a moment rather than up to 3 seconds.
        properties = {"spring.datasource.url=jdbc:h2:mem:sample-api;DB_CLOSE_DELAY=-1", "crmkit.job-lease-renewal=250ms"})
@Import(SampleApiTest.Failures.class)
class SampleApiTest {

    static final String MANAGER = "manager";
    static final String MANAGER_PASSWORD = "manager-demo";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "viewer-demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Autowired
    private Environment environment;

    private ApiSession manager;

    @BeforeEach
    void signIn() {
        manager = ApiSession.signIn(port, MANAGER, MANAGER_PASSWORD);
    }

    /** Failures of the server, as a bug or a broken database would cause them. */
    @TestConfiguration
    static class Failures {

        @Bean
        FailingApi failingApi() {
            return new FailingApi();
        }
    }

    @RestController
    static class FailingApi {

        @GetMapping("/api/test/storage-failure")
        void storageFailure() {
            throw new StorageException("insert into crm_customer (secret_column) values (?)",
                    new SQLException("connection to db-7.internal:5432 refused"));
        }

        @GetMapping("/api/test/search-timeout")
        void searchTimeout() {
            throw new SearchTimeoutException("could not search customers: a search ran longer than the search"
                    + " timeout of 30 s and the database stopped it; narrow the search", Duration.ofSeconds(30),
                    new SQLException("canceling statement due to statement timeout", "57014"));
        }

        @GetMapping("/api/test/bug")
        void bug() {
            throw new IllegalStateException("internal detail in /srv/crm/secret.conf");
        }
    }

    // ------------------------------------------------------------------ security

    @Test
    void nobodySignedInGetsA401FromTheApiAndTheLoginPageForThePage() {
        ApiSession anonymous = ApiSession.anonymous(port);

        anonymous.get("/login");
        assertThat(anonymous.csrfToken()).isPresent();
        assertThat(anonymous.post("/api/customers/search", "{}").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/export?format=csv").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous.getPage("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        ApiSession session = ApiSession.anonymous(port);

        HttpResponse<String> login = session.logIn(MANAGER, "manager-demo!");

        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestWithoutTheCsrfTokenChangesNothing() throws Exception {
        HttpResponse<String> create = manager.postWithoutToken("/api/customers",
                "{\"name\": \"Cross Site\", \"email\": \"cross@site.test\"}");
        HttpResponse<String> upload = manager.uploadWithoutToken("/api/imports", "people.csv",
                "Name\nCross Site Import\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> bulk = manager.postWithoutToken("/api/bulk", "{\"selection\": {\"matching\": true},"
                + " \"operation\": \"add_tags\", \"tags\": [\"cross-site\"]}");

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(bulk.statusCode()).isEqualTo(403);
        assertThat(search("{\"keyword\": \"Cross Site\", \"total\": true}").get("total").asLong()).isZero();
        assertThat(search("{\"filter\": {\"version\": 1, \"filter\": {\"field\": \"tags\", \"op\": \"HAS_ANY\","
                + " \"values\": [\"cross-site\"]}}, \"total\": true}").get("total").asLong()).isZero();
    }

    @Test
    void theReadOnlyUserReadsButCannotWriteImportExportOrMerge() throws Exception {
        ApiSession viewer = ApiSession.signIn(port, VIEWER, VIEWER_PASSWORD);
        String csv = "Name\nRead Only Import\n";

        assertThat(viewer.post("/api/customers/search", "{\"total\": true}").statusCode()).isEqualTo(200);
        HttpResponse<String> imported = viewer.upload("/api/imports", "people.csv", csv.getBytes());
        HttpResponse<String> exported = viewer.get("/api/export?format=csv");
        HttpResponse<String> merged = viewer.post("/api/duplicates/merge", "{\"survivorId\": \"1\", \"mergedId\": \"2\"}");
        HttpResponse<String> created = viewer.post("/api/customers", "{\"name\": \"Read Only\"}");

        assertThat(imported.statusCode()).isEqualTo(403);
        assertThat(imported.body()).contains("IMPORT");
        assertThat(exported.statusCode()).isEqualTo(403);
        assertThat(exported.body()).contains("EXPORT");
        assertThat(merged.statusCode()).isEqualTo(403);
        assertThat(merged.body()).contains("MERGE");
        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(created.body()).contains("WRITE");
    }

    @Test
    void aUserOfOneTenantNeverSeesTheOthersCustomers() throws Exception {
        ApiSession viewer = ApiSession.signIn(port, VIEWER, VIEWER_PASSWORD);
        String id = JSON.readTree(manager.post("/api/customers", "{\"name\": \"Only In Shop A\","
                + " \"email\": \"only@shop-a.test\"}").body()).get("id").asText();

        JsonNode seen = JSON.readTree(viewer.post("/api/customers/search",
                "{\"keyword\": \"Only In Shop A\", \"total\": true}").body());

        assertThat(seen.get("total").asLong()).isZero();
        assertThat(viewer.get("/api/customers/" + id).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(viewer.get("/api/me").body()).get("tenant").asText()).isEqualTo("shop-b");
        assertThat(JSON.readTree(viewer.post("/api/customers/search", "{\"total\": true}").body()).get("total")
                .asLong()).as("the viewer's own demo customers").isEqualTo(DemoData.CUSTOMERS);
        assertThat(search("{\"keyword\": \"Only In Shop A\", \"total\": true}").get("total").asLong()).isOne();
    }

    @Test
    void healthShowsItsDetailsToSignedInUsersOnly() throws Exception {
        JsonNode anonymous = JSON.readTree(ApiSession.anonymous(port).get("/actuator/health").body());
        JsonNode signedIn = JSON.readTree(manager.get("/actuator/health").body());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(signedIn.get("components").get("crmkit").get("details").get("database").asText())
                .isEqualTo("h2");
    }

    @Test
    void errorsOfTheServerCarryNoInternalMessage() {
        HttpResponse<String> storage = manager.get("/api/test/storage-failure");
        HttpResponse<String> bug = manager.get("/api/test/bug");

        assertThat(storage.statusCode()).isEqualTo(503);
        assertThat(storage.body()).contains(ApiErrors.SERVER_FAILED).doesNotContain("crm_customer")
                .doesNotContain("db-7");
        assertThat(bug.statusCode()).isEqualTo(500);
        HttpResponse<String> slow = manager.get("/api/test/search-timeout");
        assertThat(slow.statusCode()).isEqualTo(422);
        assertThat(slow.body()).contains("\"search_timeout\"", "narrow the search").doesNotContain("canceling");
        assertThat(bug.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void listensOnThisMachineOnlyByDefault(@Value("${server.address}") String address) {
        assertThat(address).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("when-authorized");
    }

    // ------------------------------------------------------------------ the API

    @Test
    void searchesWithTheJsonFilterAndCounts() throws Exception {
        JsonNode page = search("{\"filter\": {\"version\": 1, \"filter\": {\"all\": ["
                + "{\"field\": \"city\", \"op\": \"EQ\", \"values\": [\"Da Nang\"]},"
                + "{\"any\": [{\"field\": \"tags\", \"op\": \"HAS_ANY\", \"values\": [\"newsletter\"]},"
                + "{\"field\": \"tier\", \"op\": \"IN\", \"values\": [\"gold\"]}]}]}}, \"total\": true}");

        List<String> cities = values(page, "city");
        assertThat(cities).isNotEmpty().containsOnly("Da Nang");
        assertThat(page.get("total").asLong()).isEqualTo(cities.size());
        assertThat(texts(page.get("columns"))).startsWith("name", "phones", "emails");
    }

    @Test
    void servesTheSdksFieldMetadataWithIdsAsText() throws Exception {
        HttpResponse<String> response = manager.get("/api/fields");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode fields = JSON.readTree(response.body());

        JsonNode stage = field(fields, "stage");
        assertThat(stage.get("type").asText()).isEqualTo("CHOICE");
        assertThat(stage.get("operators").findValuesAsText("operator")).contains("EQ", "IN").doesNotContain("CONTAINS");
        assertThat(stage.get("options").findValuesAsText("value")).contains("lead", "customer");
        JsonNode between = operator(field(fields, "createdAt"), "BETWEEN");
        assertThat(between.get("arity").asText()).isEqualTo("TWO");
        assertThat(between.get("valueType").asText()).isEqualTo("DATETIME");
        assertThat(field(fields, "phones").get("operators").findValuesAsText("operator")).contains("CONTAINS",
                "STARTS_WITH");
        JsonNode tier = field(fields, "tier");
        assertThat(tier.get("label").asText()).isEqualTo("Tier");
        assertThat(tier.get("column").asBoolean()).isTrue();
        assertThat(tier.get("options").findValuesAsText("value")).containsExactly("bronze", "silver", "gold");
        JsonNode group = field(fields, "group").get("options").get(0);
        assertThat(group.get("label").asText()).isEqualTo(DemoData.GROUP);
        assertThat(group.get("value").isTextual()).as("64-bit ids reach JavaScript as text").isTrue();

        JsonNode members = search("{\"filter\": {\"version\": 1, \"filter\": {\"field\": \"group\", \"op\": \"EQ\","
                + " \"values\": [" + group.get("value").asText() + "]}}, \"total\": true}");
        assertThat(members.get("total").asLong()).isPositive();
        members.get("rows").forEach(row -> assertThat(texts(row.get("values").get("tags"))).contains("trade-fair"));
    }

    @Test
    void refusesABadFilterSayingWhere() throws Exception {
        HttpResponse<String> unknownField = manager.post("/api/customers/search", "{\"filter\": {\"version\": 1,"
                + " \"filter\": {\"all\": [{\"field\": \"city'; DROP TABLE crm_customer; --\", \"op\": \"EQ\","
                + " \"values\": [\"x\"]}]}}}");
        HttpResponse<String> wrongVersion = manager.post("/api/customers/search", "{\"filter\": {\"version\": 9}}");
        HttpResponse<String> badPageSize = manager.post("/api/customers/search", "{\"pageSize\": 0}");
        HttpResponse<String> notJson = manager.post("/api/customers/search", "{\"filter\": ");

        assertThat(unknownField.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(unknownField.body());
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("filter.all[0]");
        assertThat(error.get("errors").get(0).get("code").asText()).isEqualTo("unknown_field");
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertThat(wrongVersion.body()).contains("$.version");
        assertThat(badPageSize.statusCode()).isEqualTo(400);
        assertThat(badPageSize.body()).contains("pageSize");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("io.crmkit").doesNotContain("SearchRequest");
        assertThat(search("{\"total\": true}").get("total").asLong()).isGreaterThanOrEqualTo(DemoData.CUSTOMERS);
    }

    @Test
    void pagesByCursorWithIdsAsText() throws Exception {
        JsonNode first = search("{\"pageSize\": 5}");
        JsonNode second = search("{\"pageSize\": 5, \"cursor\": \"" + first.get("next").asText() + "\"}");

        assertThat(first.get("rows")).hasSize(5);
        JsonNode id = first.get("rows").get(0).get("id");
        assertThat(id.isTextual()).as("64-bit ids reach JavaScript as text").isTrue();
        assertThat(JSON.readTree(manager.get("/api/customers/" + id.asText()).body()).get("id")
                .asText()).isEqualTo(id.asText());
        assertThat(second.get("rows").findValuesAsText("id")).doesNotContainAnyElementsOf(
                first.get("rows").findValuesAsText("id"));
        assertThat(manager.get("/api/customers/1").statusCode()).isEqualTo(404);
    }

    @Test
    void savesTheActorsColumnsAndRefusesUnknownOnes() throws Exception {
        try {
            HttpResponse<String> saved = manager.put("/api/columns", "[\"name\", \"tier\"]");
            HttpResponse<String> unknown = manager.put("/api/columns", "[\"name\", \"password\"]");
            HttpResponse<String> none = manager.put("/api/columns", "[]");

            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(none.statusCode()).isEqualTo(400);
            JsonNode page = search("{}");
            assertThat(texts(page.get("columns"))).containsExactly("name", "tier");
            assertThat(texts(JSON.readTree(manager.get("/api/columns").body()).get("chosen")))
                    .containsExactly("name", "tier");
            assertThat(values(page, "tier")).isSubsetOf("bronze", "silver", "gold", "");
        } finally {
            manager.put("/api/columns", JSON.writeValueAsString(CustomerListView.DEFAULT_COLUMNS));
        }
    }

    @Test
    void importsAnUploadWithProgressAndAFailureReport() throws Exception {
        String csv = "Name,Phone,Email,City\n"
                + "Import One,+84933000001,one@import.test,Hue\n"
                + "Import Two,+84933000002,not-an-email,Hue\n"
                + "Import Three,+84933000003,three@import.test,Hue\n";
        HttpResponse<String> started = manager.upload("/api/imports", "people.csv", csv.getBytes());
        assertThat(started.statusCode()).isEqualTo(202);
        String jobId = JSON.readTree(started.body()).get("id").asText();

        JsonNode job = awaitJob(jobId);
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("done").asLong()).isEqualTo(3);
        assertThat(job.get("imported").get("created").asLong()).isEqualTo(2);
        assertThat(job.get("imported").get("failed").asLong()).isEqualTo(1);
        HttpResponse<String> report = manager.get("/api/imports/" + jobId + "/failures?format=csv");
        assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).endsWith("-failures.csv\"");
        assertThat(report.body()).contains("not-an-email").doesNotContain("Import One");
        assertThat(search("{\"keyword\": \"Import\", \"total\": true}").get("total").asLong()).isEqualTo(2);

        assertThat(manager.upload("/api/imports", "people.txt", csv.getBytes()).statusCode()).isEqualTo(400);
        assertThat(manager.upload("/api/imports", "empty.csv", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(manager.get("/api/imports/12345").statusCode()).isEqualTo(404);
    }

    @Test
    void exportsTheFilteredListInTheActorsColumns() throws Exception {
        String filter = "{\"version\":1,\"filter\":{\"field\":\"city\",\"op\":\"EQ\",\"values\":[\"Hai Phong\"]}}";
        long matching = search("{\"filter\": " + filter + ", \"total\": true}").get("total").asLong();

        HttpResponse<String> csv = manager.get("/api/export?format=csv&filter=" + encoded(filter));
        HttpResponse<byte[]> xlsx = manager.getBytes("/api/export?format=xlsx");
        HttpResponse<String> badFilter = manager.get("/api/export?format=csv&filter="
                + encoded("{\"version\":1,\"filter\":{\"field\":\"nope\",\"op\":\"EQ\",\"values\":[1]}}"));
        HttpResponse<String> badFormat = manager.get("/api/export?format=pdf");

        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize((int) matching + 1);
        assertThat(lines.get(0)).contains("name").contains("phones");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains("Hai Phong"));
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(xlsx.body()).startsWith('P', 'K');
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFormat.statusCode()).isEqualTo(400);
    }

    @Test
    void suggestsADuplicateAndMergesIt() throws Exception {
        String first = JSON.readTree(manager.post("/api/customers", "{\"name\": \"Vu Hong Nhung\","
                + " \"email\": \"hong.nhung@gmail.com\", \"city\": \"Vinh\"}").body()).get("id").asText();
        String second = JSON.readTree(manager.post("/api/customers", "{\"name\": \"Vu Hong Nhung\","
                + " \"email\": \"hongnhung@gmail.com\", \"phone\": \"0977 111 222\"}").body()).get("id").asText();

        JsonNode suggestions = JSON.readTree(manager.get("/api/duplicates").body());
        JsonNode pair = find(suggestions, first, second);
        assertThat(pair).as("the pair is suggested").isNotNull();
        assertThat(pair.get("reasons").get(0).asText()).contains("hongnhung@gmail.com");

        HttpResponse<String> merged = manager.post("/api/duplicates/merge", "{\"survivorId\": \"" + first
                + "\", \"mergedId\": \"" + second + "\"}");
        assertThat(merged.statusCode()).isEqualTo(200);
        JsonNode survivor = JSON.readTree(merged.body()).get("survivor");
        assertThat(survivor.get("emails").toString()).contains("hong.nhung@gmail.com", "hongnhung@gmail.com");
        assertThat(survivor.get("phones").toString()).contains("+84977111222");
        assertThat(find(JSON.readTree(manager.get("/api/duplicates").body()), first, second)).isNull();
        assertThat(manager.get("/api/customers/" + second).statusCode()).isEqualTo(404);
        assertThat(manager.post("/api/duplicates/merge", "{\"survivorId\": \"" + first + "\", \"mergedId\": \""
                + second + "\"}").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ the details panel

    @Test
    void showsACustomersDetailsWithVerifiedIdentitiesSegmentsAndGroups() throws Exception {
        JsonNode first = json(manager.get("/api/customers/" + idOf(DemoData.FIRST) + "/details"));
        JsonNode visitor = json(manager.get("/api/customers/" + idOf("Le Thi Binh") + "/details"));

        JsonNode phone = first.get("customer").get("identities").get(0);
        assertThat(phone.get("type").asText()).isEqualTo("PHONE");
        assertThat(phone.get("verified").asBoolean()).isTrue();
        assertThat(texts(first.get("customer").get("tags"))).contains("newsletter", "vip");
        assertThat(first.get("segments").findValuesAsText("name")).containsExactly(DemoData.SAVED_FILTER);
        assertThat(first.get("groups")).isEmpty();
        assertThat(visitor.get("groups").findValuesAsText("name")).containsExactly(DemoData.GROUP);
        assertThat(visitor.get("customer").get("identities").get(0).get("verified").asBoolean()).isFalse();
        assertThat(manager.get("/api/customers/1/details").statusCode()).isEqualTo(404);
        assertThat(manager.get("/api/customers/not-a-number/details").statusCode()).isEqualTo(400);
    }

    @Test
    void editsOneFieldAtTheVersionReadAndNamesTheFieldOfABadValue() throws Exception {
        JsonNode created = json(manager.post("/api/customers", "{\"name\": \"Inline Edit\"}"));
        String path = "/api/customers/" + created.get("id").asText();
        String version = created.get("version").asText();

        HttpResponse<String> nickname = manager.patch(path, edit(version, "nickname", "Eddie"));
        assertThat(nickname.statusCode()).as(nickname.body()).isEqualTo(200);
        JsonNode edited = json(nickname).get("customer");
        assertThat(edited.get("nickname").asText()).isEqualTo("Eddie");
        String next = edited.get("version").asText();
        JsonNode tier = json(manager.patch(path, edit(next, "tier", "gold"))).get("customer");
        assertThat(tier.get("custom").get("tier").asText()).isEqualTo("gold");
        String latest = tier.get("version").asText();
        JsonNode emails = json(manager.patch(path, edit(latest, "emails", "eddie@edit.test, ed@edit.test")))
                .get("customer");
        assertThat(emails.get("identities").findValuesAsText("value")).containsExactly("eddie@edit.test",
                "ed@edit.test");
        String current = emails.get("version").asText();

        HttpResponse<String> badEmail = manager.patch(path, edit(current, "emails", "not an email"));
        HttpResponse<String> stale = manager.patch(path, edit(version, "nickname", "Stale"));
        HttpResponse<String> badChoice = manager.patch(path, edit(current, "tier", "platinum"));
        HttpResponse<String> badDate = manager.patch(path, edit(current, "birthday", "yesterday"));
        HttpResponse<String> unknown = manager.patch(path, edit(current, "password", "x"));
        HttpResponse<String> noVersion = manager.patch(path, "{\"field\": \"nickname\", \"value\": \"x\"}");

        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(json(badEmail).get("errors").get(0).get("field").asText()).startsWith("emails");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(badChoice.statusCode()).isEqualTo(400);
        assertThat(badChoice.body()).contains("tier");
        assertThat(json(badDate).get("errors").get(0).get("field").asText()).isEqualTo("birthday");
        assertThat(json(unknown).get("errors").get(0).get("field").asText()).isEqualTo("field");
        assertThat(json(noVersion).get("errors").get(0).get("field").asText()).isEqualTo("version");
        assertThat(json(manager.get(path)).get("nickname").asText()).isEqualTo("Eddie");
    }

    @Test
    void readsTheTimelineWithItsAutomaticEventsNarrowedByType() throws Exception {
        JsonNode created = json(manager.post("/api/customers", "{\"name\": \"Timeline Reader\"}"));
        String path = "/api/customers/" + created.get("id").asText();
        manager.patch(path, edit(created.get("version").asText(), "nickname", "Tim"));

        JsonNode all = json(manager.get(path + "/timeline"));
        JsonNode changes = json(manager.get(path + "/timeline?type=fields_changed"));
        HttpResponse<String> unknownType = manager.get(path + "/timeline?type=no_such_type");
        HttpResponse<String> badSize = manager.get(path + "/timeline?size=0");
        JsonNode types = json(manager.get("/api/event-types"));

        assertThat(all.get("events").findValuesAsText("type")).containsExactly("fields_changed", "customer_created");
        assertThat(changes.get("events").findValuesAsText("type")).containsExactly("fields_changed");
        assertThat(changes.get("events").get(0).get("properties").get("fields").toString()).contains("nickname");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(json(unknownType).get("errors").get(0).get("field").asText()).startsWith("types");
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(manager.get("/api/customers/1/timeline").statusCode()).isEqualTo(404);
        assertThat(type(types, "stage_changed").get("automatic").asBoolean()).isTrue();
        assertThat(type(types, "message").get("automatic").asBoolean()).isFalse();
    }

    @Test
    void listsTheTasksOrdersLinksAndMetricsOfACustomer() throws Exception {
        String path = "/api/customers/" + idOf(DemoData.FIRST);

        JsonNode tasks = json(manager.get(path + "/tasks"));
        JsonNode orders = json(manager.get(path + "/orders"));
        JsonNode links = json(manager.get(path + "/links"));
        JsonNode metrics = json(manager.get(path + "/metrics"));

        assertThat(tasks.get("items").get(0).get("title").asText()).isEqualTo(DemoData.TASK);
        assertThat(tasks.get("items").get(0).get("status").asText()).isEqualTo("OPEN");
        JsonNode order = orders.get("items").get(0);
        assertThat(order.get("number").asText()).isEqualTo(DemoData.ORDER);
        assertThat(order.get("lines").get(0).get("name").asText()).isEqualTo("Lotus tea");
        assertThat(links.get(0).get("label").asText()).isEqualTo(DemoData.LINK);
        assertThat(metrics.get("orderCount").asLong()).isEqualTo(1);
        assertThat(metrics.get("totalSpent").decimalValue()).isEqualByComparingTo("360000");
        assertThat(manager.get(path + "/tasks?size=0").statusCode()).isEqualTo(400);
        assertThat(manager.get(path + "/orders?cursor=forged").statusCode()).isEqualTo(400);
        assertThat(manager.get("/api/customers/1/links").statusCode()).isEqualTo(404);
        assertThat(manager.get("/api/customers/1/metrics").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ bulk actions and the trash

    @Test
    void tagsIdentifiesAndAssignsTheSelectedCustomersAsAJob() throws Exception {
        String first = json(manager.post("/api/customers", "{\"name\": \"Bulk Edit One\"}")).get("id").asText();
        String second = json(manager.post("/api/customers", "{\"name\": \"Bulk Edit Two\"}")).get("id").asText();
        String ids = "{\"ids\": [\"" + first + "\", \"" + second + "\"]}";

        JsonNode tagged = bulk("{\"selection\": " + ids + ", \"operation\": \"add_tags\", \"tags\": [\"follow-up\"]}");
        JsonNode valid = bulk("{\"selection\": " + ids + ", \"operation\": \"identify_as_valid\"}");
        JsonNode assigned = bulk("{\"selection\": {\"matching\": true, \"keyword\": \"Bulk Edit\"},"
                + " \"operation\": \"assign\", \"ownerId\": \"agent-7\"}");

        assertThat(tagged.get("result").get("changed").asLong()).isEqualTo(2);
        assertThat(valid.get("result").get("changed").asLong()).isEqualTo(2);
        assertThat(assigned.get("result").get("changed").asLong()).isEqualTo(2);
        JsonNode customer = json(manager.get("/api/customers/" + second));
        assertThat(texts(customer.get("tags"))).containsExactly("follow-up");
        assertThat(customer.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(customer.get("ownerId").asText()).isEqualTo("agent-7");
    }

    @Test
    void refusesABadBulkRequestSayingWhat() throws Exception {
        String id = json(manager.post("/api/customers", "{\"name\": \"Bulk Refused\"}")).get("id").asText();
        String ids = "{\"ids\": [\"" + id + "\"]}";

        HttpResponse<String> unknown = manager.post("/api/bulk", "{\"selection\": " + ids + ", \"operation\": \"explode\"}");
        HttpResponse<String> noTags = manager.post("/api/bulk", "{\"selection\": " + ids + ", \"operation\": \"add_tags\"}");
        HttpResponse<String> nullTag = manager.post("/api/bulk", "{\"selection\": " + ids + ", \"operation\":"
                + " \"add_tags\", \"tags\": [null]}");
        HttpResponse<String> noOwner = manager.post("/api/bulk", "{\"selection\": " + ids + ", \"operation\": \"assign\"}");
        HttpResponse<String> nothing = manager.post("/api/bulk", "{\"selection\": {}, \"operation\": \"add_tags\","
                + " \"tags\": [\"x\"]}");
        HttpResponse<String> badFilter = manager.post("/api/bulk/delete-preview", "{\"matching\": true, \"filter\":"
                + " {\"version\": 1, \"filter\": {\"field\": \"nope\", \"op\": \"EQ\", \"values\": [1]}}}");
        HttpResponse<String> viewer = ApiSession.signIn(port, VIEWER, VIEWER_PASSWORD).post("/api/bulk/delete-preview",
                ids);

        assertThat(field(unknown)).isEqualTo("operation");
        assertThat(field(noTags)).startsWith("tags");
        assertThat(field(nullTag)).isEqualTo("tags[0]");
        assertThat(field(noOwner)).isEqualTo("ownerId");
        assertThat(field(nothing)).isEqualTo("selection");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("BULK_DELETE");
        assertThat(manager.get("/api/bulk/12345").statusCode()).isEqualTo(404);
        assertThat(json(manager.get("/api/customers/" + id)).get("tags")).isEmpty();
    }

    @Test
    void deletesInBulkWithTheStatementAgreementAndReasonThenRestoresFromTheTrash() throws Exception {
        manager.post("/api/customers", "{\"name\": \"Trash Pair One\", \"email\": \"one@trash.test\"}");
        manager.post("/api/customers", "{\"name\": \"Trash Pair Two\", \"email\": \"two@trash.test\"}");
        String selection = "{\"matching\": true, \"keyword\": \"Trash Pair\"}";

        JsonNode preview = json(manager.post("/api/bulk/delete-preview", selection));
        assertThat(preview.get("count").asLong()).isEqualTo(2);
        assertThat(preview.get("statement").asText()).isEqualTo(DeletePreview.STATEMENT);
        String token = preview.get("token").asText();
        HttpResponse<String> notAgreed = manager.post("/api/bulk", delete(selection, token, false,
                "customers asked to be forgotten"));
        HttpResponse<String> shortReason = manager.post("/api/bulk", delete(selection, token, true, "gone"));
        assertThat(field(notAgreed)).isEqualTo("agreed");
        assertThat(field(shortReason)).isEqualTo("reason");

        JsonNode deleted = bulk(delete(selection, token, true, "customers asked to be forgotten"));
        assertThat(deleted.get("result").get("changed").asLong()).isEqualTo(2);
        assertThat(field(manager.post("/api/bulk", delete(selection, token, true, "customers asked again"))))
                .isEqualTo("token");
        assertThat(search("{\"keyword\": \"Trash Pair\", \"total\": true}").get("total").asLong()).isZero();
        JsonNode trash = json(manager.get("/api/trash"));
        List<String> trashedIds = new ArrayList<>();
        for (JsonNode trashed : trash.get("customers")) {
            if (trashed.get("name").asText().startsWith("Trash Pair")) {
                trashedIds.add(trashed.get("id").asText());
                assertThat(trashed.get("reason").asText()).isEqualTo("customers asked to be forgotten");
                assertThat(trashed.get("deletedBy").asText()).isEqualTo(MANAGER);
            }
        }
        assertThat(trashedIds).hasSize(2);

        JsonNode restored = json(manager.post("/api/trash/restore", "{\"ids\": [\"" + String.join("\", \"",
                trashedIds) + "\"]}"));
        assertThat(texts(restored.get("restored"))).containsExactlyInAnyOrderElementsOf(trashedIds);
        assertThat(search("{\"keyword\": \"Trash Pair\", \"total\": true}").get("total").asLong()).isEqualTo(2);
        assertThat(field(manager.post("/api/trash/restore", "{}"))).isEqualTo("ids");
        assertThat(field(manager.get("/api/trash?limit=0"))).isEqualTo("limit");
        assertThat(ApiSession.signIn(port, VIEWER, VIEWER_PASSWORD).post("/api/trash/restore",
                "{\"ids\": [\"" + trashedIds.get(0) + "\"]}").statusCode()).isEqualTo(403);
    }

    private String idOf(String name) throws Exception {
        JsonNode rows = search("{\"keyword\": \"" + name + "\"}").get("rows");
        assertThat(rows).as(name).hasSize(1);
        return rows.get(0).get("id").asText();
    }

    private static String edit(String version, String field, String value) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("version", version, "field", field, "value", value));
    }

    private static String delete(String selection, String token, boolean agreed, String reason) throws Exception {
        return "{\"selection\": " + selection + ", \"operation\": \"delete\", \"token\": " + JSON.writeValueAsString(token)
                + ", \"agreed\": " + agreed + ", \"reason\": " + JSON.writeValueAsString(reason) + "}";
    }

    /** Submits a bulk operation and waits for its job to end; fails unless it ended DONE. */
    private JsonNode bulk(String request) throws Exception {
        HttpResponse<String> submitted = manager.post("/api/bulk", request);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode job = json(submitted);
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = json(manager.get("/api/bulk/" + id));
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
        return job;
    }

    /** @return the field of the first error of a 400 */
    private static String field(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("errors").get(0).get("field").asText();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode type(JsonNode types, String name) {
        for (JsonNode type : types) {
            if (type.get("type").asText().equals(name)) {
                return type;
            }
        }
        throw new AssertionError("no event type " + name + " in " + types);
    }

    private static JsonNode find(JsonNode suggestions, String a, String b) {
        for (JsonNode suggestion : suggestions) {
            List<String> ids = List.of(suggestion.get("customer").get("id").asText(),
                    suggestion.get("other").get("id").asText());
            if (ids.contains(a) && ids.contains(b)) {
                return suggestion;
            }
        }
        return null;
    }

    private JsonNode awaitJob(String jobId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode job = JSON.readTree(manager.get("/api/imports/" + jobId).body());
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = JSON.readTree(manager.get("/api/imports/" + jobId).body());
        }
        return job;
    }

    private JsonNode search(String body) throws Exception {
        HttpResponse<String> response = manager.post("/api/customers/search", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> values(JsonNode page, String column) {
        List<String> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get("values").get(column).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static JsonNode field(JsonNode fields, String key) {
        for (JsonNode field : fields) {
            if (field.get("key").asText().equals(key)) {
                return field;
            }
        }
        throw new AssertionError("no field " + key + " in " + fields);
    }

    private static JsonNode operator(JsonNode field, String operator) {
        for (JsonNode allowed : field.get("operators")) {
            if (allowed.get("operator").asText().equals(operator)) {
                return allowed;
            }
        }
        throw new AssertionError("no operator " + operator + " on " + field);
    }

    private static String encoded(String parameter) {
        return URLEncoder.encode(parameter, StandardCharsets.UTF_8);
    }
}
