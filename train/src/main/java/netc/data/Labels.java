package netc.data;

import java.util.ArrayList;
import java.util.List;

/** Class labels: the default names of numbered classes, and the range check every dataset passes. */
final class Labels {
    private Labels() {}

    /** "0", "1", ..., {@code classes - 1}: the names of classes known only by number. */
    static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** One more than the largest label, or 0 for none: the number of classes numbered labels imply. */
    static int impliedClasses(int[] labels) {
        int largest = -1;
        for (int label : labels) {
            largest = Math.max(largest, label);
        }
        return largest + 1;
    }

    /** Refuses a label outside {@code 0 .. classes - 1}, naming the dataset and the example. */
    static void requireInRange(String name, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DatasetException(name + " gives example " + i + " the label " + labels[i]
                        + ", outside its " + classes + " classes 0.." + (classes - 1) + "; fix the label or the"
                        + " class names.");
            }
        }
    }
}
