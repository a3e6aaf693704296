#!/usr/bin/env python3
"""Generate a realistic sample of bounce rows from the labelled corpus.

usage: generate.py [-n ROWS] [-s SEED] [-o OUT] [--start DATE] [--days N]
                   [CORPUS.tsv ...]

Reads the labelled corpus (default: test/corpus/*.tsv, whatever rows exist;
each file is TSV with a header naming at least id, status, diagnostic and
expected) and writes ROWS bounce rows as TSV with the header

    id  sent_at  recipient  domain  status  diagnostic

Every row is built from the shape of one corpus row: its status is kept as
is, and in its diagnostic the recipient address, the recipient's MX host,
IP addresses, queue and message ids and timestamps are replaced by values
made up for that row (so the same message recurs with different details,
as in a real bounce table). Messages are weighted the way real traffic
looks: categories by a fixed traffic mix (many unknown users and full
mailboxes, few routing problems), messages within a category by a Zipf law
over a seeded order that favours the big mailbox providers.

The output depends only on the seed, the options and the corpus rows: the
same inputs give the same file, byte for byte. Python standard library
only. An empty status in the output means NULL (no status was recorded).
"""

import argparse
import bisect
import datetime
import glob
import hashlib
import itertools
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Share of each category in the generated traffic (percent). Unknown users
# and full mailboxes dominate real bounce logs; routing and relaying
# problems are rare.
TRAFFIC_MIX = {
    "invalid-mailbox": 30.0,
    "full-mailbox": 11.0,
    "policy-related": 8.0,
    "reputation-issues": 7.0,
    "invalid-domain": 6.0,
    "blocklisting-issues": 6.0,
    "inactive-mailbox": 5.0,
    "greylisting-issues": 4.0,
    "connection-error": 4.0,
    "recipient-server-error": 4.0,
    "dmarc-issues": 4.0,
    "other": 4.0,
    "message-expired": 3.5,
    "relaying-issues": 1.5,
    "routing-issues": 2.0,
}
MIN_ROWS_PER_CATEGORY = 5

