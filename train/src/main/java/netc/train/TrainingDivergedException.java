package netc.train;

/** The training loss stopped being a finite number, so further steps would only produce garbage. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
