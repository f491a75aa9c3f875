package io.crmkit.impl.io;

import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.sheet.TemplateColumn;
import java.util.ArrayList;
import java.util.List;

/** The columns of a tenant's import template: the built-in fields a new customer takes, then its custom fields. */
final class TemplateColumns {

    private TemplateColumns() {
    }

    static List<TemplateColumn> of(TenantFields fields, List<String> stages) {
        int text = CustomerLimits.TEXT_MAX;
        List<TemplateColumn> columns = new ArrayList<>(List.of(
                column("name", "Nguyen Van An", "1 to " + text + " characters; a customer needs a name, phone, email"
                        + " or external id"),
                column("nickname", "An", "0 to " + text + " characters"),
                new TemplateColumn("gender", "male", "male, female or unKnownSex", false,
                        List.of("male", "female", "unKnownSex")),
                column("birthday", "1990-05-31", "a date as yyyy-mm-dd, not in the future"),
                column("company", "Acme Ltd", "0 to " + text + " characters"),
                column("country", "Vietnam", "a country of the address directory"),
                column("province", "Hanoi", "a province of the country"),
                column("city", "Hanoi", "a city of the province"),
                column("area", "Ba Dinh", "an area of the city"),
                column("addressDetail", "12 Tran Phu", "street and number, 0 to " + text + " characters"),
                column("phones", "+84912345678", "at most " + CustomerLimits.PHONES_MAX + " phones separated by ;,"
                        + " any notation; unique per tenant"),
                column("emails", "an@example.com", "at most " + CustomerLimits.EMAILS_MAX + " emails separated by ;"
                        + " unique per tenant"),
                column("channels", "whatsapp:+84912345678", "at most " + CustomerLimits.CHANNELS_MAX
                        + " channel accounts as channel:account, separated by ;; unique per tenant"),
                column("externalId", "ERP-1001", "your system's id for the customer; unique per tenant"),
                column("wechatOpenId", "", "the WeChat openid; unique per tenant"),
                column("remark", "met at the fair", "0 to " + text + " characters; several lines allowed"),
                column("avatarUrl", "https://example.com/an.png", "the picture's https URL, at most "
                        + CustomerLimits.AVATAR_URL_MAX + " characters"),
                column("source", "fair 2026", "where the customer came from, 0 to " + CustomerLimits.SOURCE_MAX
                        + " characters; the import's source when empty"),
                column("ownerId", "", "the agent who follows the customer up"),
                new TemplateColumn("stage", stages.get(0), "one of the lifecycle stages", false, stages),
                column("tags", "vip, fair", "at most " + CustomerLimits.TAGS_MAX + " tags of 1 to "
                        + CustomerLimits.TAG_LENGTH_MAX + " characters, separated by , ; \uFF0C \u3001 or line"
                        + " breaks")));
        for (FieldDefinition field : fields.active()) {
            columns.add(new TemplateColumn(field.key(), "", field.label() + ": " + field.type().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', ' ') + (field.required() ? ", required" : ""), field.required(),
                    field.options()));
        }
        return columns;
    }

    private static TemplateColumn column(String header, String example, String note) {
        return new TemplateColumn(header, example, note, false, List.of());
    }
}
