package io.crmkit.impl.field;

import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a custom field's key, label, limits and options against its type. Used for new fields and for
 * the merged result of an update, so that both obey the same rules.
 */
final class FieldRules {

    static final int KEY_MAX = 40;
    static final int LABEL_MAX = 80;
    static final int OPTIONS_MAX = 100;
    static final int OPTION_MAX = 80;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0," + (KEY_MAX - 1) + "}");
    /** Names users and later features (filters, import columns) read as built-in, beyond {@link CustomerField}. */
    private static final Set<String> RESERVED = Set.of("phone", "email", "tag", "channel", "country", "province",
            "city", "area", "addressdetail", "identity", "identities", "verified", "custom", "owner", "tenant",
            "tenantid", "customer", "customerid", "group", "groups", "savedfilter");

    private FieldRules() {
    }

    /** Checks the key of a new field. */
    static void checkKey(String key, Errors errors) {
        if (!KEY.matcher(key).matches()) {
            errors.add("key", "invalid", "'" + key + "' must be 1 to " + KEY_MAX
                    + " characters of a-z, 0-9 and _, starting with a letter", KEY_MAX);
            return;
        }
        String folded = key.replace("_", "").toLowerCase(Locale.ROOT);
        if (CustomerField.byKey(key).isPresent() || RESERVED.contains(folded)) {
            errors.add("key", "not_allowed", "'" + key + "' would shadow the built-in field of that name");
        }
    }

    /** @return the trimmed label, the key when blank */
    static String label(String label, String key, Errors errors) {
        String value = errors.text("label", label, LABEL_MAX);
        return value.isEmpty() ? key : value;
    }

    /** Checks that the limits fit the type and each other. */
    static void checkLimits(FieldType type, OptionalInt maxLength, Optional<BigDecimal> min,
                            Optional<BigDecimal> max, Errors errors) {
        if (maxLength.isPresent()) {
            if (type != FieldType.TEXT) {
                errors.add("maxLength", "not_allowed", "applies to TEXT fields only, not " + type);
            } else if (maxLength.getAsInt() < 1 || maxLength.getAsInt() > FieldValues.TEXT_MAX) {
                errors.add("maxLength", "out_of_range", "must be between 1 and " + FieldValues.TEXT_MAX + ", got "
                        + maxLength.getAsInt(), FieldValues.TEXT_MAX);
            }
        }
        checkBound("min", type, min, errors);
        checkBound("max", type, max, errors);
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            errors.add("max", "out_of_range", "must not be below min " + FieldValues.describe(min.get()) + ", got "
                    + FieldValues.describe(max.get()));
        }
    }

    private static void checkBound(String name, FieldType type, Optional<BigDecimal> bound, Errors errors) {
        if (bound.isEmpty()) {
            return;
        }
        BigDecimal value = bound.get().stripTrailingZeros();
        if (!type.isNumeric()) {
            errors.add(name, "not_allowed", "applies to NUMBER and DECIMAL fields only, not " + type);
        } else if (type == FieldType.NUMBER && value.scale() > 0) {
            errors.add(name, "invalid", "a NUMBER field takes whole-number limits, got " + FieldValues.describe(value));
        } else if (value.scale() > FieldValues.DECIMAL_SCALE
                || value.precision() - value.scale() > FieldValues.DECIMAL_INTEGER_DIGITS) {
            errors.add(name, "out_of_range", "must fit " + FieldValues.DECIMAL_INTEGER_DIGITS + " digits before and "
                    + FieldValues.DECIMAL_SCALE + " after the point, got " + FieldValues.describe(value));
        }
    }

    /** @return the trimmed options, after checking they fit the type */
    static List<String> options(FieldType type, List<String> options, Errors errors) {
        if (!type.isChoice()) {
            if (!options.isEmpty()) {
                errors.add("options", "not_allowed", "apply to SINGLE_CHOICE and MULTIPLE_CHOICE fields only, not "
                        + type);
            }
            return List.of();
        }
        if (options.isEmpty() || options.size() > OPTIONS_MAX) {
            errors.add("options", options.isEmpty() ? "required" : "too_many", "a choice field needs 1 to "
                    + OPTIONS_MAX + " options, got " + options.size(), OPTIONS_MAX);
        }
        List<String> trimmed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String path = "options[" + i + "]";
            String option = errors.text(path, options.get(i), OPTION_MAX);
            if (option.isEmpty()) {
                errors.add(path, "required", "an option may not be blank");
            } else if (!seen.add(option)) {
                errors.add(path, "duplicate", "'" + option + "' is listed twice");
            }
            trimmed.add(option);
        }
        return trimmed;
    }

    /** Checks a whole draft. */
    static void check(FieldDraft draft, Errors errors) {
        checkKey(draft.key(), errors);
        checkLimits(draft.type(), draft.maxLength(), draft.min(), draft.max(), errors);
    }
}
