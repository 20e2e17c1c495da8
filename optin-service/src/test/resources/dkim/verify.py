#!/usr/bin/python3
"""Verifies every DKIM-Signature of a message with dkimpy (Debian python3-dkim, python3-nacl).

usage: verify.py MESSAGE_FILE RECORDS_JSON
RECORDS_JSON maps DNS names ("sel._domainkey.example.org.") to the TXT record the test publishes;
dkimpy asks for keys through dnsfunc, so no resolver is needed. Prints one line per signature:
"<a=> <s=> pass|fail"; exit 0 only when there is at least one signature and all pass.
"""
import json
import sys

import dkim

message = open(sys.argv[1], "rb").read()
records = json.loads(sys.argv[2])


def dnsfunc(name, timeout=5):
    n = name.decode() if isinstance(name, bytes) else name
    txt = records.get(n if n.endswith(".") else n + ".")
    return txt.encode() if txt else None


d = dkim.DKIM(message)
sigs = [v for (k, v) in d.headers if k.lower() == b"dkim-signature"]
ok = bool(sigs)
for i, sig in enumerate(sigs):
    tags = dict(t.strip().split(b"=", 1) for t in sig.replace(b"\r\n", b"").split(b";") if b"=" in t)
    try:
        good = dkim.DKIM(message).verify(idx=i, dnsfunc=dnsfunc)
    except dkim.DKIMException as e:  # dkimpy raises for some failures (body hash mismatch) instead of returning False
        print("error:", e)
        good = False
    ok = ok and good
    print(tags[b"a"].decode(), tags[b"s"].decode(), "pass" if good else "fail")
sys.exit(0 if ok else 1)
