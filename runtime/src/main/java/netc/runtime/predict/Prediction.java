package netc.runtime.predict;

/**
 * One class of one image's prediction: the label (the class's index, the network's output row), the
 * class's name (from the checkpoint, else "class 3") and the probability the network gives it.
 */
public record Prediction(int label, String className, float probability) {
    @Override
    public String toString() {
        return className + " " + probability;
    }
}
