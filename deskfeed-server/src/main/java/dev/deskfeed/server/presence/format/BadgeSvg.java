package dev.deskfeed.server.presence.format;

import java.util.Locale;
import java.util.Map;

/**
 * A flat two-part SVG badge (grey label, coloured message) in the look people know from shields.io, drawn here so
 * that a README or blog can embed {@code /public/{user}/badge.svg} without a third party. Text is XML-escaped;
 * widths are estimated from Verdana's average glyph widths, which is close enough for a badge. Stateless.
 */
public final class BadgeSvg {

  private static final Map<String, String> COLORS = Map.of(
      "brightgreen", "#4c1", "green", "#97ca00", "yellow", "#dfb317", "orange", "#fe7d37", "red", "#e05d44",
      "lightgrey", "#9f9f9f", "blue", "#007ec6");
  private static final int PADDING = 6;

  private BadgeSvg() {}

  public static String render(String label, BadgeText text) {
    String message = text.message();
    int labelWidth = textWidth(label) + 2 * PADDING;
    int messageWidth = textWidth(message) + 2 * PADDING;
    int width = labelWidth + messageWidth;
    String color = COLORS.getOrDefault(text.color(), "#9f9f9f");
    String title = escape(label + ": " + message);
    StringBuilder svg = new StringBuilder(1024);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"20\" role=\"img\" aria-label=\"").append(title).append("\">")
        .append("<title>").append(title).append("</title>")
        .append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" ")
        .append("stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
        .append("<clipPath id=\"r\"><rect width=\"").append(width)
        .append("\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>")
        .append("<g clip-path=\"url(#r)\"><rect width=\"").append(labelWidth).append("\" height=\"20\" fill=\"#555\"/>")
        .append("<rect x=\"").append(labelWidth).append("\" width=\"").append(messageWidth)
        .append("\" height=\"20\" fill=\"").append(color).append("\"/>")
        .append("<rect width=\"").append(width).append("\" height=\"20\" fill=\"url(#s)\"/></g>")
        .append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" ")
        .append("font-size=\"11\">");
    text(svg, labelWidth / 2.0, label);
    text(svg, labelWidth + messageWidth / 2.0, message);
    return svg.append("</g></svg>").toString();
  }

  private static void text(StringBuilder svg, double x, String value) {
    String at = String.format(Locale.ROOT, "%.1f", x);
    String escaped = escape(value);
    svg.append("<text x=\"").append(at).append("\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">").append(escaped)
        .append("</text><text x=\"").append(at).append("\" y=\"14\">").append(escaped).append("</text>");
  }

  /** Estimated width in pixels of the text in Verdana 11px. */
  static int textWidth(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("iljtfI.,:;'|!()[] ".indexOf(c) >= 0) {
        width += 3.9;
      } else if ("mwMW@".indexOf(c) >= 0) {
        width += 10.5;
      } else if (Character.isUpperCase(c) || Character.isDigit(c)) {
        width += 7.6;
      } else {
        width += 6.8;
      }
    }
    return (int) Math.ceil(width);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c); // other control characters are not allowed in XML at all
          }
        }
      }
    }
    return out.toString();
  }
}
