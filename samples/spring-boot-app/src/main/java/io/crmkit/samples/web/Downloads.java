package io.crmkit.samples.web;

import io.crmkit.api.io.FileFormat;
import org.springframework.http.MediaType;

/** The media types of the files the API sends. */
final class Downloads {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private Downloads() {
    }

    static MediaType mediaType(FileFormat format) {
        return format == FileFormat.XLSX ? XLSX : CSV;
    }
}
