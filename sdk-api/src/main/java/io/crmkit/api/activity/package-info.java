/**
 * What happens around a customer: the timeline of events, tasks, orders, links to the host's own objects, and
 * the metrics computed from them ({@code crm.activities()}).
 */
package io.crmkit.api.activity;
