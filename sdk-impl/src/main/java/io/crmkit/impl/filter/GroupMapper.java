package io.crmkit.impl.filter;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of groups and their members; statements in GroupMapper.xml. */
interface GroupMapper {

    void insert(@Param("r") GroupRow row);

    int rename(@Param("tenantId") String tenantId, @Param("id") long id, @Param("name") String name,
               @Param("at") Instant at);

    int touch(@Param("tenantId") String tenantId, @Param("id") long id, @Param("at") Instant at);

    int delete(@Param("tenantId") String tenantId, @Param("id") long id);

    int deleteMembers(@Param("tenantId") String tenantId, @Param("groupId") long groupId);

    GroupRow find(@Param("tenantId") String tenantId, @Param("id") long id);

    List<GroupRow> list(@Param("tenantId") String tenantId);

    int count(@Param("tenantId") String tenantId);

    /** Adds the tenant's customers among the ids that are not members yet. @return rows added */
    int addIds(@Param("tenantId") String tenantId, @Param("groupId") long groupId,
               @Param("ids") Collection<Long> ids, @Param("at") Instant at);

    /** Adds the customers matching a compiled search that are not members yet. @return rows added */
    int addMatching(@Param("q") SearchStatement query, @Param("groupId") long groupId, @Param("at") Instant at);

    int removeIds(@Param("tenantId") String tenantId, @Param("groupId") long groupId,
                  @Param("ids") Collection<Long> ids);
}
