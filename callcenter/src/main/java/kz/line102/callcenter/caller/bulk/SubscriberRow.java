package kz.line102.callcenter.caller.bulk;

/** A row that passed every check, ready for COPY. */
record SubscriberRow(long line, String numberE164, String holderName, String address, Double lat, Double lon,
                     String source) {
}
