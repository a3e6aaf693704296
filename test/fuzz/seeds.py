"""seeds.py OUTDIR CORPUS.tsv... [--rules FILE.rules...]: the fuzzers' seeds.

Writes OUTDIR/classify/, OUTDIR/split/ and OUTDIR/custom/, one file per
input, for the libFuzzer harnesses test/fuzz/fuzz_{classify,split,custom}.c:

  classify/ROWID   "STATUS<TAB>DIAGNOSTIC" for each corpus row; a row with an
                   empty status has no TAB (status absent), as the corpus
                   driver reads an empty field as NULL.
  split/ROWID      the same row in fuzz_split's layout (flags, length byte,
                   status length, status, diagnostic), with the flags that
                   ask for the prefilter/reference parity check; and, for
                   a few rows, the other shapes (long text, integer status,
                   absent arguments).
  split/name-*     category names and aliases in odd case and spacing.
  custom/RULEID    each pattern of the rules files (core/rules/*.rules,
                   core/providers.rules) as a user's rule, with its
                   category, over one of the corpus rows; every eighth
                   also asks for the public API's compile (0x70 in its
                   first byte: see fuzz_custom.c).

The directories are emptied first, so the seeds always match the corpus.
Standard library only.
"""

import os
import re
import shutil
import sys

NAMES = [
    "invalid-mailbox", "invalid-domain", "inactive-mailbox", "full-mailbox",
    "dmarc-issues", "reputation-issues", "greylisting-issues",
    "blocklisting-issues", "relaying-issues", "routing-issues",
    "recipient-server-error", "connection-error", "policy-related",
    "message-expired", "other", "greylisting", "routing-errors",
]


def rows(paths):
    """(id, status, diagnostic) as bytes, read like build/test/corpus_test."""
    for path in paths:
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        header = lines[0].rstrip(b"\r").split(b"\t")
        ci, cs, cd = (header.index(n) for n in (b"id", b"status", b"diagnostic"))
        for line in lines[1:]:
            line = re.split(rb"[\r\n]", line)[0]
            if not line:
                continue
            cols = line.split(b"\t")
            if len(cols) <= max(ci, cs, cd):
                continue
            yield cols[ci], cols[cs], cols[cd]


def safe(name):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name.decode("utf-8", "replace"))


def split_input(flags, adjust, status, diagnostic):
    status = status[:255]
    return bytes([flags, adjust, len(status)]) + status + diagnostic


def main():
    args = sys.argv[1:]
    rules_files = []
    if "--rules" in args:
        rules_files = args[args.index("--rules") + 1:]
        args = args[:args.index("--rules")]
    if len(args) < 2:
        sys.exit("usage: seeds.py OUTDIR CORPUS.tsv... [--rules FILE.rules...]")
    out = args[0]
    dirs = {}
    for harness in ("classify", "split", "custom"):
        d = os.path.join(out, harness)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        dirs[harness] = d

    n = 0
    corpus = list(rows(args[1:]))
    for i, (rid, status, diagnostic) in enumerate(corpus):
        name = safe(rid) or "row%d" % i
        with open(os.path.join(dirs["classify"], name), "wb") as f:
            f.write(status + b"\t" + diagnostic if status else diagnostic)
        # 0x20: parity; an empty status is absent (0x01)
        flags = 0x20 | (0 if status else 0x01)
        with open(os.path.join(dirs["split"], name), "wb") as f:
            f.write(split_input(flags, 0, status, diagnostic))
        if i % 25 == 0:
            # long text, cut anywhere near 64 KiB (no parity: slow)
            with open(os.path.join(dirs["split"], name + "-long"), "wb") as f:
                f.write(split_input(0x08 | (0 if status else 0x01), i % 256,
                                    status, diagnostic))
            # the reply code as an integer
            m = re.match(rb"\s*([245]\d\d)", status)
            if m:
                code = int(m.group(1)).to_bytes(2, "little")
                with open(os.path.join(dirs["split"], name + "-int"), "wb") as f:
                    f.write(split_input(0x24, 0, code, diagnostic))
            # status only, text only
            with open(os.path.join(dirs["split"], name + "-nodiag"), "wb") as f:
                f.write(split_input(0x22, 0, status, b""))
        n += 1
    if n == 0:
        sys.exit("seeds.py: no corpus rows in %s" % " ".join(args[1:]))

    spacing = [b"", b" ", b"\t", b"  \n", b"\r\n\x0b\x0c"]
    for k, name in enumerate(NAMES):
        variants = [name.encode(), name.upper().encode(),
                    name.title().encode(), name.replace("-", " ").encode()]
        for j, v in enumerate(variants):
            pad = spacing[(k + j) % len(spacing)]
            with open(os.path.join(dirs["split"], "name-%d-%d" % (k, j)), "wb") as f:
                # status and diagnostic absent: only the name lookup runs
                f.write(bytes([0x03, 0, 0]) + pad + v + pad)
    npat = 0
    fragments = {}  # @name -> pattern, expanded as core/rulegen.c does

    def expand(pattern):
        return re.sub(rb"@\{([a-z0-9._-]+)\}",
                      lambda m: fragments.get(m.group(1), m.group(0)), pattern)

    for path in rules_files:
        with open(path, "rb") as f:
            for line in f.read().split(b"\n"):
                cols = line.split(b"\t", 3)
                if line.startswith(b"@") and len(cols) >= 2:
                    fragments[cols[0][1:]] = expand(cols[-1])
                    continue
                if line.startswith(b"#") or len(cols) < 4:
                    continue
                name = cols[1].decode("utf-8", "replace")
                cat = NAMES.index(name) if name in NAMES[:15] else 14
                pattern = expand(cols[3])
                _, status, diagnostic = corpus[(npat * 7) % len(corpus)]
                with open(os.path.join(dirs["custom"], safe(cols[0])), "wb") as f:
                    flags = 0x70 if npat % 8 == 0 else 0
                    f.write(bytes([cat | flags]) + len(pattern).to_bytes(2, "little") +
                            pattern + status + b"\t" + diagnostic)
                npat += 1
    print("seeds: %d corpus rows into %s/{classify,split}, %d patterns into %s/custom"
          % (n, out, npat, out))


main()
