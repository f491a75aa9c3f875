package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.TransferJob;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Migration 16 moves the jobs of bulk_job and transfer_job into one job table: every row keeps its id (which hosts
 * stored, and import_failure and job_file refer to), its kind, state, counts, result and stored request, and the kit
 * reads them as before; the two old tables are gone.
 */
class JobTableMigrationTest {

    private static final String TENANT = "mig16";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DbTest
    void theJobsOfBothOldTablesKeepTheirIdsKindsStatesCountsAndRequests(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        try {
            OlderSchema.migrate(db, prefix, "15");
            String tagged = JSON.writeValueAsString(new BulkResult("add_tags", 10, 8, 2, 0, 0, List.of()));
            String bulk = "INSERT INTO " + prefix + "bulk_job (tenant_id, id, actor_id, operation, selection, state,"
                    + " token, total, done, result, error, created_at, updated_at, lease_owner, lease_until, run_key,"
                    + " active_key, request, cancel_requested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)";
            insert(db, bulk, TENANT, 101L, "a", "add_tags", "all", "DONE", null, 10L, 10L, tagged, null, at(1), at(2),
                    "owner-1", null, "run-1", null, null, false);
            insert(db, bulk, TENANT, 102L, "a", "assign", "ids:[7]", "QUEUED", null, 1L, 0L, null, null, at(3), at(3),
                    "scheduled", LocalDateTime.parse("9999-01-01T00:00:00"), "run-2", "run-2",
                    "{\"operation\":\"assign\"}", false);
            insert(db, bulk, TENANT, 103L, "b", "delete", "ids:[7]", "PENDING", "token-3", 1L, 0L, null, null, at(5),
                    at(5), null, null, null, null, null, false);
            String transfer = "INSERT INTO " + prefix + "transfer_job (tenant_id, id, kind, actor_id, file_name,"
                    + " fingerprint, dry_run, state, total, done, result, error, created_at, updated_at, lease_owner,"
                    + " lease_until, active_key, request, cancel_requested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?)";
            insert(db, transfer, TENANT, 201L, "IMPORT", "a", "people.csv", "fp-1", false, "FAILED", 5L, 3L,
                    "{\"rows\":3,\"created\":1,\"updated\":1,\"unchanged\":0,\"failed\":1}", "disk full", at(2), at(4),
                    "owner-2", null, "fp-1", "{\"fileName\":\"people.csv\"}", true);
            insert(db, transfer, TENANT, 202L, "EXPORT", "b", "export.csv", "", false, "DONE", 4L, 4L, null, null,
                    at(4), at(4), "owner-3", null, null, "{\"format\":\"CSV\"}", false);
            insert(db, transfer, TENANT, 203L, "IMPORT", "a", "trial.csv", "fp-3", true, "DONE", 2L, 2L,
                    "{\"rows\":2,\"created\":2,\"updated\":0,\"unchanged\":0,\"failed\":0}", null, at(6), at(6),
                    "owner-4", null, null, null, false);
            String failure = "INSERT INTO " + prefix + "import_failure (tenant_id, job_id, row_no, cells, reasons)"
                    + " VALUES (?, ?, ?, ?, ?)";
            insert(db, failure, TENANT, 201L, 1L, "[\"name\"]", "[]");
            insert(db, failure, TENANT, 201L, 3L, "[\"\"]", "[\"name: required\"]");

            try (CrmKit kit = db.newKit(prefix, builder -> { })) {
                assertThat(kit.appliedSchemaVersion()).isEqualTo("23");
                assertThat(rows(db, prefix)).containsExactly(
                        List.of("101", "BULK", "DONE", "10", "10", "add_tags", "null", "run-1", "null", "false", "null",
                                "owner-1", "false"),
                        List.of("102", "BULK", "QUEUED", "1", "0", "assign", "null", "run-2", "run-2", "false",
                                "{\"operation\":\"assign\"}", "scheduled", "false"),
                        List.of("103", "BULK", "PENDING", "1", "0", "delete", "null", "null", "null", "false", "null",
                                "null", "false"),
                        List.of("201", "IMPORT", "FAILED", "5", "3", "null", "people.csv", "fp-1", "fp-1", "false",
                                "{\"fileName\":\"people.csv\"}", "owner-2", "true"),
                        List.of("202", "EXPORT", "DONE", "4", "4", "null", "export.csv", "null", "null", "false",
                                "{\"format\":\"CSV\"}", "owner-3", "false"),
                        List.of("203", "IMPORT", "DONE", "2", "2", "null", "trial.csv", "fp-3", "null", "true", "null",
                                "owner-4", "false"));
                assertThat(db.column("SELECT selection FROM " + prefix + "job WHERE id = 102")).containsExactly(
                        "ids:[7]");
                assertThat(db.column("SELECT token FROM " + prefix + "job WHERE id = 103")).containsExactly(
                        "token-3");
                for (String old : List.of("bulk_job", "transfer_job")) {
                    assertThatThrownBy(() -> db.column("SELECT COUNT(*) FROM " + prefix + old)).as(old + " is gone")
                            .isInstanceOf(IllegalStateException.class);
                }

                Crm crm = kit.as(Actor.of(TENANT, "a", Permission.ALL));
                BulkJob tagging = crm.bulk().job(101).orElseThrow();
                assertThat(tagging.state()).isEqualTo(BulkJob.State.DONE);
                assertThat(tagging.result().orElseThrow().changed()).isEqualTo(8);
                assertThat(crm.bulk().job(102).orElseThrow().state()).as("waiting for the scheduler")
                        .isEqualTo(BulkJob.State.QUEUED);
                assertThat(crm.bulk().job(103).orElseThrow().operation()).isEqualTo("delete");
                assertThat(crm.bulk().job(201)).as("an import is no bulk job").isEmpty();
                TransferJob imported = crm.imports().jobs().find(201).orElseThrow();
                assertThat(imported.state()).isEqualTo(TransferJob.State.FAILED);
                assertThat(imported.error()).contains("disk full");
                assertThat(imported.imported().orElseThrow().created()).isEqualTo(1);
                assertThat(crm.imports().jobs().find(202).orElseThrow().kind()).isEqualTo(TransferJob.Kind.EXPORT);
                assertThat(crm.imports().jobs().find(203).orElseThrow().imported().orElseThrow().dryRun()).isTrue();
                assertThat(crm.imports().jobs().find(101)).as("a bulk job is no transfer").isEmpty();

                List<Job> latest = crm.jobs().latest(10);
                assertThat(latest).extracting(Job::id).containsExactly(203L, 103L, 202L, 102L, 201L, 101L);
                assertThat(latest).extracting(Job::kind).containsExactly(JobKind.IMPORT, JobKind.BULK, JobKind.EXPORT,
                        JobKind.BULK, JobKind.IMPORT, JobKind.BULK);
                assertThat(latest).extracting(Job::state).containsExactly(JobState.DONE, JobState.PENDING,
                        JobState.DONE, JobState.QUEUED, JobState.FAILED, JobState.DONE);

                ByteArrayOutputStream report = new ByteArrayOutputStream();
                crm.imports().writeFailureReport(201, FileFormat.CSV, report);
                assertThat(report.toString(StandardCharsets.UTF_8)).as("its failures still name the import")
                        .contains("name: required");
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    /** 2025-01-01 plus some minutes, for the jobs' timestamps. */
    private static LocalDateTime at(int minutes) {
        return LocalDateTime.parse("2025-01-01T00:00:00").plusMinutes(minutes);
    }

    private static void insert(TestDb db, String sql, Object... values) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** @return the tenant's jobs in id order: the columns a job keeps through the migration, as text */
    private static List<List<String>> rows(TestDb db, String prefix) throws SQLException {
        List<String> columns = List.of("id", "kind", "state", "total", "done", "operation", "file_name", "run_key",
                "active_key", "dry_run", "request", "lease_owner", "cancel_requested");
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + String.join(", ", columns)
                     + " FROM " + prefix + "job WHERE tenant_id = ? ORDER BY id")) {
            statement.setString(1, TENANT);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String[] row = new String[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        String column = columns.get(i);
                        row[i] = column.equals("dry_run") || column.equals("cancel_requested")
                                ? String.valueOf(result.getBoolean(i + 1)) : String.valueOf(result.getString(i + 1));
                    }
                    rows.add(Arrays.asList(row));
                }
            }
        }
        return rows;
    }
}
