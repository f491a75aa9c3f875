/**
 * The filter language: a tree of all-of / any-of groups with conditions {@code (field, operator, values)}
 * as leaves. Built with the static factories of {@link io.crmkit.api.filter.Filter}.
 */
package io.crmkit.api.filter;
