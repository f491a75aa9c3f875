/** The filter language behind {@code FilterService}: its JSON form, and (next) its checking and SQL. */
package io.crmkit.impl.filter;
