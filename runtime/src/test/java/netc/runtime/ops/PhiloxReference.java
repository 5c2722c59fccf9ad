package netc.runtime.ops;

/**
 * Philox-4x32-10 in plain Java for the tests (the algorithm of Salmon et al., SC 2011), and the
 * dropout keep rule built on it: element e = 16 g + 4 w + b is kept iff word w of block 4 g + b is at
 * least the drop threshold, as unsigned 32-bit numbers.
 */
final class PhiloxReference {
    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;

    private PhiloxReference() {}

    static int[] philox4x32_10(int[] counter, int[] key) {
        int c0 = counter[0];
        int c1 = counter[1];
        int c2 = counter[2];
        int c3 = counter[3];
        int k0 = key[0];
        int k1 = key[1];
        for (int round = 0; round < 10; round++) {
            long product0 = Integer.toUnsignedLong(M0) * Integer.toUnsignedLong(c0);
            long product1 = Integer.toUnsignedLong(M1) * Integer.toUnsignedLong(c2);
            int next0 = (int) (product1 >>> 32) ^ c1 ^ k0;
            int next2 = (int) (product0 >>> 32) ^ c3 ^ k1;
            c1 = (int) product1;
            c3 = (int) product0;
            c0 = next0;
            c2 = next2;
            k0 += W0;
            k1 += W1;
        }
        return new int[] {c0, c1, c2, c3};
    }

    static boolean kept(long key, int element, long dropBelow) {
        int block = 4 * (element / 16) + element % 4;
        int word = element % 16 / 4;
        int[] words = philox4x32_10(new int[] {block, 0, 0, 0}, new int[] {(int) key, (int) (key >>> 32)});
        return Integer.toUnsignedLong(words[word]) >= dropBelow;
    }
}
