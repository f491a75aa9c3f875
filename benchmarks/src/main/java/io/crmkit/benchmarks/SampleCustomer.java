package io.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One generated customer, already in the form the SDK stores (phones in E.164, e-mail lower-case), so that
 * the plain-JDBC baseline writes exactly the rows the SDK writes for the same input.
 *
 * @param name   a Vietnamese full name
 * @param phones 1 or 2 valid Vietnamese mobile numbers, distinct across the whole generated list
 * @param email  one address, distinct across the whole generated list
 * @param tags   2 or 3 distinct tags
 */
record SampleCustomer(String name, List<String> phones, String email, List<String> tags) {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan",
        "Linh", "Long", "Mai", "Nam", "Phúc", "Quân", "Thảo", "Trang", "Tuấn", "Vy"};
    /** Mobile prefixes that libphonenumber accepts as valid for VN, each followed by 7 digits. */
    private static final String[] MOBILE_PREFIXES = {"+8490", "+8491", "+8493", "+8494", "+8496", "+8497", "+8498"};
    private static final String[] DOMAINS = {"gmail.com", "yahoo.com.vn", "outlook.com", "fpt.vn", "vnpt.vn"};
    private static final String[] TAGS = {"vip", "wholesale", "retail", "hanoi", "saigon", "danang", "newsletter",
        "event-2024", "referral", "returning", "b2b", "zalo"};

    SampleCustomer {
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
    }

    /**
     * @param seed  the seed of the random source; the same seed gives the same customers
     * @param count how many customers
     * @return {@code count} customers whose phones and e-mails are all distinct
     */
    static List<SampleCustomer> generate(long seed, int count) {
        Random random = new Random(seed);
        Set<String> usedPhones = new HashSet<>();
        List<SampleCustomer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = pick(random, FAMILY) + " " + pick(random, MIDDLE) + " " + pick(random, GIVEN);
            List<String> phones = new ArrayList<>(2);
            int phoneCount = 1 + random.nextInt(2);
            while (phones.size() < phoneCount) {
                String phone = pick(random, MOBILE_PREFIXES) + String.format("%07d", random.nextInt(10_000_000));
                if (usedPhones.add(phone)) {
                    phones.add(phone);
                }
            }
            String email = String.format("kh%06d@%s", i, pick(random, DOMAINS));
            Set<String> tags = new LinkedHashSet<>();
            int tagCount = 2 + random.nextInt(2);
            while (tags.size() < tagCount) {
                tags.add(pick(random, TAGS));
            }
            customers.add(new SampleCustomer(name, phones, email, List.copyOf(tags)));
        }
        return customers;
    }

    /** @return how many identity rows the customer has: its phones and its e-mail */
    int identityCount() {
        return phones.size() + 1;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
