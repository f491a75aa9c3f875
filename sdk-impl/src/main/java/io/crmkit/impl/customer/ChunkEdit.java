package io.crmkit.impl.customer;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.activity.CustomerChanges;
import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomValueTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.field.CustomValueRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bulk edit's writes to one chunk of customers the caller locked and validated, set-based: a patch sets the same
 * values on every customer it changes, so one UPDATE writes the patched columns of all of them (one per distinct set
 * of values, which is one unless stored text was not clean), one DELETE drops their values of the patched custom
 * fields and one batch inserts the new ones. Columns the patch does not name are not written. Each changed
 * customer gets a new version and update stamp. Inside the caller's transaction; not thread-safe.
 */
final class ChunkEdit {

    /** A locked customer and what the patch makes of it. */
    record Edited(Customer current, CleanCustomer clean) {
    }

    private final Connection connection;
    private final String prefix;
    private final IdStatements sql;

    ChunkEdit(Connection connection, String prefix, IdStatements sql) {
        this.connection = connection;
        this.prefix = prefix;
        this.sql = sql;
    }

    /** @return the timeline events of the changes, computed from the customers before and after */
    List<CustomerEvents.Change> write(Actor actor, Set<CustomerField> patched, List<Edited> edited, Instant at) {
        if (edited.isEmpty()) {
            return List.of();
        }
        List<Column> columns = patchedColumns(patched);
        Map<List<Object>, List<Long>> byValues = new LinkedHashMap<>();
        List<CustomerEvents.Change> events = new ArrayList<>();
        for (Edited customer : edited) {
            Customer current = customer.current();
            CustomerRow row = CustomerRow.of(customer.clean(), actor.tenantId(), current.id(), current.status(), at,
                    actor.actorId(), current.version() + 1);
            List<Object> values = new ArrayList<>(columns.size());
            columns.forEach(column -> values.add(row.row().get(column)));
            byValues.computeIfAbsent(values, key -> new ArrayList<>()).add(current.id());
            Customer after = row.toCustomer(current.identities(), current.tags(), customAfter(current, customer.clean()));
            events.addAll(CustomerChanges.between(current, after));
        }
        byValues.forEach((values, ids) -> update(actor, columns, values, ids, at));
        replaceCustomValues(actor.tenantId(), edited);
        return events;
    }

    /** @return the built-in columns the patch writes, in table order */
    static List<Column> patchedColumns(Set<CustomerField> patched) {
        Set<Column> columns = new LinkedHashSet<>();
        patched.forEach(field -> columns.addAll(CustomerRow.columns(field)));
        return CustomerTable.TABLE.columns().stream().filter(columns::contains).toList();
    }

    private void update(Actor actor, List<Column> columns, List<Object> values, List<Long> ids, Instant at) {
        List<Object> parameters = new ArrayList<>(values);
        parameters.add(at);
        parameters.add(actor.actorId());
        parameters.add(actor.tenantId());
        String set = columns.isEmpty() ? "" : Table.assignments(columns) + ", ";
        sql.update(connection, "UPDATE " + CustomerTable.TABLE.in(prefix) + " SET " + set + "updated_at = ?,"
                + " updated_by = ?, version = version + 1 WHERE tenant_id = ? AND id IN ", parameters, ids);
    }

    private void replaceCustomValues(String tenantId, List<Edited> edited) {
        Set<FieldDefinition> fields = edited.get(0).clean().custom().keySet();
        if (fields.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        fields.forEach(field -> parameters.add(field.id()));
        List<Long> ids = edited.stream().map(customer -> customer.current().id()).toList();
        sql.update(connection, "DELETE FROM " + CustomValueTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND"
                + " field_id IN " + IdStatements.in(fields.size()) + " AND customer_id"
                + " IN ", parameters, ids);
        try (CustomerBatch.Inserts inserts = new CustomerBatch.Inserts(connection, prefix)) {
            for (Edited customer : edited) {
                for (CustomValueRow value : CustomerStore.customRows(customer.clean())) {
                    inserts.customValue(tenantId, customer.current().id(), value);
                }
            }
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return the customer's custom values with the patched ones replaced, as a re-read would give them */
    private static Map<String, Object> customAfter(Customer current, CleanCustomer clean) {
        if (clean.custom().isEmpty()) {
            return current.custom();
        }
        Map<String, Object> custom = new LinkedHashMap<>(current.custom());
        clean.custom().forEach((field, value) -> {
            if (value == null) {
                custom.remove(field.key());
            } else {
                custom.put(field.key(), value);
            }
        });
        return custom;
    }
}
