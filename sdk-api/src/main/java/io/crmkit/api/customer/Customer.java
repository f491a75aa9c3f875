package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * <p>Hosts receive customers from the SDK ({@link CustomerService#get(long)}, searches, exports) and read them
 * through the accessors. New components may be added in minor releases, each with a new accessor; existing
 * accessors keep their names and meaning. This is why {@code Customer} is a class with a {@link #builder()} and
 * not a record: a record's constructor would change with every new component. Two customers are equal when
 * every component is equal.
 */
public final class Customer {

    private final long id;
    private final String name;
    private final String nickname;
    private final Gender gender;
    private final Optional<LocalDate> birthday;
    private final String company;
    private final Address address;
    private final String remark;
    private final String avatarUrl;
    private final String source;
    private final Optional<String> ownerId;
    private final CustomerStatus status;
    private final String stage;
    private final List<Identity> identities;
    private final List<String> tags;
    private final Map<String, Object> custom;
    private final Instant createdAt;
    private final String createdBy;
    private final Instant updatedAt;
    private final String updatedBy;
    private final long version;

    private Customer(Builder builder) {
        id = builder.id;
        name = required(builder.name, "name");
        nickname = required(builder.nickname, "nickname");
        gender = required(builder.gender, "gender");
        birthday = required(builder.birthday, "birthday");
        company = required(builder.company, "company");
        address = required(builder.address, "address");
        remark = required(builder.remark, "remark");
        avatarUrl = required(builder.avatarUrl, "avatarUrl");
        source = required(builder.source, "source");
        ownerId = required(builder.ownerId, "ownerId");
        status = required(builder.status, "status");
        stage = required(builder.stage, "stage");
        identities = List.copyOf(required(builder.identities, "identities"));
        tags = List.copyOf(required(builder.tags, "tags"));
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(required(builder.custom, "custom")));
        createdAt = required(builder.createdAt, "createdAt");
        createdBy = required(builder.createdBy, "createdBy");
        updatedAt = required(builder.updatedAt, "updatedAt");
        updatedBy = required(builder.updatedBy, "updatedBy");
        version = builder.version;
    }

    /**
     * A builder for the SDK itself and for tests (a fake {@code CustomerService} in a host's test, say); hosts
     * normally receive customers rather than build them. Text components start as the empty string, optional
     * ones empty, collections empty, {@code gender} {@link Gender#UNKNOWN}, {@code address} {@link Address#EMPTY},
     * {@code status} {@link CustomerStatus#NEW}; {@code stage}, {@code createdAt}, {@code createdBy},
     * {@code updatedAt} and {@code updatedBy} have no default.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every component of this customer, to build a changed copy */
    public Builder toBuilder() {
        return new Builder().id(id).name(name).nickname(nickname).gender(gender).birthday(birthday)
                .company(company).address(address).remark(remark).avatarUrl(avatarUrl)
                .source(source).ownerId(ownerId).status(status)
                .stage(stage).identities(identities).tags(tags).custom(custom).createdAt(createdAt)
                .createdBy(createdBy).updatedAt(updatedAt).updatedBy(updatedBy).version(version);
    }

    /** @return the SDK-generated id, unique across tenants and time-ordered */
    public long id() {
        return id;
    }

    /** @return the name, 0 to 80 characters */
    public String name() {
        return name;
    }

    /** @return the nickname, 0 to 80 characters */
    public String nickname() {
        return nickname;
    }

    /** @return the gender; {@link Gender#UNKNOWN} when not given */
    public Gender gender() {
        return gender;
    }

    /** @return the birthday, when known */
    public Optional<LocalDate> birthday() {
        return birthday;
    }

    /** @return the company, 0 to 80 characters */
    public String company() {
        return company;
    }

    /** @return the address; {@link Address#EMPTY} when not given */
    public Address address() {
        return address;
    }

    /** @return the remark, 0 to 80 characters; may span several lines, separated by LF */
    public String remark() {
        return remark;
    }

    /**
     * @return the address of the customer's picture, shown in lists and details: an {@code https} URL of at most
     *         1,024 characters, or the empty string when there is none
     */
    public String avatarUrl() {
        return avatarUrl;
    }

    /** @return where the customer came from (such as "web form", "import"), 0 to 64 characters */
    public String source() {
        return source;
    }

    /** @return the agent who follows the customer up, when {@link CustomerStatus#ASSIGNED} */
    public Optional<String> ownerId() {
        return ownerId;
    }

    /** @return where the customer is in the assignment flow */
    public CustomerStatus status() {
        return status;
    }

    /** @return the lifecycle stage, one of the kit's configured stages */
    public String stage() {
        return stage;
    }

    /** @return phones, emails, external id, WeChat openid and channel accounts, in the order given; unmodifiable */
    public List<Identity> identities() {
        return identities;
    }

    /** @return the tags, sorted; unmodifiable */
    public List<String> tags() {
        return tags;
    }

    /**
     * @return custom field values by field key, in the Java types {@code FieldType} documents; a field without
     *         value is absent from the map; unmodifiable
     */
    public Map<String, Object> custom() {
        return custom;
    }

    /** @return when the customer was created (UTC) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the actor who created it */
    public String createdBy() {
        return createdBy;
    }

    /** @return when the customer last changed (UTC) */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the actor who last changed it */
    public String updatedBy() {
        return updatedBy;
    }

    /** @return the optimistic-locking version; pass it back in a {@link CustomerPatch} */
    public long version() {
        return version;
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

    /** @return whether {@code other} is a customer with every component equal to this one's */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Customer that
                && id == that.id && version == that.version
                && name.equals(that.name) && nickname.equals(that.nickname) && gender == that.gender
                && birthday.equals(that.birthday) && company.equals(that.company) && address.equals(that.address)
                && remark.equals(that.remark) && avatarUrl.equals(that.avatarUrl) && source.equals(that.source) && ownerId.equals(that.ownerId)
                && status == that.status && stage.equals(that.stage) && identities.equals(that.identities)
                && tags.equals(that.tags) && custom.equals(that.custom) && createdAt.equals(that.createdAt)
                && createdBy.equals(that.createdBy) && updatedAt.equals(that.updatedAt)
                && updatedBy.equals(that.updatedBy);
    }

    /** @return a hash over every component */
    @Override
    public int hashCode() {
        return Objects.hash(id, name, nickname, gender, birthday, company, address, remark, avatarUrl, source, ownerId,
                status, stage, identities, tags, custom, createdAt, createdBy, updatedAt, updatedBy, version);
    }

    /** @return every component, for logs and test failures; the format is not a contract */
    @Override
    public String toString() {
        return "Customer[id=" + id + ", name=" + name + ", nickname=" + nickname + ", gender=" + gender
                + ", birthday=" + birthday + ", company=" + company + ", address=" + address + ", remark=" + remark
                + ", avatarUrl=" + avatarUrl + ", source=" + source + ", ownerId=" + ownerId + ", status=" + status + ", stage=" + stage
                + ", identities=" + identities + ", tags=" + tags + ", custom=" + custom + ", createdAt=" + createdAt
                + ", createdBy=" + createdBy + ", updatedAt=" + updatedAt + ", updatedBy=" + updatedBy
                + ", version=" + version + "]";
    }

    private List<String> values(IdentityType type) {
        // A loop, not a stream: list pages and exports call this for every customer.
        List<String> values = null;
        for (Identity identity : identities) {
            if (identity.type() == type) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(identity.value());
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "required", field + ": must not be null");
        }
        return value;
    }

    /**
     * Builds a {@link Customer}; see {@link Customer#builder()} for who uses it and the defaults. Not thread-safe;
     * {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private long id;
        private String name = "";
        private String nickname = "";
        private Gender gender = Gender.UNKNOWN;
        private Optional<LocalDate> birthday = Optional.empty();
        private String company = "";
        private Address address = Address.EMPTY;
        private String remark = "";
        private String avatarUrl = "";
        private String source = "";
        private Optional<String> ownerId = Optional.empty();
        private CustomerStatus status = CustomerStatus.NEW;
        private String stage;
        private List<Identity> identities = List.of();
        private List<String> tags = List.of();
        private Map<String, Object> custom = Map.of();
        private Instant createdAt;
        private String createdBy;
        private Instant updatedAt;
        private String updatedBy;
        private long version;

        private Builder() {
        }

        /**
         * @param id the SDK-generated id
         * @return this builder
         */
        public Builder id(long id) {
            this.id = id;
            return this;
        }

        /**
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param nickname the nickname
         * @return this builder
         */
        public Builder nickname(String nickname) {
            this.nickname = nickname;
            return this;
        }

        /**
         * @param gender the gender
         * @return this builder
         */
        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        /**
         * @param birthday the birthday, or empty
         * @return this builder
         */
        public Builder birthday(Optional<LocalDate> birthday) {
            this.birthday = birthday;
            return this;
        }

        /**
         * @param company the company
         * @return this builder
         */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /**
         * @param address the address
         * @return this builder
         */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        /**
         * @param remark the remark
         * @return this builder
         */
        public Builder remark(String remark) {
            this.remark = remark;
            return this;
        }

        /**
         * @param avatarUrl the picture's {@code https} URL, or the empty string
         * @return this builder
         */
        public Builder avatarUrl(String avatarUrl) {
            this.avatarUrl = avatarUrl;
            return this;
        }

        /**
         * @param source where the customer came from
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @param ownerId the owning agent, or empty
         * @return this builder
         */
        public Builder ownerId(Optional<String> ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /**
         * @param status the assignment status
         * @return this builder
         */
        public Builder status(CustomerStatus status) {
            this.status = status;
            return this;
        }

        /**
         * @param stage the lifecycle stage
         * @return this builder
         */
        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        /**
         * @param identities the identities, in order; copied at {@link #build()}
         * @return this builder
         */
        public Builder identities(List<Identity> identities) {
            this.identities = identities;
            return this;
        }

        /**
         * @param tags the tags, sorted; copied at {@link #build()}
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * @param custom custom field values by key; copied at {@link #build()}
         * @return this builder
         */
        public Builder custom(Map<String, Object> custom) {
            this.custom = custom;
            return this;
        }

        /**
         * @param createdAt when the customer was created
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * @param createdBy the actor who created it
         * @return this builder
         */
        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        /**
         * @param updatedAt when the customer last changed
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * @param updatedBy the actor who last changed it
         * @return this builder
         */
        public Builder updatedBy(String updatedBy) {
            this.updatedBy = updatedBy;
            return this;
        }

        /**
         * @param version the optimistic-locking version
         * @return this builder
         */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * @return the customer
         * @throws ValidationException code {@code required}, naming the first component that is null
         */
        public Customer build() {
            return new Customer(this);
        }
    }
}
