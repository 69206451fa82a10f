package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XPropertyTest {

  private static final long UTF8 = 300;
  private static final long COMPOUND = 301;
  private static final long STRING = 31;

  @Test
  void utf8StringIsDecodedAsUtf8WithoutTrailingNuls() {
    XProperty title = text(UTF8, "Grüße – 東京\0\0".getBytes(StandardCharsets.UTF_8));

    assertThat(title.text(UTF8, COMPOUND)).isEqualTo("Grüße – 東京");
  }

  @Test
  void stringIsLatin1AsIcccmDefinesIt() {
    XProperty title = text(STRING, new byte[] {'c', 'a', 'f', (byte) 0xe9});

    assertThat(title.text(UTF8, COMPOUND)).isEqualTo("café");
  }

  @Test
  void wmClassSplitsIntoInstanceAndClass() {
    XProperty wmClass = text(STRING, "xterm\0XTerm\0".getBytes(StandardCharsets.US_ASCII));

    assertThat(wmClass.texts(UTF8, COMPOUND)).containsExactly("xterm", "XTerm");
  }

  @Test
  void desktopNamesKeepEmptyNamesAndTolerateAMissingFinalNul() {
    XProperty names = text(UTF8, "Mail\0\0Wörk".getBytes(StandardCharsets.UTF_8));

    assertThat(names.texts(UTF8, COMPOUND)).containsExactly("Mail", "", "Wörk");
  }

  @Test
  void compoundTextReadsUtf8SectionsAndSkipsDesignations() {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(new byte[] {0x1b, '(', 'B', 'a', 'b', 'c'}); // designate ASCII, then "abc"
    data.writeBytes(new byte[] {0x1b, '%', 'G'}); // switch to UTF-8
    data.writeBytes("東京".getBytes(StandardCharsets.UTF_8));
    data.writeBytes(new byte[] {0x1b, '%', '@'}); // and back
    data.writeBytes(new byte[] {0x1b, '-', 'A', (byte) 0xe9}); // designate Latin-1 right half, then "é"

    assertThat(text(COMPOUND, data.toByteArray()).text(UTF8, COMPOUND)).isEqualTo("abc東京é");
  }

  @Test
  void cardinalsAndWindowsComeFromFormat32() {
    XProperty desktop = new XProperty(6, 32, new byte[0], new long[] {2});

    assertThat(desktop.firstValue(-1)).isEqualTo(2);
    assertThat(XProperty.ABSENT.firstValue(-1)).isEqualTo(-1);
    assertThat(text(STRING, new byte[] {1}).firstValue(-1)).as("text is not a number").isEqualTo(-1);
  }

  @Test
  void absentOrNonTextPropertiesReadAsEmpty() {
    assertThat(XProperty.ABSENT.isAbsent()).isTrue();
    assertThat(XProperty.ABSENT.text(UTF8, COMPOUND)).isEmpty();
    assertThat(new XProperty(6, 32, new byte[0], new long[] {7}).texts(UTF8, COMPOUND)).isEmpty();
  }

  private static XProperty text(long type, byte[] bytes) {
    return new XProperty(type, 8, bytes, new long[0]);
  }
}
