/**
 * Versioned settings: configuration that IT staff change at run time and that must keep
 * its history (the routing rules, the queue configuration, the line-health targets and
 * test-call schedule). Certification commissions are personnel records a decided case names
 * by version, kept by their feature. One mechanism for all the settings:
 * every change is a new version in {@code setting_versions} (a restore too, naming the
 * version it brought back), saved against the version it was made to (a stale one is
 * refused with 409), validated, described by the owner's diff, audited in
 * {@code setting_audit} (refusals included), put in force at once on the saving node and
 * announced over Redis so every other node reloads it, and exposed through
 * {@link kz.line102.callcenter.settings.SettingController}'s versions, version, restore
 * and audit endpoints.
 *
 * <p>A module of its own, not part of {@code app}: {@code app} is the kernel every module
 * builds on and holds no tables of a feature's, while this module owns two tables and a
 * Redis channel per setting; the features whose settings it versions depend on it, and it
 * on {@code app} only. It knows nothing of what a setting means: validation, the diff and
 * the warnings are the owner's, given when the setting is defined
 * ({@link kz.line102.callcenter.settings.VersionedSettings#define}).
 */
package kz.line102.callcenter.settings;
