package io.crmkit.samples.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.api.Crm;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bulk bar: an operation on the selected customers (by id) or on every customer matching the list's filter and
 * keyword, run as a job of the kit that the page polls for its progress and result. A delete takes two steps, as the
 * SDK requires: the preview counts the customers and returns the statement to show and a token; the delete carries
 * the token, the actor's agreement to the statement and a reason of 10-500 characters.
 */
@RestController
@RequestMapping("/api/bulk")
class BulkApi {

    private final Crm crm;

    BulkApi(Crm crm) {
        this.crm = crm;
    }

    /**
     * The first step of a delete.
     *
     * @return how many customers it would delete, the SDK's deletion statement, and the token the delete must carry
     *         within 15 minutes; 400 for a bad selection, 403 without BULK_DELETE
     */
    @PostMapping("/delete-preview")
    DeletePreview previewDelete(@RequestBody SelectionRequest selection) {
        return crm.bulk().previewDelete(selection(selection));
    }

    /**
     * Starts an operation as a job.
     *
     * @return 202 with the job (poll {@code GET /api/bulk/{id}}); 400 naming the bad value (an unknown operation, no
     *         tags, a delete without agreement or with a short reason, a used token); 403 without the permission
     */
    @PostMapping
    ResponseEntity<BulkJob> submit(@RequestBody BulkRequest request) {
        long id = crm.bulk().submit(selection(request.selection()), operation(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job(id));
    }

    /** @return the job's state, progress and, once it ended, its result; 404 for an unknown job */
    @GetMapping("/{id}")
    BulkJob job(@PathVariable long id) {
        return crm.bulk().job(id).orElseThrow(() -> new NotFoundException("no bulk job " + id));
    }

    private Selection selection(SelectionRequest request) {
        if (request == null) {
            throw ValidationException.of("selection", "required", "selection: choose customers or a filter");
        }
        if (request.ids() != null && !request.ids().isEmpty()) {
            return Selection.ids(request.ids());
        }
        if (!Boolean.TRUE.equals(request.matching())) {
            throw ValidationException.of("selection", "required", "selection: select customers, or set matching to"
                    + " act on every customer matching the filter");
        }
        String keyword = request.keyword() == null ? "" : request.keyword();
        JsonNode filter = request.filter();
        return new Selection(filter == null || filter.isNull() ? Optional.empty()
                : Optional.of(crm.filters().parse(filter.toString())), keyword, List.of());
    }

    private static BulkOperation operation(BulkRequest request) {
        String name = request.operation() == null ? "" : request.operation();
        return switch (name) {
            case "add_tags" -> BulkOperation.addTags(tags(request));
            case "remove_tags" -> BulkOperation.removeTags(tags(request));
            case "identify_as_valid" -> BulkOperation.identifyAsValid();
            case "recycle_to_pool" -> BulkOperation.recycleToPool();
            case "assign" -> BulkOperation.assign(request.ownerId() == null ? "" : request.ownerId());
            case "delete" -> BulkOperation.delete(request.token() == null ? "" : request.token(),
                    Boolean.TRUE.equals(request.agreed()), request.reason() == null ? "" : request.reason());
            default -> throw ValidationException.of("operation", "unknown", "operation: must be one of add_tags,"
                    + " remove_tags, identify_as_valid, recycle_to_pool, assign or delete, got '" + name + "'");
        };
    }

    private static List<String> tags(BulkRequest request) {
        return request.tags() == null ? List.of() : request.tags();
    }

    /**
     * The customers of an operation: the ids selected, or (with {@code matching}) every customer matching the filter
     * and keyword as the list shows them.
     *
     * @param ids      the selected customers' ids
     * @param matching true to act on the customers matching {@code filter} and {@code keyword} instead
     * @param filter   the SDK's versioned filter JSON, or null for no filter
     * @param keyword  the list's keyword, or null
     */
    record SelectionRequest(List<Long> ids, Boolean matching, JsonNode filter, String keyword) {
    }

    /**
     * An operation as the bulk bar sends it.
     *
     * @param selection the customers
     * @param operation add_tags, remove_tags, identify_as_valid, recycle_to_pool, assign or delete
     * @param tags      the tags to add or remove
     * @param ownerId   the new owner of an assign
     * @param token     the delete preview's token
     * @param agreed    whether the user ticked agreement to the deletion statement
     * @param reason    why the customers are deleted
     */
    record BulkRequest(SelectionRequest selection, String operation, List<String> tags, String ownerId, String token,
                       Boolean agreed, String reason) {
    }
}
