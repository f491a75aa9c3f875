/** Duplicate detection and merging behind {@code io.crmkit.api.merge}. */
package io.crmkit.impl.merge;
