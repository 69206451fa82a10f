package dev.deskfeed.api.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.activitywatch.internal.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {

  @Test
  void splitsPartsKeepingBinaryContentAndNames() {
    byte[] body = ("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfirst\r\nline\r\n"
        + "--b\r\ncontent-disposition: form-data; name=\"buckets.json\"; filename=\"x.json\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"k\":\"--b\"}\r\n--b--\r\nepilogue")
        .getBytes(StandardCharsets.UTF_8);

    List<Multipart.Part> parts = Multipart.parse(body, "multipart/form-data; boundary=\"b\"");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("a");
    assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("first\r\nline");
    assertThat(parts.get(1).name()).isEqualTo("buckets.json");
    assertThat(parts.get(1).fileName()).isEqualTo("x.json");
    assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"--b\"}");
  }

  @Test
  void emptyPartIsEmpty() {
    byte[] body = "--b\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n\r\n--b--".getBytes(StandardCharsets.UTF_8);

    assertThat(Multipart.parse(body, "multipart/form-data; boundary=b").get(0).content()).isEmpty();
  }

  @Test
  void missingBoundaryOrUnclosedPartIs400() {
    assertThatThrownBy(() -> Multipart.parse(new byte[0], "multipart/form-data"))
        .isInstanceOf(ApiException.class).hasMessageContaining("no boundary");
    byte[] unclosed = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Multipart.parse(unclosed, "multipart/form-data; boundary=b"))
        .isInstanceOf(ApiException.class).hasMessageContaining("not closed");
  }

  @Test
  void recognisesTheContentType() {
    assertThat(Multipart.isMultipart("Multipart/Form-Data; boundary=x")).isTrue();
    assertThat(Multipart.isMultipart("application/json")).isFalse();
    assertThat(Multipart.isMultipart(null)).isFalse();
  }
}
