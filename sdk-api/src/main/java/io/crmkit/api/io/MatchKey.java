package io.crmkit.api.io;

/**
 * How an import recognizes the existing customer a row stands for. Phones and emails are compared normalized,
 * as the customer service stores them, so "0912 345 678" matches +84912345678.
 */
public enum MatchKey {
    /** The customer's id (column mapped to {@code id}); a row with an id the tenant does not hold fails. */
    ID,
    /** Any of the row's phones. */
    PHONE,
    /** Any of the row's emails. */
    EMAIL,
    /** The host system's id ({@code externalId}). */
    EXTERNAL_ID,
    /** The WeChat openid ({@code wechatOpenId}). */
    WECHAT_OPENID
}
