package io.crmkit.impl.merge;

import java.time.LocalDate;

/**
 * Birthdays as the person rules compare them, as {@code yyyymmdd} numbers (0 for none): the same, or one mistake
 * apart (one digit different, two neighbouring digits swapped, or day and month swapped).
 */
final class Birthdays {

    static final int NONE = 0;

    private Birthdays() {
    }

    /** @return the date as {@code yyyymmdd}, {@link #NONE} for null */
    static int of(LocalDate date) {
        return date == null ? NONE : date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** @return whether both are known and equal */
    static boolean same(int a, int b) {
        return a != NONE && a == b;
    }

    /** @return whether both are known, different, and one mistake apart */
    static boolean similar(int a, int b) {
        if (a == NONE || b == NONE || a == b) {
            return false;
        }
        return oneDigitOrSwap(a, b) || a == swapDayAndMonth(b);
    }

    /** @return the date with day and month swapped, when the day can be a month (else an impossible date) */
    static int swapDayAndMonth(int date) {
        int month = date / 100 % 100;
        int day = date % 100;
        return date / 10_000 * 10_000 + day * 100 + month;
    }

    private static boolean oneDigitOrSwap(int a, int b) {
        int first = -1;
        int differences = 0;
        int[] da = digits(a);
        int[] db = digits(b);
        for (int i = 0; i < 8; i++) {
            if (da[i] != db[i]) {
                differences++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (differences == 1) {
            return true;
        }
        return differences == 2 && first + 1 < 8 && da[first] == db[first + 1] && da[first + 1] == db[first];
    }

    private static int[] digits(int date) {
        int[] digits = new int[8];
        int rest = date;
        for (int i = 7; i >= 0; i--) {
            digits[i] = rest % 10;
            rest /= 10;
        }
        return digits;
    }

    /** @return {@code yyyy-mm-dd} */
    static String text(int date) {
        return String.format("%04d-%02d-%02d", date / 10_000, date / 100 % 100, date % 100);
    }
}
