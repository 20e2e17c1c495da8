package dev.smtpd4c.auth.dmarcreport;

/**
 * Bounds on one upload. A decompression bomb stops at {@code maxXmlBytes} of output, whatever its
 * compressed size; the parser stops at {@code maxRecords} rows and {@code maxDepth} nesting.
 */
public record ReportLimits(int maxXmlBytes, int maxRecords, int maxDepth, int maxZipEntries) {

    public static final ReportLimits DEFAULT = new ReportLimits(32 << 20, 100_000, 16, 8);
}
