package cn.gongkai.ledger.readmodel.violation;

/** Breaks "the read model knows no service": a repository consuming Kafka records. */
public record ReadModelUsingKafka(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
}
