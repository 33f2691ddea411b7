import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The baseline of the checks benchmark: the same look-ups (credit code to subject, subject to hits in force on a day)
 * in in-memory hash maps, loaded from the same database in the same run. No HTTP, JSON, signing, audit or storage.
 *
 *   java -cp postgresql.jar bench/CheckMapBaseline.java PORT CODES_FILE [singles] [batches]
 */
public class CheckMapBaseline {

    record Hit(long sourceId, String code, LocalDate from, LocalDate to) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String> codes = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        int singles = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Map<String, Long> subjects = new HashMap<>();
        Map<Long, List<Hit>> hits = new HashMap<>();
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/gongxin", "postgres", "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery("select id, credit_code from subjects.subject where credit_code is not null")) {
                    while (rs.next()) {
                        subjects.put(rs.getString(2), rs.getLong(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("select subject_id, source_id, code, valid_from, valid_to from screening.hit")) {
                    while (rs.next()) {
                        java.sql.Date to = rs.getDate(5);
                        hits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(6)).add(new Hit(rs.getLong(2), rs.getString(3),
                                rs.getDate(4).toLocalDate(), to == null ? null : to.toLocalDate()));
                    }
                }
            }
        }
        System.out.printf("map baseline: loaded %d subjects and %d hit lists in %d s%n", subjects.size(), hits.size(),
                (System.nanoTime() - start) / 1_000_000_000);
        LocalDate day = LocalDate.now();
        Random random = new Random(2026);
        long found = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up
            found += lookUp(subjects, hits, codes.get(random.nextInt(codes.size())), day);
        }
        double[] single = new double[singles];
        for (int i = 0; i < singles; i++) {
            long t = System.nanoTime();
            found += lookUp(subjects, hits, codes.get(random.nextInt(codes.size())), day);
            single[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] batch = new double[batches];
        for (int b = 0; b < batches; b++) {
            long t = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                found += lookUp(subjects, hits, codes.get(random.nextInt(codes.size())), day);
            }
            batch[b] = (System.nanoTime() - t) / 1e6;
        }
        print("map look-up, one subject", single);
        print("map look-up, 1,000 subjects", batch);
        System.out.println("  (" + found + " hits found in all)");
    }

    static int lookUp(Map<String, Long> subjects, Map<Long, List<Hit>> hits, String code, LocalDate day) {
        Long id = subjects.get(code);
        if (id == null) {
            return 0;
        }
        int n = 0;
        for (Hit h : hits.getOrDefault(id, List.of())) {
            if (!h.from().isAfter(day) && (h.to() == null || h.to().isAfter(day))) {
                n++;
            }
        }
        return n;
    }

    static void print(String name, double[] values) {
        Arrays.sort(values);
        System.out.printf("%s: n=%d p50=%.4f ms p99=%.4f ms max=%.4f ms%n", name, values.length,
                values[values.length / 2], values[Math.min(values.length - 1, (int) (values.length * 0.99))], values[values.length - 1]);
    }
}
