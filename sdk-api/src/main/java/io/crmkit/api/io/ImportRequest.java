package io.crmkit.api.io;

import io.crmkit.api.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to import and how. Built with {@link #builder(ImportFile)}.
 *
 * <p>The mapping names, for each file column (by its header text), the field it fills: a built-in field key
 * ({@code name nickname gender birthday company country province city area addressDetail phones emails
 * channels externalId wechatOpenId remark avatarUrl source ownerId stage tags id}) or a custom field's key. Columns left out
 * are ignored. Several columns may fill {@code phones}, {@code emails}, {@code channels} and {@code tags}; a cell of
 * those may hold several values separated by {@code ;} or a line break (CR, LF or CRLF), and a tags cell also by
 * {@code ,}, the fullwidth comma {@code U+FF0C} or the ideographic comma {@code U+3001} ({@code "vip, new"} is two
 * tags). Each value is trimmed, empty ones are dropped and repeated ones count once. A channel account is written
 * {@code channel:account} as an export writes it ({@code whatsapp:+84912345678; web:abc}); an item without a colon,
 * with a channel name that is not 1 to 24 characters of {@code a-z 0-9 _} starting with a letter, or with an
 * empty account fails its row. An empty mapping means "use
 * {@link ImportService#preview(ImportFile) the suggested one}".
 *
 * <p>Settings apply to every imported customer: a {@code source} for created customers, {@code tags} added
 * to all, and {@code groups} (static groups' ids) every customer joins.
 *
 * @param file    the file
 * @param mapping header text to field key, in column order
 * @param mode    create, update, or both
 * @param matchBy the key that recognizes existing customers; empty means id, then phone, then email, where an id
 *                the tenant does not hold (a file exported from another tenant) matches nothing and the row
 *                matches by phone or email or creates a customer; {@link MatchKey#ID} fails such a row instead
 * @param source  the source of created customers (empty: the mapped column or the kit default "import")
 * @param tags    tags added to every imported customer
 * @param groups  static groups every imported customer joins
 * @param dryRun  whether to validate and count only, writing no customer
 */
public record ImportRequest(ImportFile file, Map<String, String> mapping, ImportMode mode,
                            Optional<MatchKey> matchBy, Optional<String> source, List<String> tags,
                            List<Long> groups, boolean dryRun) {

    /**
     * Copies the collections. The mapping and the settings are checked when the import starts, each problem on
     * the field named below.
     *
     * @param file    the file; not null
     * @param mapping header text to field key, in column order ({@code mapping.<header>} for a header the file
     *                lacks, a key that is no field, or a single-valued field filled twice); empty for the
     *                suggested mapping; not null, nor a header or a field key in it
     * @param mode    create, update, or both; not null
     * @param matchBy the key that recognizes existing customers; empty for id, then phone, then email; not null
     * @param source  the source of created customers, 0 to 64 characters (field {@code source}); empty for the
     *                mapped column or "import"; not null
     * @param tags    tags added to every imported customer, 1 to 64 characters each ({@code tags[index]}); may be
     *                empty; neither the list nor a tag may be null
     * @param groups  ids of static groups of the tenant every imported customer joins ({@code groups[index]} for
     *                one that does not exist); may be empty; neither the list nor an id may be null
     * @param dryRun  whether to validate and count only, writing no customer
     * @throws ValidationException code {@code required} on the field of a null component ({@code tags[index]},
     *                             {@code groups[index]} for a null element; {@code mapping} for a null header,
     *                             {@code mapping.<header>} for a null field key)
     */
    public ImportRequest {
        ValidationException.requireNonNull(file, "file");
        mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checkMapping(mapping)));
        ValidationException.requireNonNull(mode, "mode");
        ValidationException.requireNonNull(matchBy, "matchBy");
        ValidationException.requireNonNull(source, "source");
        tags = ValidationException.requireNoNulls(tags, "tags");
        groups = ValidationException.requireNoNulls(groups, "groups");
    }

    private static Map<String, String> checkMapping(Map<String, String> mapping) {
        ValidationException.requireNonNull(mapping, "mapping");
        mapping.forEach((header, fieldKey) -> {
            ValidationException.requireNonNull(header, "mapping");
            ValidationException.requireNonNull(fieldKey, "mapping." + header);
        });
        return mapping;
    }

    /**
     * @param file the file to import
     * @return a builder for importing the file: create or update, default matching, suggested mapping
     * @throws ValidationException on field {@code file}, code {@code required}, when it is null
     */
    public static Builder builder(ImportFile file) {
        return new Builder(file);
    }

    /** Builds an {@link ImportRequest}. Not thread-safe. */
    public static final class Builder {
        private final ImportFile file;
        private final Map<String, String> mapping = new LinkedHashMap<>();
        private ImportMode mode = ImportMode.CREATE_OR_UPDATE;
        private MatchKey matchBy;
        private String source;
        private final LinkedHashSet<String> tags = new LinkedHashSet<>();
        private final LinkedHashSet<Long> groups = new LinkedHashSet<>();
        private boolean dryRun;

        private Builder(ImportFile file) {
            this.file = ValidationException.requireNonNull(file, "file");
        }

        /**
         * Maps the column with this header text to a field key; mapping it again replaces the target.
         *
         * @param header   the header text of a column of the file, exactly as the file has it
         * @param fieldKey a built-in field key (see the type's description) or a custom field's key; only
         *                 {@code phones}, {@code emails} and {@code tags} may be filled by several columns
         * @return this builder
         * @throws ValidationException on field {@code header} or {@code fieldKey}, code {@code required}, when it
         *                             is null
         */
        public Builder map(String header, String fieldKey) {
            mapping.put(ValidationException.requireNonNull(header, "header"),
                    ValidationException.requireNonNull(fieldKey, "fieldKey"));
            return this;
        }

        /**
         * Replaces the mapping, header text to field key (a preview's suggestion, changed by the user).
         *
         * @param headerToField header text to field key, as {@link #map} takes them; empty for the suggested
         *                      mapping
         * @return this builder
         * @throws ValidationException on field {@code mapping}, code {@code required}, when it is null; on field
         *                             {@code header} or {@code fieldKey} for a null key or value
         */
        public Builder mapping(Map<String, String> headerToField) {
            mapping.clear();
            ValidationException.requireNonNull(headerToField, "mapping").forEach(this::map);
            return this;
        }

        /**
         * @param mode what to do with matching and new rows; default {@link ImportMode#CREATE_OR_UPDATE}
         * @return this builder
         * @throws ValidationException on field {@code mode}, code {@code required}, when it is null
         */
        public Builder mode(ImportMode mode) {
            this.mode = ValidationException.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param key the one key that recognizes existing customers, instead of id, then phone, then email
         * @return this builder
         * @throws ValidationException on field {@code key}, code {@code required}, when it is null
         */
        public Builder matchBy(MatchKey key) {
            this.matchBy = ValidationException.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param source the source of created customers, 0 to 64 characters (checked when the import starts)
         * @return this builder
         * @throws ValidationException on field {@code source}, code {@code required}, when it is null
         */
        public Builder source(String source) {
            this.source = ValidationException.requireNonNull(source, "source");
            return this;
        }

        /**
         * Adds a tag to every imported customer.
         *
         * @param tag 1 to 64 characters after trimming (checked when the import starts); adding it twice adds it once
         * @return this builder
         * @throws ValidationException on field {@code tag}, code {@code required}, when it is null
         */
        public Builder tag(String tag) {
            tags.add(ValidationException.requireNonNull(tag, "tag"));
            return this;
        }

        /**
         * Makes every imported customer a member of a static group.
         *
         * @param groupId the id of a group of the tenant (checked when the import starts)
         * @return this builder
         */
        public Builder group(long groupId) {
            groups.add(groupId);
            return this;
        }

        /**
         * Validates and counts without writing customers; the failure report is still kept.
         *
         * @param dryRun whether to write nothing; default false
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** @return the request */
        public ImportRequest build() {
            return new ImportRequest(file, mapping, mode, Optional.ofNullable(matchBy), Optional.ofNullable(source),
                    List.copyOf(tags), List.copyOf(groups), dryRun);
        }
    }
}
