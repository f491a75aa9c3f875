package io.crmkit.impl.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * What a merge record keeps so that the merge can be undone: the merged customer's own rows, and what the merge
 * changed on the survivor. Stored as JSON; values are text as the database gave them, so that they go back
 * exactly. Immutable.
 *
 * @param merged          the merged customer's row: column to value (null for NULL)
 * @param identities      the merged customer's identities, which moved to the survivor, with their ordinals
 * @param tags            the merged customer's tags
 * @param customValues    the merged customer's custom value rows
 * @param groups          the merged customer's group memberships
 * @param survivorColumns per survivor column the merge changed: its value before and after
 * @param customChanges   per custom field id the merge changed on the survivor: its rows before and after
 * @param tagsAdded       tags the survivor gained
 * @param groupsAdded     groups the survivor joined
 */
record MergeSnapshot(Map<String, String> merged, List<IdentityRow> identities, List<TagRow> tags,
                     List<ValueRow> customValues, List<GroupRow> groups, Map<String, List<String>> survivorColumns,
                     Map<Long, CustomChange> customChanges, List<String> tagsAdded, List<Long> groupsAdded) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An identity row. */
    record IdentityRow(String type, String value, int ordinal) {
    }

    /** A tag row. */
    record TagRow(String tag, String createdAt) {
    }

    /** A group membership row. */
    record GroupRow(long groupId, String addedAt) {
    }

    /** A custom value row; typed values as text. */
    record ValueRow(long fieldId, int ordinal, String text, String number, Boolean bool, String date, String time) {
    }

    /** A custom field's rows on the survivor before and after the merge. */
    record CustomChange(List<ValueRow> before, List<ValueRow> after) {
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a merge snapshot", e);
        }
    }

    static MergeSnapshot fromJson(String json) {
        try {
            return JSON.readValue(json, MergeSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merge record's snapshot is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
