package io.crmkit.benchmarks;

import io.crmkit.impl.identity.MatchKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Generates the person-matching benchmark's customers straight into the SDK's tables from {@code Random(seed)}:
 * people described by name, birthday, address and company, and planted duplicates of them that share no phone,
 * email or external id, typed again with realistic mistakes.
 *
 * <ul>
 *   <li>names as in {@link DuplicateData} (Vietnamese family, middle, given with accents; Western first, initial,
 *   last; about 600,000 combinations); birthdays from 1950 to 2006 (95%); addresses (90%): a house number up to
 *   400, one of 60 streets, a district and one of 12 cities, and 10% of the people living at the address of a
 *   recent one with the same family name (households, which the rules must not merge); companies (50%) from 3,000
 *   names with a legal form; 60% a phone and 60% an email, unique ({@code given.family.NNNNNNN.NNNNNNN@example.com}, the
 *   digits a bijection of the index as in {@link DuplicateData}, twice, so that two are never one typo apart);</li>
 *   <li>{@value #PLANTED_SHARE_PERCENT}% of all customers planted duplicates of the customer before them, with no
 *   identity, each with some of these mistakes: in the name (a letter added, dropped, changed or two swapped; an
 *   OCR misreading 0/o, 1/l, rn/m; the words in another order; the given name left out or cut to its initial;
 *   accents and case dropped), in the birthday (a digit changed, day and month swapped, left out), in the address
 *   (the street abbreviated or misspelt, accents dropped, left out), in the company (another legal form, a typo,
 *   left out). A duplicate keeps a birthday or an address that a person would still recognise: the birthday and
 *   the address are never both changed or left out.</li>
 * </ul>
 */
final class PersonData {

    static final int PLANTED_SHARE_PERCENT = 3;

    private static final int PER_COMMIT = 1000;
    private static final String ACTOR = "bench";
    private static final List<String> STREETS = List.of("Lý Thường Kiệt", "Trần Hưng Đạo", "Nguyễn Huệ", "Lê Lợi",
            "Hai Bà Trưng", "Điện Biên Phủ", "Phan Chu Trinh", "Hoàng Diệu", "Bà Triệu", "Quang Trung",
            "Nguyễn Trãi", "Lê Duẩn", "Cách Mạng Tháng Tám", "Võ Văn Tần", "Pasteur", "Đinh Tiên Hoàng", "Hàng Bài",
            "Tôn Đức Thắng", "Nam Kỳ Khởi Nghĩa", "Lạc Long Quân", "Xuân Thủy", "Cầu Giấy", "Kim Mã", "Láng Hạ",
            "Giảng Võ", "Trường Chinh", "Nguyễn Văn Cừ", "Hoàng Quốc Việt", "Phạm Văn Đồng", "Lê Văn Sỹ",
            "Baker Street", "Main Street", "Oak Avenue", "Maple Road", "Church Lane", "High Street", "Park Avenue",
            "Elm Street", "Cedar Road", "Washington Avenue", "Lake Street", "Hill Road", "Station Road",
            "Victoria Road", "Green Lane", "Mill Road", "King Street", "Queen Street", "Bridge Street",
            "Sunset Boulevard", "Riverside Drive", "Chestnut Street", "Pine Street", "Walnut Avenue",
            "Hauptstraße", "Bahnhofstraße", "Rue de Rivoli", "Rue Lafayette", "Avenue Foch", "Gartenstraße");
    private static final List<String> CITIES = List.of("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ",
            "Huế", "London", "Berlin", "Paris", "Springfield", "Singapore", "Sydney");
    private static final List<String> AREAS = List.of("Quận 1", "Quận 3", "Ba Đình", "Hoàn Kiếm", "Đống Đa",
            "Cầu Giấy", "Hai Bà Trưng", "Tây Hồ", "Westminster", "Camden", "Mitte", "Marais", "Downtown", "Northside");
    private static final List<String> COMPANY_WORDS = List.of("Hoa Sen", "Sao Mai", "Minh Phát", "Thành Công",
            "Việt Tiến", "Bình Minh", "Phương Đông", "Hưng Thịnh", "Ánh Dương", "Đại Phát", "Acme", "Globex",
            "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne",
            "Wonka", "Nakatomi", "Oscorp", "Massive Dynamic", "Blue Sun", "Gringotts", "Monarch", "Pied Piper",
            "Dunder Mifflin");
    private static final List<String> COMPANY_TRADES = List.of("Logistics", "Trading", "Foods", "Software",
            "Construction", "Textiles", "Pharma", "Media", "Energy", "Consulting", "Holdings", "Electronics",
            "Fashion", "Travel", "Finance", "Plastics", "Steel", "Furniture", "Seafood", "Coffee", "Insurance",
            "Printing", "Motors", "Education", "Healthcare", "Retail", "Security", "Design", "Chemicals", "Paper",
            "Telecom", "Agri", "Cosmetics", "Robotics", "Optics", "Water", "Solar", "Games", "Toys", "Tools",
            "Shipping", "Realty", "Mining", "Glass", "Rubber", "Audio", "Bakery", "Tea", "Spices", "Labs");
    private static final List<String> LEGAL = List.of("Ltd", "Limited", "JSC", "Co., Ltd", "Inc.", "LLC", "GmbH",
            "Corp.", "Công ty TNHH", "");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** A planted pair: the original and its duplicate, and the mistakes made in the duplicate. */
    record Planted(long originalId, long duplicateId, String mistakes) {
    }

    /** One generated person; null where absent. */
    private record Person(long id, String name, String family, boolean vietnamese, LocalDate birthday,
                          String detail, String area, String city, String company, String phone, String email) {
    }

    private PersonData() {
    }

    /**
     * Writes {@code size} customers, planted duplicates included, into the tenant with ids from 1.
     *
     * @return the planted pairs
     */
    static List<Planted> load(DataSource pool, String prefix, String tenantId, int size, long seed)
            throws SQLException {
        Random random = new Random(seed);
        List<Planted> planted = new ArrayList<>(size / 25);
        List<Person> recent = new ArrayList<>();
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
                    Person original = original(random, id, recent);
                    write(customers, identities, tenantId, original);
                    if (recent.size() == 50) {
                        recent.remove(0);
                    }
                    recent.add(original);
                    id++;
                    sinceCommit++;
                    if (id <= size && planted.size() < (long) plantTarget * id / size && random.nextInt(4) == 0
                            && (original.birthday() != null || original.detail() != null)) {
                        StringBuilder mistakes = new StringBuilder();
                        Person duplicate = duplicate(random, original, id, mistakes);
                        write(customers, identities, tenantId, duplicate);
                        planted.add(new Planted(original.id(), id, mistakes.toString().trim()));
                        id++;
                        sinceCommit++;
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

    private static Person original(Random random, long id, List<Person> recent) {
        boolean vietnamese = random.nextInt(10) < 6;
        String family;
        String given;
        String name;
        if (vietnamese) {
            family = pick(random, DuplicateData.FAMILY);
            given = pick(random, DuplicateData.GIVEN);
            name = family + " " + pick(random, DuplicateData.MIDDLE) + " " + given;
        } else {
            given = pick(random, DuplicateData.FIRST);
            family = pick(random, DuplicateData.LAST);
            name = random.nextBoolean() ? given + " " + family
                    : given + " " + LETTERS.toUpperCase(Locale.ROOT).charAt(random.nextInt(26)) + ". " + family;
        }
        LocalDate birthday = random.nextInt(100) < 95
                ? LocalDate.of(1950, 1, 1).plusDays(random.nextInt(57 * 365)) : null;
        String detail = null;
        String area = "";
        String city = "";
        Person household = null;
        if (random.nextInt(10) == 0) {
            for (Person other : recent) {
                if (other.family().equals(family) && other.detail() != null) {
                    household = other;
                    break;
                }
            }
        }
        if (household != null) {
            detail = household.detail();
            area = household.area();
            city = household.city();
        } else if (random.nextInt(10) < 9) {
            String street = pick(random, STREETS);
            detail = (1 + random.nextInt(400)) + " " + (vietnamese && !street.contains(" Street") ? "Đường " : "")
                    + street;
            area = pick(random, AREAS);
            city = pick(random, CITIES);
        }
        String company = random.nextBoolean() ? null : company(random);
        String phone = random.nextInt(10) < 6 ? FilterData.phone(id) : null;
        String email = random.nextInt(10) < 6 ? ascii(given).toLowerCase(Locale.ROOT) + "."
                + ascii(family).toLowerCase(Locale.ROOT) + "." + String.format("%07d.%<07d",
                (id * 7_654_321L + 1_234_567L) % 10_000_000L) + "@example.com" : null;
        return new Person(id, name, family, vietnamese, birthday, detail, area, city, company, phone, email);
    }

    private static String company(Random random) {
        String legal = pick(random, LEGAL);
        String core = pick(random, COMPANY_WORDS) + " " + pick(random, COMPANY_TRADES)
                + (random.nextBoolean() ? " " + (char) ('A' + random.nextInt(2)) : "");
        return legal.startsWith("Công") ? legal + " " + core : (core + " " + legal).trim();
    }

    /** @return the person typed again, with no identity and some mistakes, named in {@code mistakes} */
    private static Person duplicate(Random random, Person original, long id, StringBuilder mistakes) {
        String name = original.name();
        if (random.nextInt(10) < 8) {
            name = nameMistake(random, original, mistakes);
        }
        LocalDate birthday = original.birthday();
        String detail = original.detail();
        String area = original.area();
        String city = original.city();
        boolean birthdayKept = true;
        if (birthday != null && original.detail() != null && random.nextInt(10) < 4) {
            birthdayKept = false;
            switch (random.nextInt(3)) {
                case 0 -> {
                    birthday = null;
                    mistakes.append(" birthday-missing");
                }
                case 1 -> {
                    birthday = digitMistake(random, birthday);
                    mistakes.append(" birthday-digit");
                }
                default -> {
                    if (birthday.getDayOfMonth() <= 12 && birthday.getDayOfMonth() != birthday.getMonthValue()) {
                        birthday = LocalDate.of(birthday.getYear(), birthday.getDayOfMonth(), birthday.getMonthValue());
                        mistakes.append(" birthday-swap");
                    } else {
                        birthday = digitMistake(random, birthday);
                        mistakes.append(" birthday-digit");
                    }
                }
            }
        }
        if (detail != null && birthdayKept && random.nextInt(10) < 4) {
            if (birthdayKept && original.birthday() != null && random.nextInt(3) == 0) {
                detail = null;
                area = "";
                city = "";
                mistakes.append(" address-missing");
            } else {
                detail = addressMistake(random, detail);
                city = random.nextBoolean() ? ascii(city) : city;
                area = random.nextBoolean() ? "" : area;
                mistakes.append(" address-spelling");
            }
        }
        String company = original.company();
        if (company != null && random.nextInt(10) < 3) {
            int kind = random.nextInt(3);
            company = kind == 0 ? null : kind == 1 ? company.replaceAll(" (Ltd|Limited|JSC|Inc\\.|LLC|GmbH|Corp\\.)$",
                    "") + " Co." : typo(random, company);
            mistakes.append(" company");
        }
        return new Person(id, name, original.family(), original.vietnamese(), birthday, detail, area, city, company,
                null, null);
    }

    private static String nameMistake(Random random, Person original, StringBuilder mistakes) {
        String[] words = original.name().split(" ");
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                int at = random.nextInt(words.length);
                if (words[at].length() > 2) {
                    words[at] = typo(random, words[at]);
                    mistakes.append(" name-typo");
                    return String.join(" ", words);
                }
                mistakes.append(" name-case");
                return original.name().toUpperCase(Locale.ROOT);
            }
            case 2 -> {
                mistakes.append(" name-ocr");
                return ocr(random, original.name());
            }
            case 3 -> {
                mistakes.append(" name-order");
                if (original.vietnamese()) {
                    return words[words.length - 1] + " " + String.join(" ", Arrays.copyOf(words,
                            words.length - 1));
                }
                return words[words.length - 1] + ", " + String.join(" ", Arrays.copyOf(words,
                        words.length - 1));
            }
            case 4 -> {
                mistakes.append(" name-given-missing");
                if (original.vietnamese()) {
                    return random.nextBoolean() ? words[0] + " " + words[1] : words[0] + " " + words[2];
                }
                return words[words.length - 1];
            }
            case 5 -> {
                mistakes.append(" name-initial");
                if (original.vietnamese()) {
                    return words[0] + " " + words[1].charAt(0) + ". " + words[2];
                }
                return words[0].charAt(0) + ". " + words[words.length - 1];
            }
            default -> {
                mistakes.append(" name-ascii");
                return ascii(original.name());
            }
        }
    }

    /** One letter added, dropped, changed or swapped with its neighbour, past the first letter. */
    private static String typo(Random random, String word) {
        int at = 1 + random.nextInt(word.length() - 1);
        char letter = LETTERS.charAt(random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + letter + word.substring(at);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + letter + word.substring(at + 1);
            default -> at + 1 < word.length()
                    ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
                    : word.substring(0, at) + letter;
        };
    }

    /** What a scanner misreads: one of o/0, l/1, m/rn, with accents lost. */
    private static String ocr(Random random, String name) {
        String plain = ascii(name);
        String[] from = {"o", "l", "m", "i", "s"};
        String[] to = {"0", "1", "rn", "1", "5"};
        int start = random.nextInt(from.length);
        for (int k = 0; k < from.length; k++) {
            int i = (start + k) % from.length;
            int at = plain.indexOf(from[i], 1);
            if (at > 0) {
                return plain.substring(0, at) + to[i] + plain.substring(at + 1);
            }
        }
        return plain;
    }

    private static LocalDate digitMistake(Random random, LocalDate date) {
        for (int attempt = 0; attempt < 20; attempt++) {
            char[] digits = String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth())
                    .toCharArray();
            int at = 2 + random.nextInt(6);
            digits[at] = (char) ('0' + random.nextInt(10));
            String text = new String(digits);
            try {
                LocalDate changed = LocalDate.of(Integer.parseInt(text.substring(0, 4)),
                        Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8)));
                if (!changed.equals(date) && changed.getYear() <= 2010) {
                    return changed;
                }
            } catch (DateTimeException e) {
                // not a date: try another digit
            }
        }
        return date.plusDays(1);
    }

    private static String addressMistake(Random random, String detail) {
        return switch (random.nextInt(4)) {
            case 0 -> detail.replace(" Street", " St.").replace(" Road", " Rd").replace(" Avenue", " Ave")
                    .replace("Đường ", "");
            case 1 -> ascii(detail);
            case 2 -> {
                String[] words = detail.split(" ");
                int at = 1 + random.nextInt(words.length - 1);
                if (words[at].length() > 3) {
                    words[at] = typo(random, words[at]);
                }
                yield String.join(" ", words);
            }
            default -> detail.toUpperCase(Locale.ROOT);
        };
    }

    private static void write(FilterData.Inserter customers, FilterData.Inserter identities, String tenantId,
                              Person person) throws SQLException {
        customers.add(tenantId, person.id(), person.name(), "", "UNKNOWN", person.birthday(),
                person.company() == null ? "" : person.company(), person.detail() == null ? "" : "VN",
                "", person.detail() == null ? "" : person.city(), person.detail() == null ? "" : person.area(),
                person.detail() == null ? "" : person.detail(), "", "", null, "NEW", "lead",
                DuplicateData.CREATED, ACTOR, DuplicateData.CREATED, ACTOR, 1L);
        short ordinal = 0;
        if (person.phone() != null) {
            identities.add(tenantId, "phone", person.phone(), MatchKeys.of("phone", person.phone()), person.id(),
                    ordinal++, false, DuplicateData.CREATED);
        }
        if (person.email() != null) {
            identities.add(tenantId, "email", person.email(), MatchKeys.of("email", person.email()), person.id(),
                    ordinal, false, DuplicateData.CREATED);
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D');
    }
}
