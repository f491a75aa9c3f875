/**
 * The public API of CRMKit: {@link io.crmkit.api.Crm}, the scoped facade, and {@link io.crmkit.api.Actor},
 * who it acts for. Concepts live in sub-packages named for them ({@code customer}, {@code field}, ...).
 * No type of this module comes from a third-party library.
 */
package io.crmkit.api;
