package io.crmkit.impl.merge;

import io.crmkit.impl.db.Database;
import io.crmkit.api.Actor;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.identity.MatchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds duplicate candidates of one tenant with blocking keys, never comparing every pair:
 *
 * <ul>
 *   <li>{@code SAME_EMAIL}, {@code SAME_EXTERNAL_ID}: identities sharing a match key ({@link MatchKeys}),
 *   found by grouping the (tenant_id, id_type, match_key) index ({@link KeyGroups});</li>
 *   <li>{@code SIMILAR_PHONE}: phones sharing a match key (the national number), held by customers with the same
 *   {@link NameKey};</li>
 *   <li>{@code SIMILAR_EMAIL}: within the emails of customers with one name ({@link NameBlocks}), those at one
 *   domain whose parts before '@' share a deletion key and are one mistake apart ({@link EmailTypos});</li>
 *   <li>the person rules ({@code SIMILAR_NAME}, birthdays, address, company): customers sharing a blocking key
 *   ({@link PersonRecord#keys}: a name word's sound with the birthday or with the address numbers), read in hash
 *   partitions sized from the heap ({@link PersonBlocks}) and compared by {@link PersonMatcher}, after the
 *   identity rules so that a pair they found also gets its person reasons.</li>
 * </ul>
 *
 * <p>Limits, so that one odd value cannot make the work quadratic: a key held by more than
 * {@value #ALL_PAIRS_UP_TO} customers links each of them to the one with the smallest id only (the cluster is the
 * same, with fewer pairs); a name held with more than {@value #NAME_BLOCK_MAX} emails, and a deletion key shared
 * by more than {@value #TYPO_BUCKET_MAX} emails of one name, are skipped by {@code SIMILAR_EMAIL}. Identities
 * without a match key (written by another program) and customers without a name (for the name rules) match
 * nothing. Thread-safe.
 */
final class DuplicateFinder {

    static final int ALL_PAIRS_UP_TO = 50;
    static final int NAME_BLOCK_MAX = 10_000;
    static final int TYPO_BUCKET_MAX = 50;
    static final int PERSONS_OF_ONE = 10_000;
    private static final int PERSON_FETCH_SIZE = 1000;

    private final Actor actor;
    private final String tablePrefix;
    private final Database database;

    DuplicateFinder(Actor actor, String tablePrefix, Database database) {
        this.actor = actor;
        this.tablePrefix = tablePrefix;
        this.database = database;
    }

    List<DuplicateCluster> findDuplicates(MatchRules rules, int limit) {
        CandidatePairs pairs = new CandidatePairs();
        Set<MatchRule> chosen = rules.rules();
        database.stream("find duplicate customers", session -> {
            Connection connection = session.getConnection();
            KeyGroups groups = new KeyGroups(connection, tablePrefix, actor.tenantId());
            if (chosen.contains(MatchRule.SAME_EMAIL)) {
                groups.forEach(MatchKeys.EMAIL, false, group -> link(group, MatchRule.SAME_EMAIL, pairs));
            }
            if (chosen.contains(MatchRule.SAME_EXTERNAL_ID)) {
                groups.forEach(MatchKeys.EXTERNAL_ID, false, group -> link(group, MatchRule.SAME_EXTERNAL_ID, pairs));
            }
            if (chosen.contains(MatchRule.SIMILAR_PHONE)) {
                groups.forEach(MatchKeys.PHONE, true, group -> byName(group).values()
                        .forEach(sameName -> link(sameName, MatchRule.SIMILAR_PHONE, pairs)));
            }
            if (chosen.contains(MatchRule.SIMILAR_EMAIL)) {
                new NameBlocks(connection, tablePrefix, actor.tenantId())
                        .forEach(block -> similarEmails(block, pairs));
            }
            if (PersonMatcher.anyPersonRule(chosen)) {
                NameFrequencies frequencies = chosen.contains(MatchRule.SIMILAR_NAME)
                        ? NameFrequencies.read(connection, tablePrefix, actor.tenantId(), new PersonName.Cache())
                        : NameFrequencies.NONE;
                PersonMatcher matcher = new PersonMatcher(chosen, rules.threshold(), pairs, frequencies);
                new PersonBlocks(connection, tablePrefix, actor.tenantId()).forEachPair(matcher::compare);
            }
            return null;
        });
        return Clusters.of(pairs.candidates(rules), limit);
    }

    List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules) {
        CandidatePairs pairs = new CandidatePairs();
        Set<MatchRule> chosen = rules.rules();
        String prefix = tablePrefix;
        String tenant = actor.tenantId();
        // Streamed: the person rules read every named customer, which PostgreSQL's driver would otherwise hold at once.
        database.stream("find the duplicates of a customer", session -> {
            Connection connection = session.getConnection();
            List<String> names = IdStatements.rows(connection, "SELECT name FROM " + prefix + "customer WHERE"
                    + " tenant_id = ? AND id = ?", List.of(tenant, customerId), row -> row.getString(1));
            if (names.isEmpty()) {
                throw new NotFoundException("no customer " + customerId + " in tenant '" + tenant + "'");
            }
            String name = NameKey.of(names.get(0));
            List<String[]> own = IdStatements.rows(connection, "SELECT id_type, id_value, match_key FROM " + prefix
                    + "identity WHERE tenant_id = ? AND customer_id = ? ORDER BY ordinal", List.of(tenant, customerId),
                    row -> new String[] {row.getString(1), row.getString(2), row.getString(3)});
            KeyLookup lookup = new KeyLookup(connection, database.dialect(), prefix, tenant);
            for (String[] identity : own) {
                String type = identity[0];
                String key = identity[2] == null ? MatchKeys.of(type, identity[1]) : identity[2];
                Holder self = new Holder(customerId, identity[1], key, name);
                if (type.equals(MatchKeys.EMAIL) && chosen.contains(MatchRule.SAME_EMAIL)) {
                    lookup.holders(type, List.of(key), customerId)
                            .forEach(other -> add(self, other, MatchRule.SAME_EMAIL, pairs));
                }
                if (type.equals(MatchKeys.EXTERNAL_ID) && chosen.contains(MatchRule.SAME_EXTERNAL_ID)) {
                    lookup.holders(type, List.of(key), customerId)
                            .forEach(other -> add(self, other, MatchRule.SAME_EXTERNAL_ID, pairs));
                }
                if (name.isEmpty()) {
                    continue;
                }
                if (type.equals(MatchKeys.PHONE) && chosen.contains(MatchRule.SIMILAR_PHONE)) {
                    lookup.holders(type, List.of(key), customerId).stream()
                            .filter(other -> other.nameKey().equals(name))
                            .forEach(other -> add(self, other, MatchRule.SIMILAR_PHONE, pairs));
                }
                int at = key.lastIndexOf('@');
                if (type.equals(MatchKeys.EMAIL) && chosen.contains(MatchRule.SIMILAR_EMAIL) && at > 0) {
                    String domain = key.substring(at);
                    List<String> typos = EmailTypos.variants(key.substring(0, at)).stream()
                            .map(local -> local + domain).toList();
                    lookup.holders(type, typos, customerId).stream()
                            .filter(other -> other.nameKey().equals(name))
                            .forEach(other -> add(self, other, MatchRule.SIMILAR_EMAIL, pairs));
                }
            }
            if (PersonMatcher.anyPersonRule(chosen) && !name.isEmpty()) {
                personsLike(connection, customerId, rules, pairs);
            }
            return null;
        });
        return pairs.candidates(rules);
    }

    /**
     * Compares one customer with every named customer sharing one of its blocking keys, reading the tenant's named
     * customers once (the keys are computed in Java, so no index finds them) and counting their name words on the
     * way; at most {@value #PERSONS_OF_ONE} customers sharing a key are compared, the first read.
     */
    private void personsLike(Connection connection, long customerId, MatchRules rules, CandidatePairs pairs) {
        PersonName.Cache names = new PersonName.Cache();
        PersonRecord self = null;
        Set<String> keys = new HashSet<>();
        try (PreparedStatement statement = IdStatements.prepare(connection, PersonBlocks.select(tablePrefix)
                + " AND id = ?", List.of(actor.tenantId(), customerId));
             ResultSet rows = statement.executeQuery()) {
            if (rows.next()) {
                PersonBlocks.Row row = new PersonBlocks.Row(rows, names);
                self = row.record();
                row.keys.forEach(key -> keys.add(key.key()));
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        if (self == null || keys.isEmpty()) {
            return;
        }
        NameFrequencies frequencies = new NameFrequencies();
        List<PersonRecord> sharing = new ArrayList<>();
        try (PreparedStatement statement = IdStatements.prepare(connection, PersonBlocks.select(tablePrefix),
                List.of(actor.tenantId()))) {
            statement.setFetchSize(PERSON_FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    PersonBlocks.Row row = new PersonBlocks.Row(rows, names);
                    frequencies.add(row.name);
                    if (row.id != customerId && sharing.size() < PERSONS_OF_ONE
                            && row.keys.stream().anyMatch(key -> keys.contains(key.key()))) {
                        sharing.add(row.record());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        PersonMatcher matcher = new PersonMatcher(rules.rules(), rules.threshold(), pairs,
                rules.rules().contains(MatchRule.SIMILAR_NAME) ? frequencies : NameFrequencies.NONE);
        for (PersonRecord other : sharing) {
            matcher.compare(self, other);
        }
    }

    /** Links the distinct customers of a group: every pair, or each to the smallest id in a large group. */
    private static void link(List<Holder> group, MatchRule rule, CandidatePairs pairs) {
        TreeMap<Long, Holder> customers = new TreeMap<>();
        for (Holder holder : group) {
            customers.merge(holder.customerId(), holder, (a, b) -> a.value().compareTo(b.value()) <= 0 ? a : b);
        }
        List<Holder> distinct = new ArrayList<>(customers.values());
        int firsts = distinct.size() > ALL_PAIRS_UP_TO ? 1 : distinct.size();
        for (int i = 0; i < firsts; i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                add(distinct.get(i), distinct.get(j), rule, pairs);
            }
        }
    }

    private static Map<String, List<Holder>> byName(List<Holder> group) {
        Map<String, List<Holder>> byName = new HashMap<>();
        for (Holder holder : group) {
            if (!holder.nameKey().isEmpty()) {
                byName.computeIfAbsent(holder.nameKey(), name -> new ArrayList<>(2)).add(holder);
            }
        }
        return byName;
    }

    /** Pairs the emails of one name that are one typing mistake apart at the same domain. */
    private static void similarEmails(List<Holder> block, CandidatePairs pairs) {
        if (block.size() > NAME_BLOCK_MAX) {
            return;
        }
        Map<String, List<Holder>> buckets = new HashMap<>();
        for (Holder email : block) {
            int at = email.key().lastIndexOf('@');
            if (at <= 0) {
                continue;
            }
            String domain = email.key().substring(at);
            for (String deletion : EmailTypos.deletionKeys(email.key().substring(0, at))) {
                buckets.computeIfAbsent(deletion + domain, key -> new ArrayList<>(1)).add(email);
            }
        }
        for (List<Holder> bucket : buckets.values()) {
            if (bucket.size() < 2 || bucket.size() > TYPO_BUCKET_MAX) {
                continue;
            }
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Holder a = bucket.get(i);
                    Holder b = bucket.get(j);
                    if (a.customerId() != b.customerId() && domainOf(a.key()).equals(domainOf(b.key()))
                            && EmailTypos.oneApart(localOf(a.key()), localOf(b.key()))) {
                        add(a, b, MatchRule.SIMILAR_EMAIL, pairs);
                    }
                }
            }
        }
    }

    private static String localOf(String key) {
        return key.substring(0, key.lastIndexOf('@'));
    }

    private static String domainOf(String key) {
        return key.substring(key.lastIndexOf('@'));
    }

    private static void add(Holder one, Holder other, MatchRule rule, CandidatePairs pairs) {
        Holder low = one.customerId() < other.customerId() ? one : other;
        Holder high = low == one ? other : one;
        pairs.add(low.customerId(), high.customerId(), rule, detail(rule, low.value(), high.value()));
    }

    private static String detail(MatchRule rule, String low, String high) {
        return switch (rule) {
            case SAME_EMAIL -> "emails " + low + " and " + high;
            case SAME_EXTERNAL_ID -> "external ids " + low + " and " + high;
            case SIMILAR_EMAIL -> "same name, emails " + low + " and " + high;
            case SIMILAR_PHONE -> "same name, phones " + low + " and " + high;
            default -> throw new IllegalArgumentException("not an identity rule: " + rule);
        };
    }
}
