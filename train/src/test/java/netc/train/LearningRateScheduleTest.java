package netc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each schedule's factor per epoch against PyTorch's schedulers stepped once per epoch, their closed forms
 * worked by hand: StepLR(step_size=3, gamma=0.5); CosineAnnealingLR(T_max=4): (1 + cos(π·e/4))/2 =
 * 1, 0.8536, 0.5, 0.1464; LinearLR(start_factor=1/3, total_iters=2) then (SequentialLR, milestones=[3])
 * CosineAnnealingLR over the 4 epochs left.
 */
class LearningRateScheduleTest {
    private static final double C1 = (1 + Math.cos(Math.PI / 4)) / 2;
    private static final double C3 = (1 + Math.cos(3 * Math.PI / 4)) / 2;

    @Test
    void stepDecayMultipliesByGammaEveryStepSizeEpochs() {
        assertArrayEquals(new double[] {1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25},
                factors(LearningRateSchedule.step(3, 0.5), 8), 1e-15);
    }

    @Test
    void cosineFallsFromOneTowardsZeroOverTheRun() {
        assertArrayEquals(new double[] {1, C1, 0.5, C3}, factors(LearningRateSchedule.cosine(), 4), 1e-15);
    }

    @Test
    void warmupRisesLinearlyThenTheNextScheduleRunsOverTheEpochsLeft() {
        LearningRateSchedule schedule = LearningRateSchedule.warmup(3).then(LearningRateSchedule.cosine());
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 1, 1, C1, 0.5, C3}, factors(schedule, 7), 1e-15);
        assertArrayEquals(new double[] {0.5, 1, 1, 1}, factors(LearningRateSchedule.warmup(2), 4), 1e-15);
        // Step decay after a warm-up counts its epochs from the warm-up's end.
        assertArrayEquals(new double[] {0.5, 1, 1, 1, 0.1},
                factors(LearningRateSchedule.warmup(2).then(LearningRateSchedule.step(2, 0.1)), 5), 1e-15);
    }

    @Test
    void theRateOfAnEpochIsTheBaseRateTimesTheFactor() {
        TrainingOptions options = TrainingOptions.builder().epochs(4).optimizer(Optimizers.adam(0.002))
                .schedule(LearningRateSchedule.cosine()).build();
        assertEquals(0.002, options.learningRate(0), 0);
        assertEquals(0.001, options.learningRate(2), 1e-18);
        assertEquals(0.002, options.learningRate(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "cosine", "step:30:0.1", "step:2:0.5", "warmup:5", "warmup:5+cosine",
            "warmup:2+step:10:0.2", "warmup:1+warmup:2+cosine"})
    void aScheduleReadsBackFromWhatItPrints(String text) {
        LearningRateSchedule schedule = LearningRateSchedule.parse(text);
        assertEquals(text, schedule.toString());
        assertEquals(schedule, LearningRateSchedule.parse(schedule.toString()));
    }

    @Test
    void whatIsNotAScheduleIsRefusedShowingTheForms() {
        assertEquals("Unknown learning-rate schedule 'linear' (it is no schedule); write one of constant,"
                        + " step:EVERY:GAMMA (e.g. step:30:0.1), cosine, warmup:EPOCHS or warmup:EPOCHS+SCHEDULE"
                        + " (e.g. warmup:5+cosine).",
                refusal("linear"));
        assertEquals("Unknown learning-rate schedule 'step:30' (a step schedule has two numbers); write one of "
                + ScheduleSyntax.FORMS + ".", refusal("step:30"));
        assertEquals("Unknown learning-rate schedule 'step:x:0.1' ('x' is not a number); write one of "
                + ScheduleSyntax.FORMS + ".", refusal("step:x:0.1"));
        assertEquals("A step schedule decays every 1 or more epochs, got 0; write e.g. step:30:0.1.", refusal("step:0:0.1"));
        assertEquals("A step schedule's factor must be a finite number above 0, got -0.1; write e.g. step:30:0.1.",
                refusal("step:3:-0.1"));
        assertEquals("A warm-up lasts 1 or more epochs, got 0; write e.g. warmup:5+cosine.", refusal("warmup:0+cosine"));
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse(text)).getMessage();
    }

    private static double[] factors(LearningRateSchedule schedule, int epochs) {
        return IntStream.range(0, epochs).mapToDouble(epoch -> schedule.factor(epoch, epochs)).toArray();
    }
}
