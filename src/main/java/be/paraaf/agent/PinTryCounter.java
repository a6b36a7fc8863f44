package be.paraaf.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The PIN try counter of a virtual eID card, kept in a one-line file next to the SoftHSM2 token
 * ({@code pin-tries-left}), because SoftHSM2 accepts any number of wrong PINs.
 *
 * <p>Rules, as on a Belgian eID card: 3 tries; a wrong PIN costs one; a correct PIN restores 3; at 0 the
 * card is blocked for good and the token is not even asked (a correct PIN is refused too) until the card
 * is provisioned again. The file is locked for the whole attempt, so two agents cannot both spend the last
 * try. A missing or unreadable counter counts as blocked (fail closed).
 *
 * <p>This is enforced by the card abstraction the agent uses before C_Login, not by the token: a program
 * that opens the SoftHSM2 token directly (pkcs11-tool) is not limited. A real card enforces the limit in its
 * chip, which is why the agent uses {@link PinGuard#chipEnforced()} for it.
 */
public final class PinTryCounter implements PinGuard {

    public static final int MAX_TRIES = 3;

    private final Path file;

    public PinTryCounter(Path file) {
        this.file = file;
    }

    /** Writes a fresh counter (3 tries) — only when a card is provisioned. */
    public static PinTryCounter create(Path file) {
        try {
            Files.writeString(file, MAX_TRIES + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new PinTryCounter(file);
    }

    /** Tries left now; 0 if blocked or the counter is missing. */
    public int triesLeft() {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void login(LoginAttempt attempt) {
        if (!Files.isRegularFile(file)) {
            throw blocked("The card's PIN try counter (" + file + ") is missing: the card counts as blocked.");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            int left = read(channel);
            if (left <= 0) {
                throw blocked("The card is blocked: 3 wrong PINs were entered. A blocked card accepts no PIN; "
                        + "provision the virtual card again (paraaf eid virtual-card create --force).");
            }
            if (attempt.tryPin()) {
                if (left != MAX_TRIES) {
                    write(channel, MAX_TRIES);
                }
                return;
            }
            left--;
            write(channel, left);
            if (left == 0) {
                throw blocked("Wrong PIN. That was the last try: the card is now blocked.");
            }
            throw new CardException(CardException.Kind.WRONG_PIN,
                    "Wrong PIN. " + left + (left == 1 ? " try" : " tries") + " left before the card blocks.", left,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the PIN try counter " + file, e);
        }
    }

    private static CardException blocked(String message) {
        return new CardException(CardException.Kind.BLOCKED, message, 0, null);
    }

    private static int read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        channel.position(0);
        channel.read(buffer);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            int value = Integer.parseInt(text);
            return Math.max(0, Math.min(MAX_TRIES, value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void write(FileChannel channel, int value) throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.write(ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
    }
}
