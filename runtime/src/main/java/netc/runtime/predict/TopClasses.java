package netc.runtime.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The k most probable classes of one image, best first; equal probabilities in label order. */
final class TopClasses {
    private TopClasses() {}

    /**
     * @param k how many; more than there are classes gives them all
     * @param names one per class, index = label
     */
    static List<Prediction> of(float[] probabilities, List<String> names, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k of at least 1, got " + k + ".");
        }
        if (probabilities.length != names.size()) {
            throw new IllegalArgumentException("the probabilities hold " + probabilities.length + " classes but the"
                    + " network has " + names.size() + "; pass one row of what predict returned.");
        }
        List<Prediction> all = new ArrayList<>(probabilities.length);
        for (int label = 0; label < probabilities.length; label++) {
            all.add(new Prediction(label, names.get(label), probabilities[label]));
        }
        // Stable sort: ties keep label order.
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
