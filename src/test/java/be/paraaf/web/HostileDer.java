package be.paraaf.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** ASN.1 DER (ITU-T X.690) built to break decoders: deep nesting, lying lengths, and random damage to a good value. */
final class HostileDer {

    private HostileDer() {
    }

    static List<byte[]> crafted() {
        List<byte[]> all = new ArrayList<>();
        all.add(new byte[0]);
        all.add(new byte[] {0x30});
        all.add(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        all.add(new byte[] {0x30, (byte) 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        all.add(new byte[] {0x30, (byte) 0x80, 0x30, (byte) 0x80});
        all.add(indefinite(100_000));
        all.add(definite(5_000));
        all.add(definite(200));
        all.add(new byte[] {0x1f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x00});
        all.add(new byte[] {0x06, 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
        return all;
    }

    /** {@code depth} SEQUENCEs of indefinite length, never closed. */
    static byte[] indefinite(int depth) {
        byte[] bytes = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            bytes[2 * i] = 0x30;
            bytes[2 * i + 1] = (byte) 0x80;
        }
        return bytes;
    }

    /** {@code depth} correctly encoded SEQUENCEs, each holding the next. */
    static byte[] definite(int depth) {
        byte[] inner = {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x30);
            int length = inner.length;
            if (length < 128) {
                out.write(length);
            } else if (length < 256) {
                out.write(0x81);
                out.write(length);
            } else if (length < 65536) {
                out.write(0x82);
                out.write(length >> 8);
                out.write(length);
            } else {
                out.write(0x83);
                out.write(length >> 16);
                out.write(length >> 8);
                out.write(length);
            }
            out.writeBytes(inner);
            inner = out.toByteArray();
        }
        return inner;
    }

    static byte[] mutate(byte[] good, Random random) {
        byte[] copy = good.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 1 -> {
                byte[] cut = new byte[random.nextInt(copy.length)];
                System.arraycopy(copy, 0, cut, 0, cut.length);
                return cut;
            }
            case 2 -> {
                // a length byte made long-form and huge
                int at = 1 + random.nextInt(Math.max(1, copy.length - 1));
                copy[at] = (byte) (0x80 | (1 + random.nextInt(8)));
                return copy;
            }
            default -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(indefinite(1 + random.nextInt(2000)));
                out.writeBytes(copy);
                return out.toByteArray();
            }
        }
    }
}
