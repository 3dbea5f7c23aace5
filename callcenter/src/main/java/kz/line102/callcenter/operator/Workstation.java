package kz.line102.callcenter.operator;

/** A desk with a phone: Asterisk rings {@code iface} (e.g. {@code PJSIP/1001}) for {@code extension}. */
public record Workstation(long id, String name, String extension, String iface, boolean enabled) {
}
