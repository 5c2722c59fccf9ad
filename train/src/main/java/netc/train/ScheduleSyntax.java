package netc.train;

/** Reads a {@link LearningRateSchedule} as {@code netc train --schedule} takes it. */
final class ScheduleSyntax {
    static final String FORMS = "constant, step:EVERY:GAMMA (e.g. step:30:0.1), cosine, warmup:EPOCHS or"
            + " warmup:EPOCHS+SCHEDULE (e.g. warmup:5+cosine)";

    private ScheduleSyntax() {}

    static LearningRateSchedule parse(String text) {
        String trimmed = text.strip();
        try {
            return parseTrimmed(trimmed);
        } catch (NumberFormatException e) {
            throw refusal(text, "'" + e.getMessage().replace("For input string: ", "").replace("\"", "")
                    + "' is not a number");
        }
    }

    private static LearningRateSchedule parseTrimmed(String text) {
        if (text.startsWith("warmup:")) {
            int plus = text.indexOf('+');
            String epochs = plus < 0 ? text.substring("warmup:".length()) : text.substring("warmup:".length(), plus);
            LearningRateSchedule.Warmup warmup = LearningRateSchedule.warmup(Integer.parseInt(epochs));
            return plus < 0 ? warmup : warmup.then(parseTrimmed(text.substring(plus + 1)));
        }
        if (text.startsWith("step:")) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                throw refusal(text, "a step schedule has two numbers");
            }
            return LearningRateSchedule.step(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
        }
        return switch (text) {
            case "constant" -> LearningRateSchedule.constant();
            case "cosine" -> LearningRateSchedule.cosine();
            default -> throw refusal(text, "it is no schedule");
        };
    }

    private static IllegalArgumentException refusal(String text, String why) {
        return new IllegalArgumentException("Unknown learning-rate schedule '" + text + "' (" + why + "); write one of "
                + FORMS + ".");
    }
}
