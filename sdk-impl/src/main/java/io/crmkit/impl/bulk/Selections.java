package io.crmkit.impl.bulk;

import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.filter.FilterJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What a bulk operation's selection is: its size, its members, its fingerprint. Thread-safe. */
final class Selections {

    /** The {@link io.crmkit.api.bulk.BulkOperation#name()} of a delete. */
    static final String DELETE = "delete";

    private final DefaultFilterService filters;

    Selections(DefaultFilterService filters) {
        this.filters = filters;
    }

    /** @return how many customers the selection holds now */
    long count(Selection selection) {
        return selection.byIds() ? selection.ids().size()
                : filters.countMatching(selection.filter(), selection.keyword());
    }

    /** @return the most customers the operation of this name may act on */
    static long limit(String operation) {
        return operation.equals(DELETE) ? BulkService.MAX_DELETE : BulkService.MAX_CUSTOMERS;
    }

    /** @throws LimitExceededException when an operation would act on more customers than its {@link #limit} */
    static void requireWithinLimit(long count, String operation) {
        long limit = limit(operation);
        if (count > limit) {
            throw new LimitExceededException(operation.replace('_', ' ') + " would act on " + count
                    + " customers, at most " + limit + " per " + operation.replace('_', ' ')
                    + "; narrow the selection", limit, count);
        }
    }

    /**
     * @param matches how many customers the selection matched when it was counted (see {@link Chunks})
     * @return the ids of the customers a delete's query selection matches now, in ascending order, at most
     *         {@link BulkService#MAX_DELETE}
     */
    List<Long> members(Selection selection, long matches) {
        List<Long> members = new ArrayList<>();
        Chunks chunks = new Chunks(selection, filters, BulkService.MAX_DELETE, matches);
        for (List<Long> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
            members.addAll(chunk);
        }
        return members;
    }

    /** @return whether a selection is a query that not every customer matches */
    static boolean byQuery(Selection selection) {
        return selection.filter().isPresent() || !selection.keyword().isBlank();
    }

    /**
     * What a selection is, as a short text: the filter's JSON and keyword, or a digest of the ids. A delete's
     * confirmation must carry the same.
     */
    static String fingerprint(Selection selection) {
        String text = selection.byIds() ? "ids:" + selection.ids()
                : "filter:" + selection.filter().map(FilterJson::toJson).orElse("") + " keyword:" + selection.keyword();
        if (text.length() <= 2000) {
            return text;
        }
        return (selection.byIds() ? selection.ids().size() + " ids" : "filter") + " sha256:" + sha256(text);
    }

    /** @return a digest of what an operation does (its cleaned parameters) and to which selection */
    static String runKey(Selection selection, Object parameters) {
        return sha256(parameters + " on " + fingerprint(selection));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
