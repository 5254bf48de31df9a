package org.descent.data;

import java.io.BufferedInputStream;
import java.io.IOException;

/** Recognizes gzip data by its magic bytes 1f 8b, whatever the file is called. */
final class Gzip {
    private Gzip() {
    }

    /** Whether {@code in} starts with the gzip magic; the stream is left where it was. */
    static boolean detect(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }
}
