package io.crmkit.impl.merge;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One customer as the person rules compare it, folded once when read: name words ({@link PersonName}), birthday
 * ({@link Birthdays}), address (folded by {@link PersonAddress}, kept as text) and company ({@link PersonCompany}).
 */
record PersonRecord(long id, String[] name, int birthday, String addressText, String addressKey, String company) {

    static PersonRecord of(long id, String name, LocalDate birthday, String company, String detail, String area,
                           String city, String province) {
        PersonAddress address = PersonAddress.of(detail, area, city, province);
        return new PersonRecord(id, PersonName.words(name), Birthdays.of(birthday), address.text(),
                address.blockKey(), PersonCompany.of(company));
    }

    /** @return the address, parsed again from its text (kept as one string to save memory) */
    PersonAddress address() {
        return PersonAddress.parse(addressText);
    }

    /**
     * The blocking keys: for each word of the name of two letters or more, its {@link SoundKey} with the birthday
     * (day and month in either order, so that a swap keeps the key) and with the address's
     * {@link PersonAddress#blockKey()}. A duplicate whose name keeps one word's sound and whose birthday is the
     * same or day and month swapped, or whose address has the same numbers, shares a key.
     *
     * @return the distinct keys; empty without a name
     */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(8);
        String date = "";
        if (birthday != Birthdays.NONE) {
            int month = birthday / 100 % 100;
            int day = birthday % 100;
            date = birthday / 10_000 + "." + Math.min(month, day) + "." + Math.max(month, day);
        }
        String place = addressKey;
        for (String word : name) {
            if (word.length() < 2) {
                continue;
            }
            String sound = SoundKey.of(word);
            if (!date.isEmpty()) {
                keys.add(sound + "|" + date);
            }
            if (!place.isEmpty()) {
                keys.add(sound + "@" + place);
            }
        }
        return keys;
    }

    /** @return the name's words joined, as compared */
    String nameText() {
        return String.join(" ", name);
    }
}
