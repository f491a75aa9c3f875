package io.crmkit.impl.customer;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.TenantFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to many existing customers, as an import makes them: each is validated with the rules of a single
 * update, then all are written together: one JDBC batch of versioned UPDATEs, one DELETE of replaced identities per
 * list of ids, and the new rows at once per table ({@link io.crmkit.impl.db.BulkRows}). Each write names the version the
 * change was validated against; a customer changed in between fails the whole flush with a
 * {@link ConflictException}, which rolls the caller's transaction back. Not thread-safe.
 */
public final class CustomerUpdates {

    private static final List<Column> EDITED = CustomerTable.EDITED;

    private final String tablePrefix;
    private final CustomerEditor editor;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    public CustomerUpdates(String tablePrefix, CustomerEditor editor) {
        this.tablePrefix = tablePrefix;
        this.editor = editor;
    }

    private static final class Pending {
        final Customer current;
        CleanCustomer clean;
        final List<String> tags = new ArrayList<>();

        Pending(Customer current) {
            this.current = current;
        }
    }

    /**
     * Queues a change of a customer read in the caller's transaction, and tags to add to it.
     *
     * @return whether the customer changes
     * @throws ValidationException when the patch breaks a rule for this customer; nothing is queued
     */
    public boolean add(Customer current, CustomerPatch patch, Set<String> newTags, TenantFields fields) {
        CleanCustomer clean = editor.validate(current, patch, fields);
        boolean changes = !CustomerEditor.unchanged(current, clean);
        if (!changes && newTags.isEmpty()) {
            return false;
        }
        Pending change = pending.computeIfAbsent(current.id(), id -> new Pending(current));
        if (changes) {
            change.clean = clean;
        }
        change.tags.addAll(newTags);
        return true;
    }

    /** @return whether a change of the customer waits to be written */
    public boolean has(long id) {
        return pending.containsKey(id);
    }

    /** Writes every queued change, a new version each, in the caller's transaction. */
    public void flush(Connection connection, Actor actor, Instant at) {
        if (pending.isEmpty()) {
            return;
        }
        String prefix = tablePrefix;
        String tenant = actor.tenantId();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + CustomerTable.TABLE.in(prefix)
                + " SET " + Table.assignments(EDITED) + ", version = version + 1 WHERE tenant_id = ? AND id = ?"
                + " AND version = ?");
             PreparedStatement touch = connection.prepareStatement("UPDATE " + prefix + "customer SET updated_at = ?,"
                     + " updated_by = ?, version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?");
             PreparedStatement dropValues = connection.prepareStatement("DELETE FROM " + prefix + "custom_value"
                     + " WHERE tenant_id = ? AND customer_id = ? AND field_id = ?");
             CustomerBatch.Inserts inserts = new CustomerBatch.Inserts(connection, prefix)) {
            Counts counts = new Counts();
            for (Pending change : pending.values()) {
                long id = change.current.id();
                if (change.clean == null) {
                    bindAll(touch, at, actor.actorId(), tenant, id, change.current.version());
                    counts.touches.add(change.current);
                } else {
                    write(change, tenant, actor.actorId(), at, update, dropValues, inserts, counts);
                }
                for (String tag : change.tags) {
                    inserts.tag(tenant, id, tag, at);
                }
            }
            requireVersions(update, counts.updates);
            requireVersions(touch, counts.touches);
            dropIdentities(connection, prefix, tenant, counts.identityDrops);
            execute(dropValues, counts.valueDrops);
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        pending.clear();
    }

    private static final class Counts {
        final List<Customer> updates = new ArrayList<>();
        final List<Customer> touches = new ArrayList<>();
        /** The customers whose identities are replaced. */
        final List<Long> identityDrops = new ArrayList<>();
        int valueDrops;
    }

    private static void write(Pending change, String tenant, String actorId, Instant at, PreparedStatement update,
                              PreparedStatement dropValues,
                              CustomerBatch.Inserts inserts, Counts counts) throws SQLException {
        CleanCustomer clean = change.clean;
        long id = change.current.id();
        CustomerRow row = CustomerRow.of(clean, tenant, id, change.current.status(), at, actorId, 0);
        int next = row.row().bind(update, EDITED, 1);
        IdStatements.bind(update, next++, tenant);
        update.setLong(next++, id);
        update.setLong(next, change.current.version());
        update.addBatch();
        counts.updates.add(change.current);
        List<Identity> identities = clean.identities().stream().map(IdentityKinds::toIdentity).toList();
        if (!identities.equals(change.current.identities())) {
            counts.identityDrops.add(id);
            for (IdentityRow identity : clean.identities()) {
                inserts.identity(tenant, id, identity, at);
            }
        }
        for (Map.Entry<FieldDefinition, Object> value : clean.custom().entrySet()) {
            bindAll(dropValues, tenant, id, value.getKey().id());
            counts.valueDrops++;
        }
        for (CustomValueRow value : CustomerStore.customRows(clean)) {
            inserts.customValue(tenant, id, value);
        }
    }

    /** Deletes the identities of the customers, one statement per list of ids. */
    private static void dropIdentities(Connection connection, String prefix, String tenant, List<Long> customers)
            throws SQLException {
        for (List<Long> ids : IdStatements.chunks(customers)) {
            try (PreparedStatement drop = connection.prepareStatement("DELETE FROM " + prefix + "identity"
                    + " WHERE tenant_id = ? AND customer_id IN " + IdStatements.in(ids.size()))) {
                drop.setString(1, tenant);
                for (int i = 0; i < ids.size(); i++) {
                    drop.setLong(i + 2, ids.get(i));
                }
                drop.executeUpdate();
            }
        }
    }

    /** Binds the values from the first parameter on and adds the statement to its batch. */
    private static void bindAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            IdStatements.bind(statement, i + 1, values[i]);
        }
        statement.addBatch();
    }

    /** Runs a batch of versioned updates; @throws ConflictException naming a customer whose version moved */
    private static void requireVersions(PreparedStatement statement, List<Customer> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        int[] counts = statement.executeBatch();
        for (int i = 0; i < counts.length && i < customers.size(); i++) {
            if (counts[i] == 0) {
                Customer customer = customers.get(i);
                throw new ConflictException("customer " + customer.id() + " was changed by someone else since"
                        + " version " + customer.version() + " while the import ran");
            }
        }
    }

    private static void execute(PreparedStatement statement, int rows) throws SQLException {
        if (rows > 0) {
            statement.executeBatch();
        }
    }
}
