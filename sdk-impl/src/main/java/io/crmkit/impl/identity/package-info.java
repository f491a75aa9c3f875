/** Normalization of customer identities: phones to E.164, emails to lower case. */
package io.crmkit.impl.identity;
