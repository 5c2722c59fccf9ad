package netc.verify;

import java.util.List;

/**
 * The outcome of replaying a reference file: each tensor compared, and the results we could check but
 * the file does not record. A file that leaves results out cannot vouch for them, so its verdict is
 * {@link Verdict#INCOMPLETE}, never {@link Verdict#PASS}; a caller that knowingly checks part of a step
 * accepts that with {@link #matchesWhatItRecords()}.
 *
 * @param network the network's name
 * @param batchSize the batch the file records
 * @param comparisons one per tensor the file records, in the order they were computed
 * @param notRecorded results we computed that the file has no reference for, in the network's names
 * @param notes what about this step changed the limits (batch norms over two values), one line each
 */
public record ReferenceReport(String network, int batchSize, List<TensorComparison> comparisons,
                              List<String> notRecorded, List<String> notes) {
    /** The whole step matches; the recorded results match but some went unchecked; something differs. */
    public enum Verdict { PASS, INCOMPLETE, FAIL }

    public ReferenceReport {
        comparisons = List.copyOf(comparisons);
        notRecorded = List.copyOf(notRecorded);
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public ReferenceReport(String network, int batchSize, List<TensorComparison> comparisons,
                           List<String> notRecorded) {
        this(network, batchSize, comparisons, notRecorded, List.of());
    }

    public List<TensorComparison> failures() {
        return comparisons.stream().filter(c -> !c.passed()).toList();
    }

    /** True when something was compared and every compared tensor is within its tolerance. */
    public boolean matchesWhatItRecords() {
        return !comparisons.isEmpty() && failures().isEmpty();
    }

    public boolean complete() {
        return notRecorded.isEmpty();
    }

    public Verdict verdict() {
        if (!matchesWhatItRecords()) {
            return Verdict.FAIL;
        }
        return complete() ? Verdict.PASS : Verdict.INCOMPLETE;
    }

    /** True only when the file records every result we check and all of them match. */
    public boolean passed() {
        return verdict() == Verdict.PASS;
    }
}
