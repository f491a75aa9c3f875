package io.crmkit.impl.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the customer table, as MyBatis reads and writes it. Text that is not set is "". */
final class CustomerRow {
    String tenantId;
    long id;
    String name;
    String nickname;
    String gender;
    LocalDate birthday;
    String company;
    String country;
    String province;
    String city;
    String area;
    String addressDetail;
    String remark;
    String source;
    String ownerId;
    String status;
    String stage;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    String updatedBy;
    long version;
}
