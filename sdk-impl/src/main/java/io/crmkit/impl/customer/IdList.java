package io.crmkit.impl.customer;

/**
 * The placeholder list {@code (#{ids[0]}, ..., #{ids[n-1]})} of an IN condition on a list parameter named
 * {@code ids}, built once per size: MyBatis's {@code <foreach>} compiles a regex per item on every call,
 * which costs milliseconds on a page of customers.
 */
final class IdList {

    private static final int MAX = 1000;
    private static final String[] LISTS = new String[MAX + 1];

    static {
        StringBuilder list = new StringBuilder();
        for (int size = 1; size <= MAX; size++) {
            list.setLength(0);
            list.append('(');
            for (int i = 0; i < size; i++) {
                list.append(i == 0 ? "" : ", ").append("#{ids[").append(i).append("]}");
            }
            LISTS[size] = list.append(')').toString();
        }
    }

    private IdList() {
    }

    /** @return the placeholder list for 1 to 1000 ids */
    static String of(int size) {
        if (size < 1 || size > MAX) {
            throw new IllegalArgumentException("an id list holds 1 to " + MAX + " ids, got " + size);
        }
        return LISTS[size];
    }
}
