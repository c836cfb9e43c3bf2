package cn.gongkai.ledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One embedded server per data folder: a second one on the same folder is refused, and says why. */
class EmbeddedMongoTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServerOnTheSameDataFolderIsRefusedAsInUse() {
        try (EmbeddedMongo first = EmbeddedMongo.start(dir, "127.0.0.1", 0, false)) {
            assertThatThrownBy(() -> EmbeddedMongo.start(dir, "127.0.0.1", 0, false))
                    .isInstanceOf(EmbeddedMongo.DataInUseException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString()).hasMessageContaining("in use");
            assertThat(first.port()).isPositive();
        }
        // Closed, the folder is free again.
        try (EmbeddedMongo again = EmbeddedMongo.start(dir, "127.0.0.1", 0, false)) {
            assertThat(again.port()).isPositive();
        }
    }
}
