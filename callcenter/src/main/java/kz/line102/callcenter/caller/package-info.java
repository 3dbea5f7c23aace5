/**
 * Who is calling: phone number normalisation (libphonenumber, region KZ), the
 * subscriber registry of the telephone exchanges, its Redis cache, and the caller
 * card the screen-pop shows ({@link kz.line102.callcenter.caller.CallerCardService}).
 * Bulk loads of the registry are in {@code bulk}.
 */
package kz.line102.callcenter.caller;
