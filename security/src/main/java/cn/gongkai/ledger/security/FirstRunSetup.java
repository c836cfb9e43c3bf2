package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import java.io.Console;
import java.util.Arrays;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The first run: while the local user store is empty nobody can sign in, so the service says how to create the
 * first administrator, and, if it runs on a terminal with {@code LEDGER_SETUP_INTERACTIVE=true} (as
 * {@code ./bin/run-embedded} does when started from one), asks for them: user name, agency and password (twice,
 * not echoed). There is no default user and no default password.
 */
public class FirstRunSetup implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunSetup.class);
    public static final String HOW_TO = """
            No user exists yet (尚无用户). Create the first administrator (首位管理员) with
                bin/ledger-user add <name> --agency <agency-id> --roles ADMIN
            (it asks for the password; --password-stdin reads it from standard input), against the same MONGODB_URI,
            or, for the embedded run, with the server stopped, or start ./bin/run-embedded from a terminal: it asks.""";

    private final UserStore users;
    private final boolean interactive;
    private final boolean local;

    public FirstRunSetup(UserStore users, @Value("${LEDGER_SETUP_INTERACTIVE:false}") boolean interactive,
                         @Value(LedgerSecurityConfiguration.MODE) String mode) {
        this.users = users;
        this.interactive = interactive;
        this.local = "local".equals(mode);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!local || users.count() > 0) {
            return;
        }
        Console console = System.console();
        if (interactive && console != null) {
            ask(console);
        } else {
            LOG.warn(HOW_TO);
        }
    }

    private void ask(Console console) {
        console.printf("%n首次运行：创建首位管理员 (first run: create the first administrator)%n");
        while (true) {
            try {
                String name = console.readLine("用户名 (user name): ").strip();
                AgencyId agency = new AgencyId(console.readLine("所属机关编号 (agency id, e.g. demo-bureau): ").strip());
                char[] password = console.readPassword("密码 (password, at least %d characters): ",
                        UserStore.MIN_PASSWORD_LENGTH);
                char[] again = console.readPassword("再次输入密码 (password again): ");
                if (!Arrays.equals(password, again)) {
                    console.printf("两次输入的密码不一致 (the passwords differ)%n");
                    continue;
                }
                Arrays.fill(again, '\0');
                Officer admin = users.create(name, password, agency, EnumSet.of(Role.ADMIN), "first-run setup");
                console.printf("已创建管理员 %s（%s）(administrator created)%n", admin.username(), agency);
                return;
            } catch (IllegalArgumentException | UserStore.InvalidUser e) {
                console.printf("%s%n", e.getMessage());
            } catch (NullPointerException endOfInput) {
                LOG.warn(HOW_TO);
                return;
            }
        }
    }
}
