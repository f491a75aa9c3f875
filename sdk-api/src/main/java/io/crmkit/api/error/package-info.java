/**
 * The exceptions of CRMKit, all unchecked and rooted at {@link io.crmkit.api.error.CrmException}, each with
 * a machine-readable code.
 */
package io.crmkit.api.error;
