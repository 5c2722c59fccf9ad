package netc.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Instance paths as Java identifiers. */
class IdentifiersTest {

    @Test
    void separatorsBecomeUnderscoresAndAJoinsSuffixIsCapitalised() {
        assertEquals("conv1", Identifiers.sanitise("conv1"));
        assertEquals("b3_first_conv1", Identifiers.sanitise("b3.first.conv1"));
        assertEquals("dense1_net_3_bn", Identifiers.sanitise("dense1.net[3].bn"));
        assertEquals("b3_firstAdd", Identifiers.sanitise("b3.first:add"));
        assertEquals("dense1_net_0Concat", Identifiers.sanitise("dense1.net[0]:concat"));
    }
}
