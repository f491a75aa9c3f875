package io.crmkit.impl.filter;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of list views; statements in ListViewMapper.xml. */
interface ListViewMapper {

    void insert(@Param("r") ListViewRow row);

    int update(@Param("r") ListViewRow row);

    int delete(@Param("tenantId") String tenantId, @Param("actorId") String actorId, @Param("name") String name);

    ListViewRow find(@Param("tenantId") String tenantId, @Param("actorId") String actorId, @Param("name") String name);

    List<ListViewRow> list(@Param("tenantId") String tenantId, @Param("actorId") String actorId);
}
