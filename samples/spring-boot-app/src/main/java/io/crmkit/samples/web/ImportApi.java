package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.TransferJob;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Imports: an uploaded .xlsx or .csv becomes an import job on the kit's job threads with the suggested column
 * mapping; the page polls the job for its progress and, when rows failed, downloads the failure report.
 * The uploaded file is kept in a temporary directory until its job has ended.
 */
@RestController
@RequestMapping("/api/imports")
class ImportApi {

    private final Crm crm;
    private final Path uploads;
    private final Map<Long, Path> running = new ConcurrentHashMap<>();

    ImportApi(Crm crm) throws IOException {
        this.crm = crm;
        this.uploads = Files.createTempDirectory("crmkit-sample-uploads");
        this.uploads.toFile().deleteOnExit();
    }

    /**
     * Starts an import of the uploaded file.
     *
     * @return 202 with the job (poll {@code GET /api/imports/{id}}); 400 when the file is empty or not .xlsx or
     *         .csv, or its header cannot be read
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TransferJob> upload(@RequestParam("file") MultipartFile file) throws IOException {
        String name = baseName(file.getOriginalFilename());
        FileFormat format = format(name);
        if (file.isEmpty()) {
            throw ValidationException.of("file", "empty", "file: '" + name + "' is empty");
        }
        Path copy = Files.createTempFile(uploads, "import-", "." + format.extension());
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportService imports = crm.imports();
        long jobId;
        try {
            jobId = imports.submit(ImportRequest.builder(ImportFile.of(copy, format)).source("web import").build());
        } catch (RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        running.put(jobId, copy);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job(jobId));
    }

    /** @return the job's state and progress; 404 for an unknown job */
    @GetMapping("/{id}")
    TransferJob job(@PathVariable long id) {
        TransferJob job = crm.imports().jobs().find(id)
                .orElseThrow(() -> new NotFoundException("no import job " + id));
        if (job.state() != TransferJob.State.QUEUED && job.state() != TransferJob.State.RUNNING) {
            Path copy = running.remove(id);
            if (copy != null) {
                delete(copy);
            }
        }
        return job;
    }

    /** The rows that failed, each with its row number and the reasons, as .csv (default) or .xlsx. */
    @GetMapping("/{id}/failures")
    ResponseEntity<StreamingResponseBody> failures(@PathVariable long id,
                                                   @RequestParam(defaultValue = "csv") String format) {
        FileFormat chosen = FileFormat.ofFileName("report." + format).filter(FileFormat::canWrite).orElseThrow(() -> ValidationException.of(
                "format", "format", "format: must be csv or xlsx, got '" + format + "'"));
        ImportService imports = crm.imports();
        imports.jobs().find(id).orElseThrow(() -> new NotFoundException("no import job " + id));
        StreamingResponseBody body = out -> imports.writeFailureReport(id, chosen, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-failures."
                        + chosen.extension() + "\"")
                .contentType(Downloads.mediaType(chosen))
                .body(body);
    }

    /** The name without the folders some browsers send with it. */
    private static String baseName(String uploaded) {
        if (uploaded == null) {
            return "";
        }
        return uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
    }

    private static FileFormat format(String name) {
        return FileFormat.ofFileName(name).orElseThrow(() -> ValidationException.of("file", "format",
                "file: must be .xlsx, .xls or .csv, got '" + name + "'"));
    }

    /** Deletes the uploads of jobs nobody polled to their end. */
    @PreDestroy
    void deleteUploads() {
        running.values().forEach(ImportApi::delete);
        delete(uploads);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