# Mailbox providers: (group, weight, domains, keywords that mark a message
# as coming from that provider, MX host patterns; "#" is a random digit).
PROVIDERS = [
    ("google", 30, ["gmail.com", "googlemail.com"],
     ["gsmtp", "google.com", "gmail", "googlemail"],
     ["gmail-smtp-in.l.google.com", "alt#.gmail-smtp-in.l.google.com"]),
    ("microsoft", 16, ["outlook.com", "hotmail.com", "live.com", "msn.com",
                       "hotmail.co.uk", "outlook.fr"],
     ["outlook.com", "hotmail", "msn.com", "live.com", "resolver.",
      "microsoft", "office365", "exchange"],
     ["hotmail-com.olc.protection.outlook.com",
      "outlook-com.olc.protection.outlook.com"]),
    ("yahoo", 12, ["yahoo.com", "aol.com", "ymail.com", "yahoo.co.uk",
                   "yahoo.co.jp"],
     ["yahoo", "aol", "verizonmedia", "tss0", "con:b1"],
     ["mta#.am0.yahoodns.net", "mx-aol.mail.gm0.yahoodns.net"]),
    ("apple", 5, ["icloud.com", "me.com", "mac.com"],
     ["icloud", "apple", "me.com"],
     ["mx0#.mail.icloud.com"]),
    ("united", 4, ["gmx.de", "web.de", "gmx.net", "mail.com"],
     ["gmx", "web.de", "1and1", "ionos"],
     ["mx0#.emig.gmx.net", "mx-ha0#.web.de"]),
    ("telekom", 1, ["t-online.de"], ["t-online"], ["mx0#.t-online.de"]),
    ("orange", 3, ["orange.fr", "wanadoo.fr", "laposte.net", "free.fr"],
     ["orange", "wanadoo", "ofr_", "laposte", "free.fr"],
     ["smtp-in.orange.fr", "mx#.laposte.net"]),
    ("us-isp", 4, ["comcast.net", "cox.net", "att.net", "verizon.net",
                   "charter.net"],
     ["comcast", "cox.net", "cdrbl", "att.net", "verizon.net"],
     ["mx#.comcast.net", "cxr.mx.a.cloudfilter.net"]),
    ("russia", 2, ["mail.ru", "yandex.ru", "bk.ru"], ["mail.ru", "yandex"],
     ["mxs.mail.ru", "mx.yandex.ru"]),
    ("china", 2, ["qq.com", "163.com", "126.com"],
     ["qq.com", "163.com", "netease", "126.com"],
     ["mx#.qq.com", "163mx0#.mxmail.netease.com"]),
    ("japan", 2, ["docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp",
                  "nifty.com"],
     ["docomo", "ezweb", "softbank", "nifty", "kddi"],
     ["mfsmax.docomo.ne.jp", "lsean.ezweb.ne.jp"]),
    ("company", 19, [
        "northwind-traders.com", "contoso.com", "fabrikam.co.uk",
        "acme-widgets.com", "globex.de", "initech.io", "umbrella-health.org",
        "hooli.com", "stark-industries.net", "wayne-enterprises.com",
        "vandelay-import.com", "tyrell-corp.com", "cyberdyne.co.jp",
        "soylent-foods.fr", "massive-dynamic.com", "aperture-labs.nl",
        "oceanic-air.com.au", "pied-piper.io", "dunder-mifflin.com",
        "gringotts-bank.co.uk", "state-university.edu", "city-council.gov.uk",
        "blue-sun.es", "monarch-solutions.it", "nakatomi.co.jp",
    ], [], ["mx#.{domain}", "mail.{domain}", "smtp.{domain}",
            "{dashed}.mail.protection.outlook.com"]),
]
# Messages from a provider mostly go to its own domains, but hosted mail
# (Google Workspace, Exchange Online) also serves company domains.
HOSTED_SHARE = {"google": 0.25, "microsoft": 0.45}

FIRST = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael",
         "linda", "david", "elizabeth", "maria", "jose", "wei", "yuki",
         "hiroshi", "anna", "lukas", "sophie", "lea", "mohammed", "fatima",
         "olga", "ivan", "chen", "priya", "arjun", "carlos", "lucia", "emma",
         "noah", "liam", "olivia", "ava", "mateo", "sara", "jan", "pierre",
         "camille", "giulia", "marco", "aiko", "kenji", "ines", "tom"]
LAST = ["smith", "johnson", "garcia", "miller", "davis", "rodriguez",
        "martinez", "lee", "wang", "tanaka", "suzuki", "mueller", "schmidt",
        "dubois", "martin", "rossi", "bianchi", "kowalski", "novak", "ivanov",
        "kim", "park", "nguyen", "patel", "singh", "silva", "santos",
        "jensen", "hansen", "olsen", "brown", "wilson", "taylor", "moore",
        "clark", "lewis", "walker", "young", "king", "wright"]
ROLES = ["info", "sales", "contact", "admin", "office", "support", "billing",
         "hr", "jobs", "hello", "team", "orders"]
ROLE_ADDRESSES = {"postmaster", "abuse", "mailer-daemon", "hostmaster",
                  "webmaster", "noc", "security", "delist", "unblock"}
SENDERS = ["newsletter@news.example-shop.com", "no-reply@mailer.example-shop.com",
           "orders@example-shop.com"]
BLOCKLIST_WORDS = ("spam", "rbl", "dnsbl", "uceprotect", "barracuda", "sorbs",
                   "surbl", "uribl", "abuseat", "mailspike", "spamcop",
                   "blocklist", "blacklist", "bl.")
