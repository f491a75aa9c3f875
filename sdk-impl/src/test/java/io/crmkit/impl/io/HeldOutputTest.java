package io.crmkit.impl.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutputTest {

    @TempDir
    Path directory;

    @Test
    void holdsEverythingUntilReleasedThenSendsItInOrderAndLetsTheRestThrough() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        byte[] large = bytes(HeldOutput.IN_MEMORY + 10_000, 7); // spills to a temporary file
        try (HeldOutput held = new HeldOutput(target, directory)) {
            held.write('a');
            held.write(large, 0, large.length);
            held.flush();
            assertThat(target.size()).isZero();
            assertThat(heldFiles()).isNotEmpty();

            held.release();
            held.write("end".getBytes(), 0, 3);
            assertThat(held.released()).isTrue();
        }
        byte[] expected = new byte[1 + large.length + 3];
        expected[0] = 'a';
        System.arraycopy(large, 0, expected, 1, large.length);
        System.arraycopy("end".getBytes(), 0, expected, 1 + large.length, 3);
        assertThat(target.toByteArray()).isEqualTo(expected);
        assertThat(heldFiles()).isEmpty();
    }

    @Test
    void closedUnreleasedItSendsNothingAndDeletesItsTemporaryFile() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        HeldOutput held = new HeldOutput(target, directory);
        held.write(bytes(3 * HeldOutput.IN_MEMORY, 3), 0, 3 * HeldOutput.IN_MEMORY);
        assertThat(heldFiles()).hasSize(1);

        held.close();

        assertThat(target.size()).isZero();
        assertThat(heldFiles()).isEmpty();
    }

    @Test
    void aStreamThatFailsOnReleaseGetsNothingMoreAndTheTemporaryFileIsDeleted() throws IOException {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the client went away");
            }
        };
        HeldOutput held = new HeldOutput(broken, directory);
        held.write(bytes(2 * HeldOutput.IN_MEMORY, 3), 0, 2 * HeldOutput.IN_MEMORY);

        assertThatThrownBy(held::release).hasMessage("the client went away");
        assertThat(held.released()).isFalse();
        held.close();

        assertThat(heldFiles()).isEmpty();
    }

    @Test
    void aSmallOutputStaysInMemory() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (HeldOutput held = new HeldOutput(target, directory)) {
            held.write(bytes(1000, 5), 0, 1000);
            assertThat(heldFiles()).isEmpty();
            held.release();
        }
        assertThat(target.toByteArray()).isEqualTo(bytes(1000, 5));
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * seed);
        }
        return bytes;
    }

    private List<Path> heldFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("crmkit-export-")
                    && file.getFileName().toString().endsWith(".held")).toList();
        }
    }
}
