package netc.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors file: a little-endian u64 header length, a JSON header mapping each tensor name
 * to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the data that follows the
 * header) plus an optional {@code __metadata__} string map, then the raw little-endian data.
 *
 * <p>The file is checked as the format specifies before any tensor is read: the header fits the file
 * and begins with '{', is UTF-8 and valid JSON without duplicate names ({@link SafetensorsHeader}), and
 * the tensors' byte ranges tile the data section exactly, without overlaps or gaps, so every byte of
 * the file belongs to one tensor. Every defect is one {@link WeightFileException} naming the file (and
 * the tensor, where one is at fault).
 */
public final class SafetensorsReader {
    /** The format's own cap on the header, which also stops a garbage length from allocating gigabytes. */
    private static final long MAX_HEADER_BYTES = 100L << 20;
    /** The largest array a JVM allocates. */
    private static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE - 8;

    private final Path file;

    private SafetensorsReader(Path file) {
        this.file = file;
    }

    public static TensorFile read(Path file) {
        return new SafetensorsReader(file).read();
    }

    private TensorFile read() {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size < 8) {
                throw broken("is only " + size + " bytes long, shorter than the 8-byte header length");
            }
            long headerBytes = headerLength(readFully(channel, 0, 8).getLong(), size);
            SafetensorsHeader header = SafetensorsHeader.parse(file, headerText(readFully(channel, 8, (int) headerBytes)));
            long dataStart = 8 + headerBytes;
            checkLayout(header.entries(), size - dataStart);
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry entry : header.entries()) {
                tensors.put(entry.name(), tensor(channel, entry, dataStart));
            }
            return new TensorFile(file, tensors, header.metadata());
        } catch (NoSuchFileException e) {
            throw new WeightFileException("Safetensors file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new WeightFileException("Cannot read safetensors file " + file + ": " + FileProblem.reason(e)
                    + "; check the file and its permissions.", e);
        }
    }

    /** The header's length, checked against the format's cap and the file's size. */
    private long headerLength(long declared, long size) {
        if (declared < 0 || declared > MAX_HEADER_BYTES) {
            throw broken("declares a header of " + Long.toUnsignedString(declared) + " bytes, more than the format's"
                    + " limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (declared > size - 8) {
            throw broken("declares a header of " + declared + " bytes but " + (size - 8) + " bytes follow the length");
        }
        if (declared < 2) {
            throw broken("declares a header of " + declared + " bytes, too short for the smallest header {}");
        }
        return declared;
    }

    /** The header as text: it must begin with '{' (the format says so) and be valid UTF-8. */
    private String headerText(ByteBuffer bytes) {
        if (bytes.get(0) != '{') {
            throw broken("has a header that is not a JSON object (it must begin with '{')");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw broken("has a header that is not valid UTF-8");
        }
    }

    /**
     * The tensors must lie inside the data section and, sorted by offset, follow each other without
     * overlaps or gaps up to its end: the format's rule, which keeps two names from sharing bytes and
     * a file from hiding data no tensor declares.
     */
    private void checkLayout(List<SafetensorsHeader.Entry> entries, long dataBytes) {
        for (SafetensorsHeader.Entry entry : entries) {
            if (entry.end() > dataBytes) {
                throw broken("places tensor " + MessageText.quoted(entry.name()) + " at bytes " + entry.range()
                        + " of a data section of " + dataBytes + " bytes");
            }
        }
        List<SafetensorsHeader.Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(SafetensorsHeader.Entry::begin)
                .thenComparingLong(SafetensorsHeader.Entry::end));
        SafetensorsHeader.Entry previous = null;
        long covered = 0;
        for (SafetensorsHeader.Entry entry : byOffset) {
            if (entry.begin() < covered) {
                throw broken("places tensor " + MessageText.quoted(entry.name()) + " at bytes " + entry.range()
                        + ", overlapping tensor " + MessageText.quoted(previous.name()) + " at "
                        + previous.range());
            }
            if (entry.begin() > covered) {
                throw broken("leaves bytes [" + covered + ", " + entry.begin() + "] of its data section to no tensor"
                        + " (a gap before tensor " + MessageText.quoted(entry.name()) + "); the tensors must"
                        + " cover the data section without gaps");
            }
            covered = entry.end();
            previous = entry;
        }
        if (covered != dataBytes) {
            throw broken("has " + (dataBytes - covered) + " bytes after the end of its last tensor's data (byte "
                    + covered + " of a data section of " + dataBytes + " bytes); the tensors must cover the data"
                    + " section exactly");
        }
    }

    private HostTensor tensor(FileChannel channel, SafetensorsHeader.Entry entry, long dataStart) throws IOException {
        if (entry.bytes() > MAX_TENSOR_BYTES) {
            throw broken("holds tensor " + MessageText.quoted(entry.name()) + " of " + entry.bytes()
                    + " bytes, more than netc reads into one array");
        }
        return new HostTensor(entry.dtype(), entry.shape(), readFully(channel, dataStart + entry.begin(),
                (int) entry.bytes()));
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                // The size was checked when the file was opened, so only a file shrinking meanwhile ends here.
                throw new IOException("the file became shorter while it was read");
            }
        }
        return buffer.flip();
    }

    private WeightFileException broken(String what) {
        return broken(file, what);
    }

    static WeightFileException broken(Path file, String what) {
        return new WeightFileException("Safetensors file " + file + " " + what + "; it is not a valid safetensors file.");
    }
}
