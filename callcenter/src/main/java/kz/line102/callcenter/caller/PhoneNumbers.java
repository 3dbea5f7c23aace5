package kz.line102.callcenter.caller;

import kz.line102.callcenter.app.PersonalData;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caller numbers as the network delivers them, read in Kazakhstan: {@code 8 7xx …},
 * {@code +7 7xx …}, local landline forms, withheld ids, short service numbers and
 * garbage. Never throws: a number it cannot read is returned raw and flagged, since
 * losing a call over its number is worse than any bad number.
 */
public final class PhoneNumbers {

    private static final Logger log = LoggerFactory.getLogger(PhoneNumbers.class);
    private static final String REGION = "KZ";
    private static final Set<String> WITHHELD = Set.of("", "anonymous", "unknown", "<unknown>", "restricted",
            "private", "unavailable", "withheld", "asterisk");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();

    public NormalizedNumber normalize(String raw) {
        return normalize(raw, true);
    }

    /**
     * @param logInvalid false where the caller reports bad numbers itself (a bulk load
     *                   would otherwise log each of a million bad rows twice)
     */
    public NormalizedNumber normalize(String raw, boolean logInvalid) {
        if (raw == null || WITHHELD.contains(raw.trim().toLowerCase(Locale.ROOT))) {
            return new NormalizedNumber(raw, null, NumberStatus.WITHHELD);
        }
        String text = raw.trim();
        if (text.length() > 64) {
            if (logInvalid) {
                log.warn("caller number of {} characters is not a phone number; kept raw", text.length());
            }
            return new NormalizedNumber(raw, null, NumberStatus.INVALID);
        }
        NormalizedNumber quick = commonKazakhForm(raw, text);
        if (quick != null) {
            return quick;
        }
        if (text.codePoints().anyMatch(Character::isLetter)) {
            // libphonenumber would read letters as a vanity keypad (ABC -> 222) or skip a
            // leading word; a caller id with letters is garbage, not a number to guess at.
            if (logInvalid) {
                log.warn("caller number '{}' contains letters; kept raw and flagged", PersonalData.number(raw));
            }
            return new NormalizedNumber(raw, null, NumberStatus.INVALID);
        }
        try {
            PhoneNumber number = util.parse(text, REGION);
            if (util.isValidNumber(number)) {
                return new NormalizedNumber(raw, util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                        NumberStatus.VALID);
            }
            if (shortNumbers.isValidShortNumberForRegion(number, REGION)
                    || (isDigits(text) && text.length() <= 6)) {
                return new NormalizedNumber(raw, null, NumberStatus.SHORT);
            }
        } catch (NumberParseException e) {
            log.debug("caller number '{}' does not parse: {}", PersonalData.number(raw), e.getMessage());
        }
        if (logInvalid) {
            log.warn("caller number '{}' is not a valid number; kept raw and flagged", PersonalData.number(raw));
        }
        return new NormalizedNumber(raw, null, NumberStatus.INVALID);
    }

    /**
     * {@code +7 …}, {@code 8 …} or {@code 7 …} with ten national digits and common
     * separators: almost every number the network and the registry deliver. Built
     * directly instead of parsed (parsing is most of libphonenumber's cost, and bulk
     * loads check tens of millions of numbers); validity is still libphonenumber's.
     *
     * @return null when the text is not in this form or not valid: the full path decides
     */
    private NormalizedNumber commonKazakhForm(String raw, String text) {
        if (text.length() > 24) {
            return null;
        }
        char[] digits = new char[11];
        int count = 0;
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' && i == 0) {
                plus = true;
            } else if (c >= '0' && c <= '9') {
                if (count == digits.length) {
                    return null;
                }
                digits[count++] = c;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                return null;
            }
        }
        if (count != 11 || digits[1] == '0' || !(digits[0] == '7' || !plus && digits[0] == '8')) {
            return null;
        }
        String national = new String(digits, 1, 10);
        PhoneNumber number = new PhoneNumber().setCountryCode(7).setNationalNumber(Long.parseLong(national));
        return util.isValidNumber(number) ? new NormalizedNumber(raw, "+7" + national, NumberStatus.VALID) : null;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** The status as stored and shown. */
    public enum NumberStatus {
        VALID, WITHHELD, SHORT, INVALID;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code e164} is null unless {@code status} is VALID. */
    public record NormalizedNumber(String raw, String e164, NumberStatus status) {
    }
}