IP_FIRST_OCTETS = [23, 31, 37, 45, 52, 54, 62, 64, 66, 74, 77, 81, 85, 91,
                   94, 104, 109, 142, 146, 176, 185, 193, 198, 203, 209, 212,
                   213, 217]

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+=-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)")
ISO_TIME_RE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
RFC_TIME_RE = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?")
HOST_RE = re.compile(r"(?<![\w@/.-])(?:[A-Za-z0-9-]+\.){1,}[A-Za-z]{2,}(?![\w-])")
# Queue ids and message ids: long tokens mixing letters and digits.
TOKEN_RE = re.compile(r"(?<![\w.@/-])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])"
                      r"[A-Za-z0-9]{10,}(?:\.[0-9]{1,4})?(?![\w@-])")
# Google's per-message id, just before " - gsmtp".
GSMTP_ID_RE = re.compile(r"(?<=\s)(?=[A-Za-z.-]*\d)[A-Za-z0-9][A-Za-z0-9.-]{8,}(?= - gsmtp)")
DIGITS_RE = re.compile(r"\d+")
# Anonymised host names in the corpus (example.com, *.test, ...), and the
# first labels that make such a host the receiving MX.
PLACEHOLDER_RE = re.compile(
    r"(?:^|\.)(?:example(?:-[a-z0-9-]+)?|exmaple|libsisimai)\.(?:[a-z]{2,3}\.)?[a-z]{2,}$"
    r"|\.(?:test|example|invalid)$")
MX_LABEL_RE = re.compile(r"^(?:mx|mail|smtp|mta|in|inbound|relay|aspmx|mailhost)[a-z0-9-]*$")

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def read_corpus(paths):
    """Yield (status, diagnostic, expected) of every usable corpus row."""
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        lines = data.split(b"\n")
        header = lines[0].rstrip(b"\r").split(b"\t")
        try:
            cs = header.index(b"status")
            cd = header.index(b"diagnostic")
            ce = header.index(b"expected")
        except ValueError:
            print("%s: header lacks status/diagnostic/expected, skipped" % path,
                  file=sys.stderr)
            continue
        for line in lines[1:]:
            line = line.rstrip(b"\r")
            if not line:
                continue
            cols = line.split(b"\t")
            if len(cols) <= max(cs, cd, ce):
                continue
            try:
                status = cols[cs].decode("utf-8").strip()
                diag = cols[cd].decode("utf-8").strip()
                expected = cols[ce].decode("utf-8").strip()
            except UnicodeDecodeError:
                continue        # binary test rows are not traffic
            if expected not in TRAFFIC_MIX or (not status and not diag):
                continue
            # keep the sample readable: no control characters, no DSN bodies
            if len(diag) > 600 or any(ord(c) < 32 for c in diag + status):
                continue
            yield status, diag, expected


def provider_of(text):
    low = text.lower()
    for p in PROVIDERS:
        if any(k in low for k in p[3]):
            return p[0]
    return None


class Template:
    """A corpus row compiled into literal text and slots to fill per row."""

    __slots__ = ("status", "diag", "category", "provider", "parts", "weight")

    def __init__(self, status, diag, category):
        self.status = status
        self.diag = diag
        self.category = category
        self.provider = provider_of(diag)
        self.parts = compile_parts(diag)
        self.weight = 0.0


