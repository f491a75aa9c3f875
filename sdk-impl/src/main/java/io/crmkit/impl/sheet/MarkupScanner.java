package io.crmkit.impl.sheet;

/**
 * Watches the bytes of an XML part for what a StAX parser would hold whole in memory: a start tag with its
 * attributes, a comment, a processing instruction or a CDATA section. Refuses any such stretch longer than a limit,
 * and any DOCTYPE, before the parser sees it. (Character data between tags is harmless: the parser hands it over
 * in pieces; it still counts towards the stretch since the last '&lt;'.)
 */
final class MarkupScanner {

    private enum State { CONTENT, AFTER_LESS_THAN, AFTER_BANG, COMMENT, PROCESSING_INSTRUCTION, CDATA }

    private final long maxStretch;
    private final String part;
    private State state = State.CONTENT;
    private long stretch;
    private int previous;
    private int beforePrevious;

    /**
     * @param maxStretch the most bytes from one '&lt;' to the next, or within one comment, processing instruction or
     *                   CDATA section
     * @param part       the part's name, for the message
     */
    MarkupScanner(long maxStretch, String part) {
        this.maxStretch = maxStretch;
        this.part = part;
    }

    /**
     * @throws io.crmkit.api.error.ValidationException {@code unsafe} for a DOCTYPE or a stretch over the limit
     */
    void scan(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i]);
        }
    }

    private void accept(byte b) {
        stretch++;
        switch (state) {
            case CONTENT -> {
                if (b == '<') {
                    state = State.AFTER_LESS_THAN;
                    stretch = 0;
                }
            }
            case AFTER_LESS_THAN -> state = b == '?' ? State.PROCESSING_INSTRUCTION
                    : b == '!' ? State.AFTER_BANG : State.CONTENT;
            case AFTER_BANG -> state = afterBang(b);
            case COMMENT -> endWhen(b == '>' && previous == '-' && beforePrevious == '-');
            case PROCESSING_INSTRUCTION -> endWhen(b == '>' && previous == '?');
            case CDATA -> endWhen(b == '>' && previous == ']' && beforePrevious == ']');
        }
        beforePrevious = previous;
        previous = b;
        if (stretch > maxStretch) {
            throw FileProblem.of("unsafe", part + ": more than " + maxStretch + " bytes in one tag, comment or text "
                    + "without markup; no cell needs that much. The file looks built to exhaust memory");
        }
    }

    private State afterBang(byte b) {
        if (b == 'D') {
            throw FileProblem.of("unsafe", part + ": has a DOCTYPE declaration, which can make a parser read other "
                    + "files or expand entities without end; Excel never writes one, so the file is refused");
        }
        return b == '-' ? State.COMMENT : b == '[' ? State.CDATA : State.CONTENT;
    }

    private void endWhen(boolean end) {
        if (end) {
            state = State.CONTENT;
            stretch = 0;
        }
    }
}
