package netc.cli;

import java.nio.file.Path;
import java.util.Locale;
import netc.data.CsvFormat;
import netc.data.DataFormat;
import netc.data.DataSource;
import netc.data.Normalization;
import netc.runtime.model.NetworkInfo;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How {@code netc train} and {@code netc eval} read --data and --test, and how images reach the network. */
final class DataFormatOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data-format", paramLabel = "FORMAT",
            description = "idx, csv or images: the kind of --data and --test (default: told from the path).")
    String format;

    @Option(names = "--label-column", paramLabel = "N|NAME",
            description = "CSV: the label's column, counted from 0, or its name in the header row (default: 0).")
    String labelColumn;

    @Option(names = "--image-shape", paramLabel = "HxWxC",
            description = "CSV: the images' shape, pixels in HWC order, e.g. 32x32x3 (default: a square grey image).")
    String imageShape;

    @Option(names = "--normalize", paramLabel = "MEAN:STD",
            description = "Normalise the network's input per channel, (x - MEAN) / STD on values in [0, 1]: one pair or"
                    + " one per channel, e.g. 0.485,0.456,0.406:0.229,0.224,0.225 (default: none; eval needs the"
                    + " training run's).")
    String normalize;

    /**
     * {@code path} read as these flags say. Image folders are decoded straight to the network's input
     * size, so that a photo takes no more memory than the network uses of it.
     */
    DataSource source(Path path, NetworkInfo network) {
        requireCsvFlagsFit(path);
        try {
            DataSource source = DataSource.of(path).withImageSize(network.height(), network.width());
            if (format != null) {
                source = source.withFormat(DataFormat.parse(format));
            }
            return source.withCsv(csvFormat());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    Normalization normalization() {
        if (normalize == null) {
            return Normalization.NONE;
        }
        try {
            return Normalization.parse(normalize);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** Refuses CSV flags when there is no CSV data to apply them to: left unused, they would hide a mistake. */
    void requireCsvFlagsFit(Path path) {
        if (labelColumn == null && imageShape == null) {
            return;
        }
        DataFormat kind;
        try {
            kind = format != null ? DataFormat.parse(format) : path != null ? DataFormat.of(path) : null;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (kind != DataFormat.CSV) {
            throw usage("--label-column and --image-shape describe CSV files, but the data is "
                    + (path == null ? "Fashion-MNIST" : path + " (" + kind.name().toLowerCase(Locale.ROOT) + ")")
                    + "; leave them out.");
        }
    }

    private CsvFormat csvFormat() {
        CsvFormat csv = CsvFormat.DEFAULT;
        if (labelColumn != null) {
            String column = labelColumn.strip();
            csv = !column.isEmpty() && column.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? csv.labelColumn(Integer.parseInt(column)) : csv.labelColumn(column);
        }
        if (imageShape != null) {
            csv = csv.shape(imageShape);
        }
        return csv;
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
