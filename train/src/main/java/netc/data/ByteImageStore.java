package netc.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Images of one size as unsigned bytes, one byte per value: the compact form every file-based dataset
 * keeps in memory. Held in chunks of at most {@value #CHUNK_BYTES} bytes, so that a dataset is not
 * bounded by the largest Java array, and filled image by image as a file is read.
 */
final class ByteImageStore {
    /** 1 GiB: large enough that a chunk's overhead is nothing, small enough for any heap that holds several. */
    static final int CHUNK_BYTES = 1 << 30;

    private final int imageSize;
    private final int imagesPerChunk;
    private final List<byte[]> chunks;
    private int count;

    private ByteImageStore(int imageSize, int imagesPerChunk, List<byte[]> chunks, int count) {
        if (imageSize < 1) {
            throw new IllegalArgumentException("an image holds at least one value, got " + imageSize);
        }
        this.imageSize = imageSize;
        this.imagesPerChunk = imagesPerChunk;
        this.chunks = chunks;
        this.count = count;
    }

    private ByteImageStore(int imageSize) {
        this(imageSize, Math.max(1, CHUNK_BYTES / Math.max(1, imageSize)), new ArrayList<>(), 0);
    }

    /** An empty store to {@link #add} images of {@code imageSize} bytes to. */
    static ByteImageStore growing(int imageSize) {
        return new ByteImageStore(imageSize);
    }

    /** The given images, one array each (each of {@code imageSize} bytes, checked by the caller), kept without a copy. */
    static ByteImageStore ofImages(List<byte[]> images, int imageSize) {
        return new ByteImageStore(imageSize, 1, images, images.size());
    }

    /**
     * The {@code count} images packed one after another in {@code values} (as an IDX file holds them),
     * kept without a copy when they fit one chunk.
     */
    static ByteImageStore wrap(byte[] values, int count, int imageSize) {
        if ((long) count * imageSize != values.length) {
            throw new IllegalArgumentException(count + " images of " + imageSize + " bytes need "
                    + (long) count * imageSize + " bytes, got " + values.length);
        }
        ByteImageStore store = new ByteImageStore(imageSize);
        if (count <= store.imagesPerChunk) {
            store.chunks.add(values);
            store.count = count;
        } else {
            for (int i = 0; i < count; i++) {
                store.add(values, i * imageSize);
            }
        }
        return store;
    }

    int count() {
        return count;
    }

    int imageSize() {
        return imageSize;
    }

    /** Appends the image at {@code values[offset ..]}. */
    void add(byte[] values, int offset) {
        int slot = count % imagesPerChunk;
        if (slot == 0 && count / imagesPerChunk == chunks.size()) {
            // Chunks grow as needed; the last one is trimmed by trim().
            chunks.add(new byte[Math.min(imagesPerChunk, 1024) * imageSize]);
        }
        byte[] chunk = chunks.get(chunks.size() - 1);
        if ((slot + 1) * imageSize > chunk.length) {
            int grown = Math.min(imagesPerChunk, Math.max(slot + 1, 2 * (chunk.length / imageSize)));
            chunk = Arrays.copyOf(chunk, grown * imageSize);
            chunks.set(chunks.size() - 1, chunk);
        }
        System.arraycopy(values, offset, chunk, slot * imageSize, imageSize);
        count++;
    }

    /** Gives the last chunk back its unused room once filling is over. */
    ByteImageStore trim() {
        if (!chunks.isEmpty()) {
            int inLast = count - (chunks.size() - 1) * imagesPerChunk;
            byte[] last = chunks.get(chunks.size() - 1);
            if (last.length != inLast * imageSize) {
                chunks.set(chunks.size() - 1, Arrays.copyOf(last, inLast * imageSize));
            }
        }
        return this;
    }

    /** Copies image {@code index} to {@code target[offset ..]}. */
    void read(int index, byte[] target, int offset) {
        byte[] chunk = chunks.get(index / imagesPerChunk);
        System.arraycopy(chunk, (index % imagesPerChunk) * imageSize, target, offset, imageSize);
    }

    /** Writes image {@code index} to {@code target[offset ..]} as floats: each byte / 255. */
    void readScaled(int index, float[] target, int offset) {
        byte[] chunk = chunks.get(index / imagesPerChunk);
        int start = (index % imagesPerChunk) * imageSize;
        for (int i = 0; i < imageSize; i++) {
            target[offset + i] = (chunk[start + i] & 0xff) / 255.0f;
        }
    }
}
