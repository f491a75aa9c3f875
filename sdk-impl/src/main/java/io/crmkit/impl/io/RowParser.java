package io.crmkit.impl.io;

import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldType;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.sheet.CellText;
import io.crmkit.impl.sheet.SheetRow;
import io.crmkit.impl.validation.Errors;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the cells of a data row into a {@link ParsedRow}: cell texts by the column plan, conversions that a
 * spreadsheet's text needs (gender words, dates, several values in one cell, the apostrophe an export put before
 * formula characters), and the identity keys to match. Rules of the customer itself are checked later, by the
 * customer service's validation. Thread-safe.
 */
final class RowParser {

    private static final int SHOWN_CHARS = 40;
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Map<String, Gender> GENDERS = Map.ofEntries(
            Map.entry("male", Gender.MALE), Map.entry("m", Gender.MALE), Map.entry("man", Gender.MALE),
            Map.entry("men", Gender.MALE), Map.entry("mr", Gender.MALE), Map.entry("nam", Gender.MALE),
            Map.entry("男", Gender.MALE), Map.entry("female", Gender.FEMALE), Map.entry("f", Gender.FEMALE),
            Map.entry("woman", Gender.FEMALE), Map.entry("women", Gender.FEMALE), Map.entry("ms", Gender.FEMALE),
            Map.entry("mrs", Gender.FEMALE), Map.entry("nu", Gender.FEMALE), Map.entry("nữ", Gender.FEMALE),
            Map.entry("女", Gender.FEMALE), Map.entry("unknownsex", Gender.UNKNOWN), Map.entry("unknown", Gender.UNKNOWN),
            Map.entry("u", Gender.UNKNOWN), Map.entry("other", Gender.UNKNOWN), Map.entry("未知", Gender.UNKNOWN));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"));

    /** A date-time without offset, as a CSV export ("2026-01-02 03:04:05") or a spreadsheet's cell writes it. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss]");

    private final ColumnPlan plan;
    private final TenantFields fields;
    private final PhoneNormalizer phoneNormalizer;

    RowParser(ColumnPlan plan, TenantFields fields, PhoneNormalizer phoneNormalizer) {
        this.plan = plan;
        this.fields = fields;
        this.phoneNormalizer = phoneNormalizer;
    }

    ParsedRow parse(SheetRow sheetRow) {
        ParsedRow row = new ParsedRow(sheetRow.number(), sheetRow.cells());
        List<String> cells = sheetRow.cells();
        for (int column = 0; column < cells.size(); column++) {
            String target = plan.target(column);
            String text = CellText.unneutralize(cells.get(column)).strip();
            if (target != null && !text.isEmpty()) {
                read(row, target, plan.header(column), text);
            }
        }
        return row;
    }

    private void read(ParsedRow row, String target, String header, String text) {
        switch (target) {
            case "id" -> {
                if (ID.matcher(text).matches()) {
                    row.id = Long.parseLong(text);
                } else {
                    row.errors.add("id: expected a customer id (a whole number), got '" + text + "'");
                }
            }
            case "gender" -> {
                Gender gender = GENDERS.get(text.toLowerCase(Locale.ROOT).replaceAll("[\\s_.-]", ""));
                if (gender == null) {
                    row.errors.add("gender: one of male, female, unKnownSex, got '" + text + "'");
                } else {
                    row.gender = gender;
                }
            }
            case "birthday" -> {
                LocalDate date = date(text);
                if (date == null) {
                    row.errors.add("birthday: expected a date as yyyy-mm-dd, got '" + text + "'");
                } else {
                    row.birthday = date;
                }
            }
            case "phones" -> {
                for (String phone : CellValues.items(text)) {
                    String value = phoneNormalizer.tryNormalize(phone).orElse(null);
                    if (value == null || !row.phoneValues.contains(value)) {
                        row.phones.add(phone);
                        row.phoneValues.add(value);
                        if (value != null) {
                            row.keys.add("phone|" + value);
                        }
                    }
                }
            }
            case "emails" -> {
                for (String email : CellValues.items(text)) {
                    String value = email(email);
                    if (value == null || !row.emailValues.contains(value)) {
                        row.emails.add(email);
                        row.emailValues.add(value);
                        if (value != null) {
                            row.keys.add("email|" + value);
                        }
                    }
                }
            }
            case "tags" -> tags(row, header, text);
            case "channels" -> channels(row, header, text);
            default -> readOther(row, target, text);
        }
    }

    private void readOther(ParsedRow row, String target, String text) {
        FieldDefinition field = ImportTargets.custom(target, fields).orElse(null);
        if (field == null) {
            row.texts.put(target, text);
            if (target.equals("externalId")) {
                row.keys.add("external_id|" + text);
            } else if (target.equals("wechatOpenId")) {
                row.keys.add("wechat_openid|" + text);
            }
            return;
        }
        row.custom.put(target, customValue(field.type(), text));
    }

    /** @return the cell as the custom field's type takes it: the field's own validation checks the value */
    private static Object customValue(FieldType type, String text) {
        switch (type) {
            case MULTIPLE_CHOICE:
                return CellValues.items(text);
            case BOOLEAN:
                String word = text.toLowerCase(Locale.ROOT);
                if (List.of("yes", "y", "1", "true").contains(word)) {
                    return Boolean.TRUE;
                }
                return List.of("no", "n", "0", "false").contains(word) ? Boolean.FALSE : text;
            case DATE:
                LocalDate date = date(text);
                return date == null ? text : date;
            case DATETIME:
                Instant instant = utcDateTime(text);
                return instant == null ? text : instant;
            default:
                return text;
        }
    }

