/** Custom fields: definitions a tenant adds to its customers, with typed, validated values. */
package io.crmkit.api.field;
