package io.crmkit.impl.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * One customer as the person rules compare it, folded once when read: the name's words ({@link PersonName}, the
 * word strings shared through {@link PersonName.Cache}), the birthday ({@link Birthdays}), and to save memory the
 * address ({@link PersonAddress#text()}) and company ({@link PersonCompany}) in one string, joined by {@code |}
 * (which folded text never holds).
 */
record PersonRecord(long id, int birthday, String[] name, String text) {

    private static final char SEPARATOR = '|';

    /** A blocking key, and the part of it that picks its partition (the birthday, or the address key). */
    record BlockKey(String key, String part) {
    }

    static PersonRecord of(long id, String[] name, int birthday, String company, String detail, String area,
                           String city, String province) {
        return new PersonRecord(id, birthday, name, PersonAddress.of(detail, area, city, province).text() + SEPARATOR
                + PersonCompany.of(company));
    }

    /**
     * The blocking keys: for each word of the name of two letters or more, its {@link SoundKey} with the birthday
     * (day and month in either order, so that a swap keeps the key) and with the address's
     * {@link PersonAddress#blockKey}. A duplicate whose name keeps one word's sound and whose birthday is the same or
     * day and month swapped, or whose address has the same numbers and first letters, shares a key.
     *
     * @return the distinct keys; empty without a name
     */
    static List<BlockKey> keys(String[] name, int birthday, String place, PersonName.Cache names) {
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
            if (!place.isEmpty()) {
                keys.add(new BlockKey(sound + "@" + place, place));
            }
        }
        return keys;
    }

    /** @return the name's words joined, as compared */
    String nameText() {
        return String.join(" ", name);
    }

    String addressText() {
        return text.substring(0, text.indexOf(SEPARATOR));
    }

    /** @return the address, parsed again from its text */
    PersonAddress address() {
        return PersonAddress.parse(addressText());
    }

    String company() {
        return text.substring(text.lastIndexOf(SEPARATOR) + 1);
    }
}
