package netc.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Instance paths as Java identifiers. */
class NameTableTest {

    @Test
    void separatorsBecomeUnderscoresAndAJoinsSuffixIsCapitalised() {
        assertEquals("conv1", NameTable.sanitise("conv1"));
        assertEquals("b3_first_conv1", NameTable.sanitise("b3.first.conv1"));
        assertEquals("dense1_net_3_bn", NameTable.sanitise("dense1.net[3].bn"));
        assertEquals("b3_firstAdd", NameTable.sanitise("b3.first:add"));
        assertEquals("dense1_net_0Concat", NameTable.sanitise("dense1.net[0]:concat"));
    }
}
