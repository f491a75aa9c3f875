package io.crmkit.impl.io;

import io.crmkit.api.io.MatchKey;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.identity.IdentityHolders;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who holds the ids and identities of a chunk's rows: one query for the ids and one for every identity of the chunk
 * (a UNION ALL of an indexed look-up per identity type), then
 * every later row of the import sees the customers earlier rows created. Not thread-safe.
 */
final class ImportMatcher {

    private final String prefix;
    private final IdStatements sql;
    private final IdentityHolders holders;
    private final Optional<MatchKey> matchBy;
    /** Identity key ("type|value") to the customer holding it. */
    private final Map<String, Long> owners = new HashMap<>();
    private final Set<Long> existing = new HashSet<>();

    ImportMatcher(String prefix, IdStatements sql, Dialect dialect, Optional<MatchKey> matchBy) {
        this.prefix = prefix;
        this.sql = sql;
        this.holders = new IdentityHolders(prefix, dialect);
        this.matchBy = matchBy;
    }

    /**
     * Forgets what earlier chunks learned; the database knows what they committed. A dry run, which commits
     * nothing, keeps it instead, so that its later rows still match the customers its earlier rows would create.
     */
    void forget() {
        owners.clear();
        existing.clear();
    }

    /** Reads who holds the rows' ids and identities now. */
    void load(Connection connection, String tenantId, List<ParsedRow> rows) {
        List<Long> ids = rows.stream().filter(row -> row.id != null).map(row -> row.id).distinct().toList();
        if (!ids.isEmpty()) {
            existing.addAll(sql.longs(connection, "SELECT id FROM "
                    + prefix + "customer WHERE tenant_id = ? AND id IN ", List.of(tenantId), ids, ""));
        }
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        for (ParsedRow row : rows) {
            for (String key : row.keys) {
                int bar = key.indexOf('|');
                byType.computeIfAbsent(key.substring(0, bar), type -> new LinkedHashSet<>()).add(key.substring(bar + 1));
            }
        }
        // One statement for the chunk: an indexed look-up per identity type, joined with UNION ALL.
        holders.find(connection, tenantId, byType).forEach((type, held) ->
                held.forEach((value, holder) -> owners.put(type + "|" + value, holder)));
    }

    /** Records a customer the import creates, so that later rows match it. */
    void created(long id, List<String> keys) {
        existing.add(id);
        keys.forEach(key -> owners.put(key, id));
    }

    /** @return whether the customer exists (or was created by this import) */
    boolean exists(long id) {
        return existing.contains(id);
    }

    /** @return the customer holding this identity key, or null */
    Long owner(String key) {
        return owners.get(key);
    }

    /**
     * @return the customer the row stands for: by the request's key, or by id, then phone, then email (an id this
     *         tenant does not hold, such as one of a file exported from another tenant, matches nothing); null when
     *         none matches
     */
    Long target(ParsedRow row) {
        if (matchBy.isPresent()) {
            return switch (matchBy.get()) {
                case ID -> row.id != null && existing.contains(row.id) ? row.id : null;
                case PHONE -> first(row.keys("phone"));
                case EMAIL -> first(row.keys("email"));
                case EXTERNAL_ID -> first(row.keys("external_id"));
                case WECHAT_OPENID -> first(row.keys("wechat_openid"));
            };
        }
        if (row.id != null && existing.contains(row.id)) {
            return row.id;
        }
        Long byPhone = first(row.keys("phone"));
        return byPhone != null ? byPhone : first(row.keys("email"));
    }

    private Long first(List<String> keys) {
        for (String key : keys) {
            Long owner = owners.get(key);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }
}
