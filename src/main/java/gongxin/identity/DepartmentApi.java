package gongxin.identity;

import java.util.List;

import gongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's departments, for provider systems that must name deciding authorities by their codes. */
@RestController
@RequestMapping("/api/v1/departments")
@PreAuthorize("isAuthenticated()")
class DepartmentApi {

    private final DepartmentService departments;

    DepartmentApi(DepartmentService departments) {
        this.departments = departments;
    }

    @Operation(summary = "部门列表")
    @GetMapping
    List<Department> all() {
        return departments.all();
    }

    @Operation(summary = "一个部门")
    @GetMapping("/{code}")
    Department one(@PathVariable String code) {
        return departments.find(code).orElseThrow(() -> new NotFoundException("部门“" + code + "”不存在"));
    }
}
