package kz.line102.callcenter.settings;

import java.util.List;

import kz.line102.callcenter.app.FieldProblem;

/**
 * One thing wrong with (or said out loud about) a setting, at its field as the JSON names it
 * ({@code rules[2].when.from}, {@code queues[0].wrapUpSeconds}), with a stable code whose text is
 * {@code field.<code>} of the message bundle and the English words for the log and the audit.
 * Arguments go as text: a number of seconds or a limit is not written with a language's digit grouping.
 */
public record SettingProblem(String field, String code, List<Object> args, String message) implements FieldProblem {

    public SettingProblem {
        args = args.stream().map(a -> (Object) (a == null ? "" : String.valueOf(a))).toList();
    }

    public static SettingProblem of(String field, String code, String message, Object... args) {
        return new SettingProblem(field, code, java.util.Arrays.asList(args), message);
    }
}
