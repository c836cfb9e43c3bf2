package cn.gongkai.ledger.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded server stores a collection's documents and their {@code _id}s in the data file: a document as
 * its BSON bytes (mongo-java-server's own codec, the bytes a client receives for it), an {@code ObjectId} as its 12
 * bytes — each after a tag byte that H2's {@link ObjectDataType} never writes — and every other value as
 * {@link ObjectDataType} writes it. H2's default writes a document with {@code java.io.ObjectOutputStream}, and
 * every commit writes each changed page whole again, so that was most of what a write cost.
 *
 * <p>Reading looks at the tag of each value: a value written by the default (every value of a data file from before
 * this type) is read by the default, so an existing file opens as it is, and its pages take the compact form as they
 * are written again. Values are ordered as {@link ObjectDataType} orders them (it compares the values, not their
 * bytes), so a map's keys keep their order whichever way they were written.
 */
final class CompactDocumentType extends BasicDataType<Object> {
    /** ObjectDataType's tags are 0–119: these are free. */
    static final byte BSON_DOCUMENT = (byte) 0xB0;
    static final byte OBJECT_ID = (byte) 0xB1;
    private static final int OBJECT_ID_LENGTH = 12;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private final ObjectDataType fallback = new ObjectDataType();
    /** A running estimate of a document's size, for the store's page and cache accounting (as ObjectDataType keeps). */
    private volatile int averageDocumentSize = 512;

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public int compare(Object a, Object b) {
        return fallback.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof Document) {
            return averageDocumentSize;
        }
        if (value instanceof ObjectId) {
            return 48;
        }
        return fallback.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            ByteBuf bytes = encode(document);
            if (bytes != null) {
                int length = bytes.readableBytes();
                buffer.put(BSON_DOCUMENT).putVarInt(length).put(bytes.array(), bytes.arrayOffset(), length);
                averageDocumentSize = (averageDocumentSize * 15 + length * 2) / 16; // objects take about twice their bytes
                return;
            }
        } else if (value instanceof ObjectId id) {
            buffer.put(OBJECT_ID).put(id.toByteArray());
            return;
        }
        fallback.write(buffer, value);
    }

    /** The document's BSON in this thread's buffer, or null for a value BSON cannot hold (then the default writes it). */
    private static ByteBuf encode(Document document) {
        ByteBuf bytes = ENCODING.get();
        bytes.clear();
        try {
            BsonEncoder.encodeDocument(document, bytes);
            return bytes;
        } catch (RuntimeException notBson) {
            return null;
        } finally {
            if (bytes.capacity() > 1 << 20) {
                ENCODING.remove(); // one large document does not keep a large buffer
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag == BSON_DOCUMENT) {
            buffer.get();
            int length = DataUtils.readVarInt(buffer);
            ByteBuffer slice = buffer.slice();
            slice.limit(length);
            buffer.position(buffer.position() + length);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        }
        if (tag == OBJECT_ID) {
            buffer.get();
            byte[] id = new byte[OBJECT_ID_LENGTH];
            buffer.get(id);
            return new ObjectId(id);
        }
        return fallback.read(buffer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactDocumentType;
    }

    @Override
    public int hashCode() {
        return CompactDocumentType.class.hashCode();
    }
}
