package netc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras's EarlyStopping on the test accuracy, and the history fit returns. */
class EarlyStoppingTest {
    @Test
    void stopsOncePatienceEpochsPassWithoutABetterTestAccuracy() {
        EarlyStopping stopping = EarlyStopping.patience(2);
        List<EpochMetrics> epochs = new ArrayList<>();
        double[] accuracies = {0.5, 0.6, 0.6, 0.59, 0.7};
        boolean[] stopAfter = {false, false, false, true, false};
        for (int i = 0; i < accuracies.length; i++) {
            epochs.add(epoch(i + 1, accuracies[i]));
            assertEquals(stopAfter[i], stopping.shouldStop(epochs), "after epoch " + (i + 1));
        }
        assertEquals(4, stopping.bestIndex(epochs), "epoch 5 is the best");
    }

    @Test
    void onlyGainsAboveMinDeltaCount() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.80), epoch(2, 0.805), epoch(3, 0.809));
        assertEquals(2, EarlyStopping.patience(2).bestIndex(epochs));
        assertFalse(EarlyStopping.patience(2).shouldStop(epochs));
        EarlyStopping strict = EarlyStopping.patience(2).minDelta(0.01);
        assertEquals(0, strict.bestIndex(epochs), "+0.005 and +0.009 are not gains above 0.01");
        assertTrue(strict.shouldStop(epochs));
        assertFalse(strict.shouldStop(List.of()));
        assertEquals(-1, strict.bestIndex(List.of()));
    }

    @Test
    void impossibleSettingsAreRefusedSayingWhatTheyMean() {
        assertEquals("Early stopping's patience must be 1 or more epochs, got 0; it is how many epochs without a better"
                + " test accuracy to allow.", assertThrows(IllegalArgumentException.class,
                        () -> EarlyStopping.patience(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EarlyStopping.patience(1).minDelta(-0.1))
                .getMessage().startsWith("Early stopping's minimum improvement must be a finite number >= 0"));
    }

    @Test
    void theHistoryGivesTheColumnsTheLastAndTheBestEpoch() {
        TrainingHistory history = new TrainingHistory(List.of(
                new EpochMetrics(1, 2.0, 0.3, 0.40, 10, 1, 0.1),
                new EpochMetrics(2, 1.0, 0.6, 0.70, 10, 1, 0.05),
                new EpochMetrics(3, 0.8, 0.7, 0.65, 10, 1, 0.01)), true);
        assertArrayEquals(new double[] {2.0, 1.0, 0.8}, history.losses());
        assertArrayEquals(new double[] {0.3, 0.6, 0.7}, history.trainAccuracies());
        assertArrayEquals(new double[] {0.40, 0.70, 0.65}, history.testAccuracies());
        assertArrayEquals(new double[] {0.1, 0.05, 0.01}, history.learningRates());
        assertEquals(3, history.last().epoch());
        assertEquals(2, history.best().epoch());
        assertTrue(history.stoppedEarly());
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> new TrainingHistory(List.of(), false).last());
        assertEquals("The history holds no epochs: nothing was trained.", empty.getMessage());
    }

    private static EpochMetrics epoch(int epoch, double testAccuracy) {
        return new EpochMetrics(epoch, 1.0, 0.5, testAccuracy, 100, 1, 0.01);
    }
}
