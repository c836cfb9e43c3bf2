package cn.gongkai.ledger.security;

import cn.gongkai.ledger.api.common.AgencyId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 管理: an administrator creates and lists the users of their agency and of the agencies below it. */
@RestController
@RequestMapping("/api/admin/users")
public class UserAdminController {
    private final UserStore users;
    private final AgencyGuard guard;

    public UserAdminController(UserStore users, AgencyGuard guard) {
        this.users = users;
        this.guard = guard;
    }

    public record NewUser(String username, String password, String agencyId, List<String> roles) {
    }

    public record UserView(OfficerView officer, String createdBy, String createdAt) {
    }

    @PostMapping
    public ResponseEntity<OfficerView> create(@RequestBody NewUser body) {
        if (body == null || body.agencyId() == null || body.roles() == null) {
            throw new UserStore.InvalidUser("须填写 username、password、agencyId 和 roles",
                    "username, password, agencyId and roles are required");
        }
        AgencyId agency;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            agency = new AgencyId(body.agencyId());
            body.roles().forEach(r -> roles.add(Role.parse(r)));
        } catch (IllegalArgumentException e) {
            throw new UserStore.InvalidUser("无效的机关或角色：" + e.getMessage(), "Invalid agency or role: " + e.getMessage());
        }
        Officer admin = guard.requireOwnOrSubordinate(agency);
        Officer created = users.create(body.username(), body.password() == null ? null : body.password().toCharArray(),
                agency, roles, admin.username());
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username()))
                .body(OfficerView.of(created));
    }

    @GetMapping
    public List<UserView> list() {
        Officer admin = Officer.current();
        return users.list().stream()
                .filter(u -> guard.directory().isAtOrBelow(u.officer().agencyId(), admin.agencyId()))
                .map(u -> new UserView(OfficerView.of(u.officer()), u.createdBy(), u.createdAt()))
                .toList();
    }

    @ExceptionHandler(UserStore.InvalidUser.class)
    ResponseEntity<ProblemDetail> invalid(UserStore.InvalidUser e, HttpServletRequest request) {
        HttpStatus status = e.getMessage().startsWith("the user exists") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return SecurityProblems.entity(status, status == HttpStatus.CONFLICT ? "USER_EXISTS" : "INVALID_USER",
                e.zh(), e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        return SecurityProblems.entity(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "请求体须为 JSON 对象",
                "The body must be a JSON object", request);
    }
}
