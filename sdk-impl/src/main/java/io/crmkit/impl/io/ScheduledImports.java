package io.crmkit.impl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportMode;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.MatchKey;
import io.crmkit.impl.job.JobFiles;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the imports submitted as scheduled jobs, in whichever kit picks them up: the import's file and settings are
 * read from the database, and the import is run again as its actor, which takes over its job and continues after its
 * last committed row (the first run starts at row 1). One per kit; thread-safe.
 */
public final class ScheduledImports {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledImports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore jobs;
    private final JobFiles files;
    private final TransferEnds ends;
    private final Function<Actor, Crm> crms;

    /**
     * @param jobs the kit's stored jobs
     * @param crms the kit's scoped facade of an actor
     */
    public ScheduledImports(JobStore jobs, JobFiles files, TransferEnds ends, Function<Actor, Crm> crms) {
        this.jobs = jobs;
        this.files = files;
        this.ends = ends;
        this.crms = crms;
    }

    /**
     * An import's settings as stored with its job: what {@link ImportRequest} holds but its file's path.
     *
     * @param fileName the file's name, for its format
     */
    record StoredRequest(String fileName, FileFormat format, char delimiter, Map<String, String> mapping,
                         ImportMode mode, MatchKey matchBy, String source, List<String> tags, List<Long> groups) {

        static String toJson(ImportRequest request) {
            try {
                return JSON.writeValueAsString(new StoredRequest(request.file().path().getFileName().toString(),
                        request.file().format(), request.file().delimiter(), request.mapping(), request.mode(),
                        request.matchBy().orElse(null), request.source().orElse(null), request.tags(),
                        request.groups()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an import request could not be written as JSON", e);
            }
        }

        static StoredRequest fromJson(String json) {
            try {
                return JSON.readValue(json, StoredRequest.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored import request is not readable: " + e.getMessage(), e);
            }
        }

        ImportRequest request(Path file) {
            ImportRequest.Builder builder = ImportRequest.builder(ImportFile.of(file, format).withDelimiter(delimiter))
                    .mapping(mapping).mode(mode);
            if (matchBy != null) {
                builder.matchBy(matchBy);
            }
            if (source != null) {
                builder.source(source);
            }
            tags.forEach(builder::tag);
            groups.forEach(builder::group);
            return builder.build();
        }
    }

    /**
     * Runs (or continues) a scheduled import; returns normally when the job ended, whatever its end (a failure is
     * stored with the job and logged), and when it had ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    public void run(JobScheduler.ScheduledJob job) {
        Optional<String> stored = jobs.requestToRun(job, "import job");
        if (stored.isEmpty()) {
            return;
        }
        if (files.chunks(job.tenantId(), job.jobId()) == 0) {
            LOG.warn("Scheduled import job {} of tenant '{}' lost its file (kept for {}); run the import again to"
                    + " continue it", job.jobId(), job.tenantId(), files.retention());
            return;
        }
        StoredRequest request = StoredRequest.fromJson(stored.get());
        jobs.releaseScheduled(job.tenantId(), job.jobId());
        Crm crm = crms.apply(Actor.of(job.tenantId(), job.actorId(), Permission.IMPORT, Permission.READ));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("crmkit-import-");
            Path file = dir.resolve(request.fileName());
            try (OutputStream out = Files.newOutputStream(file)) {
                files.copy(job.tenantId(), job.jobId(), out);
            }
            crm.imports().run(request.request(file));
        } catch (ConflictException held) {
            throw held;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scheduled import job {} of tenant '{}' failed; the job stores why, and running the same import"
                    + " again continues it", job.jobId(), job.tenantId(), e);
        } finally {
            delete(dir);
        }
        crm.imports().jobs().find(job.jobId()).ifPresent(ends::report);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
