package be.paraaf.staff;

import be.paraaf.system.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader for the bulk send: a header row, then data rows; quoted cells may hold the separator,
 * quotes ("") and line breaks. The separator is ',' or ';' (what Belgian spreadsheets write), taken from the header.
 * Bounded: a file over the limits is refused whole with a 400 that says which limit, never read further.
 */
record CsvTable(List<String> header, List<List<String>> rows) {

    static final int MAX_ROWS = 100;
    static final int MAX_COLUMNS = 60;
    static final int MAX_CELL = 1000;

    static CsvTable parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's byte order mark
        }
        int firstBreak = text.indexOf('\n');
        String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char separator = headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw invalid("line " + line + " holds a NUL character: this is not a text file.");
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(cell, c, line);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                addCell(record, cell, line);
                wasQuoted = false;
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                addCell(record, cell, line);
                wasQuoted = false;
                addRecord(records, record, line);
                record = new ArrayList<>();
                line++;
            } else {
                if (wasQuoted) {
                    throw invalid("line " + line + ": text after a closing quote; write a quote inside a quoted cell "
                            + "as two quotes (\"\").");
                }
                append(cell, c, line);
            }
        }
        if (quoted) {
            throw invalid("a quoted cell opened on or before line " + line + " is never closed.");
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            addCell(record, cell, line);
            addRecord(records, record, line);
        }
        if (records.isEmpty()) {
            throw invalid("the file is empty: it needs a header row and at least one row.");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        if (records.size() < 2) {
            throw invalid("the file has a header row but no rows to send.");
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw invalid("column " + (i + 1) + " of the header row has no name.");
            }
            if (header.indexOf(header.get(i)) != i) {
                throw invalid("column '" + header.get(i) + "' appears twice in the header row.");
            }
        }
        return new CsvTable(header, records.subList(1, records.size()));
    }

    private static void append(StringBuilder cell, char c, int line) {
        if (cell.length() >= MAX_CELL) {
            throw invalid("a cell on line " + line + " is longer than " + MAX_CELL + " characters.");
        }
        cell.append(c);
    }

    private static void addCell(List<String> record, StringBuilder cell, int line) {
        if (record.size() >= MAX_COLUMNS) {
            throw invalid("line " + line + " has more than " + MAX_COLUMNS + " columns.");
        }
        record.add(cell.toString());
        cell.setLength(0);
    }

    private static void addRecord(List<List<String>> records, List<String> record, int line) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return; // a blank line
        }
        if (records.size() > MAX_ROWS) {
            throw invalid("more than " + MAX_ROWS + " rows; send them in several files.");
        }
        if (!records.isEmpty() && record.size() != records.get(0).size()) {
            throw invalid("line " + line + " has " + record.size() + " cells but the header row has "
                    + records.get(0).size() + ".");
        }
        records.add(List.copyOf(record));
    }

    private static StaffException invalid(String words) {
        return new StaffException(ProblemType.INVALID_CSV, "The CSV file cannot be read: " + words, Map.of());
    }
}
