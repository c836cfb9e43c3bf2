package cn.gongkai.ledger.privacy;

import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data keys and the cipher, for every service that seals (the command service) or opens (the query side)
 * personal data. The master key: {@code ledger.privacy.master-key} ({@code LEDGER_MASTER_KEY}, base64) if set, else
 * the file {@code ledger.privacy.master-key-file} ({@code LEDGER_MASTER_KEY_FILE}, default
 * {@code ${LEDGER_DATA_DIR:.ledger-data}/master.key}), generated on first run. The keys live in the services'
 * database ({@code MONGODB_DATABASE}).
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    public DataKeys personalDataKeys(MongoClient mongoClient,
                                     @Value("${MONGODB_DATABASE:gongkai-ledger}") String database,
                                     @Value("${ledger.privacy.master-key:${LEDGER_MASTER_KEY:}}") String masterKey,
                                     @Value("${ledger.privacy.master-key-file:${LEDGER_MASTER_KEY_FILE:"
                                             + "${LEDGER_DATA_DIR:.ledger-data}/master.key}}") String masterKeyFile) {
        MasterKey master;
        if (!masterKey.isBlank()) {
            master = MasterKey.ofBase64(masterKey);
        } else {
            Path file = Path.of(masterKeyFile);
            LOG.info("Personal data is encrypted with data keys wrapped by the master key in {}", file.toAbsolutePath());
            master = MasterKey.fromFile(file);
        }
        return new DataKeys(mongoClient.getDatabase(database), master);
    }

    @Bean
    public PersonalDataCipher personalDataCipher(DataKeys personalDataKeys) {
        return new PersonalDataCipher(personalDataKeys);
    }
}
