package org.descent.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Takes UTF-8 and writes ASCII: the symbols the output uses are spelled out ({@code →} as
 * {@code ->}, {@code ‖∇‖} as {@code |grad|}, {@code η} as {@code eta}), any other non-ASCII
 * character becomes {@code ?}. For consoles whose locale has no Unicode (LC_ALL=C: cron jobs,
 * minimal containers). A character split across two writes is decoded whole.
 */
final class AsciiFallback extends FilterOutputStream {
    private static final Map<Integer, String> SPELLED = Map.ofEntries(
            Map.entry((int) '→', "->"), Map.entry((int) '‖', "|"), Map.entry((int) '∇', "grad"),
            Map.entry((int) 'η', "eta"), Map.entry((int) '×', "x"), Map.entry((int) 'ε', "eps"),
            Map.entry((int) '₁', "1"), Map.entry((int) '₂', "2"), Map.entry((int) '²', "^2"),
            Map.entry((int) 'λ', "lambda"), Map.entry((int) 'μ', "mu"), Map.entry((int) 'γ', "gamma"),
            Map.entry((int) 'θ', "theta"), Map.entry((int) 'σ', "sigma"), Map.entry((int) 'Σ', "sum"),
            Map.entry((int) '…', "..."), Map.entry((int) '−', "-"), Map.entry((int) '≥', ">="),
            Map.entry((int) '≤', "<="), Map.entry((int) '≈', "~"), Map.entry((int) '·', "*"),
            Map.entry((int) '⁻', "^-"), Map.entry((int) 'ᵀ', "^T"), Map.entry((int) '√', "sqrt"),
            Map.entry((int) '₀', "0"), Map.entry((int) '–', "-"),
            Map.entry((int) '—', "-"), Map.entry((int) '█', "#"), Map.entry((int) '░', "."));

    private int codePoint;
    private int pending;

    AsciiFallback(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        int u = b & 0xFF;
        if (pending > 0 && (u & 0xC0) == 0x80) {
            codePoint = (codePoint << 6) | (u & 0x3F);
            if (--pending == 0) {
                String spelled = SPELLED.get(codePoint);
                out.write((spelled != null ? spelled : "?").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            return;
        }
        if (pending > 0) {  // a sequence cut short: what was read of it is one unknown character
            pending = 0;
            out.write('?');
        }
        if (u < 0x80) {
            out.write(u);
        } else if ((u & 0xE0) == 0xC0) {
            codePoint = u & 0x1F;
            pending = 1;
        } else if ((u & 0xF0) == 0xE0) {
            codePoint = u & 0x0F;
            pending = 2;
        } else if ((u & 0xF8) == 0xF0) {
            codePoint = u & 0x07;
            pending = 3;
        } else {
            out.write('?');
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }
}
