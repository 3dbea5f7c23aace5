package kz.line102.cti.ami;

/** What the input guard tells the connector about the blocks it read (for metrics and logs). */
interface AmiInputListener {

    /** A block of bad input was dropped or repaired; {@code detail} says what and how much. */
    void malformed(MalformedInput kind, String detail);

    /** An event the bridge has no use for was dropped before parsing. */
    void filtered(String eventName);

    AmiInputListener NONE = new AmiInputListener() {
        @Override
        public void malformed(MalformedInput kind, String detail) {
        }

        @Override
        public void filtered(String eventName) {
        }
    };
}
