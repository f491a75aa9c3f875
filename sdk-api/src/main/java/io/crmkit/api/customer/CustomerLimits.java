package io.crmkit.api.customer;

/**
 * The limits every customer write is checked against (from the Customer Center documentation of
 * 004_252e74919ec19f64). Lengths count Unicode code points, after trimming.
 */
public final class CustomerLimits {

    /** Longest name, nickname, company, remark, address part and address detail. */
    public static final int TEXT_MAX = 80;
    /** Longest part of an address (country, province, city, area, detail). */
    public static final int ADDRESS_PART_MAX = 80;
    /** Most phones per customer. */
    public static final int PHONES_MAX = 3;
    /** Longest phone number as typed. */
    public static final int PHONE_LENGTH_MAX = 20;
    /** Most emails per customer. */
    public static final int EMAILS_MAX = 2;
    /** Longest email address. */
    public static final int EMAIL_LENGTH_MAX = 128;
    /** Most channel accounts per customer. */
    public static final int CHANNELS_MAX = 2;
    /** Longest channel account, external id or WeChat openid. */
    public static final int ACCOUNT_LENGTH_MAX = 255;
    /** Longest source label and owner id. */
    public static final int SOURCE_MAX = 64;
    /** Longest avatar URL (an absolute {@code https} URL). */
    public static final int AVATAR_URL_MAX = 1024;
    /** Longest tag. */
    public static final int TAG_LENGTH_MAX = 64;
    /**
     * The characters a tag may not contain, besides line breaks: they separate several tags in one cell of an
     * imported file, so an exported tag holding one would come back as two. Tags stored before this rule keep them.
     */
    public static final String TAG_SEPARATORS = ",;\uFF0C\u3001";
    /** Most tags per customer. */
    public static final int TAGS_MAX = 100;

    private CustomerLimits() {
    }
}
