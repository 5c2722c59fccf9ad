package netc.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossGuardTest {
    private final LossGuard guard = new LossGuard(0.9);

    @Test
    void finiteLossesPass() {
        assertDoesNotThrow(() -> guard.check(2.302f, 1, 1));
        assertDoesNotThrow(() -> guard.check(0f, 3, 17));
        assertDoesNotThrow(() -> guard.check(LossGuard.EXPLODED_LOSS, 3, 17));
    }

    @Test
    void aFiniteButExplodedLossIsStoppedWithItsValue() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> guard.check(1.5182443e31f, 1, 2));
        assertTrue(e.getMessage().contains("the loss became 1.52E+31 at epoch 1, step 2"), e.getMessage());
        assertThrows(TrainingDivergedException.class, () -> guard.check(Math.nextUp(LossGuard.EXPLODED_LOSS), 1, 1));
        assertThrows(TrainingDivergedException.class, () -> guard.check(Float.MAX_VALUE, 1, 1));
    }

    @Test
    void nanNamesTheEpochTheStepAndALowerRate() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> guard.check(Float.NaN, 3, 17));
        String message = e.getMessage();
        assertTrue(message.contains("NaN"), message);
        assertTrue(message.contains("epoch 3, step 17"), message);
        assertTrue(message.contains("learning rate 0.9"), message);
        assertTrue(message.contains("--lr 0.09"), message);
    }

    @Test
    void extremeRatesAreWrittenShort() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new LossGuard(1e38).check(Float.NaN, 1, 2));
        assertTrue(e.getMessage().contains("learning rate 1E+38") && e.getMessage().contains("--lr 1E+37"), e.getMessage());
    }

    @Test
    void infinityIsStoppedToo() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> guard.check(Float.POSITIVE_INFINITY, 1, 2));
        assertTrue(e.getMessage().contains("infinite at epoch 1, step 2"), e.getMessage());
    }
}
