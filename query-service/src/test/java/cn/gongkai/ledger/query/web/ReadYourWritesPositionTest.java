package cn.gongkai.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.query.web.ReadYourWrites.Position;
import org.junit.jupiter.api.Test;

/** A command's position ({@code <id>@<sequence>}) parses back, whatever the id holds; anything else is refused. */
class ReadYourWritesPositionTest {
    @Test
    void aPositionParsesIntoItsIdAndSequence() {
        assertThat(Position.parse("demo-bureau:2025-001@3")).contains(new Position("demo-bureau:2025-001", 3));
        assertThat(Position.parse("rc-1f5e@0")).contains(new Position("rc-1f5e", 0));
        assertThat(Position.parse("a@b@12")).contains(new Position("a@b", 12));
    }

    @Test
    void anythingElseIsNoPosition() {
        for (String text : new String[] {null, "", "@3", "demo@", "demo@-1", "demo@x", "demo"}) {
            assertThat(Position.parse(text)).as(String.valueOf(text)).isEmpty();
        }
    }
}
