package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.Link;
import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Task;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the details panel shows beside the customer's record: its tasks, orders (with their lines), links to the host's
 * objects and metrics. Each answers 404 when the tenant has no such customer (or it is in the trash), and 400 for a
 * page size outside 1-1000 or a foreign cursor.
 */
@RestController
@RequestMapping("/api/customers/{id}")
class CustomerActivityApi {

    private final Crm crm;

    CustomerActivityApi(Crm crm) {
        this.crm = crm;
    }

    /** @return the open tasks by due time, then (with {@code closed}) the closed ones */
    @GetMapping("/tasks")
    Items<Task> tasks(@PathVariable long id, @RequestParam(defaultValue = "true") boolean closed,
                      @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String cursor) {
        return Items.of(crm.activities().tasks().ofCustomer(id, closed, page(size, cursor)));
    }

    /** @return the orders, newest first, with their lines */
    @GetMapping("/orders")
    Items<Order> orders(@PathVariable long id, @RequestParam(defaultValue = "50") int size,
                        @RequestParam(required = false) String cursor) {
        return Items.of(crm.activities().orders().ofCustomer(id, page(size, cursor)));
    }

    /** @return the links, oldest first */
    @GetMapping("/links")
    List<Link> links(@PathVariable long id) {
        return crm.activities().links().of(id);
    }

    /** @return the metrics as last refreshed */
    @GetMapping("/metrics")
    CustomerMetrics metrics(@PathVariable long id) {
        return crm.activities().metrics().of(id);
    }

    private static PageRequest page(int size, String cursor) {
        PageRequest first = PageRequest.first(size);
        return cursor == null || cursor.isBlank() ? first : first.after(cursor);
    }

    /** A page of items and the cursor of the next (null after the last). */
    record Items<T>(List<T> items, String next) {

        static <T> Items<T> of(Page<T> page) {
            return new Items<>(page.items(), page.nextCursor().orElse(null));
        }
    }
}
