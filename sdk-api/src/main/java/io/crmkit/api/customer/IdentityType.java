package io.crmkit.api.customer;

/**
 * The kinds of identity a customer can be found by. Within a tenant, one identity value (after
 * normalization) belongs to at most one customer.
 */
public enum IdentityType {
    /** A phone number, stored in E.164 form (+84912345678). Up to 3 per customer. */
    PHONE,
    /** An email address, stored trimmed and lower-cased. Up to 2 per customer. */
    EMAIL,
    /** The host system's own id for the customer (a "docking" id). At most 1 per customer. */
    EXTERNAL_ID,
    /** A WeChat openid. At most 1 per customer. */
    WECHAT_OPENID,
    /** An account on a named channel (web, whatsapp, wechat, ...). Up to 2 per customer. */
    CHANNEL
}