def compile_parts(text):
    """Split text into literals and (kind, original) slots."""
    spans = []                  # (start, end, kind), first claim wins

    def claim(regex, kind, accept=None):
        for m in regex.finditer(text):
            s, e = m.span()
            if any(s < e2 and s2 < e for s2, e2, _ in spans):
                continue
            if accept is None or accept(m):
                spans.append((s, e, kind))

    # Addresses: recipient, unless the text calls it the sender's; role
    # addresses (postmaster@...) stay as they are.
    for m in EMAIL_RE.finditer(text):
        if m.group(0).split("@", 1)[0].lower() in ROLE_ADDRESSES:
            spans.append((m.start(), m.end(), "keep"))
            continue
        before = text[max(0, m.start() - 30):m.start()].lower()
        sender = "sender" in before or "from:" in before or "mail from" in before
        spans.append((m.start(), m.end(), "sender" if sender else "rcpt"))
    recipients = [text[s:e] for s, e, k in spans if k == "rcpt"]
    rcpt_domain = recipients[0].split("@", 1)[1].lower() if recipients else None
    claim(ISO_TIME_RE, "isotime")
    claim(RFC_TIME_RE, "rfctime")
    claim(IPV4_RE, "ip")

    def host_kind(m):
        host = m.group(0).lower()
        start = m.start()
        if text[max(0, start - 3):start].endswith("//"):
            return False        # part of a URL
        before = text[max(0, start - 14):start].lower()
        if "using" in before or "listed" in before:
            return False        # a block list's zone
        if any(w in host for w in BLOCKLIST_WORDS):
            return False
        if rcpt_domain and (host == rcpt_domain or host.endswith("." + rcpt_domain)):
            return True
        if PLACEHOLDER_RE.search(host) and MX_LABEL_RE.match(host.split(".", 1)[0]):
            return True
        return bool(re.search(r"\d", host.split(".", 1)[0]))

    for m in HOST_RE.finditer(text):
        s, e = m.span()
        if any(s < e2 and s2 < e for s2, e2, _ in spans):
            continue
        if not host_kind(m):
            continue
        host = m.group(0).lower()
        if rcpt_domain and host == rcpt_domain:
            spans.append((s, e, "domain"))
        elif (rcpt_domain and host.endswith("." + rcpt_domain)) or \
                (PLACEHOLDER_RE.search(host) and MX_LABEL_RE.match(host.split(".", 1)[0])):
            spans.append((s, e, "mx"))
        else:
            spans.append((s, e, "digits"))
    claim(GSMTP_ID_RE, "token")
    claim(TOKEN_RE, "token")

    parts = []
    pos = 0
    for s, e, kind in sorted(spans):
        if s > pos:
            parts.append(text[pos:s])
        parts.append((kind, text[s:e]))
        pos = e
    if pos < len(text):
        parts.append(text[pos:])
    # merge adjacent literals
    merged = []
    for p in parts:
        if merged and isinstance(p, str) and isinstance(merged[-1], str):
            merged[-1] += p
        else:
            merged.append(p)
    return tuple(merged)


def shape_random(below, token):
    """Same shape (digit, lower, upper), new characters."""
    out = []
    for c in token:
        if "0" <= c <= "9":
            out.append(chr(48 + below(10)))
        elif "a" <= c <= "z":
            out.append(chr(97 + below(26)))
        elif "A" <= c <= "Z":
            out.append(chr(65 + below(26)))
        else:
            out.append(c)
    return "".join(out)


