package netc.data;

import java.util.Arrays;

/**
 * One line of a CSV file split into cells without copying them (RFC 4180 quoting within the line: a
 * quoted cell may hold commas and doubled quotes), and the strict number syntax pixel cells must have.
 */
final class CsvRow {
    private String line;
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private boolean[] quoted = new boolean[1024];
    private int cells;
    /** Set by {@link #number}: whether the cell was written with a decimal point or an exponent. */
    boolean decimal;

    /**
     * Splits {@code line}; returns null, or the reason it cannot be split (an unclosed quote).
     */
    String split(String line) {
        this.line = line;
        cells = 0;
        int i = 0;
        int length = line.length();
        while (true) {
            grow();
            // Spaces around a cell are not part of it.
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                int start = ++i;
                while (true) {
                    if (i >= length) {
                        return "a quoted cell is not closed on its line";
                    }
                    if (line.charAt(i) == '"') {
                        if (i + 1 < length && line.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                starts[cells] = start;
                ends[cells] = i;
                quoted[cells] = true;
                i++;
                while (i < length && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < length && line.charAt(i) != ',') {
                    return "text follows a quoted cell's closing quote";
                }
            } else {
                int start = i;
                while (i < length && line.charAt(i) != ',') {
                    i++;
                }
                int end = i;
                while (end > start && line.charAt(end - 1) == ' ') {
                    end--;
                }
                starts[cells] = start;
                ends[cells] = end;
                quoted[cells] = false;
            }
            cells++;
            if (i >= length) {
                return null;
            }
            i++; // the comma
        }
    }

    private void grow() {
        if (cells == starts.length) {
            starts = Arrays.copyOf(starts, 2 * cells);
            ends = Arrays.copyOf(ends, 2 * cells);
            quoted = Arrays.copyOf(quoted, 2 * cells);
        }
    }

    int cells() {
        return cells;
    }

    /** The cell's text, quotes removed. */
    String text(int cell) {
        String text = line.substring(starts[cell], ends[cell]);
        return quoted[cell] ? text.replace("\"\"", "\"") : text;
    }

    boolean isEmpty(int cell) {
        return starts[cell] == ends[cell];
    }

    /**
     * The cell as a plain decimal number ({@code 12}, {@code -3}, {@code 0.5}, {@code .25}, {@code 1e-3}),
     * or NaN when it is not one: no hexadecimal, no {@code NaN}/{@code Infinity}, no Java suffixes.
     */
    double number(int cell) {
        int i = starts[cell];
        int end = ends[cell];
        decimal = false;
        if (i == end) {
            return Double.NaN;
        }
        boolean negative = false;
        char first = line.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        int start = i;
        while (i < end && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) {
            if (digits < 18) {
                whole = whole * 10 + (line.charAt(i) - '0');
            }
            digits++;
            i++;
        }
        if (i == end) {
            if (digits == 0) {
                return Double.NaN;
            }
            // The common case, a whole number: no parseDouble needed.
            return digits < 18 ? (negative ? -whole : whole) : Double.parseDouble(line.substring(starts[cell], end));
        }
        int fraction = 0;
        if (line.charAt(i) == '.') {
            i++;
            while (i < end && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) {
                fraction++;
                i++;
            }
        }
        if (digits + fraction == 0) {
            return Double.NaN;
        }
        if (i < end && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
            i++;
            if (i < end && (line.charAt(i) == '-' || line.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < end && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) {
                exponent++;
                i++;
            }
            if (exponent == 0) {
                return Double.NaN;
            }
        }
        if (i != end) {
            return Double.NaN;
        }
        decimal = true;
        return Double.parseDouble(line.substring(start - (negative || first == '+' ? 1 : 0), end));
    }
}
