package io.crmkit.impl.bulk;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The customers a delete preview counted, bound to its token: how many, and a SHA-256 of their ids in order.
 * Stored after the selection's fingerprint in the job's {@code selection} column (no column of its own), as
 * {@code <fingerprint>\nmembers:<count>:<digest>}.
 *
 * @param count  customers previewed
 * @param digest SHA-256 of their ids in ascending order, hexadecimal
 */
record PreviewedMembers(long count, String digest) {

    private static final String MARK = "\nmembers:";

    /** @param ids in ascending order */
    static PreviewedMembers of(List<Long> ids) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        ByteBuffer id = ByteBuffer.allocate(Long.BYTES);
        for (long value : ids) {
            sha.update(id.clear().putLong(value).array());
        }
        return new PreviewedMembers(ids.size(), HexFormat.of().formatHex(sha.digest()));
    }

    /** @return the fingerprint with these members after it, as stored */
    String after(String fingerprint) {
        return fingerprint + MARK + count + ":" + digest;
    }

    /** @return the fingerprint part of a stored selection */
    static String fingerprint(String stored) {
        int mark = stored.lastIndexOf(MARK);
        return mark < 0 ? stored : stored.substring(0, mark);
    }

    /** @return the members a stored selection binds, if it binds any */
    static Optional<PreviewedMembers> boundIn(String stored) {
        int mark = stored.lastIndexOf(MARK);
        if (mark < 0) {
            return Optional.empty();
        }
        String[] parts = stored.substring(mark + MARK.length()).split(":", 2);
        return Optional.of(new PreviewedMembers(Long.parseLong(parts[0]), parts[1]));
    }
}