    /**
     * Adds the tags of a cell that follow the customer's tag rules; each other one fails the row with a reason that
     * names the column and the tag, so that the row is reported whole, not imported without it.
     */
    private static void tags(ParsedRow row, String header, String text) {
        for (String tag : CellValues.tags(text)) {
            Errors errors = new Errors();
            String clean = errors.text("tags: column '" + header + "', tag '" + shown(tag) + "'", tag,
                    CustomerLimits.TAG_LENGTH_MAX);
            if (errors.isEmpty()) {
                row.tags.add(clean);
            } else {
                errors.messages().forEach(row.errors::add);
            }
        }
    }

    /**
     * Adds the channel accounts of a cell, each once; a malformed item fails the row with a reason that names the
     * column and the item. The account's limits and the number of accounts are checked with the customer.
     */
    private static void channels(ParsedRow row, String header, String text) {
        for (String item : CellValues.items(text)) {
            CellValues.ChannelItem read = CellValues.channel(item);
            if (read.channel() == null) {
                row.errors.add("channels: column '" + header + "', item '" + shown(item) + "': " + read.problem());
            } else if (!row.channels.contains(read.channel())) {
                row.channels.add(read.channel());
                row.keys.add("channel:" + read.channel().name() + "|" + read.channel().account());
            }
        }
    }

    /** @return the text as a message quotes it: at most {@value #SHOWN_CHARS} characters (code points) */
    private static String shown(String text) {
        return text.codePointCount(0, text.length()) <= SHOWN_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, SHOWN_CHARS)) + "...";
    }

    private static String email(String text) {
        try {
            return EmailNormalizer.normalize(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @return the instant of a date-time without offset, read as UTC as an export writes it: "yyyy-mm-dd hh:mm:ss"
     *         in CSV, "yyyy-mm-ddThh:mm:ss" (or the date alone at midnight) from a spreadsheet's date cell; null for
     *         any other text, which the field's own conversion reads (a date-time with offset) or refuses
     */
    private static Instant utcDateTime(String text) {
        try {
            return LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            LocalDate date = date(text);
            return date == null ? null : date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    /** @return the date of "yyyy-mm-dd" (a spreadsheet's date cell, possibly with a midnight time), or null */
    private static LocalDate date(String text) {
        String day = text.endsWith("T00:00:00") ? text.substring(0, text.length() - 9) : text;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeException e) {
                // try the next notation
            }
        }
        return null;
    }
}
