package netc.runtime.io;

import java.util.Locale;

/** Text from a file made safe for a one-line error message. */
final class MessageText {
    private MessageText() {}

    /** {@code text} in quotes, made {@link #printable}. */
    static String quoted(String text) {
        return "'" + printable(text) + "'";
    }

    /**
     * {@code text} safe to put in a one-line message: control, format and line-separator characters (a
     * header may hold any of them, escaped) become {@code \\uXXXX}, and a text longer than 80 characters
     * is cut short with "…".
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (shown++ == 80) {
                return out.append('…').toString();
            }
            int c = text.codePointAt(i);
            switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE ->
                        out.append(String.format(Locale.ROOT, "\\u%04x", c));
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
