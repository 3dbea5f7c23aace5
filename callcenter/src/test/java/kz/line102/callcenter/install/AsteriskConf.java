package kz.line102.callcenter.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Asterisk configuration file as Asterisk's config parser reads it: {@code [name]},
 * {@code [name](!)} templates, {@code [name](template,...)} inheriting sections (the same
 * name may appear once per object type, as pjsip.conf does), {@code key = value} and
 * {@code key => value} lines, {@code ;} comments, {@code #include} lines kept per section.
 */
record AsteriskConf(List<Section> sections) {

    record Section(String name, boolean template, List<String> inherits, Map<String, String> own,
                   List<String> includes) {
    }

    static AsteriskConf read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AsteriskConf parse(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (String raw : lines) {
            String line = raw.replaceFirst(";.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                String name = line.substring(1, close);
                String options = line.substring(close + 1).trim();
                List<String> inherits = new ArrayList<>();
                boolean template = false;
                if (options.startsWith("(") && options.endsWith(")")) {
                    for (String o : options.substring(1, options.length() - 1).split(",")) {
                        if (o.trim().equals("!")) {
                            template = true;
                        } else if (!o.isBlank()) {
                            inherits.add(o.trim());
                        }
                    }
                }
                current = new Section(name, template, inherits, new LinkedHashMap<>(), new ArrayList<>());
                sections.add(current);
            } else if (line.startsWith("#include")) {
                if (current != null) {
                    current.includes().add(line.substring("#include".length()).trim());
                }
            } else if (current != null && line.contains("=")) {
                String[] kv = line.split("=>?", 2);
                // Repeated keys (pjsip's match, the dialplan's same =>) are kept joined by a new line.
                current.own().merge(kv[0].trim(), kv[1].trim(), (a, b) -> a + "\n" + b);
            }
        }
        return new AsteriskConf(sections);
    }

    /** The one section of this name that is not a template and has this {@code type} (pjsip), or any type when null. */
    Optional<Section> object(String name, String type) {
        return sections.stream().filter(s -> s.name().equals(name) && !s.template())
                .filter(s -> type == null || type.equals(effective(s).get("type"))).findFirst();
    }

    /** The first section of this name (for files without types). */
    Map<String, String> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst().map(this::effective)
                .orElseThrow(() -> new AssertionError("no section [" + name + "]"));
    }

    /** Non-template sections of one pjsip type, with templates applied. */
    List<Section> objects(String type) {
        return sections.stream().filter(s -> !s.template()).filter(s -> type.equals(effective(s).get("type")))
                .toList();
    }

    /** A section's values with its templates' applied first, as Asterisk does. */
    Map<String, String> effective(Section section) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String parent : section.inherits()) {
            Section t = sections.stream().filter(s -> s.name().equals(parent) && s.template()).findFirst()
                    .orElseThrow(() -> new AssertionError("[" + section.name() + "] inherits the missing template "
                            + parent));
            values.putAll(effective(t));
        }
        values.putAll(section.own());
        return values;
    }
}
