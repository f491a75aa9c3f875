package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export submitted without a host path keeps its file in the database: any kit serves it, until the retention. */
class StoredExportTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static String file(Crm crm, long jobId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        crm.exports().writeFile(jobId, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @DbTest
    void anExportsFileWrittenByOneKitIsServedByAnotherKitOnTheSameDatabase(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit writer = db.newKit(prefix, builder -> { });
             CrmKit server = db.newKit(prefix, builder -> { })) {
            Actor actor = Actor.of(db.tenant(), "agent-1", Permission.ALL);
            Crm crm = writer.as(actor);
            crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "served", 25))).build());

            long id = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).columns(List.of("name")).build());
            Job job = crm.jobs().await(id, LONG);

            assertThat(job.state()).isEqualTo(JobState.DONE);
            assertThat(job.name()).isEqualTo("export.csv");
            List<String> lines = file(server.as(actor), id).lines().toList();
            assertThat(lines).hasSize(26);
            assertThat(lines.subList(1, 26)).containsExactlyInAnyOrderElementsOf(NameFiles.rows("served", 25));
            assertThat(file(server.as(actor), id)).isEqualTo(file(crm, id));
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void anExportsFileIsDeletedAfterTheRetention(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(Instant.now());
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(clock).jobFileRetention(Duration.ofDays(2)))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
            long old = crm.exports().submit(ExportRequest.builder(FileFormat.XLSX).build());
            crm.jobs().await(old, LONG);
            assertThat(file(crm, old)).isNotEmpty();
            clock.advance(Duration.ofDays(2).plusSeconds(1));

            long fresh = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build());
            crm.jobs().await(fresh, LONG);

            assertThatThrownBy(() -> file(crm, old)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("retention");
            assertThat(file(crm, fresh)).isNotEmpty();
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void aFileIsServedOnlyToItsTenantWithTheExportPermissionAndNotForAPathExport(TestDb db) throws Exception {
        Crm crm = db.crm();
        long stored = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build());
        crm.jobs().await(stored, LONG);
        long onDisk = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build(), dir.resolve("disk.csv"));
        crm.jobs().await(onDisk, LONG);

        assertThatThrownBy(() -> file(db.otherTenant(), stored)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> file(db.crm(Permission.READ), stored)).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("EXPORT");
        assertThatThrownBy(() -> file(crm, onDisk)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("host path");
    }

    @Test
    void aRetentionOutOfRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> CrmKit.builder().jobFileRetention(Duration.ofMinutes(59)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("jobFileRetention");
        assertThatThrownBy(() -> CrmKit.builder().jobFileRetention(Duration.ofDays(3651)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("jobFileRetention");
    }
}
