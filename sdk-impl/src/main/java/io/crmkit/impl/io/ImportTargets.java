package io.crmkit.impl.io;

import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.field.TenantFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a file column may fill, and the suggestion of a mapping from header texts: a header names a field
 * by its key, a custom field's key or label, or a common synonym, ignoring case, spaces, dashes, underscores and
 * dots ("Customer Name", "e-mail", "cellPhone", "Mobile 2").
 */
final class ImportTargets {

    /** The built-in targets, in template order. */
    static final List<String> BUILT_IN = List.of("name", "nickname", "gender", "birthday", "company", "country",
            "province", "city", "area", "addressDetail", "phones", "emails", "channels", "externalId", "wechatOpenId",
            "remark", "avatarUrl", "source", "ownerId", "stage", "tags", "id");

    /** Targets that several columns may fill, and whose cells may hold several values. */
    static final Set<String> MULTI_VALUED = Set.of("phones", "emails", "channels", "tags");

    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms("name", "customername", "fullname", "realname", "contactname", "clientname", "customer", "contact");
        synonyms("nickname", "nick", "displayname", "alias");
        synonyms("gender", "sex");
        synonyms("birthday", "birthdate", "dateofbirth", "dob", "birth");
        synonyms("company", "companyname", "organization", "organisation", "org", "employer", "enterprise");
        synonyms("country", "nation");
        synonyms("province", "state", "region");
        synonyms("city", "town");
        synonyms("area", "district", "county");
        synonyms("addressDetail", "address", "additionaladdress", "addtionaladdress", "street", "streetaddress",
                "detailaddress", "addressline", "addressdetails");
        synonyms("phones", "phone", "mobile", "mobilephone", "cellphone", "cell", "tel", "telephone", "phonenumber",
                "mobilenumber", "contactnumber", "mobileno", "phoneno");
        synonyms("emails", "email", "mail", "emailaddress", "mailaddress");
        synonyms("channels", "channel", "channelaccount", "channelaccounts");
        synonyms("externalId", "dockingid", "customerexternalid", "crmid", "sourceid");
        synonyms("wechatOpenId", "openid", "wechat", "wechatid");
        synonyms("remark", "remarks", "note", "notes", "comment", "comments", "description");
        synonyms("avatarUrl", "avatar", "picture", "photo", "photourl", "pictureurl", "image", "imageurl");
        synonyms("source", "leadsource", "channelsource");
        synonyms("ownerId", "owner", "agent", "assignee", "salesperson", "ownerid");
        synonyms("stage", "lifecyclestage", "followupstage");
        synonyms("tags", "tag", "labels", "label");
        synonyms("id", "customerid");
    }

    private ImportTargets() {
    }

    private static void synonyms(String key, String... names) {
        SYNONYMS.put(normalize(key), key);
        for (String name : names) {
            SYNONYMS.put(name, key);
        }
    }

    /** @return every target, built-in then the tenant's active custom fields */
    static List<String> all(TenantFields fields) {
        List<String> all = new ArrayList<>(BUILT_IN);
        fields.active().forEach(field -> all.add(field.key()));
        return all;
    }

    /** @return whether the key is a target: a built-in one or an active custom field */
    static boolean isTarget(String key, TenantFields fields) {
        return BUILT_IN.contains(key) || custom(key, fields).isPresent();
    }

    /** @return the active custom field with this key */
    static Optional<FieldDefinition> custom(String key, TenantFields fields) {
        return BUILT_IN.contains(key) ? Optional.empty()
                : fields.byKey(key).filter(definition -> !definition.retired());
    }

    /**
     * @return for each header the kit recognizes, its target; a single-valued target goes to the first header
     *         that names it
     */
    static Map<String, String> suggest(List<String> headers, TenantFields fields) {
        Map<String, String> byName = new LinkedHashMap<>(SYNONYMS);
        for (FieldDefinition field : fields.active()) {
            byName.put(normalize(field.key()), field.key());
            byName.putIfAbsent(normalize(field.label()), field.key());
        }
        Map<String, String> suggested = new LinkedHashMap<>();
        for (String header : headers) {
            String name = normalize(header);
            String target = byName.get(name);
            if (target == null) {
                String numbered = byName.get(name.replaceAll("\\d+$", ""));
                target = numbered != null && MULTI_VALUED.contains(numbered) ? numbered : null;
            }
            if (target != null && !header.isBlank()
                    && (MULTI_VALUED.contains(target) || !suggested.containsValue(target))) {
                suggested.put(header, target);
            }
        }
        return suggested;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.]", "");
    }
}
