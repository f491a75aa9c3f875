package io.crmkit.impl.address;

import io.crmkit.api.customer.AddressOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of an {@link AddressTree}: a country, province, city or area with its children. Filled while a tree is
 * built, on one thread, and only read afterwards; the tree's final field publishes it safely.
 */
final class AddressEntry {

    private final AddressOption option;
    private final long line;
    private final List<AddressEntry> children = new ArrayList<>();
    private final Map<String, AddressEntry> byKey = new HashMap<>();
    private final Map<String, AddressEntry> byCode = new HashMap<>();

    /**
     * @param option the entry's code and name; null for the root
     * @param line   the line of the file that added it, 0 where there is none
     */
    AddressEntry(AddressOption option, long line) {
        this.option = option;
        this.line = line;
    }

    AddressOption option() {
        return option;
    }

    long line() {
        return line;
    }

    /** @return the children in the order they were added; empty when the entry is open below */
    List<AddressEntry> children() {
        return Collections.unmodifiableList(children);
    }

    boolean isOpen() {
        return children.isEmpty();
    }

    /** @return the child whose code or name (or other alias) has this text's key, or null */
    AddressEntry find(String text) {
        return byKey.get(AddressKey.of(text));
    }

    /** @return the child with this code, compared as keys, or null */
    AddressEntry byCode(String code) {
        return byCode.get(AddressKey.of(code));
    }

    /** Adds a child; its code and name must not be the key of another child (the builder checks first). */
    void add(AddressEntry child) {
        children.add(child);
        byCode.put(AddressKey.of(child.option.code()), child);
        byKey.put(AddressKey.of(child.option.code()), child);
        byKey.put(AddressKey.of(child.option.name()), child);
    }

    /** Lets a child be found by another text as well, such as a country's three-letter code. */
    void alias(AddressEntry child, String text) {
        byKey.putIfAbsent(AddressKey.of(text), child);
    }
}
