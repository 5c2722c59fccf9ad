package netc.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netc.runtime.io.FileProblem;

/**
 * The per-epoch metrics as a CSV file ({@value #HEADER}), appended after every epoch so that a run
 * cut short still leaves what it measured, and read back when a run resumes. The learning rate is the
 * last column, so that a reader of the six columns that came before it still finds them where they were;
 * a file without it (an earlier run's) reads with the rate unknown (NaN).
 */
public final class MetricsCsv {
    public static final String HEADER = "epoch,loss,train_acc,test_acc,images_per_sec,seconds,lr";

    private final Path file;

    public MetricsCsv(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Starts the file afresh with the header and {@code epochs} (the ones a resumed run keeps). */
    public void rewrite(List<EpochMetrics> epochs) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        epochs.forEach(epoch -> lines.add(row(epoch)));
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the metrics file " + file + ": " + FileProblem.reason(e)
                    + "; choose another --output-dir.", e);
        }
    }

    public void append(EpochMetrics epoch) {
        try {
            Files.writeString(file, row(epoch) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the metrics file " + file + ": " + FileProblem.reason(e)
                    + "; choose another --output-dir.", e);
        }
    }

    /** Every row of an existing file (none if it does not exist). */
    public List<EpochMetrics> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the metrics file " + file + ": " + FileProblem.reason(e)
                    + "; make it readable or train without --resume.", e);
        }
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                epochs.add(parse(lines.get(i), i + 1));
            }
        }
        return epochs;
    }

    static String row(EpochMetrics m) {
        // Six significant digits keep a decayed rate (1e-5 after a few steps) readable, unlike fixed decimals.
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.1f,%.3f,%.6g", m.epoch(), m.loss(), m.trainAccuracy(),
                m.testAccuracy(), m.imagesPerSecond(), m.seconds(), m.learningRate());
    }

    private EpochMetrics parse(String line, int lineNumber) {
        String[] cells = line.split(",");
        try {
            if (cells.length != 6 && cells.length != 7) {
                throw new NumberFormatException("expected 7 cells (6 in a file without the lr column), found "
                        + cells.length);
            }
            return new EpochMetrics(Integer.parseInt(cells[0].trim()), Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4]),
                    Double.parseDouble(cells[5]), cells.length == 7 ? Double.parseDouble(cells[6]) : Double.NaN);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Line " + lineNumber + " of the metrics file " + file
                    + " is not a metrics row (" + e.getMessage() + "); delete the file or train without --resume.", e);
        }
    }
}
