package io.crmkit.spring;

import io.crmkit.api.Crm;

/**
 * Wraps the {@link Crm} of each call of the starter's {@code Crm} bean, such as with meters. Internal to the starter:
 * it keeps optional libraries (Micrometer) out of the classes that are always loaded.
 */
@FunctionalInterface
interface CrmDecorator {

    /** @return a Crm acting as {@code crm} does, with something added around its calls */
    Crm decorate(Crm crm);
}
