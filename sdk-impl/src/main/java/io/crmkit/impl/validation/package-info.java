/** Collection of input problems into one {@link io.crmkit.api.error.ValidationException}. */
package io.crmkit.impl.validation;
