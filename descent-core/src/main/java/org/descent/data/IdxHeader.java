package org.descent.data;

import org.descent.DescentException;

/**
 * The start of an IDX file, checked as it is read: the magic number {@code 0x0000ttnn} (type
 * code tt, nn dimensions) and one big-endian 32-bit size per dimension.
 */
final class IdxHeader {
    private final IdxType type;
    private final int[] sizes;

    private IdxHeader(IdxType type, int[] sizes) {
        this.type = type;
        this.sizes = sizes;
    }

    /**
     * Reads the header of a file that must hold {@code what} ({@code images}, {@code labels})
     * with one dimension per entry of {@code sizeNames}; only the first size may be 0.
     * {@code header} describes the header's bytes for a truncation error.
     */
    static IdxHeader read(IdxInput in, String what, String header, String... sizeNames) {
        int rank = sizeNames.length;
        int magic = in.readInt(header);
        IdxType type = IdxType.of((magic >>> 8) & 0xff);
        if ((magic >>> 16) != 0) {
            throw new DescentException(in.name() + ": magic number " + hex(magic) + " at byte 0, expected "
                    + hex(IdxType.UNSIGNED_BYTE.code << 8 | rank) + " for IDX " + what + " (unsigned bytes, "
                    + dimensions(rank) + ") or another type code in byte 2; this is not an IDX file");
        }
        if (type == null) {
            throw new DescentException(in.name() + ": unknown IDX type code " + String.format("0x%02X", magic >>> 8)
                    + " in byte 2 of magic number " + hex(magic) + "; the known codes are " + IdxType.list(false));
        }
        if ((magic & 0xff) != rank) {
            String hint = (magic & 0xff) == 1 ? " (this is a labels file)" : (magic & 0xff) == 3 ? " (this is an images file)" : "";
            throw new DescentException(in.name() + ": magic number " + hex(magic) + " at byte 0" + hint + ", expected "
                    + hex(type.code << 8 | rank) + " for IDX " + what + " (" + type.description + "s, "
                    + dimensions(rank) + ")");
        }
        int[] sizes = new int[rank];
        for (int k = 0; k < rank; k++) {
            sizes[k] = in.readInt(header);
            if (sizes[k] < 0 || (sizes[k] == 0 && k > 0)) {
                throw new DescentException(in.name() + ": " + sizeNames[k] + " " + Integer.toUnsignedString(sizes[k])
                        + " at byte " + (in.offset() - 4) + " is not a valid size");
            }
        }
        return new IdxHeader(type, sizes);
    }

    IdxType type() {
        return type;
    }

    /** The size of dimension {@code k}. */
    int size(int k) {
        return sizes[k];
    }

    /** The magic number, e.g. {@code 0x00000D01}. */
    String magic() {
        return hex(type.code << 8 | sizes.length);
    }

    private static String dimensions(int rank) {
        return rank + (rank == 1 ? " dimension" : " dimensions");
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
