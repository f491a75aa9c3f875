package io.crmkit.impl.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.Dialect;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** A job's file is stored in chunks of at most 1 MiB, read back whole, and deleted after the retention. */
class JobFilesTest {

    private static JobFiles files(TestDb db, MutableClock clock) {
        Database database = Database.open(db.dataSource(), Dialect.detect(db.dataSource()), "crm_", false);
        return new JobFiles(database, clock, "crm_", Duration.ofDays(7));
    }

    @DbTest
    void storesAFileOfSeveralChunksAndReadsItBackWhole(TestDb db) throws Exception {
        JobFiles files = files(db, new MutableClock(Instant.now()));
        byte[] content = new byte[JobFiles.CHUNK_BYTES * 2 + 12_345];
        new Random(42).nextBytes(content);

        try (OutputStream out = files.create(db.tenant(), 7)) {
            out.write(content, 0, 1000);
            out.write(content[1000]);
            out.write(content, 1001, content.length - 1001);
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        long copied = files.copy(db.tenant(), 7, read);

        assertThat(files.chunks(db.tenant(), 7)).isEqualTo(3);
        assertThat(copied).isEqualTo(content.length);
        assertThat(read.toByteArray()).isEqualTo(content);
        assertThat(files.chunks(db.tenant() + "-other", 7)).as("another tenant's file").isZero();
        files.delete(db.tenant(), 7);
        assertThat(files.chunks(db.tenant(), 7)).isZero();
    }

    @DbTest
    void anEmptyFileIsStoredAsOneEmptyChunk(TestDb db) throws Exception {
        JobFiles files = files(db, new MutableClock(Instant.now()));

        files.create(db.tenant(), 8).close();

        assertThat(files.chunks(db.tenant(), 8)).isEqualTo(1);
        assertThat(files.copy(db.tenant(), 8, new ByteArrayOutputStream())).isZero();
    }

    @DbTest
    void deletesTheFilesOlderThanTheRetentionAndKeepsTheOthers(TestDb db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2020-01-01T00:00:00Z"));
        JobFiles files = files(db, clock);
        try (OutputStream out = files.create(db.tenant(), 1)) {
            out.write(new byte[] {1, 2, 3});
        }
        clock.advance(Duration.ofDays(7));
        try (OutputStream out = files.create(db.tenant(), 2)) {
            out.write(new byte[] {4});
        }
        clock.advance(Duration.ofSeconds(1));

        files.deleteExpired();

        assertThat(files.chunks(db.tenant(), 1)).as("8 days old").isZero();
        assertThat(files.chunks(db.tenant(), 2)).as("a second old").isEqualTo(1);
    }
}
