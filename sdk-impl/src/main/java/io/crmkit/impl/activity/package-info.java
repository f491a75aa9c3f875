/** The customer's timeline, tasks, orders, links and metrics behind {@code io.crmkit.api.activity}. */
package io.crmkit.impl.activity;
