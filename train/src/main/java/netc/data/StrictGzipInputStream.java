package netc.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip file (RFC 1952) and checks all of it: each member's header (and its CRC-16 when
 * present), the deflate data, the CRC-32 and length in each trailer, and that whatever follows a member
 * is another member. {@link java.util.zip.GZIPInputStream} silently drops bytes after the last member
 * that do not form a gzip header, so a file with garbage appended (a botched concatenation, a resumed
 * download) would read as if it were whole; here it is a {@link ZipException}. A file that ends early is
 * an {@link EOFException}.
 */
final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    /** RFC 1952: "a compliant decompressor must give an error indication if any reserved bit is non-zero". */
    private static final int RESERVED = 0xe0;
    private static final int DEFLATE = 8;

    private final byte[] input = new byte[1 << 16];
    /** Room to push back what the inflater did not use of the last read, for the trailer. */
    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int inputLength;
    private boolean ended;

    StrictGzipInputStream(InputStream compressed) throws IOException {
        this.in = new PushbackInputStream(compressed, input.length);
        readHeader(true);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            int produced;
            try {
                produced = inflater.inflate(buffer, offset, length);
            } catch (DataFormatException e) {
                throw new ZipException("invalid compressed data (" + e.getMessage() + ")");
            }
            if (produced > 0) {
                crc.update(buffer, offset, produced);
                return produced;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("its compressed data asks for a preset dictionary, which gzip does not have");
            } else {
                fill();
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        inputLength = in.read(input, 0, input.length);
        if (inputLength < 0) {
            throw new EOFException("the file ends inside its compressed data");
        }
        inflater.setInput(input, 0, inputLength);
    }

    /** Checks the trailer of the member just inflated; then either the file ends or another member begins. */
    private void endMember() throws IOException {
        int unused = inflater.getRemaining();
        if (unused > 0) {
            in.unread(input, inputLength - unused, unused);
        }
        long storedCrc = readUnsignedInt();
        long storedSize = readUnsignedInt();
        if (storedCrc != crc.getValue()) {
            throw new ZipException("its CRC-32 does not match its data");
        }
        if (storedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("its recorded length does not match its data");
        }
        int next = in.read();
        if (next < 0) {
            ended = true;
            return;
        }
        in.unread(next);
        inflater.reset();
        crc.reset();
        readHeader(false);
    }

    private void readHeader(boolean first) throws IOException {
        CRC32 headerCrc = new CRC32();
        if (readByte(headerCrc) != 0x1f || readByte(headerCrc) != 0x8b) {
            throw new ZipException(first ? "it does not begin with a gzip header"
                    : "it has bytes after the end of its compressed data that are not another gzip member");
        }
        int method = readByte(headerCrc);
        if (method != DEFLATE) {
            throw new ZipException("its compression method is " + method + ", not deflate (8)");
        }
        int flags = readByte(headerCrc);
        if ((flags & RESERVED) != 0) {
            throw new ZipException("its header sets reserved flags");
        }
        skip(headerCrc, 6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(headerCrc, readByte(headerCrc) | readByte(headerCrc) << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated(headerCrc);
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated(headerCrc);
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) headerCrc.getValue() & 0xffff;
            if ((readByte(null) | readByte(null) << 8) != expected) {
                throw new ZipException("its header checksum does not match its header");
            }
        }
    }

    private void skip(CRC32 headerCrc, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            readByte(headerCrc);
        }
    }

    private void skipZeroTerminated(CRC32 headerCrc) throws IOException {
        while (readByte(headerCrc) != 0) {
            // a file name or comment, not needed
        }
    }

    private int readByte(CRC32 headerCrc) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException("the file ends inside a gzip header or trailer");
        }
        if (headerCrc != null) {
            headerCrc.update(value);
        }
        return value;
    }

    private long readUnsignedInt() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) readByte(null) << (8 * i);
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
