package io.crmkit.samples.web;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.FileFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Exports: the customers matching the list's filter and keyword, in the actor's columns, streamed as .xlsx or
 * .csv while the SDK reads them (memory stays bounded whatever the number of customers).
 */
@RestController
class ExportApi {

    private final Crm crm;
    private final CustomerListView listView;

    ExportApi(Crm crm, CustomerListView listView) {
        this.crm = crm;
        this.listView = listView;
    }

    /**
     * @param format  xlsx (default) or csv
     * @param filter  the SDK's versioned filter JSON, or none for everyone
     * @param keyword as in the search
     * @return the file as an attachment; 400 for a bad format or filter, 403 without the EXPORT permission, checked
     *         before anything is sent
     */
    @GetMapping("/api/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "xlsx") String format,
                                                 @RequestParam(required = false) String filter,
                                                 @RequestParam(defaultValue = "") String keyword) {
        Actor actor = crm.actor();
        // The SDK checks the permission too, but only when the body is written, after the 200 has been sent.
        if (!actor.can(Permission.EXPORT)) {
            throw new PermissionDeniedException(Permission.EXPORT, actor.actorId(), "export customers");
        }
        FileFormat chosen = FileFormat.ofFileName("customers." + format).filter(FileFormat::canWrite).orElseThrow(() -> ValidationException.of(
                "format", "format", "format: must be xlsx or csv, got '" + format + "'"));
        ExportRequest.Builder request = ExportRequest.builder(chosen).keyword(keyword).view(listView.view().name());
        if (filter != null && !filter.isBlank()) {
            request.filter(crm.filters().parse(filter));
        }
        ExportRequest built = request.build();
        // Compiles the filter and keyword without running them, so that a bad one is a 400, not a broken download.
        crm.filters().explain(built.filter().map(Query::where).orElseGet(Query::all).keyword(keyword));
        // The service is taken here, on the request's thread, where the Crm bean knows the actor; the body is
        // written later on another thread.
        ExportService exports = crm.exports();
        StreamingResponseBody body = out -> exports.run(built, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers." + chosen.extension()
                        + "\"")
                .contentType(Downloads.mediaType(chosen))
                .body(body);
    }
}
