package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventTypes;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.TimelineQuery;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's timeline, newest first, narrowed to the types the panel's filter chose, and the event types to choose
 * from: the SDK's list of the tenant's types, each marked when the SDK records it by itself.
 */
@RestController
class TimelineApi {

    private final Crm crm;

    TimelineApi(Crm crm) {
        this.crm = crm;
    }

    /** @return every event type of the tenant, built-in first; {@code automatic} for those the SDK records itself */
    @GetMapping("/api/event-types")
    List<EventType> types() {
        return crm.activities().timeline().types().stream()
                .map(type -> new EventType(type, EventTypes.AUTOMATIC.contains(type))).toList();
    }

    /**
     * A page of the customer's events. 400 for an unknown type, a size outside 1-1000 or a foreign cursor; 404 when
     * there is no such customer.
     *
     * @param type   the types to show; none for all
     * @param size   events per page
     * @param cursor the {@code next} of the previous page
     */
    @GetMapping("/api/customers/{id}/timeline")
    Events timeline(@PathVariable long id, @RequestParam(name = "type", required = false) List<String> type,
                    @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String cursor) {
        PageRequest page = cursor == null || cursor.isBlank() ? PageRequest.first(size)
                : PageRequest.first(size).after(cursor);
        TimelineQuery query = TimelineQuery.newest().page(page);
        if (type != null) {
            query = query.types(type.stream().filter(t -> !t.isBlank()).toArray(String[]::new));
        }
        Page<Event> events = crm.activities().timeline().read(id, query);
        return new Events(events.items(), events.nextCursor().orElse(null));
    }

    /** An event type, and whether the SDK records it by itself. */
    record EventType(String type, boolean automatic) {
    }

    /** A page of events and the cursor of the next (null after the last). */
    record Events(List<Event> events, String next) {
    }
}
