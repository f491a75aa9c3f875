package io.crmkit.impl.merge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer as the person rules compare it, folded once when read and kept as one string to save memory: name
 * words ({@link PersonName}), address ({@link PersonAddress#text()}) and company ({@link PersonCompany}) joined by
 * {@code |} (which folded text never holds), and the birthday ({@link Birthdays}).
 */
record PersonRecord(long id, int birthday, String text) {

    private static final char SEPARATOR = '|';

    /** A blocking key, and the part of it that picks its partition (the birthday, or the address's numbers). */
    record BlockKey(String key, String part) {
    }

    static PersonRecord of(long id, String[] name, int birthday, String company, String detail, String area,
                           String city, String province) {
        return new PersonRecord(id, birthday, String.join(" ", name) + SEPARATOR
                + PersonAddress.of(detail, area, city, province).text() + SEPARATOR + PersonCompany.of(company));
    }

    /**
     * The blocking keys: for each word of the name of two letters or more, its {@link SoundKey} with the birthday
     * (day and month in either order, so that a swap keeps the key) and with the address's numbers
     * ({@link PersonAddress#numberKey}). A duplicate whose name keeps one word's sound and whose birthday is the
     * same or day and month swapped, or whose address has the same numbers, shares a key.
     *
     * @return the distinct keys; empty without a name
     */
    static List<BlockKey> keys(String[] name, int birthday, String numbers, PersonName.Cache names) {
        List<BlockKey> keys = new ArrayList<>(8);
        String date = "";
        if (birthday != Birthdays.NONE) {
            int month = birthday / 100 % 100;
            int day = birthday % 100;
            date = birthday / 10_000 + "." + Math.min(month, day) + "." + Math.max(month, day);
        }
        List<String> sounds = new ArrayList<>(name.length);
        for (String word : name) {
            if (word.length() >= 2) {
                String sound = names.sound(word);
                if (!sounds.contains(sound)) {
                    sounds.add(sound);
                }
            }
        }
        for (String sound : sounds) {
            if (!date.isEmpty()) {
                keys.add(new BlockKey(sound + "|" + date, date));
            }
            if (!numbers.isEmpty()) {
                keys.add(new BlockKey(sound + "@" + numbers, numbers));
            }
        }
        return keys;
    }

    String[] name() {
        String names = nameText();
        return names.isEmpty() ? new String[0] : names.split(" ");
    }

    /** @return the name's words joined, as compared */
    String nameText() {
        return text.substring(0, text.indexOf(SEPARATOR));
    }

    String addressText() {
        return text.substring(text.indexOf(SEPARATOR) + 1, text.lastIndexOf(SEPARATOR));
    }

    /** @return the address, parsed again from its text */
    PersonAddress address() {
        return PersonAddress.parse(addressText());
    }

    String company() {
        return text.substring(text.lastIndexOf(SEPARATOR) + 1);
    }
}
