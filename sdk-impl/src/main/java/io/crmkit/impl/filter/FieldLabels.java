package io.crmkit.impl.filter;

import java.util.Map;
import java.util.Optional;

/** The names a form shows for the built-in fields, in English; custom fields bring their own label. */
final class FieldLabels {

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("id", "Id"),
            Map.entry("name", "Name"),
            Map.entry("nickname", "Nickname"),
            Map.entry("company", "Company"),
            Map.entry("gender", "Gender"),
            Map.entry("birthday", "Birthday"),
            Map.entry("phones", "Phones"),
            Map.entry("emails", "Emails"),
            Map.entry("address", "Address"),
            Map.entry("country", "Country"),
            Map.entry("province", "Province"),
            Map.entry("city", "City"),
            Map.entry("area", "Area"),
            Map.entry("addressDetail", "Address detail"),
            Map.entry("remark", "Remark"),
            Map.entry("avatarUrl", "Avatar"),
            Map.entry("source", "Source"),
            Map.entry("ownerId", "Owner"),
            Map.entry("status", "Status"),
            Map.entry("stage", "Stage"),
            Map.entry("tags", "Tags"),
            Map.entry("verified", "Verified"),
            Map.entry("externalId", "External id"),
            Map.entry("wechatOpenId", "WeChat openid"),
            Map.entry("channels", "Channels"),
            Map.entry("createdAt", "Created"),
            Map.entry("createdBy", "Created by"),
            Map.entry("updatedAt", "Updated"),
            Map.entry("updatedBy", "Updated by"),
            Map.entry("lastActivityAt", "Last activity"),
            Map.entry("activity30d", "Activity, 30 days"),
            Map.entry("orderCount", "Orders"),
            Map.entry("totalSpent", "Total spent"),
            Map.entry("valueRating", "Value rating"),
            Map.entry(FilterFields.GROUP, "Group"),
            Map.entry(FilterFields.SAVED_FILTER, "Saved filter"));

    private FieldLabels() {
    }

    /** @return the label of a built-in field or pseudo-field ({@code events.<type>} reads "Events: type") */
    static Optional<String> of(String key) {
        if (FilterFields.isEvents(key)) {
            return Optional.of("Events: " + key.substring(FilterFields.EVENTS.length()).replace('_', ' '));
        }
        return Optional.ofNullable(BUILT_IN.get(key));
    }
}
