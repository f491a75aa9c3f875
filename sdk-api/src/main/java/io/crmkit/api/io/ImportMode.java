package io.crmkit.api.io;

/** What an import does with a row that matches an existing customer, and with one that does not. */
public enum ImportMode {
    /** A row that matches no customer creates one; a row that matches one fails ("exists"). */
    CREATE_ONLY,
    /** A row that matches a customer updates it; a row that matches none fails ("not_found"). */
    UPDATE_ONLY,
    /** A row that matches a customer updates it; a row that matches none creates one. */
    CREATE_OR_UPDATE
}
