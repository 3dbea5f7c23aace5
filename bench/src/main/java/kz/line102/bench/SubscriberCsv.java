package kz.line102.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic subscriber registry: distinct valid Kazakh mobile numbers (nine of
 * ten in E.164, one in the domestic {@code 8 7xx …} form), Kazakh and Russian names,
 * quoted addresses with commas, coordinates for most rows. Deterministic.
 */
final class SubscriberCsv {

    static final String[] PREFIXES = {"701", "702", "705", "707", "747", "771", "775", "776", "777", "778"};
    private static final String[] FIRST = {"Әлия", "Серік", "Айгүл", "Нұрлан", "Ғалия", "Қанат", "Ірина", "Өмірзақ",
            "Ұлжан", "Үміт", "Һадиша", "Иван", "Мария", "Дәурен", "Жаңыл"};
    private static final String[] LAST = {"Қасымова", "Әбілқайыров", "Ахметов", "Сұлтанбекова", "Иванов",
            "Нұрғалиев", "Оспанова", "Петрова", "Жақсылықов", "Төлеуов"};
    private static final String[] CITY = {"Астана", "Алматы", "Шымкент", "Қарағанды", "Ақтөбе", "Павлодар"};
    private static final String[] STREET = {"Достық", "Абай даңғылы", "Мәңгілік Ел", "Тәуелсіздік", "Сейфуллин",
            "Қабанбай батыр"};

    private SubscriberCsv() {
    }

    /** The n-th number of the registry, as E.164. */
    static String e164(long i) {
        return "+7" + PREFIXES[(int) (i % PREFIXES.length)] + String.format("%07d", i / PREFIXES.length);
    }

    static void write(Path file, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(102);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            out.write("number,name,address,lat,lon\n".getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(160);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                String number = e164(i);
                if (i % 10 == 9) {
                    number = "8 " + number.substring(2, 5) + " " + number.substring(5);
                }
                line.append(number).append(',')
                        .append(FIRST[random.nextInt(FIRST.length)]).append(' ')
                        .append(LAST[random.nextInt(LAST.length)]).append(',')
                        .append("\"г. ").append(CITY[random.nextInt(CITY.length)]).append(", ул. ")
                        .append(STREET[random.nextInt(STREET.length)]).append(", д. ").append(random.nextInt(1, 200))
                        .append(", кв. ").append(random.nextInt(1, 300)).append('"').append(',');
                if (random.nextInt(10) < 7) {
                    line.append(String.format("%.5f,%.5f", 40.5 + random.nextDouble() * 15, 46.5 + random.nextDouble() * 41));
                } else {
                    line.append(',');
                }
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
