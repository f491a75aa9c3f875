/**
 * Duplicate customers: finding them (by normalized and similar contact points, with scores and reasons) and
 * merging them, safely (conflicting identities refuse the merge) and reversibly (a merge can be undone for a
 * retention period).
 */
package io.crmkit.api.merge;
