package netc.runtime.verify;

import java.util.List;

/**
 * The outcome of replaying a reference file: each tensor compared, and the results the file could
 * have recorded but did not (so a partial file cannot pass unnoticed).
 *
 * @param network the network's name
 * @param batchSize the batch the file records
 * @param comparisons one per tensor the file records, in the order they were computed
 * @param notRecorded results we computed that the file has no reference for, in the network's names
 */
public record ReferenceReport(String network, int batchSize, List<TensorComparison> comparisons,
                              List<String> notRecorded) {
    public ReferenceReport {
        comparisons = List.copyOf(comparisons);
        notRecorded = List.copyOf(notRecorded);
    }

    public List<TensorComparison> failures() {
        return comparisons.stream().filter(c -> !c.passed()).toList();
    }

    /** True when something was compared and everything compared is within its tolerance. */
    public boolean passed() {
        return !comparisons.isEmpty() && failures().isEmpty();
    }
}
