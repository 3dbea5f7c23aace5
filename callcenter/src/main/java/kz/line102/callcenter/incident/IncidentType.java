package kz.line102.callcenter.incident;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One entry of the configured type list ({@code line102.callcenter.incidents.types}).
 *
 * @param code        stable code stored on the card
 * @param category    the category the type belongs to; a card's type must match its category
 * @param names       display names by language ({@code ru}, {@code kk}, {@code en})
 * @param seriousness {@code none}, {@code serious}, {@code especially-serious}, {@code mass-disorder}
 *                    or {@code emergency}: anything but {@code none} raises an alert once registered
 */
public record IncidentType(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String code,
                           @NotNull IncidentCategory category, @NotEmpty Map<String, String> names,
                           @Pattern(regexp = "none|serious|especially-serious|mass-disorder|emergency")
                           String seriousness) {

    public IncidentType {
        seriousness = seriousness == null ? "none" : seriousness;
    }

    /** Raises an immediate alert to the duty officer. */
    public boolean alerting() {
        return !"none".equals(seriousness);
    }
}
