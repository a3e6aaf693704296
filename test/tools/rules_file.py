"""rules_file.py: the patterns of core/rules/*.rules, for the checks.

patterns(paths) yields (path, line number, name, pattern) for every
fragment ("@name<TAB>pattern") and every rule ("id<TAB>category<TAB>
condition<TAB>pattern"), as written (fragments not expanded); check()
runs a check over them the way make test reports it.
"""


def patterns(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if line.startswith("#") or "\t" not in line:
                    continue
                cols = line.rstrip("\n").split("\t")
                if cols[0].startswith("@"):
                    yield path, lineno, cols[0], cols[1]
                elif len(cols) >= 4:
                    yield path, lineno, cols[0], cols[3]


def check(paths, problems, skip=()):
    """Print a FAIL line for each of problems(pattern) and "N passed, N
    failed" (N: patterns); 1 if any failed, else 0."""
    passed = failed = 0
    for path, lineno, name, pattern in patterns(paths):
        if name in skip:
            continue
        found = problems(pattern)
        for what in found:
            print("FAIL %s:%d %s: %s" % (path, lineno, name, what))
        failed += bool(found)
        passed += not found
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0
