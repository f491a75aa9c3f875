package io.crmkit.impl.db;

import io.crmkit.testing.TestDb;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** Migrates a test's own prefix up to an older schema version, as a kit of that version left it. */
final class OlderSchema {

    private OlderSchema() {
    }

    /** Runs the kit's migrations of the database's dialect for {@code prefix} up to {@code version}, inclusive. */
    static void migrate(TestDb db, String prefix, String version) {
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(db.dataSource())
                .locations("classpath:io/crmkit/db/migration/" + Dialect.detect(db.dataSource()).id())
                .table(prefix + "schema_history").placeholders(Map.of("prefix", prefix))
                .javaMigrations(new MatchKeyBackfill(prefix)).baselineOnMigrate(true).baselineVersion("0")
                .target(version).load().migrate();
    }
}
