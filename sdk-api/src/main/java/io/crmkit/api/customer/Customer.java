package io.crmkit.api.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as stored: immutable, with every identity, tag and custom field value it had when read.
 * Text attributes that are not set are the empty string, never null.
 *
 * @param id         the SDK-generated id, unique across tenants and time-ordered
 * @param name       0 to 80 characters
 * @param nickname   0 to 80 characters
 * @param gender     never null; {@link Gender#UNKNOWN} when not given
 * @param birthday   the birthday, when known
 * @param company    0 to 80 characters
 * @param address    never null; {@link Address#EMPTY} when not given
 * @param remark     0 to 80 characters
 * @param source     where the customer came from (such as "web form", "import"), 0 to 64 characters
 * @param ownerId    the agent who follows the customer up, when {@link CustomerStatus#ASSIGNED}
 * @param status     where the customer is in the assignment flow
 * @param stage      the lifecycle stage, one of the kit's configured stages
 * @param identities phones, emails, external id, WeChat openid and channel accounts, in the order given
 * @param tags       the tags, sorted
 * @param custom     custom field values by field key, in the Java types {@code FieldType} documents;
 *                   a field without value is absent from the map
 * @param createdAt  when the customer was created (UTC)
 * @param createdBy  the actor who created it
 * @param updatedAt  when the customer last changed (UTC)
 * @param updatedBy  the actor who last changed it
 * @param version    the optimistic-locking version; pass it back in a {@link CustomerPatch}
 */
public record Customer(
        long id,
        String name,
        String nickname,
        Gender gender,
        Optional<LocalDate> birthday,
        String company,
        Address address,
        String remark,
        String source,
        Optional<String> ownerId,
        CustomerStatus status,
        String stage,
        List<Identity> identities,
        List<String> tags,
        Map<String, Object> custom,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    /** Checks for nulls and makes the collections unmodifiable. */
    public Customer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthday, "birthday");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(remark, "remark");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        identities = List.copyOf(identities);
        tags = List.copyOf(tags);
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** @return the phones in E.164 form, in the order given; at most 3 */
    public List<String> phones() {
        return values(IdentityType.PHONE);
    }

    /** @return the emails, lower-cased, in the order given; at most 2 */
    public List<String> emails() {
        return values(IdentityType.EMAIL);
    }

    /** @return the channel accounts, in the order given; at most 2 */
    public List<Channel> channels() {
        return identities.stream()
                .filter(identity -> identity.type() == IdentityType.CHANNEL)
                .map(identity -> new Channel(identity.channel(), identity.value()))
                .toList();
    }

    /** @return the host system's id for this customer, when set */
    public Optional<String> externalId() {
        return values(IdentityType.EXTERNAL_ID).stream().findFirst();
    }

    /** @return the WeChat openid, when set */
    public Optional<String> wechatOpenId() {
        return values(IdentityType.WECHAT_OPENID).stream().findFirst();
    }

    /**
     * A customer created from a phone or an email alone is unverified until one of its identities is
     * confirmed with {@code CustomerService.markVerified}; an external id counts as confirmed.
     *
     * @return whether at least one identity is verified
     */
    public boolean verified() {
        return identities.stream().anyMatch(Identity::verified);
    }

    private List<String> values(IdentityType type) {
        // A loop, not a stream: list pages and exports call this for every customer.
        List<String> values = null;
        for (Identity identity : identities) {
            if (identity.type() == type) {
                if (values == null) {
                    values = new java.util.ArrayList<>(2);
                }
                values.add(identity.value());
            }
        }
        return values == null ? List.of() : java.util.Collections.unmodifiableList(values);
    }
}
