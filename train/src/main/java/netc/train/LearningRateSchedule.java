package netc.train;

/**
 * How the learning rate changes from epoch to epoch: a factor of the optimizer's base rate, set before
 * each epoch and constant within it, as PyTorch's schedulers are when {@code scheduler.step()} runs once
 * per epoch. Being a function of the epoch alone, it resumes exactly.
 *
 * <ul>
 *   <li>{@link #constant()}: factor 1.
 *   <li>{@link #step(int, double)}: PyTorch's {@code StepLR(step_size, gamma)}: {@code gamma^floor(epoch / step_size)}.
 *   <li>{@link #cosine()}: PyTorch's {@code CosineAnnealingLR(T_max = epochs, eta_min = 0)}:
 *       {@code (1 + cos(π·epoch / epochs)) / 2}, from 1 down towards 0 over the run.
 *   <li>{@link #warmup(int)}: a linear warm-up over the first {@code w} epochs, {@code (epoch + 1) / w}
 *       (PyTorch's {@code LinearLR(start_factor = 1/w, total_iters = w − 1)}), then
 *       {@link Warmup#then another schedule} that counts its epochs from the end of the warm-up, over the
 *       epochs left (PyTorch's {@code SequentialLR(..., milestones = [w])}): {@code warmup(5).then(cosine())}.
 * </ul>
 * {@link #toString()} writes a schedule as {@link #parse} reads it ({@code warmup:5+cosine}).
 */
public interface LearningRateSchedule {
    /** The factor of the base rate in {@code epoch} (0-based) of a run of {@code epochs}. */
    double factor(int epoch, int epochs);

    static LearningRateSchedule constant() {
        return new Constant();
    }

    /** Multiplies the rate by {@code gamma} every {@code everyEpochs} epochs. */
    static LearningRateSchedule step(int everyEpochs, double gamma) {
        return new StepDecay(everyEpochs, gamma);
    }

    static LearningRateSchedule cosine() {
        return new Cosine();
    }

    /** A linear warm-up over {@code epochs} epochs, then the base rate (or another schedule: {@link Warmup#then}). */
    static Warmup warmup(int epochs) {
        return new Warmup(epochs, new Constant());
    }

    /**
     * Reads {@code constant}, {@code step:EVERY:GAMMA}, {@code cosine}, {@code warmup:EPOCHS} and
     * {@code warmup:EPOCHS+SCHEDULE}; anything else is an {@link IllegalArgumentException} that shows the forms.
     */
    static LearningRateSchedule parse(String text) {
        return ScheduleSyntax.parse(text);
    }

    /** Factor 1 in every epoch. */
    record Constant() implements LearningRateSchedule {
        @Override
        public double factor(int epoch, int epochs) {
            return 1;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /** PyTorch's {@code StepLR}: {@code gamma^floor(epoch / everyEpochs)}. */
    record StepDecay(int everyEpochs, double gamma) implements LearningRateSchedule {
        public StepDecay {
            if (everyEpochs < 1) {
                throw new IllegalArgumentException("A step schedule decays every 1 or more epochs, got " + everyEpochs
                        + "; write e.g. step:30:0.1.");
            }
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("A step schedule's factor must be a finite number above 0, got "
                        + gamma + "; write e.g. step:30:0.1.");
            }
        }

        @Override
        public double factor(int epoch, int epochs) {
            return Math.pow(gamma, epoch / everyEpochs);
        }

        @Override
        public String toString() {
            return "step:" + everyEpochs + ":" + Float32Range.format(gamma);
        }
    }

    /** PyTorch's {@code CosineAnnealingLR} with {@code T_max} the run's epochs and {@code eta_min} 0. */
    record Cosine() implements LearningRateSchedule {
        @Override
        public double factor(int epoch, int epochs) {
            return (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
        }

        @Override
        public String toString() {
            return "cosine";
        }
    }

    /** A linear warm-up over {@code epochs} epochs, then {@code after} over the epochs left. */
    record Warmup(int epochs, LearningRateSchedule after) implements LearningRateSchedule {
        public Warmup {
            if (epochs < 1) {
                throw new IllegalArgumentException("A warm-up lasts 1 or more epochs, got " + epochs
                        + "; write e.g. warmup:5+cosine.");
            }
            if (after == null) {
                throw new IllegalArgumentException("A warm-up needs the schedule that follows it; pass constant().");
            }
        }

        /** The same warm-up followed by {@code schedule}. */
        public Warmup then(LearningRateSchedule schedule) {
            return new Warmup(epochs, schedule);
        }

        @Override
        public double factor(int epoch, int runEpochs) {
            return epoch < epochs ? (epoch + 1.0) / epochs : after.factor(epoch - epochs, runEpochs - epochs);
        }

        @Override
        public String toString() {
            return "warmup:" + epochs + (after instanceof Constant ? "" : "+" + after);
        }
    }
}
