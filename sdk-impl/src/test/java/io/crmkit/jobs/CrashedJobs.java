package io.crmkit.jobs;

import io.crmkit.api.Crm;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.ChildJvm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/** What the crash tests share: the customers file, watching a child JVM's job, waiting for the job another kit ends. */
final class CrashedJobs {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration CHILD_PATIENCE = Duration.ofSeconds(90);

    private CrashedJobs() {
    }

    /**
     * @return the file, written with a header {@code name,remark} and rows "Customer 00000" ... of customers with a
     *         name and no identity, so that a row imported twice makes a second customer
     */
    static Path numberedNames(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("name,remark\r\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.format("Customer %05d,row %d\r\n", i, i));
            }
        }
        return file;
    }

    /**
     * Waits until the job is DONE: interrupted at first (its kit died), then continued here once the dead kit's
     * heartbeats stopped, which {@code await} wakes on when it ends.
     *
     * @return the job as it was last read, DONE unless {@link #PATIENCE} passed first
     */
    static Job awaitDone(Crm crm, long id) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Job job = crm.jobs().await(id, PATIENCE);
        while (job.state() != JobState.DONE && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = crm.jobs().await(id, PATIENCE);
        }
        return job;
    }

    /**
     * Reads the progress of the tenant's job of {@code kind} in {@code jobTable} (the prefixed job table; any kind
     * when null) with plain JDBC, no kit of the test's own, until the child JVM committed {@code atLeast}. A table the
     * child has not created yet reads as no progress.
     *
     * @return what was committed then
     * @throws AssertionError with the child's log when it ended first or took longer than {@link #CHILD_PATIENCE}
     */
    static long awaitProgress(Connection connection, String jobTable, String kind, String tenant, ChildJvm child,
                              long atLeast, Path log) throws InterruptedException, SQLException, IOException {
        long deadline = System.nanoTime() + CHILD_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            long done = done(connection, jobTable, kind, tenant);
            if (done >= atLeast) {
                return done;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM ended before committing " + atLeast + ":\n"
                        + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child JVM committed fewer than " + atLeast + " in " + CHILD_PATIENCE + ":\n"
                + Files.readString(log));
    }

    private static long done(Connection connection, String jobTable, String kind, String tenant)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT done FROM " + jobTable
                + " WHERE tenant_id = ?" + (kind == null ? "" : " AND kind = ?"))) {
            statement.setString(1, tenant);
            if (kind != null) {
                statement.setString(2, kind);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("not found") || message.contains("exist")) {
                return 0; // the child is still creating the tables
            }
            throw e;
        }
    }
}
