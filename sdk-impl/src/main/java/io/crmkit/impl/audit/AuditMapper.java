package io.crmkit.impl.audit;

/** MyBatis mapper of the audit table; statements in AuditMapper.xml. */
public interface AuditMapper {

    /** A single typed parameter lets MyBatis pick type handlers once, not per call. */
    void insert(AuditEntry entry);
}
