package io.crmkit.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The REST API as a client sees it, on an in-memory H2 database with the demo customers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:sample-api;DB_CLOSE_DELAY=-1")
class SampleApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;

    @Test
    void searchesWithTheJsonFilterAndCounts() throws Exception {
        JsonNode page = search("{\"filter\": {\"version\": 1, \"filter\": {\"all\": ["
                + "{\"field\": \"city\", \"op\": \"EQ\", \"values\": [\"Da Nang\"]},"
                + "{\"any\": [{\"field\": \"tags\", \"op\": \"HAS_ANY\", \"values\": [\"newsletter\"]},"
                + "{\"field\": \"tier\", \"op\": \"IN\", \"values\": [\"gold\"]}]}]}}, \"total\": true}");

        List<String> cities = values(page, "city");
        assertThat(cities).isNotEmpty().containsOnly("Da Nang");
        assertThat(page.get("total").asLong()).isEqualTo(cities.size());
        assertThat(page.get("columns").findValuesAsText("key")).startsWith("name", "phones", "emails");
    }

    @Test
    void refusesABadFilterSayingWhere() throws Exception {
        ResponseEntity<String> unknownField = post("/api/customers/search", "{\"filter\": {\"version\": 1,"
                + " \"filter\": {\"all\": [{\"field\": \"city'; DROP TABLE crm_customer; --\", \"op\": \"EQ\","
                + " \"values\": [\"x\"]}]}}}");
        ResponseEntity<String> wrongVersion = post("/api/customers/search", "{\"filter\": {\"version\": 9}}");
        ResponseEntity<String> badPageSize = post("/api/customers/search", "{\"pageSize\": 0}");
        ResponseEntity<String> notJson = post("/api/customers/search", "{\"filter\": ");

        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = JSON.readTree(unknownField.getBody());
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("filter.all[0]");
        assertThat(error.get("errors").get(0).get("code").asText()).isEqualTo("unknown_field");
        assertThat(wrongVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongVersion.getBody()).contains("$.version");
        assertThat(badPageSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPageSize.getBody()).contains("pageSize");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(search("{\"total\": true}").get("total").asLong()).isGreaterThanOrEqualTo(DemoData.CUSTOMERS);
    }

    @Test
    void pagesByCursorWithIdsAsText() throws Exception {
        JsonNode first = search("{\"pageSize\": 5}");
        JsonNode second = search("{\"pageSize\": 5, \"cursor\": \"" + first.get("next").asText() + "\"}");

        assertThat(first.get("rows")).hasSize(5);
        JsonNode id = first.get("rows").get(0).get("id");
        assertThat(id.isTextual()).as("64-bit ids reach JavaScript as text").isTrue();
        assertThat(JSON.readTree(http.getForObject("/api/customers/" + id.asText(), String.class)).get("id")
                .asText()).isEqualTo(id.asText());
        assertThat(second.get("rows").findValuesAsText("id")).doesNotContainAnyElementsOf(
                first.get("rows").findValuesAsText("id"));
        assertThat(http.getForEntity("/api/customers/1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void savesTheActorsColumnsAndRefusesUnknownOnes() throws Exception {
        try {
            ResponseEntity<String> saved = put("/api/columns", "[\"name\", \"tier\"]");
            ResponseEntity<String> unknown = put("/api/columns", "[\"name\", \"password\"]");
            ResponseEntity<String> none = put("/api/columns", "[]");

            assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode page = search("{}");
            assertThat(page.get("columns").findValuesAsText("key")).containsExactly("name", "tier");
            assertThat(values(page, "tier")).isSubsetOf("bronze", "silver", "gold", "");
        } finally {
            put("/api/columns", JSON.writeValueAsString(ListColumns.DEFAULT));
        }
    }

    @Test
    void importsAnUploadWithProgressAndAFailureReport() throws Exception {
        String csv = "Name,Phone,Email,City\n"
                + "Import One,+84933000001,one@import.test,Hue\n"
                + "Import Two,+84933000002,not-an-email,Hue\n"
                + "Import Three,+84933000003,three@import.test,Hue\n";
        ResponseEntity<String> started = upload("people.csv", csv.getBytes());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String jobId = JSON.readTree(started.getBody()).get("id").asText();

        JsonNode job = awaitJob(jobId);
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("done").asLong()).isEqualTo(3);
        assertThat(job.get("imported").get("created").asLong()).isEqualTo(2);
        assertThat(job.get("imported").get("failed").asLong()).isEqualTo(1);
        ResponseEntity<String> report = http.getForEntity("/api/imports/" + jobId + "/failures?format=csv",
                String.class);
        assertThat(report.getHeaders().getContentDisposition().getFilename()).endsWith("-failures.csv");
        assertThat(report.getBody()).contains("not-an-email").doesNotContain("Import One");
        assertThat(search("{\"keyword\": \"Import\", \"total\": true}").get("total").asLong()).isEqualTo(2);

        assertThat(upload("people.txt", csv.getBytes()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload("empty.csv", new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/imports/12345", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void exportsTheFilteredListInTheActorsColumns() throws Exception {
        String filter = "{\"version\":1,\"filter\":{\"field\":\"city\",\"op\":\"EQ\",\"values\":[\"Hai Phong\"]}}";
        long matching = search("{\"filter\": " + filter + ", \"total\": true}").get("total").asLong();

        ResponseEntity<String> csv = http.getForEntity("/api/export?format=csv&filter={filter}", String.class,
                Map.of("filter", filter));
        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/export?format=xlsx", byte[].class);
        ResponseEntity<String> badFilter = http.getForEntity("/api/export?format=csv&filter={filter}", String.class,
                Map.of("filter", "{\"version\":1,\"filter\":{\"field\":\"nope\",\"op\":\"EQ\",\"values\":[1]}}"));
        ResponseEntity<String> badFormat = http.getForEntity("/api/export?format=pdf", String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> lines = csv.getBody().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize((int) matching + 1);
        assertThat(lines.get(0)).contains("name").contains("phones");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains("Hai Phong"));
        assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
        assertThat(xlsx.getBody()).startsWith('P', 'K');
        assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void suggestsADuplicateAndMergesIt() throws Exception {
        String first = JSON.readTree(post("/api/customers", "{\"name\": \"Vu Hong Nhung\","
                + " \"email\": \"hong.nhung@gmail.com\", \"city\": \"Vinh\"}").getBody()).get("id").asText();
        String second = JSON.readTree(post("/api/customers", "{\"name\": \"Vu Hong Nhung\","
                + " \"email\": \"hongnhung@gmail.com\", \"phone\": \"0977 111 222\"}").getBody()).get("id").asText();

        JsonNode suggestions = JSON.readTree(http.getForObject("/api/duplicates", String.class));
        JsonNode pair = find(suggestions, first, second);
        assertThat(pair).as("the pair is suggested").isNotNull();
        assertThat(pair.get("reasons").get(0).asText()).contains("hongnhung@gmail.com");

        ResponseEntity<String> merged = post("/api/duplicates/merge", "{\"survivorId\": \"" + first
                + "\", \"mergedId\": \"" + second + "\"}");
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode survivor = JSON.readTree(merged.getBody()).get("survivor");
        assertThat(survivor.get("emails").toString()).contains("hong.nhung@gmail.com", "hongnhung@gmail.com");
        assertThat(survivor.get("phones").toString()).contains("+84977111222");
        assertThat(find(JSON.readTree(http.getForObject("/api/duplicates", String.class)), first, second)).isNull();
        assertThat(http.getForEntity("/api/customers/" + second, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/duplicates/merge", "{\"survivorId\": \"" + first + "\", \"mergedId\": \"" + second
                + "\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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
        JsonNode job = JSON.readTree(http.getForObject("/api/imports/" + jobId, String.class));
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = JSON.readTree(http.getForObject("/api/imports/" + jobId, String.class));
        }
        return job;
    }

    private JsonNode search(String body) throws Exception {
        ResponseEntity<String> response = post("/api/customers/search", body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private static List<String> values(JsonNode page, String column) {
        List<String> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get("values").get(column).asText()));
        return values;
    }

    private ResponseEntity<String> post(String url, String json) {
        return http.exchange(url, HttpMethod.POST, jsonBody(json), String.class);
    }

    private ResponseEntity<String> put(String url, String json) {
        return http.exchange(url, HttpMethod.PUT, jsonBody(json), String.class);
    }

    private static HttpEntity<String> jsonBody(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }

    private ResponseEntity<String> upload(String name, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/imports", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
