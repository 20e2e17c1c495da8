package dev.smtpd4c.optin.address;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Suggests the mailbox provider a domain was probably meant to be ({@code gmial.com} → {@code
 * gmail.com}): the nearest domain of a list by edit distance with transpositions (optimal string
 * alignment), within 1 edit for names up to 6 characters and 2 above. Ties go to the domain listed
 * first, so the list is ordered by how common the provider is. A listed domain is never "corrected".
 */
public final class DomainTypos {

    public static final String BUILT_IN = "address/provider-domains.txt";

    private final List<String> providers;
    private final Set<String> known;

    public DomainTypos(List<String> providers) {
        this.providers = List.copyOf(providers);
        this.known = Set.copyOf(providers);
    }

    public static DomainTypos builtIn() {
        return new DomainTypos(DomainList.fromResource(BUILT_IN));
    }

    /** {@code domain} in A-label form, lower case. */
    public Optional<String> suggest(String domain) {
        if (known.contains(domain)) {
            return Optional.empty();
        }
        int limit = domain.length() <= 6 ? 1 : 2;
        String best = null;
        int bestDistance = limit + 1;
        for (String p : providers) {
            int d = distance(domain, p, bestDistance - 1);
            if (d < bestDistance) {
                best = p;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Optimal string alignment distance, or {@code max + 1} as soon as it must exceed {@code max}.
     * Cost O(|a|·|b|) with |b| a provider name of a few characters, so linear in the input.
     */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] twoBack = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, twoBack[j - 2] + 1);
                }
                current[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = twoBack;
            twoBack = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], max + 1);
    }
}
