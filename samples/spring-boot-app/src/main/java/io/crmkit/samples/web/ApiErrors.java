package io.crmkit.samples.web;

import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.StateTransitionException;
import io.crmkit.api.error.SearchTimeoutException;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns the SDK's exceptions into JSON errors with the status a client expects: {@code {"code", "message",
 * "errors": [{"field", "code", "message"}]}}, the errors only for a validation failure.
 *
 * <p>A client's mistake (4xx) is told what to fix. A failure of the server (5xx) is logged whole and answered with
 * a fixed message: its own may hold SQL, host names or paths. Other failures reach Spring Boot's error page, whose
 * body carries no message either ({@code server.error.*} in {@code application.properties}).
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** The message of every 5xx: the details are in the server's log, not for the client. */
    static final String SERVER_FAILED = "the server could not complete the request; try again later";

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> invalid(ValidationException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.code(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(CrmException.class)
    ResponseEntity<ApiError> refused(CrmException e) {
        HttpStatus status = status(e);
        if (status.is5xxServerError()) {
            LOG.error("request failed", e);
            return ResponseEntity.status(status).body(new ApiError(e.code(), SERVER_FAILED, List.of()));
        }
        return ResponseEntity.status(status).body(new ApiError(e.code(), e.getMessage(), List.of()));
    }

    /** Said in the request's own terms: the converters' messages name the application's classes. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return badRequest("the request body is not the JSON this endpoint expects");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return badRequest("parameter '" + e.getParameterName() + "' is missing");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return badRequest("part '" + e.getRequestPartName() + "' is missing");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("parameter '" + e.getName() + "': not a valid value");
    }

    private static ResponseEntity<ApiError> badRequest(String message) {
        return ResponseEntity.badRequest().body(new ApiError("invalid_request", message, List.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError("too_large",
                "the file is larger than this application accepts (spring.servlet.multipart.max-file-size)",
                List.of()));
    }

    private static HttpStatus status(CrmException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof PermissionDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ConflictException || e instanceof StateTransitionException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof LimitExceededException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof SearchTimeoutException) {
            return HttpStatus.UNPROCESSABLE_ENTITY; // the caller can narrow the search
        }
        if (e instanceof StorageException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** An error as the API sends it. */
    record ApiError(String code, String message, List<FieldError> errors) {
    }
}
