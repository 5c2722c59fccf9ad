package netc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netc.runtime.cl.Tensor;
import org.junit.jupiter.api.Test;

/** The rows of a batch that hold examples, which batch statistics count. No device is needed. */
class ActiveRowsTest {

    private static CompiledModel model(int batchSize) {
        NetworkInfo info = new NetworkInfo("Net", "p.Net", 1, 1, 1, 1, List.of(), "hash", "summary");
        return new CompiledModel(null, info, batchSize) {
            @Override
            public Tensor input() {
                return null;
            }

            @Override
            public Tensor logits() {
                return null;
            }

            @Override
            public void forward(Mode mode) {}

            @Override
            public void backward(Tensor dLogits) {}

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }

    @Test
    void everyRowUntilToldOtherwise() {
        CompiledModel model = model(8);
        assertEquals(8, model.activeRows());
        model.setActiveRows(3);
        assertEquals(3, model.activeRows());
        assertEquals(List.of(), model.buffers(), "a network without state has no buffers");
    }

    @Test
    void rowsOutsideTheBatchAreRefused() {
        CompiledModel model = model(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setActiveRows(9));
        assertTrue(e.getMessage().contains("between 1 and the batch size 8, got 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setActiveRows(0));
    }
}
