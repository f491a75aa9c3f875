package io.crmkit.benchmarks;

import io.crmkit.impl.identity.MatchKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Generates the duplicate benchmark's customers straight into the SDK's tables with plain multi-row JDBC
 * inserts from {@code Random(seed)}, match keys computed with the SDK's {@link MatchKeys}:
 *
 * <ul>
 *   <li>names: Vietnamese (family, middle, given, with accents) or Western (first, initial, last), about
 *   600,000 combinations, so that few customers share a name;</li>
 *   <li>about 60% one phone ({@code +849} and 8 digits, unique), 60% one email ({@code given.family.NNNNNNN} at
 *   gmail.com, yahoo.com, outlook.com, hotmail.com, icloud.com or a company domain; the 7 digits are a
 *   bijection of the customer's index, so two customers' emails are never one typo apart by chance), 30% an
 *   external id ({@code CRM-} and 8 hex digits, upper case);</li>
 *   <li>{@value #PLANTED_SHARE_PERCENT}% of all customers planted duplicates of the customer before them,
 *   alternately exact (the same gmail address with dots or a {@code +tag}, googlemail.com, a {@code +tag} at
 *   outlook/hotmail/icloud, or the external id in lower case) and near (the same name, accents and case
 *   sometimes dropped, with the email's name part one typo apart, or the phone's national number with another
 *   country code).</li>
 * </ul>
 */
final class DuplicateData {

    static final int PLANTED_SHARE_PERCENT = 2;
    static final LocalDateTime CREATED = LocalDateTime.of(2025, 6, 1, 0, 0);

    private static final String ACTOR = "bench";
    private static final int PER_COMMIT = 1000;
    static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
            "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trịnh", "Đoàn", "Cao",
            "Lương", "Tạ", "Chu", "Kiều", "Quách", "Tô", "Hà", "Vương");
    static final List<String> MIDDLE = List.of("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc",
            "Xuân", "Thu", "Hoài", "Gia", "Bảo", "Kim", "Mạnh", "Phương", "Anh", "Tuấn", "Thành", "Diệu", "Khánh",
            "Công", "Quang", "Trọng", "Hồng");
    static final List<String> GIVEN = List.of("An", "Bình", "Châu", "Cường", "Dũng", "Duy", "Giang", "Hà",
            "Hải", "Hạnh", "Hiếu", "Hòa", "Hoa", "Hùng", "Hương", "Huy", "Khang", "Khoa", "Lan", "Linh", "Long",
            "Mai", "Minh", "My", "Nam", "Nga", "Ngân", "Nhung", "Phong", "Phúc", "Quân", "Quyên", "Sơn", "Tâm",
            "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Trí", "Trung", "Tú", "Tùng", "Uyên", "Vân", "Việt", "Vinh",
            "Vy", "Xuân", "Yến", "Đạt", "Điệp", "Hằng", "Hậu", "Kiên", "Lộc", "Luân", "Nhân", "Oanh", "Quỳnh", "Sang",
            "Tài", "Thiện", "Thư", "Toàn", "Trâm", "Tuyết", "Vũ", "Ánh", "Bích", "Công", "Đông", "Hiền", "Khải",
            "Lực", "Nghĩa", "Phát", "Quế", "Thông", "Ý");
    static final List<String> FIRST = List.of("James", "Mary", "John", "Patricia", "Robert", "Jennifer",
            "Michael", "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark",
            "Margaret", "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua",
            "Donna", "Kenneth", "Michelle", "Kevin", "Dorothy", "Brian", "Carol", "George", "Amanda", "Timothy",
            "Melissa", "Ronald", "Deborah", "Jason", "Stephanie", "Edward", "Rebecca", "Jeffrey", "Sharon", "Ryan",
            "Laura", "Jacob", "Cynthia", "Gary", "Kathleen", "Nicholas", "Amy", "Eric", "Angela", "Jonathan",
            "Shirley", "Stephen", "Anna", "Larry", "Brenda", "Justin", "Pamela", "Scott", "Emma", "Brandon",
            "Nicole", "Benjamin", "Helen", "Samuel", "Samantha", "Gregory", "Katherine", "Frank", "Christine",
            "Alexander", "Debra", "Raymond", "Rachel", "Patrick", "Carolyn", "Jack", "Janet", "Dennis", "Catherine",
            "Jerry", "Maria", "Tyler", "Heather", "Aaron", "Diane", "José", "Ruth", "Adam", "Julie", "Henry",
            "Olivia", "Nathan", "Joyce", "Douglas", "Virginia", "Zachary", "Victoria", "Peter", "Kelly", "Kyle",
            "Lauren", "Noah", "Christina", "Ethan", "Joan", "Jeremy", "Evelyn", "Walter", "Judith", "Christian",
            "Megan", "Keith", "Andrea", "Roger", "Cheryl", "Terry", "Hannah", "Austin", "Jacqueline", "Sean",
            "Martha", "Gerald", "Gloria", "Carl", "Teresa", "Harold", "Ann", "Dylan", "Sara", "Arthur", "Madison",
            "Lawrence", "Frances", "Jordan", "Kathryn", "Jesse", "Janice", "Bryan", "Jean", "Billy", "Abigail");
    static final List<String> LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
            "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
            "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
            "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz",
            "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez",
            "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox",
            "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza",
            "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster",
            "Jiménez", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
            "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Dubois",
            "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Bernard", "Petit", "Roux", "Fournier",
            "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "André");
    private static final List<String> DOMAINS = List.of("gmail.com", "gmail.com", "gmail.com", "gmail.com",
            "yahoo.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "fpt.com.vn", "vnpt.vn",
            "example.com", "acme.io", "viettel.com.vn");
    private static final List<String> OTHER_COUNTRIES = List.of("+34", "+1", "+65", "+61", "+44");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** A planted pair: the original and its duplicate, and whether it is exact (else near). */
    record Planted(long originalId, long duplicateId, boolean exact) {
    }

    /** One generated customer's contact points, null where absent. */
    private record Person(long id, String name, String phone, String email, String externalId) {
    }

    private DuplicateData() {
    }

    /**
     * Writes {@code size} customers, planted duplicates included, into the tenant with ids from 1.
     *
     * @return the planted pairs
     */
    static List<Planted> load(DataSource pool, String prefix, String tenantId, int size, long seed)
            throws SQLException {
        Random random = new Random(seed);
        List<Planted> planted = new ArrayList<>(size / 40);
        int plantTarget = size * PLANTED_SHARE_PERCENT / 100;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            FilterData.Inserter customers = new FilterData.Inserter(connection, "INSERT INTO " + prefix
                    + "customer (tenant_id, id, name, nickname, gender, birthday, company, country, province, city,"
                    + " area, address_detail, remark, source, owner_id, status, stage, created_at, created_by,"
                    + " updated_at, updated_by, version)", 22, 500);
            FilterData.Inserter identities = new FilterData.Inserter(connection, "INSERT INTO " + prefix
                    + "identity (tenant_id, id_type, id_value, match_key, customer_id, ordinal, verified,"
                    + " created_at)", 8, 1000);
            try {
                long id = 1;
                int sinceCommit = 0;
                while (id <= size) {
                    Person original = original(random, id);
                    write(customers, identities, tenantId, original);
                    id++;
                    sinceCommit++;
                    // Keeps pace with the target; an original that cannot give the kind due gives none.
                    if (id <= size && planted.size() < (long) plantTarget * id / size
                            && random.nextInt(4) == 0) {
                        boolean exact = planted.size() % 2 == 0;
                        Person duplicate = exact ? exactCopy(random, original, id) : nearCopy(random, original, id);
                        if (duplicate != null) {
                            write(customers, identities, tenantId, duplicate);
                            planted.add(new Planted(original.id(), id, exact));
                            id++;
                            sinceCommit++;
                        }
                    }
                    if (sinceCommit >= PER_COMMIT || id > size) {
                        customers.flush();
                        identities.flush();
                        connection.commit();
                        sinceCommit = 0;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                customers.close();
                identities.close();
            }
            connection.setAutoCommit(true);
            FilterData.analyze(connection, prefix);
        }
        return planted;
    }

    private static Person original(Random random, long id) {
        boolean vietnamese = random.nextInt(10) < 6;
        String given;
        String family;
        String name;
        if (vietnamese) {
            family = pick(random, FAMILY);
            given = pick(random, GIVEN);
            name = family + " " + pick(random, MIDDLE) + " " + given;
        } else {
            given = pick(random, FIRST);
            family = pick(random, LAST);
            name = given + " " + LETTERS.toUpperCase(Locale.ROOT).charAt(random.nextInt(26)) + ". " + family;
        }
        String phone = random.nextInt(10) < 6 ? FilterData.phone(id) : null;
        String email = null;
        if (random.nextInt(10) < 6) {
            long digits = (id * 7_654_321L + 1_234_567L) % 10_000_000L;
            email = ascii(given) + "." + ascii(family) + "." + String.format("%07d", digits) + "@"
                    + pick(random, DOMAINS);
        }
        String externalId = random.nextInt(10) < 3 ? String.format("CRM-%08X", id * 2_654_435_761L & 0xFFFFFFFFL)
                : null;
        return new Person(id, name, phone, email, externalId);
    }

    /** @return a copy whose email or external id is the same after normalization, or null when it has neither */
    private static Person exactCopy(Random random, Person original, long id) {
        String email = original.email();
        String domain = email == null ? "" : email.substring(email.indexOf('@') + 1);
        boolean emailVariant = domain.equals("gmail.com") || domain.equals("outlook.com")
                || domain.equals("hotmail.com") || domain.equals("icloud.com");
        String lower = original.externalId() == null ? null : original.externalId().toLowerCase(Locale.ROOT);
        boolean idVariant = lower != null && !lower.equals(original.externalId());
        if (idVariant && (!emailVariant || random.nextBoolean())) {
            return new Person(id, original.name(), null, null, lower);
        }
        if (!emailVariant) {
            return null;
        }
        String local = email.substring(0, email.indexOf('@'));
        String variant;
        if (domain.equals("gmail.com")) {
            variant = switch (random.nextInt(3)) {
                case 0 -> local.replace(".", "") + "@googlemail.com";
                case 1 -> local + "+shop@gmail.com";
                default -> local.charAt(0) + "." + local.substring(1) + "@gmail.com";
            };
        } else {
            variant = local + "+news@" + domain;
        }
        return new Person(id, original.name(), null, variant.toUpperCase(Locale.ROOT).charAt(0) + variant.substring(1),
                null);
    }

    /** @return a copy with the same name and a one-typo email or the phone in another country, or null */
    private static Person nearCopy(Random random, Person original, long id) {
        String name = random.nextBoolean() ? original.name() : ascii(original.name()).toUpperCase(Locale.ROOT);
        boolean byEmail = original.email() != null && (original.phone() == null || random.nextBoolean());
        if (byEmail) {
            return new Person(id, name, null, typo(random, original.email()), null);
        }
        if (original.phone() == null) {
            return null;
        }
        String national = MatchKeys.phone(original.phone());
        return new Person(id, name, pick(random, OTHER_COUNTRIES) + national, null, null);
    }

    /** One letter of the name part added, dropped, changed or swapped with its neighbour; never a dot. */
    private static String typo(Random random, String email) {
        int nameEnd = email.lastIndexOf('.', email.indexOf('@'));
        while (true) {
            int at = random.nextInt(nameEnd);
            if (!Character.isLetter(email.charAt(at))) {
                continue;
            }
            char letter = LETTERS.charAt(random.nextInt(26));
            switch (random.nextInt(4)) {
                case 0:
                    return email.substring(0, at) + letter + email.substring(at);
                case 1:
                    boolean alone = (at == 0 || email.charAt(at - 1) == '.')
                            && (at + 1 >= nameEnd || email.charAt(at + 1) == '.');
                    if (alone) {
                        continue;
                    }
                    return email.substring(0, at) + email.substring(at + 1);
                case 2:
                    if (letter == email.charAt(at)) {
                        continue;
                    }
                    return email.substring(0, at) + letter + email.substring(at + 1);
                default:
                    if (at + 1 >= nameEnd || !Character.isLetter(email.charAt(at + 1))
                            || email.charAt(at) == email.charAt(at + 1)) {
                        continue;
                    }
                    return email.substring(0, at) + email.charAt(at + 1) + email.charAt(at) + email.substring(at + 2);
            }
        }
    }

    private static void write(FilterData.Inserter customers, FilterData.Inserter identities, String tenantId,
                              Person person) throws SQLException {
        customers.add(tenantId, person.id(), person.name(), "", "UNKNOWN", null, "", "VN", "", "", "", "", "", "",
                null, "NEW", "lead", CREATED, ACTOR, CREATED, ACTOR, 1L);
        short ordinal = 0;
        ordinal = identity(identities, tenantId, person.id(), "phone", person.phone(), ordinal);
        ordinal = identity(identities, tenantId, person.id(), "email", person.email(), ordinal);
        identity(identities, tenantId, person.id(), "external_id", person.externalId(), ordinal);
    }

    private static short identity(FilterData.Inserter identities, String tenantId, long customerId, String type,
                                  String value, short ordinal) throws SQLException {
        if (value == null) {
            return ordinal;
        }
        String stored = type.equals("email") ? value.trim().toLowerCase(Locale.ROOT) : value;
        identities.add(tenantId, type, stored, MatchKeys.of(type, stored), customerId, ordinal, false, CREATED);
        return (short) (ordinal + 1);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** @return the text without accents, lower-cased, letters and spaces only kept as they are */
    private static String ascii(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z .]", "");
    }
}
