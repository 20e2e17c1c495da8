"""pyspf on the same zone and queries as AuthBenchmark.java (run by bench/auth-bench.sh).

pyspf has no DMARC, so only SPF is timed. "warm" shares one answer cache between checks
(pyspf keeps its cache per query object), "cold" starts every check with an empty cache.
Prints: name n p50_us p99_us
"""
import math
import sys
import time

import dns.resolver
import spf

QUERIES = [
    ("192.0.2.30", "user@good.test", "mail.good.test"),
    ("192.0.2.26", "user@good.test", "mx2.good.test"),
    ("198.51.100.1", "user@good.test", "spam.example"),
    ("192.0.2.40", "user@news.good.test", "news.good.test"),
    ("192.0.2.200", "user@loop.broken-spf.test", "h.example"),
    ("192.0.2.200", "user@toomany.broken-spf.test", "h.example"),
    ("198.51.100.5", "user@long.broken-spf.test", "h.example"),
    ("192.0.2.90", "user@signed.auth.test", "signed.auth.test"),
]


def main():
    host, port = (sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:15353").rsplit(":", 1)
    warm = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    cold = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    r = dns.resolver.Resolver(configure=False)
    r.nameservers = [host]
    r.port = int(port)
    r.lifetime = 2
    dns.resolver.default_resolver = r

    if len(sys.argv) > 4:  # differential mode: every domain x IP result, no timing
        words = {}
        for line in open(sys.argv[4]):
            parts = line.split()
            if parts and parts[0] in ("domains", "ips"):
                words[parts[0]] = parts[1:]
        for d in words["domains"]:
            for ip in words["ips"]:
                print("%s %s %s" % (d, ip, spf.query(i=ip, s="user@" + d, h="helo.example").check()[0]))
        return

    shared = {}

    def check(i, cache):
        ip, s, h = QUERIES[i % len(QUERIES)]
        q = spf.query(i=ip, s=s, h=h)
        if cache is not None:
            q.cache = cache
        return q.check()[0]

    for ip, s, h in QUERIES:
        print("result\tpyspf\t%s\t%s\t%s" % (ip, s, spf.query(i=ip, s=s, h=h).check()[0]))
    for i in range(len(QUERIES) * 10):
        check(i, shared)
    report("pyspf spf warm", [timed(check, i, shared) for i in range(warm)])
    report("pyspf spf cold", [timed(check, i, None) for i in range(cold)])


def timed(fn, i, cache):
    t0 = time.perf_counter_ns()
    fn(i, cache)
    return time.perf_counter_ns() - t0


def report(name, nanos):
    s = sorted(nanos)
    p99 = s[min(len(s) - 1, math.ceil(len(s) * 0.99) - 1)]
    print("%s\t%d\t%.1f\t%.1f" % (name, len(s), s[len(s) // 2] / 1000, p99 / 1000))


if __name__ == "__main__":
    main()
