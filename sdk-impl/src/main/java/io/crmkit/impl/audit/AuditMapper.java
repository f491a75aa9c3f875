package io.crmkit.impl.audit;

import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the audit table; statements in AuditMapper.xml. */
public interface AuditMapper {

    void insert(@Param("e") AuditEntry entry);
}
