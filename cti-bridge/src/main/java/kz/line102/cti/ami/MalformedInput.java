package kz.line102.cti.ami;

/** The kinds of bad AMI input the guard recognises; {@link #tag()} is the metric tag value. */
enum MalformedInput {
    /** A line inside a block that is not {@code Key: Value}. */
    GARBAGE_LINE("garbage-line"),
    /** A block with neither {@code Event:} nor {@code Response:}. */
    HEADERLESS_BLOCK("headerless-block"),
    /** Two headers that each start a block (a lost blank line): the fields cannot be told apart. */
    MERGED_BLOCK("merged-block"),
    /** A line longer than the limit; its block is dropped. */
    OVERSIZED_LINE("oversized-line"),
    /** A block larger than the limit; dropped. */
    OVERSIZED_BLOCK("oversized-block"),
    /** Bytes that are not UTF-8; replaced by U+FFFD, the block is kept. */
    INVALID_UTF8("invalid-utf8"),
    /** The connection ended inside a block; the partial block is dropped. */
    TRUNCATED_BLOCK("truncated-block");

    private final String tag;

    MalformedInput(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }
}