class Generator:
    """Fills templates. Times are whole seconds after the start day."""

    def __init__(self, rng, start, days):
        rnd = rng.random
        self.rnd = rnd
        self.below = lambda n: int(rnd() * n)     # faster than randrange
        self.start = start
        self.seconds = days * 86400
        self.day_names = [(start + datetime.timedelta(days=d)).strftime("%Y-%m-%d")
                          for d in range(days + 1)]
        self.by_group = {p[0]: p for p in PROVIDERS}
        # general recipient domain distribution
        self.domains = []
        cum = []
        total = 0.0
        for p in PROVIDERS:
            for i, d in enumerate(p[2]):
                total += p[1] / len(p[2]) * (1.0 if i == 0 else 0.6)
                self.domains.append((d, p[0]))
                cum.append(total)
        self.domain_cum = cum

    def timestamp(self, secs, sep=" "):
        day, rest = divmod(secs, 86400)
        return "%s%s%02d:%02d:%02d" % (self.day_names[day], sep, rest // 3600,
                                       rest // 60 % 60, rest % 60)

    def pick_domain(self, provider):
        rnd, below = self.rnd, self.below
        if provider is None:
            i = bisect.bisect(self.domain_cum, rnd() * self.domain_cum[-1])
            return self.domains[min(i, len(self.domains) - 1)]
        if provider in HOSTED_SHARE and rnd() < HOSTED_SHARE[provider]:
            group = "company"
        else:
            group = provider
        doms = self.by_group[group][2]
        # the first domain of a provider is the big one
        d = doms[0] if rnd() < 0.55 else doms[below(len(doms))]
        return d, group

    def local_part(self):
        below = self.below
        r = self.rnd()
        f = FIRST[below(len(FIRST))]
        last = LAST[below(len(LAST))]
        if r < 0.35:
            return f + "." + last
        if r < 0.55:
            return f[0] + last
        if r < 0.70:
            return f + last[0] + str(1 + below(98))
        if r < 0.80:
            return f + "_" + last + str(1960 + below(46))
        if r < 0.90:
            return ROLES[below(len(ROLES))]
        return last + "." + f

    def mx_host(self, domain, group):
        below = self.below
        pats = self.by_group[group][4]
        pat = pats[below(len(pats))]
        pat = pat.replace("{domain}", domain).replace(
            "{dashed}", domain.replace(".", "-"))
        return "".join(str(1 + below(9)) if c == "#" else c for c in pat)

    def ip(self):
        below = self.below
        return "%d.%d.%d.%d" % (IP_FIRST_OCTETS[below(len(IP_FIRST_OCTETS))],
                                below(256), below(256), 1 + below(254))

    def row(self, t):
        below = self.below
        domain, group = self.pick_domain(t.provider)
        recipient = self.local_part() + "@" + domain
        when = below(self.seconds)
        out = []
        seen = {}
        for p in t.parts:
            if p.__class__ is str:
                out.append(p)
                continue
            kind, orig = p
            if orig in seen:            # the same value twice: same replacement
                out.append(seen[orig])
                continue
            if kind == "rcpt":
                v = recipient
            elif kind == "sender":
                v = SENDERS[below(len(SENDERS))]
            elif kind == "domain":
                v = domain
            elif kind == "mx":
                v = self.mx_host(domain, group)
            elif kind == "ip":
                v = self.ip()
            elif kind == "digits":
                first, dot, rest = orig.partition(".")
                v = DIGITS_RE.sub(lambda m: shape_random(below, m.group(0)), first) + dot + rest
            elif kind == "token":
                v = shape_random(below, orig)
            elif kind == "isotime":
                v = self.timestamp(min(when + 1 + below(600), self.seconds), orig[10])
                if orig.endswith("Z"):
                    v += "Z"
            elif kind == "rfctime":
                stamp = self.start + datetime.timedelta(seconds=when + 1 + below(600))
                v = "%s, %d %s %d %s" % (DAYS[stamp.weekday()], stamp.day,
                                         MONTHS[stamp.month - 1], stamp.year,
                                         stamp.strftime("%H:%M:%S"))
                if re.search(r"[+-]\d{4}$", orig):
                    v += " +0000"
            else:
                v = orig
            seen[orig] = v
            out.append(v)
        return when, recipient, domain, t.status, "".join(out)


def template_draw(seed, status, diag):
    """A number in [0, 1) fixed by the seed and the message alone.

    Each message's place in its category's popularity order comes from
    its own text, not from its place in a shared random stream: a corpus
    row added or removed moves only its own rank, and the rows drawn stay
    nearly the same (one stream made every rank move with every new row,
    and the benchmark's rows with them).
    """
    h = hashlib.sha256(("%d\0%s\0%s" % (seed, status, diag)).encode("utf-8"))
    return int.from_bytes(h.digest()[:8], "big") / 2.0 ** 64


def weight_templates(seed, templates):
    """Zipf weights within each category, over a seeded, provider-biased
    order; each category's templates sorted by weight, heaviest first."""
    group_weight = {p[0]: p[1] for p in PROVIDERS}
    by_cat = {}
    for t in templates:
        by_cat.setdefault(t.category, []).append(t)
    for cat in sorted(by_cat):
        keyed = [(template_draw(seed, t.status, t.diag) * group_weight.get(t.provider, 8), t)
                 for t in by_cat[cat]]
        keyed.sort(key=lambda kt: -kt[0])     # stable: ties keep corpus order
        for rank, (_, t) in enumerate(keyed):
            t.weight = 1.0 / (rank + 1) ** 1.05
        by_cat[cat] = [t for _, t in keyed]
    return by_cat


def allocate(n, cats):
    """Rows per category: the traffic mix, at least a few of each."""
    total = sum(TRAFFIC_MIX[c] for c in cats)
    want = {c: max(min(MIN_ROWS_PER_CATEGORY, n // max(1, len(cats))),
                   int(round(n * TRAFFIC_MIX[c] / total))) for c in cats}
    diff = n - sum(want.values())
    order = sorted(cats, key=lambda c: -TRAFFIC_MIX[c])
    i = 0
    while diff != 0 and order:
        c = order[i % len(order)]
        step = 1 if diff > 0 else -1
        if want[c] + step >= 0:
            want[c] += step
            diff -= step
        i += 1
    return want


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="*",
                    help="labelled corpus files (default: test/corpus/*.tsv)")
    ap.add_argument("-n", "--rows", type=int, default=3000)
    ap.add_argument("-s", "--seed", type=int, default=20240506)
    ap.add_argument("-o", "--output", default="-",
                    help="output file (default: standard output)")
    ap.add_argument("--start", default="2024-05-06",
                    help="first day of the sent_at range (YYYY-MM-DD)")
    ap.add_argument("--days", type=int, default=56,
                    help="length of the sent_at range in days")
    args = ap.parse_args(argv)

    paths = args.corpus or sorted(glob.glob(os.path.join(ROOT, "test", "corpus", "*.tsv")))
    if not paths:
        ap.error("no corpus files (test/corpus/*.tsv)")
    if args.rows < 0 or args.days < 1:
        ap.error("--rows must be >= 0 and --days >= 1")
    start = datetime.datetime.strptime(args.start, "%Y-%m-%d")

    # Deduplicate shapes across files; keep the first occurrence's order.
    seen = set()
    templates = []
    for status, diag, cat in read_corpus(sorted(paths)):
        if (status, diag) in seen:
            continue
        seen.add((status, diag))
        templates.append(Template(status, diag, cat))
    if not templates:
        ap.error("the corpus has no usable rows")

    by_cat = weight_templates(args.seed, templates)
    rng = random.Random(args.seed)
    want = allocate(args.rows, sorted(by_cat))
    picks = []
    for cat in sorted(by_cat):
        ts = by_cat[cat]
        cum = list(itertools.accumulate(t.weight for t in ts))
        picks.extend(rng.choices(ts, cum_weights=cum, k=want[cat]))
    rng.shuffle(picks)

    gen = Generator(rng, start, args.days)
    rows = [gen.row(t) for t in picks]
    rows.sort(key=lambda r: r[0])      # stable: ties keep the drawn order

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    try:
        write = out.write
        write("id\tsent_at\trecipient\tdomain\tstatus\tdiagnostic\n")
        stamp = gen.timestamp
        for i, (when, rcpt, dom, status, diag) in enumerate(rows, 1):
            write("%d\t%s\t%s\t%s\t%s\t%s\n" % (
                i, stamp(when), rcpt, dom, status, diag))
    finally:
        if out is not sys.stdout:
            out.close()
    if args.output != "-":
        print("%s: %d rows from %d corpus shapes in %d categories (seed %d)" % (
            args.output, len(rows), len(templates), len(by_cat), args.seed),
            file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
