package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.api.trash.TrashedCustomer;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trash: the customers deleted most recently, with who deleted them and why, and their restore. */
@RestController
@RequestMapping("/api/trash")
class TrashApi {

    /** Most customers listed. */
    static final int MAX_LISTED = 1000;

    private final Crm crm;

    TrashApi(Crm crm) {
        this.crm = crm;
    }

    /** @return up to {@code limit} (1-{@value #MAX_LISTED}) deleted customers, newest first, and how many there are */
    @GetMapping
    Trash list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw ValidationException.of("limit", "out_of_range", "limit: must be 1 to " + MAX_LISTED + ", got "
                    + limit);
        }
        List<Trashed> customers = crm.trash().list(limit).stream().map(TrashApi::trashed).toList();
        return new Trash(crm.trash().count(), customers);
    }

    /**
     * Puts customers back as they were. A customer whose phone or email now belongs to another stays in the trash
     * and is listed in {@code refused} with the reason. 400 without ids, 403 without DELETE.
     */
    @PostMapping("/restore")
    RestoreResult restore(@RequestBody RestoreRequest request) {
        if (request.ids() == null || request.ids().isEmpty()) {
            throw ValidationException.of("ids", "required", "ids: choose the customers to restore");
        }
        return crm.trash().restore(request.ids());
    }

    private static Trashed trashed(TrashedCustomer trashed) {
        Customer customer = trashed.customer();
        return new Trashed(customer.id(), customer.name(), customer.phones(), customer.emails(), trashed.deletedAt(),
                trashed.deletedBy(), trashed.reason(), trashed.purgeAfter());
    }

    /** How many customers the trash holds, and the newest of them. */
    record Trash(long count, List<Trashed> customers) {
    }

    /** What the trash view shows of a deleted customer. */
    record Trashed(long id, String name, List<String> phones, List<String> emails, Instant deletedAt,
                   String deletedBy, String reason, Instant purgeAfter) {
    }

    /** The customers to restore. */
    record RestoreRequest(List<Long> ids) {
    }
}
