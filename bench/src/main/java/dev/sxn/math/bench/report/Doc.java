package dev.sxn.math.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A report as a list of blocks (headings, paragraphs, tables, images, preformatted text), rendered once as Markdown
 * (images linked beside it) and once as one self-contained HTML page (images inlined as data URIs), so the two pages
 * always say the same.
 */
final class Doc {
    private sealed interface Block permits Heading, Para, Table, Image, Images, Pre, Raw {}

    private record Heading(int level, String text) implements Block {}

    private record Para(String text) implements Block {}

    private record Table(List<String> head, List<List<String>> rows) implements Block {}

    private record Image(Path file, String alt) implements Block {}

    /** Several images on one Markdown line (a browser wraps them side by side). */
    private record Images(List<Path> files) implements Block {}

    private record Pre(String text) implements Block {}

    /** Markdown text copied in as is (the hand-written method section); shown preformatted in HTML. */
    private record Raw(String markdown) implements Block {}

    private final List<Block> blocks = new ArrayList<>();

    Doc heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Doc para(String text) {
        blocks.add(new Para(text));
        return this;
    }

    Doc table(List<String> head, List<List<String>> rows) {
        blocks.add(new Table(head, rows));
        return this;
    }

    Doc image(Path file, String alt) {
        blocks.add(new Image(file, alt));
        return this;
    }

    Doc images(List<Path> files) {
        blocks.add(new Images(List.copyOf(files)));
        return this;
    }

    Doc pre(String text) {
        blocks.add(new Pre(text));
        return this;
    }

    Doc raw(String markdown) {
        blocks.add(new Raw(markdown));
        return this;
    }

    /** Markdown; image links are relative to {@code base} (the Markdown file's folder). */
    String markdown(Path base) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            switch (b) {
                case Heading h -> sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
                case Para p -> sb.append(p.text()).append("\n\n");
                case Table t -> {
                    sb.append("| ").append(String.join(" | ", t.head().stream().map(Doc::cell).toList())).append(" |\n|");
                    sb.append("---|".repeat(t.head().size())).append('\n');
                    for (List<String> r : t.rows()) sb.append("| ").append(String.join(" | ", r.stream().map(Doc::cell).toList())).append(" |\n");
                    sb.append('\n');
                }
                case Image i -> sb.append("![").append(i.alt()).append("](")
                        .append(base.toAbsolutePath().normalize().relativize(i.file().toAbsolutePath().normalize()).toString().replace('\\', '/'))
                        .append(")\n\n");
                case Images im -> {
                    for (Path f : im.files()) sb.append("![").append(name(f)).append("](").append(link(base, f)).append(") ");
                    sb.setLength(sb.length() - 1);
                    sb.append("\n\n");
                }
                case Pre p -> sb.append("```text\n").append(p.text().stripTrailing()).append("\n```\n\n");
                case Raw r -> sb.append(r.markdown().strip()).append("\n\n");
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    /** One HTML page with every image inlined. */
    String html(String title) throws IOException {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1320px;margin:1em auto;padding:0 1em}"
                        + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}img{max-width:100%}pre{background:#f6f6f6;padding:.5em;overflow-x:auto}"
                        + "</style></head><body>\n");
        for (Block b : blocks) {
            switch (b) {
                case Heading h -> sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
                case Para p -> sb.append("<p>").append(inline(p.text())).append("</p>\n");
                case Table t -> {
                    sb.append("<table><tr>");
                    for (String c : t.head()) sb.append("<th>").append(inline(c)).append("</th>");
                    sb.append("</tr>\n");
                    for (List<String> r : t.rows()) {
                        sb.append("<tr>");
                        for (String c : r) sb.append("<td>").append(inline(c)).append("</td>");
                        sb.append("</tr>\n");
                    }
                    sb.append("</table>\n");
                }
                case Image i -> sb.append("<p><img alt=\"").append(esc(i.alt())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(i.file()))).append("\"></p>\n");
                case Images im -> {
                    for (Path f : im.files()) sb.append("<p><img alt=\"").append(esc(name(f))).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(Files.readAllBytes(f))).append("\"></p>\n");
                }
                case Pre p -> sb.append("<pre>").append(esc(p.text())).append("</pre>\n");
                case Raw r -> sb.append("<pre>").append(esc(r.markdown())).append("</pre>\n");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String name(Path f) {
        return f.getFileName().toString().replaceFirst("\\.png$", "");
    }

    private static String link(Path base, Path f) {
        return base.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Escapes, then renders the Markdown the report itself writes: **bold** and `code`. */
    private static String inline(String s) {
        return esc(s).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>").replaceAll("`(.+?)`", "<code>$1</code>");
    }
}
