package cn.gongkai.ledger.infra;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.security.Officer;
import cn.gongkai.ledger.security.OfficerView;
import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.UserStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code bin/ledger-user}: creates and lists users of the local user store without a running service, for the
 * first administrator and for scripts.
 *
 * <pre>
 * bin/ledger-user add NAME --agency AGENCY_ID --roles ROLE[,ROLE…] [--password-stdin]
 * bin/ledger-user list
 * </pre>
 *
 * <p>With {@code MONGODB_URI} set it works on that MongoDB ({@code MONGODB_DATABASE}, default
 * {@code gongkai-ledger}); otherwise on the embedded run's data folder ({@code LEDGER_DATA_DIR}, default
 * {@code ./.ledger-data}), which must not be in use by a running embedded server. The password is asked twice on
 * the terminal, or read from the first line of standard input with {@code --password-stdin}. Exit code 0 on
 * success, 1 if the user cannot be created, 2 on a usage error.
 */
public final class UserCli {
    private static final String USAGE = """
            usage: ledger-user add NAME --agency AGENCY_ID --roles ROLE[,ROLE...] [--password-stdin]
                   ledger-user list
            roles: REGISTRAR 登记, HANDLER 承办, APPROVER 审批, LEGAL 法制, REPORTER 报告, AUDITOR 审计, ADMIN 管理""";

    private UserCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("add") || args[0].equals("list"))) {
            err.println(USAGE);
            return 2;
        }
        Command command;
        try {
            command = args[0].equals("add") ? parseAdd(Arrays.copyOfRange(args, 1, args.length)) : null;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (OperatorMongo store = OperatorMongo.open(env,
                ", or let an administrator create the user with POST /api/admin/users.")) {
            UserStore users = new UserStore(store.database(), new BCryptPasswordEncoder(12), Clock.systemUTC());
            if (command == null) {
                users.list().forEach(u -> out.println(u.officer().username() + "\t" + u.officer().agencyId() + "\t"
                        + OfficerView.of(u.officer()).roles().stream().map(r -> r.name() + " " + r.label()).toList()));
                return 0;
            }
            char[] password = command.passwordStdin() ? readStdin() : askTwice(err);
            Officer created = users.create(command.username(), password, command.agency(), command.roles(),
                    "ledger-user");
            out.println("created " + created.username() + " (" + created.agencyId() + ", "
                    + OfficerView.of(created).roles().stream().map(r -> r.name() + " " + r.label()).toList() + ")");
            return 0;
        } catch (UserStore.InvalidUser e) {
            err.println(e.zh() + " (" + e.getMessage() + ")");
            return 1;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private record Command(String username, AgencyId agency, Set<Role> roles, boolean passwordStdin) {
    }

    private static Command parseAdd(String[] args) {
        String username = null;
        String agency = null;
        String roles = null;
        boolean stdin = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--agency" -> agency = value(rest, arg);
                case "--roles", "--role" -> roles = value(rest, arg);
                case "--password-stdin" -> stdin = true;
                default -> {
                    if (arg.startsWith("--") || username != null) {
                        throw new IllegalArgumentException("unexpected argument: " + arg);
                    }
                    username = arg;
                }
            }
        }
        if (username == null || agency == null || roles == null) {
            throw new IllegalArgumentException("add needs NAME, --agency and --roles");
        }
        return new Command(username, new AgencyId(agency), Role.parseAll(roles), stdin);
    }

    private static String value(List<String> rest, String option) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static char[] readStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalStateException("no password on standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password: " + e.getMessage());
        }
    }

    private static char[] askTwice(PrintStream err) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("no terminal to ask for the password: use --password-stdin");
        }
        char[] password = console.readPassword("密码 (password, at least %d characters): ", UserStore.MIN_PASSWORD_LENGTH);
        char[] again = console.readPassword("再次输入密码 (password again): ");
        if (password == null || !Arrays.equals(password, again)) {
            throw new IllegalStateException("两次输入的密码不一致 (the passwords differ)");
        }
        return password;
    }
}
