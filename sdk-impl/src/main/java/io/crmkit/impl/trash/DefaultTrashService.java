package io.crmkit.impl.trash;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.schema.EventTable;
import io.crmkit.impl.field.FieldCatalog;
import java.time.Clock;
import java.time.Duration;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.api.trash.TrashService;
import io.crmkit.api.trash.TrashedCustomer;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.TenantFields;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link TrashService} for one actor. */
public final class DefaultTrashService implements TrashService {

    private static final int MAX_LIST = 1000;
    /** Live customers an erase refusal names. */
    private static final int NAMED_LIVE = 10;

    private final Actor actor;
    private final String tablePrefix;
    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final FieldCatalog fields;
    private final Duration trashRetention;
    private final TrashStore store;
    private final CustomerReader reader;
    private final GrowingTables growing;
    /** The event table's full name, alone: the table group {@link GrowingTables} counts events under. */
    private final List<String> eventTable;

    public DefaultTrashService(Actor actor, String tablePrefix, Database database, Clock clock, AuditLog audit,
            FieldCatalog fields, IdStatements idSql, Duration trashRetention, GrowingTables growing) {
        this.actor = actor;
        this.tablePrefix = tablePrefix;
        this.database = database;
        this.clock = clock;
        this.audit = audit;
        this.fields = fields;
        this.trashRetention = trashRetention;
        this.store = new TrashStore(tablePrefix, idSql);
        // The trash tables are named like the live ones after "trash_", with the same columns.
        this.reader = new CustomerReader(tablePrefix + "trash_", idSql);
        this.growing = growing;
        this.eventTable = List.of(EventTable.TABLE.in(tablePrefix));
    }

    @Override
    public List<TrashedCustomer> list(int limit) {
        Access.require(actor, Permission.READ, "list the trash");
        if (limit < 1 || limit > MAX_LIST) {
            throw ValidationException.of("limit", "out_of_range", "limit: must be between 1 and " + MAX_LIST
                    + ", got " + limit);
        }
        TenantFields fields = this.fields.of(actor.tenantId());
        return database.read("list the trash", session -> {
            Map<Long, Object[]> deletions = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = IdStatements.prepare(session.getConnection(), "SELECT id, deleted_at,"
                    + " deleted_by, delete_reason FROM " + tablePrefix + "trash_customer WHERE tenant_id = ?"
                    + " ORDER BY deleted_at DESC, id DESC LIMIT " + limit, List.of(actor.tenantId()))) {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        deletions.put(rows.getLong(1), new Object[] {IdStatements.instant(rows, 2), rows.getString(3),
                                rows.getString(4)});
                    }
                }
            } catch (SQLException e) {
                throw new IdStatements.StorageFailure(e);
            }
            List<TrashedCustomer> trashed = new ArrayList<>(ids.size());
            for (Customer customer : reader.read(session, actor.tenantId(), ids, fields)) {
                Object[] deletion = deletions.get(customer.id());
                Instant at = (Instant) deletion[0];
                trashed.add(new TrashedCustomer(customer, at, (String) deletion[1], (String) deletion[2],
                        at.plus(trashRetention)));
            }
            return trashed;
        });
    }

    @Override
    public long count() {
        Access.require(actor, Permission.READ, "count the trash");
        return database.read("count the trash", session -> {
            try (PreparedStatement statement = IdStatements.prepare(session.getConnection(), "SELECT COUNT(*) FROM "
                    + tablePrefix + "trash_customer WHERE tenant_id = ?", List.of(actor.tenantId()))) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IdStatements.StorageFailure(e);
            }
        });
    }

    @Override
    public RestoreResult restore(Collection<Long> customerIds) {
        List<Long> ids = checkIds(customerIds, Permission.DELETE, "restore customers");
        return new TrashRestore(actor, database, store, audit, growing, eventTable).restore(ids);
    }

    @Override
    public long erase(Collection<Long> customerIds) {
        List<Long> ids = checkIds(customerIds, Permission.BULK_DELETE, "erase customers for good");
        refuseLive(ids);
        long erased = 0;
        for (List<Long> chunk : IdStatements.chunks(ids)) {
            erased += database.write("erase customers", session -> {
                List<Long> done = store.erase(session.getConnection(), actor.tenantId(), chunk);
                if (!done.isEmpty()) {
                    // The audit log never holds field values; it keeps only that an erasure happened.
                    audit.record(session, actor, "trash.erase", "customer", done.get(0), done.size()
                            + " customer(s) erased from the trash");
                }
                return done.size();
            });
        }
        return erased;
    }

    /**
     * Refuses the call when any id is a live customer's: a live customer reaches the trash only through a delete
     * (a single one, or a bulk delete with its preview, agreement and reason), never straight from here.
     */
    private void refuseLive(List<Long> ids) {
        List<Long> live = new ArrayList<>();
        for (List<Long> chunk : IdStatements.chunks(ids)) {
            live.addAll(database.read("find live customers", session -> store.live(session.getConnection(),
                    actor.tenantId(), chunk)));
        }
        if (!live.isEmpty()) {
            List<Long> named = live.subList(0, Math.min(live.size(), NAMED_LIVE));
            throw ValidationException.of("customerIds", "live", "customerIds: " + live.size() + " customer(s) are"
                    + " not in the trash (customer " + named.stream().map(String::valueOf)
                    .collect(Collectors.joining(", customer ")) + (live.size() > named.size() ? ", ..." : "")
                    + "); delete a live customer first (customers().delete, or a bulk delete with its preview), then"
                    + " erase it from the trash. Nothing was erased");
        }
    }

    @Override
    public long purgeExpired() {
        Access.require(actor, Permission.DELETE, "purge the trash");
        Instant cutoff = clock.instant().minus(trashRetention);
        long purged = 0;
        while (true) {
            List<Long> expired = new ArrayList<>();
            purged += database.write("purge the trash", session -> {
                expired.clear();
                expired.addAll(store.expired(session.getConnection(), actor.tenantId(), cutoff, IdStatements.MAX_IDS));
                List<Long> erased = store.erase(session.getConnection(), actor.tenantId(), expired);
                if (!erased.isEmpty()) {
                    audit.record(session, actor, "trash.purge", "customer", erased.get(0),
                            erased.size() + " customer(s)");
                }
                return erased.size();
            });
            if (expired.size() < IdStatements.MAX_IDS) {
                return purged;
            }
        }
    }

    private List<Long> checkIds(Collection<Long> customerIds, Permission permission, String what) {
        ValidationException.requireNonNull(customerIds, "customerIds");
        Access.require(actor, permission, what);
        if (customerIds.size() > MAX_IDS) {
            throw new ValidationException(List.of(FieldError.of("customerIds", "too_many", "customerIds: at most "
                    + MAX_IDS + " per call, got " + customerIds.size(), MAX_IDS)));
        }
        return List.copyOf(new TreeSet<>(customerIds));
    }
}
