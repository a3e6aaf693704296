#!/usr/bin/env python3
"""Write the accuracy report (docs/accuracy.md) for labelled TSV files.

usage: accuracy.py CORPUS_TEST OUT.md NAME=FILE.tsv[,FILE.tsv...]...

Each NAME is one section of the report: the files are classified by the
core (CORPUS_TEST -o), compared with their "expected" column, and reported
as overall accuracy, recall and precision per category, and a confusion
table of the misses. Standard library only.
"""
import collections
import csv
import datetime
import os
import re
import subprocess
import sys
import tempfile

# The categories in the contract's order, from the core's own table.
with open(os.path.join(os.path.dirname(__file__), "..", "..", "core",
                       "categories.def"), encoding="utf-8") as _def:
    CATEGORIES = re.findall(r'^CATEGORY\(\w+, "([a-z-]+)"', _def.read(), re.M)


def read_expected(files):
    rows = []
    csv.field_size_limit(1 << 30)
    for path in files:
        with open(path, newline="", encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("expected"):
                    rows.append((os.path.basename(path), row["id"], row["expected"].strip()))
    return rows


def classify(corpus_test, files):
    with tempfile.NamedTemporaryFile("r", suffix=".tsv") as out:
        # exit status 1 only means some rows missed their label
        subprocess.run([corpus_test, "-q", "-o", out.name] + files,
                       stdout=subprocess.DEVNULL, check=False)
        return [line.rstrip("\n").split("\t") for line in out]


def section(name, files, corpus_test):
    expected = read_expected(files)
    got = classify(corpus_test, files)
    if len(got) != len(expected):
        sys.exit("accuracy: %s: %d rows classified, %d labelled" % (name, len(got), len(expected)))
    per = collections.defaultdict(lambda: [0, 0, 0])  # rows, right, predicted
    confusion = collections.Counter()
    right = 0
    for (_, _, exp), res in zip(expected, got):
        g = res[1]
        per[exp][0] += 1
        per[g][2] += 1
        if g == exp:
            right += 1
            per[exp][1] += 1
        else:
            confusion[(exp, g)] += 1
    total = len(expected)
    lines = ["## %s" % name, "",
             "Files: %s. Rows: %d. **Accuracy: %.1f%% (%d/%d).**" % (
                 ", ".join("`%s`" % f for f in files), total, 100.0 * right / total, right, total),
             "", "| category | rows | recall | precision |", "|---|---:|---:|---:|"]
    for c in CATEGORIES:
        n, ok, pred = per[c]
        rec = "%.1f%%" % (100.0 * ok / n) if n else "-"
        pre = "%.1f%%" % (100.0 * ok / pred) if pred else "-"
        lines.append("| %s | %d | %s | %s |" % (c, n, rec, pre))
    lines.append("")
    if confusion:
        lines += ["Misses (expected -> given):", "", "| expected | given | rows |", "|---|---|---:|"]
        for (e, g), k in confusion.most_common():
            lines.append("| %s | %s | %d |" % (e, g, k))
    else:
        lines.append("No misses.")
    lines.append("")
    return lines


# Recorded by hand, not regenerated: the figures that say how the rules do
# on text they were not written from. Both tables above are tuned to 100%
# or near it by construction, so they measure regressions, not accuracy.
UNSEEN = """
## On text the rules had not seen

Both tables above are corpora the rules were written against, so they
measure regressions, not how well the rules generalise. These measurements
did that, each taken once, before the rules were changed for what they
found:

* `test/corpus/providers.tsv`, written from providers' published texts
  before any rule was tuned on it: **78%** of its rows right on first run.
* A holdout of 337 real bounces gathered on 2026-11-28 from public issue
  threads, provider help pages (German, Czech, Polish, Dutch, Italian,
  Russian, Korean, Japanese and Chinese providers among them) and
  appliance documentation, labelled by a separate session that did not see
  the rules, and kept outside the repository: **87.5% (295/337)** on first
  run. The misses were read, general rules written for the causes the
  contract decides (sender callouts, qmail's rcpthosts text, DNS errors on
  temporary codes, full and inactive wordings, queue quotas, HELO checks),
  and sibling rows in our own words added to `test/corpus/mta.tsv`. After
  that: 322/337 (323 with a later session's rules). Of the 15 left, the label is disputed for most (Mimecast
  documents "451 Internal resource temporarily unavailable" as greylisting;
  MessageLabs documents "policy [7.7]" as IP reputation; "Recipient address
  rejected." with 5.0.0 or 5.1.0 says too little by the contract) and the
  rest name no cause a rule could generalise ("You cannot say you are me").
* Ten more blind sets gathered on 2026-11-29 the same way, by sessions
  that did not see the rules, each from another kind of source, kept
  outside the repository. Each was scored once against the rules as they
  stood (written from the sets before it, never from it), then the misses
  were read and general rules written for each cause the contract
  decides, with sibling rows in our own words in `test/corpus/` (209 in
  all):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | MTAs, large providers, filtering appliances | 166 | 76.5% (127) | 154 |
  | regional providers and hosting, many not in English | 119 | 66.4% (79) | 107 |
  | sending platforms and applications (ESP and app threads) | 113 | 70.8% (80) | 104 |
  | texts not in English (mostly a mail filter's notices, 16 languages) | 61 | 45.9% (28) | 56 |
  | the thin categories (greylisting, routing, DNS, expiry, TLS, relay) | 92 | 76.1% (70) | 88 |
  | consumer ISPs and business hosts (US, UK, Canada, Australia, ...) | 89 | 65.2% (58) | 71 |
  | replies pasted in admin forums, lists and bug trackers | 75 | 76.0% (57) | 68 |
  | vendors' published reply tables (Gmail, Microsoft, SES, Symantec, ...) | 83 | 71.1% (59) | 74 |
  | mail server software's own sources (qmail, Courier, maddy, mox, ...) | 70 | 72.9% (51) | 65 |
  | replies of the bulk-sender-requirements era (2022-2026) | 69 | 87.0% (60) | 66 |
  | all ten | 937 | 71.4% (669) | 853 (91.0%) |

  What the rules lacked were wordings, not categories: sending quotas
  named without "your", Coremail/Alibaba-style limits, block lists and
  attachment refusals in other languages, DANE and DNSSEC failures, hop
  limits, link texts that mention "denylists" without being a listing.
  Most of what is left after are labels this project decides otherwise
  and documents (docs/categories.md: a bare "try again later" with 451
  4.7.1 is greylisting; a delay warning without a status is other; DNS
  errors on temporary codes are routing-issues; Comcast's "Not our
  Customer" is its unknown recipient; Apple's "[CS01]" and AOL's
  "DYN:T1" stay policy-related, their meaning not verified from the
  providers' own pages), provider codes whose meaning we could not verify
  (Charter "AUP#In-1020", Bluehost "GL/GL"), or texts that say too little
  ("A valid address is required", "User hangup").

* Five more blind sets gathered on 2026-11-29 by sessions that did not see
  the rules, after the ten above had been worked in (so their first run
  measures the rules as they then stood, 139 of them):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | security gateways and hosted filtering (Proofpoint, Mimecast, Barracuda, Trend Micro, Hornetsecurity, MailChannels, ...) | 62 | 61.3% (38) | 54 |
  | mail server software, part two (Exim, Postfix, Sendmail, OpenSMTPD, Haraka, Stalwart, James, Zimbra, hMailServer, Dovecot, Cyrus, Exchange, ...) | 60 | 71.7% (43) | 57 |
  | bounce events of sending platforms (SES, SendGrid, Mailgun, Postmark, SparkPost, Mailjet, Brevo, ...) | 64 | 64.1% (41) | 59 |
  | large providers outside the US (NetEase, Coremail, QQ, Naver, Orange, Free, T-Online, Yandex, ...) | 60 | 63.3% (38) | 56 |
  | causes other than a wrong address (quotas, size, TLS, connections, expiry), from list archives and KB pages | 71 | 66.2% (47) | 69 |
  | all five | 317 | 65.3% (207) | 295 (93.1%) |

  Five texts occur in two of the sets (once with two different labels,
  SmarterMail's "Failed four Attempts to connect", which we decide as
  connection-error). The first run was lower than the ten sets' because
  these sets lean on short texts and provider codes: NetEase's and
  Coremail's published codes (`421 HL:ICC`, `550 MI:SPF`, `554 DT:SUM`)
  and Orange's (`552 5.1.1 OFR_417`) now decide by themselves
  (core/rules/13-provider-codes.rules); the rest were wordings (mail
  floods, recursive forwards, callout failures, MTA-STS policies that
  permit no MX, TLS-only servers, refused bounces, "mailsize" limits,
  domain storage limits), each a general alternative with sibling rows
  in `test/corpus/` (94 rows). Of the 22 left, seven are labels we
  decide otherwise on purpose: Yandex's "451 4.7.1 ... Please come back
  later" is greylisting by the contract's bare-retry rule; "Too many
  messages for this recipient" is the recipient's receiving limit
  (full-mailbox); "550 Too many invalid recipients" is throttling
  (reputation-issues); "DNS query error" is temporary DNS trouble
  (routing-issues); a Sendmail "still undelivered after 4 hours" warning
  is still queued (other); "Failed four Attempts to connect" is a
  connection failure. The others are ambiguous between two categories
  ("Sender is on domain's blacklist", "Spam IP rejected", "553 5.7.0 IP
  REJECT", "Not authorized sender"), name their cause only through a code
  or link we could not verify (MailChannels "[CS]", Forpsi "policy
  violation, see kb/a4081", NetEase "WM:BLU"), name a list and another
  cause at once ("is in an RBL: Reverse DNS (PTR) missing"). Codes inside
  the text are now read past a first one that says too little (qmail's
  `554 5.4.0 <host #4.4.1>` is connection-error by its 4.4.1); one of the
  ten sets above had labelled that same text other, so it counts 852/937
  there now.

* Five smaller blind sets gathered later the same day, after the five
  above had been worked in (the sessions ran out of their shared search
  budget, so most sets are short; two took texts from mail software's own
  packages instead):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | IT help pages of universities and public bodies quoting replies | 24 | 62.5% (15) | 21 |
  | languages thinly covered before (mostly list managers' and MailScanner notices: Finnish, Hungarian, Romanian, Greek, Turkish, Vietnamese, ...) | 20 | 20.0% (4) | 16 |
  | hosting companies, webmail and forwarding services | 21 | 52.4% (11) | 18 |
  | SMTP errors that applications log (WordPress, Magento, Nodemailer, Roundcube, ...) | 49 | 59.2% (29) | 43 |
  | deferrals and temporary replies as sending MTAs log them | 60 | 61.7% (37) | 58 |
  | all five | 174 | 55.2% (96) | 156 (89.7%) |

  The lowest first runs were texts in languages the rules had few words
  for, and the sending side's own reports (TLS verification, greetings
  never received, host lookups that did not complete); general
  alternatives and 63 sibling rows followed. Left: labels we decide
  otherwise on purpose ("this address no longer exists" / "no longer
  accepts mail" are inactive-mailbox; "554 ... Service unavailable" is
  the RFC text for a failed service; "Mailbox is locked" is a locked
  account), list managers' notices in Greek and Ukrainian and a message
  held for moderation, provider pages we could not check ("Service
  unavailable(4)" documented by one university as a block list), and
  texts that say too little ("IP is rejected", "Rejected because Bad IP",
  "[ESA] Sender blocked"). One row changed later by a decision: Postfix's
  "535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6" is an SMTP AUTH
  failure, relaying-issues (labelled policy-related), so 43 there now.

* One more blind set, the refusal texts of filtering and policy daemons
  taken from their Debian packages (amavisd-new, rspamd, mimedefang,
  exim4-config's ACLs, mtpolicyd, postfwd, OpenDKIM, the SPF policy
  servers, Haraka's plugins, ...): 49 rows, **75.5% (37)** on first run,
  48 after (SPF checks that met DNS errors and the SPF project's
  explanation link, DKIM key retrieval, traffic quotas, honeypots, header
  and body checks, karma scores). The one left is a documented decision:
  "450 Temporary failure processing message, please try again later"
  is greylisting by the bare-retry rule.

* Three more blind sets taken from packages (Debian and npm): mail
  transfer and delivery agents (Exim's binary, Dovecot, procmail,
  maildrop, fetchmail, chasquid, Twisted), mail servers and plugins in
  JavaScript, Python and Go (Haraka's plugins, aiosmtpd, go-smtp,
  WildDuck), and greylisting, antivirus and policy milters (clamsmtp,
  amavisd-milter, Dovecot's quota service, gld, greylistd, sauce). 128
  rows, 108 once the texts two authors both took are counted once:
  **57.4% (62)** on first run, 104 after. What they showed: the receiving
  server's own scanner failing (now recipient-server-error, ahead of the
  greylisting, spam and connection rules), recipient-per-transaction limits, SMTP
  protocol violations (early talkers, pipelining), refused bounces, local
  deny lists in plain words ("That sender cannot send mail here"),
  Dovecot's quota service busy, procmail's and maildrop's local errors,
  Exim's postmaster callout and its invalid-MX report. Two authors took
  "421 Server busy, too many connections" and labelled it differently
  (reputation-issues, recipient-server-error); the contract's throttling
  wording decides reputation-issues, the label of the copy counted.
  Left: "Too many recipient attempts" and "RCPT sent too many times" (a
  per-transaction limit: policy-related; labelled reputation-issues), fetchmail's "spam filter or
  virus scanner rejected message" (a virus scanner's refusal:
  blocklisting-issues; labelled reputation-issues), and "450 Temp.
  resolver error (ETIMEOUT)" at MAIL FROM (says too little: other;
  labelled policy-related).

* Two more from packages, after those: real bounce mails kept as test data
  by two bounce parsers other than Sisimai (Mail::DeliveryStatus::
  BounceParser's corpus and flufl.bounce's; both Debian source packages),
  70 rows, **62.9% (44)** on first run, and the failure texts of Exim's,
  Dovecot's, Pigeonhole's and Cyrus's sources (their test suites are not
  in Debian's tarballs), 21 rows, **52.4% (11)**; all 91 after. They
  showed older and rarer wordings of causes the rules knew (no mailbox
  found, "User not known", "bad recipient", Postfix pipe commands that
  died, "aborted after 5.0 hour(s)", "occurred after 30 attempt(s) to
  deliver", challenge-response systems, mail not collected for 30 days,
  Sieve rejects, Exim's "delivery to file forbidden", "missing MX").
  A last helper looked for bounce fixtures in npm packages and found few
  that are not Sisimai's: 8 rows (the SpamAssassin public corpus's old
  bounces, SBC, Charter), **62.5% (5)** on first run, 8 after.

* One more from test data and logs in Debian source packages (fail2ban's
  test logs of Exim, Sendmail, qmail, Domino and others; qpsmtpd's and
  OpenSMTPD's sources): 35 rows, **62.9% (22)** on first run, 34 after
  (SpamAssassin scores in replies, failed SMTP AUTH, an authentication
  backend lost, amavis's BANNED verdict, header and sender syntax checks,
  qpsmtpd's naughty list). Left: milter-greylist's "551 5.7.1 Go away!"
  for a locally listed sender, labelled blocklisting-issues; the text says
  nothing a rule could use, so 5.7.1 decides policy-related.

* Seven more blind sets gathered on 2026-11-29 with the search tools
  again (a new session's budget), by sessions that did not see the rules;
  each asked to drop texts already in any earlier set:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | bounce fixtures in GitHub repositories other than Sisimai (mySociety, bounce_email, crisp, ...) | 50 | 74.0% (37) | 49 |
  | ISPs of North America, the UK and Australia (AT&T/BellSouth "net 00x", Road Runner, Verizon, ...) | 21 | 57.1% (12) | 20 |
  | authentication and sender requirements of 2022-2026 (Gmail, Yahoo, Microsoft, WEB.DE, Mimecast, ...) | 51 | 88.2% (45) | 51 |
  | NDRs quoted on forums and in trackers, and a bounce library's list of real texts | 65 | 72.3% (47) | 62 |
  | provider reply catalogues on GitHub (fm/smtp-codes, MantaMTA's tests) | 51 | 76.5% (39) | 46 |
  | replies quoted in self-hosted mail stacks' trackers and sources (Postal, Hestia, iRedMail, chatmail) | 37 | 73.0% (27) | 34 |
  | texts in other languages (Czech, Italian, French, Japanese) | 12 | 66.7% (8) | 11 |
  | all seven | 287 | 74.9% (215) | 273 (95.1%) |

  What they showed: an ISP's block of a named IP, sending as the
  server's own address, broken or unreadable forwarding, 8-bit encodings
  refused, deleted accounts and accounts locked by someone named, a
  server that answers "Connection refused" and names its cause, the
  server's disk against the mailbox's quota, certificate name mismatches,
  unauthenticated mail from a named domain, Sender ID, IP ranges over
  their limits, intrusion prevention and DCC verdicts, retired domains,
  "no longer accepts mail" in French, Spanish and Italian; 66 sibling and
  14 conflict rows. Left, as decided before and written in
  docs/categories.md: an MTA-STS failure of the MX hosts is routing-issues
  and of a certificate connection-error (labelled policy-related);
  Cloudmark's CSI with a delisting link stays blocklisting-issues
  (labelled reputation-issues); Microsoft's 5.2.121 "messages they can
  send to this recipient per hour" is the recipient's receiving limit,
  full-mailbox (labelled reputation-issues; an earlier set's author
  labelled it full-mailbox); Yandex's "451 4.7.1 ... Please come back
  later" and Mimecast's "451 Internal resource temporarily unavailable"
  are greylisting; "Use Submission for outgoing SMTP" (5.1.8) is maddy's
  refusal of a local sender, policy-related (labelled relaying-issues).
  The rest name their cause only by a code or product term we could not
  verify (Charter "E1210", La Poste "LPN027_503", "header_contenttype_1
  (G18)", Postal's "Invalid server token" and "Mail server has been
  suspended"), an Exchange MTA's "#MSEXCH:MSExchangeMTA:IPSW" (policy-related by its
  wording; labelled other) and ImprovMX's "551 5.7.1 Domain not found"
  (invalid-domain by its words; labelled relaying-issues).
  One decision changed: WEB.DE's "Reject due to policy restrictions (IP
  based)" is now reputation-issues, as WEB.DE documents it (our corpus
  had said policy-related).

* Seven more blind sets gathered on 2026-11-29 in a later session (a new
  search budget), by sessions that did not see the rules, each told to
  drop texts already in any earlier set; most came back short, because
  the earlier sets already held most of what their sources quote:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | marketing platforms' help pages quoting replies (Maropost, Cyberimpact, Marketo, Emailit, Titan, ...) | 30 | 70.0% (21) | 29 |
  | transactional APIs and cloud mail services (Alibaba DirectMail, OCI, SMTP2GO, MailerSend, Resend, ...) | 37 | 73.0% (27) | 36 |
  | bounce texts pasted into bounce-handling software's trackers (listmonk, Dada Mail, Postal, GreenArrow's docs, ...) | 28 | 60.7% (17) | 28 |
  | enterprise and legacy servers (Exchange on premises, Domino, GroupWise, Zimbra, hMailServer, Messaging Server, ...) | 21 | 52.4% (11) | 21 |
  | mailing lists, groups and forwarding services (ezmlm, mlmmj, Mailman, Sympa, LISTSERV, Discourse, SimpleLogin, ...) | 46 | 50.0% (23) | 44 |
  | NDRs quoted in 2008-2021 forums and lists (163.com, Sina, konto.pl, Orange, Verizon, AOL, ...) | 31 | 51.6% (16) | 25 |
  | providers of Latin America, Asia and Africa (SPFBL, Rediffmail, Terra, SingNet, Vietnamese and Thai hosts) | 16 | 68.8% (11) | 15 |
  | all seven | 209 | 60.3% (126) | 198 (94.7%) |

  The first run was the lowest of the search-tool sets because these
  sources are the least like the corpus: list managers' and forums'
  refusals of a poster, the sending platform's own account, quota and
  verification texts, SMTP AUTH failures and lockouts, syntax errors in
  addresses, list hosts set up wrong, Exchange's poison messages and
  moderation loops, old servers' idioms ("No welcome message", "Box is
  busy", "TCP Write Error"). Each became a general alternative with
  sibling rows in our own words (83 rows, 8 of them conflicts; the
  conventions are in docs/categories.md). Left, by decision: an SMTP
  AUTH lockout is relaying-issues (labelled policy-related); a prepaid
  account's "recharge account" is the sender's limit, reputation-issues
  (labelled other); LISTSERV's refusal of a post it takes for a bounce
  is policy-related (labelled routing-issues); "451 Name server timeout"
  is temporary DNS trouble, routing-issues (labelled connection-error);
  Sina's "445 ... server rejected (#4.4.4)" is decided by 4.4.4,
  routing-issues (labelled other); a sending service's refusal of a
  recipient "previously reported as unknown" is a suppression, other
  (labelled invalid-mailbox). Not decided by a rule: Firefox Relay's
  notice that names two possible causes ("if Relay couldn't connect ...
  or if your mailbox was full"; labelled other, we say full-mailbox),
  Titan's "Mailbox Does Not Exist : Domains Hourly Quota Exceeded"
  (invalid-mailbox by its words; Titan documents a domain's receiving
  rate), konto.pl's "policy violation" (documented as a sending limit),
  and two provider codes we could not verify (Orange "ofr_506", AOL
  "DYN:T1", which stays policy-related as before).

* Four more after those were worked in, the session's search budget
  nearly spent:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | European ISPs and hosts beyond the largest (STRATO, Bluewin, Tiscali, Aruba, Telenet, Telefonica, ...) | 10 | 80.0% (8) | 10 |
  | helpdesk, ticketing and CRM systems (Zendesk, Jira Service Management, Salesforce, HubSpot, Redmine, RT, Zammad, ...) | 40 | 42.5% (17) | 32 |
  | Microsoft 365 and Google Workspace admin and compliance refusals, and gateways in front of them | 25 | 84.0% (21) | 25 |
  | replies quoted in forums and help pages not in English (mostly Chinese providers' reply tables; Russian, Polish, Spanish hosts) | 39 | 61.5% (24) | 35 |
  | all four | 114 | 61.4% (70) | 102 (89.5%) |

  The helpdesk set is mostly the reasons these products log for mail
  they refuse (a sender without permission, unknown or locked, a
  disposable address, a reply from another address than the account's)
  and the reasons they show for mail they send; the last set, terse
  replies of Chinese providers ("unavailable mail user", "address
  invalid", "ip and spf record not match", "relay check domain fail",
  "451 Time Out"); 35 sibling rows followed for the four. Left: reasons that say too little outside their product
  ("Bulk mail", "Ticket denied", "Email validation error",
  BLOCKLISTED_EMAIL, "Detected email as being from a system user", RT's
  "could not load a valid user", OTRS's closed-ticket reply) and
  ServiceNow's "User x with email y is inactive", which does not say
  whose account it is (inactive-mailbox; labelled policy-related);
  "450 mailbox temporarily refuse" (a bare temporary refusal with 450:
  greylisting by our rule once it is read; labelled
  recipient-server-error; no rule reads it yet), and replies whose
  meaning only a vendor's table gives ("554 Unwelcome connection
  rejected (2)", "554 Black mail address.", "550 sender in prision").

* Fourteen more blind sets gathered on 2026-11-29 in a later session (a
  new search budget), by sessions that did not see the rules; seven were
  scored and worked in, then seven more were gathered and scored against
  the rules that resulted:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | shared hosting's mail servers and control panels (cPanel's Exim, DirectAdmin, HestiaCP, ASSP, postfwd) | 24 | 70.8% (17) | 22 |
  | security gateways' reply tables (Hornetsecurity, Vade, Broadcom, Mimecast, McAfee, IBM, ...) | 21 | 66.7% (14) | 20 |
  | open-source servers' own replies, from their sources (Apache James, maddy, Haraka's plugins, qmail patches, Stalwart, chasquid, Exim ACLs) | 36 | 69.4% (25) | 35 |
  | East Asian providers (NetEase, Coremail, Naver, QQ, 263, Japanese hosts, Taiwan's ISPs) | 27 | 55.6% (15) | 23 |
  | Central and Eastern European and CIS providers (Mail.ru, Yandex, Interia, meta.ua) | 7 | 85.7% (6) | 7 |
  | replies pasted from WordPress and shop plugins' logs (WP Mail SMTP, FluentSMTP, Magento, ...) | 33 | 54.5% (18) | 29 |
  | replies quoted in mail libraries' issues (PHPMailer, nodemailer, Jakarta Mail, MailKit, ...) | 36 | 69.4% (25) | 34 |
  | all seven | 184 | 65.2% (120) | 170 (92.4%) |
  | self-hosted mail stacks' trackers (Mailu, docker-mailserver, iRedMail, Mail-in-a-Box) | 8 | 100% (8) | 8 |
  | bounce parsers' fixtures other than Sisimai's (PHPMailer-BMH, BounceParser, crisp) | 29 | 82.8% (24) | 29 |
  | North American and Australian ISPs (Cox, Road Runner, BigPond) | 5 | 80.0% (4) | 4 |
  | Turkish help pages and hosts of the Middle East | 10 | 60.0% (6) | 9 |
  | antivirus and content filters (MailScanner, amavis, ClamAV, F-Secure, SpamAssassin's bounce rules) | 30 | 80.0% (24) | 30 |
  | postmasters' reply lists and list archives (open-mail.org, snertsoft, a Chinese server's list) | 18 | 61.1% (11) | 17 |
  | Exchange's own transport replies and Microsoft's NDR pages | 36 | 61.1% (22) | 35 |
  | the seven after | 136 | 72.8% (99) | 132 (97.1%) |

  Most helpers found most of what their sources quote already in the
  earlier sets, so the sets are short. What they showed: limits written
  as a count per period ("only 5 recipients per 5 minutes allowed"), the
  sender's own allowance and account limits, From addresses a submission
  server or sending service refuses (NetEase's "Local user only",
  Postmark's sender signatures, unverified or unassociated domains),
  sender verify callouts, HELO names that do not resolve, smarthost and
  POP-before-SMTP refusals, Apache James's DNS blocklist reply,
  prohibited domains in the body, a greylisting daemon refusing a listed
  host, virus refusals in any word order, unscannable attachments, the
  server's own scanner, rules or DNS failing, and Exchange's directory
  and store codes (a broken primary address, public folders in
  migration, poison messages, quarantined and disabled mailboxes);
  82 sibling and conflict rows in our own words followed. Left, by
  decision: SMTP AUTH failures ("basic authentication is disabled",
  "Invalid login or password", "smtp auth required") are relaying-issues
  (four rows labelled policy-related); "Sorry, you are blacklisted on this
  server" is blocklisting-issues by its words (its provider documents an
  account's own block list); Mimecast's "Poor Reputation Sender" says
  reputation (labelled blocklisting-issues); NetEase's "HL:IPB" stays
  blocklisting-issues as documented and AOL's "RLY:B1" reputation-issues
  (labelled the other way round); Postfix's bare "554 5.5.1 Error: no
  valid recipients" stays invalid-mailbox and "RESOLVER.ADR.Ambiguous"
  too (labelled other and recipient-server-error); SES's "Sending paused
  for this account" is the sender's own account, policy-related (labelled
  reputation-issues); "550 previously hard-bounced" is a sending
  service's suppression, other (labelled invalid-mailbox). Not decided by
  a rule: "IP is Hangup", "554 Unwelcome connection rejected (2)" again,
  a mailing list "is null", Road Runner's rrDynamic link, "422 try again
  in 15 seconds", "go away, you evil spammer!". One decision changed:
  Exchange's "RESOLVER.ADR.BadPrimary" (the recipient's directory entry
  broken) is recipient-server-error, as a list host set up wrong is; our
  corpus had said other.

* One more, with the last of that session's search budget: hosted
  mailbox providers' own texts (Zoho, Proton's Bridge, Tuta, Rackspace,
  Infomaniak, MXroute, Forward Email, Vivaldi): 19 rows, **73.7% (14)**
  on first run, 18 after (Zoho's "Unusual sending activity detected",
  "either has SPF or DKIM", an SMTP AUTH failure whose reason is about
  the login itself). Left: Mail.ru's "550 tutanota is blocked" (a
  provider named as blocked; a rule reading "<name> is blocked" would
  take accounts too). One decision changed: MXroute's "550
  Unauthenticated mail not allowed from this range" is its refusal of an
  IP range (a block list, with a form to ask for an exception), not SMTP
  AUTH; our corpus had said relaying-issues.

* Eighteen more blind sets gathered on 2026-11-29 in a later session (a
  new search budget), in four rounds by sessions that did not see the
  rules; each set was scored once against the rules as they stood when it
  arrived (the first round at ef9d99b's rules, the later ones after the
  rounds before were worked in), then rules were written:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | programming languages' trackers (Python, Ruby, Go, .NET, Spring, Laravel, Elixir, Rust) | 40 | 77.5% (31) | 36 |
  | log tools' sample logs and fixtures (postfix-logwatch, pflogreport, OSSEC, Wazuh, CrowdSec) | 40 | 87.5% (35) | 39 |
  | providers of French-, German-, Italian-, Spanish- and Portuguese-speaking markets | 40 | 77.5% (31) | 33 |
  | deliverability and verification companies' pages (Postmark's SMTP Field Manual, SendGrid, Mailgun, ...) | 40 | 87.5% (35) | 37 |
  | cloud, hosting and relay services' own refusals (SES, Azure, Microsoft 365, Google relay, ...) | 40 | 87.5% (35) | 38 |
  | first round | 200 | 83.5% (167) | 183 (91.5%) |
  | the same five themes again, from candidates the first round left out, checked at their sources | 196 | 84.2% (165) | 180 |
  | admins' reports in trackers and provider pages (Apple, Microsoft, Gmail, Comcast, GMX, Proton, rspamd) | 40 | 82.5% (33) | 36 |
  | providers of Japan, China, Korea, Russia and Southeast Asia beyond the largest | 40 | 77.5% (31) | 34 |
  | second round | 276 | 83.0% (229) | 250 (90.6%) |
  | MTA test suites (chasquid, spamdyke, Qsmtp, Postfix, Exim, a filtering gateway) | 39 | 56.4% (22) | 30 |
  | newsletter, CRM and ticketing software's fixtures and issues (Mautic, Odoo, CiviCRM, Discourse, ...) | 38 | 84.2% (32) | 37 |
  | Windows-world and commercial servers (Kerio, IceWarp, SmarterMail, hMailServer, VPOP3, MDaemon, Mimecast) | 39 | 82.1% (32) | 37 |
  | bounces users pasted in help communities and ISP pages | 40 | 87.5% (35) | 37 |
  | third round | 156 | 77.6% (121) | 141 (90.4%) |
  | replies in languages other than English (Spanish, Polish, Czech, Japanese, Italian, German) | 12 | 100% (12) | 12 |
  | DSNs kept as test data by mail-parsing libraries (flanker, the mail gem, MimeKit, ...) | 12 | 91.7% (11) | 12 |
  | all eighteen | 656 | 82.3% (540) | 598 (91.2%) |

  (`../shared/eval/score FILE`; files outside the repository, in
  /work/holdout21/. The earlier sessions' sets were not on this session's
  machine, so their "after" figures above are as those sessions last
  measured them; the development corpus and the project corpus, both
  here, were checked at every commit.)

  What they showed, each written as a general alternative with sibling
  rows in our own words (test/corpus 1803 to 1875): Spamhaus's
  query-error answers quoted as listings ("blocked using zen.spamhaus.org;
  Error: open resolver"), which say the recipient's resolver fails, not
  that the sender is listed; SMTP AUTH failures in Gmail's, Orange's and
  four languages' words, and reasons after "Authentication failed:" that
  are about the login itself; a login refused for the sending account's
  state (the sender's account, policy-related, not the recipient's
  inactive mailbox); senders and logins that must match; qmail's
  badmailfrom and badhelo; MX checks in loopback or private address space
  (the recipient's domain: relaying-issues); malformed name-server
  replies, qmail's temporary CNAME lookups, SPF checks that could not
  finish; a server's licence run out, "busy", "Server configuration
  problem", Exim's pipe deliveries failing, Postini unable to reach the
  recipient's own server; Go's and Swiftmailer's connection errors as
  applications log them; unparsable, unqualified and malformed recipient
  addresses and "Mail box does not exist"; rspamd's per-recipient rate
  limit (full-mailbox; its per-sender limits stay reputation); sending
  relays' own suppression notices (Oracle, SparkPost, "recipient is known
  to bounce"); iCloud's code written against its words ("5.7.1Relay not
  permitted"); a carrier's "has restricted SMS e-mail"; and a server's
  own "503 Too many attempts - go away" no longer read as queue expiry.
  Conventions added to docs/categories.md. The last two sets came back
  short: their authors found most of what their sources hold already in
  the earlier sets.

  One decision changed: SparkPost's "recipient address was suppressed due
  to customer policy" is a sending service's suppression notice, other,
  as the convention says (our corpus had said policy-related). Two sets
  disagreed on Postini's "451 Cannot connect to x - psmtp": it is
  recipient-server-error (the recipient's own filter could not reach the
  recipient's server; the sender's connection worked), which one set
  labelled connection-error. Left, by decision or for want of a second
  source: labels taken from a provider's page where the text says
  otherwise (1&1's "Reject due to policy violations" documented as a
  reputation block, Qboxmail's "Quota exceeded (number of mails in
  total)" documented as the sender's limit, Aruba's "bad chars in
  command" as a recipient syntax error, ImprovMX's "Domain not found" as
  a domain not set up there); bare tokens of one small provider
  ("err=usr_disabled", "err=auth_failed"); a bare "Protocol error" or
  "Protocol violation" (the development corpus labels it other); "550
  #5.1.0 Address rejected"; Yahoo's TSS06 and Hotmail's SC-004 stay
  reputation-issues, T-Online's "(DIAL)" and Gmail's "not authorized to
  send email directly" policy-related (labelled blocklisting-issues);
  MXroute's "Unauthenticated mail not allowed from this range" stays
  blocklisting-issues (labelled policy-related this time); a delay notice
  with a bare 451 ("Message still undelivered") stays
  recipient-server-error by its code.

* Seven more blind sets gathered in a further session on 2026-11-29 (a
  new search budget), on kinds of source the earlier sets had not used,
  and an eighth made of the candidates those seven left out (their
  gatherers' proposed labels, not checked again at the source). Each was
  scored once at d97e66a's rules, the rules as that session found them,
  then rules were written:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | reply strings in mail servers' own source code (Postfix, Exim, Sendmail, qmail-ldap, OpenSMTPD, chasquid, maddy, mox, Haraka, Stalwart, James, Dovecot) | 41 | 80.5% (33) | 40 |
  | anti-spam, policy and filtering software (rspamd, amavis, cluebringer, iRedAPD, MIMEDefang, IronPort, Symantec.cloud, Hornetsecurity, Sophos, Barracuda) | 40 | 82.5% (33) | 36 |
  | sending services' event payloads and SDK fixtures (django-anymail's webhook tests, Postmark's field manual, SparkPost, SES, Brevo, Mailgun) | 40 | 82.5% (33) | 37 |
  | hosting control panels and self-hosted stacks (HestiaCP, DirectAdmin at MXroute, iRedMail, Zimbra, Plesk, Mailu, mailcow, docker-mailserver) | 40 | 80.0% (32) | 35 |
  | bounce parsers other than Sisimai (Mail::DeliveryStatus::BounceParser's corpus, Mailman 2's bounce tests, PHP-Bounce-Handler) | 40 | 97.5% (39) | 40 |
  | mailing-list managers (Mailman 2 and 3, ezmlm, mlmmj, LISTSERV, Lyris, Majordomo, Google Groups, Discourse) | 35 | 80.0% (28) | 33 |
  | legacy and enterprise systems (Domino, Sun and Oracle Messaging Server, Exchange 4.0 to 2010, GroupWise, IceWarp, FTGate, Gordano) | 40 | 62.5% (25) | 32 |
  | the seven | 276 | 80.8% (223) | 253 (91.7%) |
  | the candidates the seven left out | 257 | 74.7% (192) | 230 (89.5%) |

  (Files in /work/holdout21/: h25a to h25g, and h25x. The eighteen sets
  before them kept their 598/656, with the same misses.)

  What they showed, each written as a general alternative with sibling
  rows in our own words (test/corpus 1875 to 1933, one new rule,
  mailbox.srs): a forwarder's SRS return address that no longer verifies
  (invalid-mailbox); an address named as not allowed to send for a domain
  without the "[SPF]" tag (dmarc-issues); JunkEmailFilter's "(NOT
  JUNKEMAILFILTER)", which says a refusal is not its own; "Blocklisted"
  and "Blacklisted" file types, extensions and attachments (the
  attachment policy, not a listing); loops said as "was looping" or
  "bounce between two servers"; congestion (X.4.5) and an ambiguous
  recipient (X.1.4); qmail's and qmail-ldap's complaints about the
  recipient's own set-up, and broken forwarding instructions; a store
  that cannot open the mailbox ("mailbox access error", whatever 4.2.2
  says); connection and session caps, a sender's rate said inside a
  sender refusal ("max 2 requests per hour"), mox's new-recipient limit,
  "Throttling quota exceeded", "excess traffic"; Dovecot's concurrent
  deliveries per user (full-mailbox); list managers refusing non-members,
  automatic replies, implicit destinations and filter matches; Haraka's
  refusals of bounces it cannot tie to its own mail; HELO checks worded
  "Suspicious HELO" or "HELO required before MAIL"; the sending account's
  expired password, an unverified sending domain, a sender who is not the
  logged-in user; a gateway's check of the recipient at the destination
  ("Recipient address rejected by destination", "Recipient failed
  verification"); sending services' own failures and lists (SparkPost's
  rendering errors and suppression without "was", Brevo's blocked
  contacts: other); conversions the receiving system cannot make
  (policy-related). Conventions added to docs/categories.md.

  Decided against a set's label: SRS's "address has timed out" is
  invalid-mailbox (labelled policy-related); Postfix's delay warning
  "could not be delivered for more than 4 hour(s)" stays message-expired,
  the contract's wording (labelled other); Exim's "Too many concurrent
  SMTP connections" stays reputation-issues, the contract's throttling
  (labelled recipient-server-error); "Restricted characters in address"
  stays policy-related and Domino's "does not specify a valid Notes mail
  file" invalid-mailbox, as decided before; a bare "4.7.1 Service
  unavailable - try again later" stays greylisting-issues, the contract's
  canonical reply; "This computer has been blocked from sending email" and
  Domino's "Connection denied based on policy reason" stay policy-related
  (no list named). Left for want of words that say the cause: Domino's
  bare ".1.2", PROFS's "BADUSER unknown at NODE1", cc:Mail's "Header
  Buffer Full", "We didn't send the message", SES's "Bad content", and
  vger's "Content-Policy reject ... we consider it SPAM" (reputation-issues
  by its words).

* Four more after those, on kinds of reply the sets had held few of, and
  the candidates they left out; each scored once at e3cb2b3's rules (the
  seven above worked in), then rules were written:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | TLS, DANE and MTA-STS failures (Postfix, Exim, Exchange Online, Gmail, SendGrid, Stalwart, Sophos) | 33 | 75.8% (25) | 32 |
  | DNS and MX failures (OpenSMTPD, Postfix, hMailServer, Exchange, Gmail in Spanish and Portuguese, SendGrid, PowerMTA) | 33 | 75.8% (25) | 30 |
  | admins' questions and answers, forums and help pages quoting replies (postfix-users, Vultr, Zoho, university helpdesks, Czech, Polish, Italian, Russian and Korean pages) | 40 | 90.0% (36) | 38 |
  | full mailboxes and quotas, greylisting and deferrals, from mail stores and providers in several languages | 40 | 97.5% (39) | 40 |
  | the four | 146 | 85.6% (125) | 140 (95.9%) |
  | the candidates the four left out | 63 | 73.0% (46) | 53 |

  (Files in /work/holdout21/: h26a to h26d, and h26x.) What they showed:
  TLS wording was decided two ways for the same situation (Postfix's "TLS
  is required, but was not offered by host" policy-related, Exim's "a TLS
  session is required, but the server did not offer TLS support" and
  "STARTTLS required but not offered" connection-error); all three are now
  policy-related, the contract's "TLS required", and two corpus rows were
  relabelled. A TLS attempt that failed, DANE checks ("no TLSA records
  found", "non DNSSEC destination"), a certificate validation failure and
  the sending side's own TLS failing stay connection-error; "STARTTLS may
  not be repeated" is a protocol violation. Gmail's domain-not-found
  notice in its users' languages; SendGrid's "Unable to resolve MX host"
  (invalid-domain unless it names a temporary cause); "The DNS query has
  failed" and sendmail's "host name lookup failure" (routing-issues);
  "non-existant domain"; Exchange's QuotaExceededException
  (full-mailbox); "Format restriction violation". A qmail-send log line
  writes the remote reply with underscores for spaces
  ("Remote_host_said:_500_No_such_user/"): the text the rules read now
  has spaces there (docs/rules.md), so such lines are read for their
  words, not only their codes. Decided against a set's label: Microsoft's
  "4.7.500 Server busy" stays reputation-issues (Microsoft documents
  4.7.500-699 as throttling; one set said recipient-server-error, another
  reputation-issues); "454 TLS not available" stays connection-error (a
  set said the server's own set-up); a bare "Try again later" without a
  code stays recipient-server-error, as the contract says. Left: Postal's
  "No SMTP servers were available for x. No hosts to try.", "unable to
  find primary relay", Exchange's own outbound proxy ("nonexistent
  domain while resolving the outbound proxy frontend server fqdn", "no
  outbound frontend servers": the sender's system, other), Coremail-style
  "User hangup", "IP is Hangup".

* One more after those: reply strings in the source of less common
  servers (Citadel, hMailServer, XMail, Courier, ZMailer, Mimecast's
  Robin, gumdrop, gen_smtp, aiosmtpd, MailEnable, Postal), scored once at
  c76708b's rules: **62.5% (25/40)** on first run, 34 after
  (/work/holdout21/h27a.tsv). What it showed: a mailbox "temporarily
  unavailable" now defers to a code that names the mailbox's state, as
  "mailbox unavailable" does (new rule weak.mailbox-temporarily);
  RFC 5321's "forward-path" and "reverse-path" in syntax errors; a local
  domain used as sender without a login; hMailServer's message-count
  limit; bare newlines and "strict ASCII mode"; an alias that is not
  active; XMail's server-wide spammer list; a sender's domain "blocked by
  policy" no longer read as a listed URL. Left: "A valid address is
  required", "Domain has been disabled", Courier's "TLS not available,
  but it's required for this connection" (whose TLS, the words do not
  say), XMail's "517 Domain does not exist" (whose domain), and Postal's
  route replies.

* Fourteen more, in a further session (2026-11-29), from kinds of source
  not used before, in three rounds, each scored once at the rules of its
  round (766a9d1, 619dee9, 45ac035) before rules were written for it:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | email security gateways' reply tables (Mimecast, Proofpoint, Trend Micro, MailChannels, Vade, Cloudmark) | 38 | 68.4% (26) | 30 |
  | ISPs of North America, the UK and Australia (Comcast, Cox, Spectrum, AT&T, BT, Virgin Media, Telstra, ...) | 32 | 71.9% (23) | 24 |
  | independent mailbox providers and forwarding services (SimpleLogin, addy.io, Forward Email, Cloudflare Email Routing, Purelymail, Zoho, Fastmail) | 40 | 67.5% (27) | 36 |
  | 2023-2026 bulk-sender and authentication refusals (Gmail, Microsoft 5.7.515, Yahoo, Apple, Comcast, La Poste) | 38 | 97.4% (37) | 38 |
  | bounces of the older Internet, 1985-2008 (Exchange 4.0-5.5, X.400, CompuServe, ZMailer, smail, Netscape) | 33 | 63.6% (21) | 27 |
  | refusals for what a message carries: viruses, attachments, sizes, formats | 35 | 88.6% (31) | 32 |
  | providers of Northern, Central and Eastern Europe | 34 | 73.5% (25) | 32 |
  | inbound-email endpoints of software services (GitLab, Salesforce, Send to Kindle, Zulip, RT, Znuny) | 30 | 33.3% (10) | 16 |
  | the eight | 280 | 71.4% (200) | 235 (83.9%) |
  | the candidates the eight left out | 95 | 71.6% (68) | 74 |
  | queue listings and the sending side's delivery logs | 40 | 85.0% (34) | 38 |
  | sending services not used before (Mailjet, Mandrill, Postal, listmonk, Mautic) | 40 | 67.5% (27) | 32 |
  | self-hosted applications' SMTP errors (Nextcloud, Mastodon, Gitea, Grafana, Vaultwarden, ...) | 37 | 81.1% (30) | 37 |
  | whole bounce bodies, the template around the reply kept | 40 | 92.5% (37) | 37 |
  | the four | 157 | 81.5% (128) | 144 (91.7%) |
  | the candidates the four left out | 68 | 83.8% (57) | 64 |
  | mailbox states other than "does not exist" | 34 | 88.2% (30) | 31 |
  | routing failures and expiry notices | 37 | 81.1% (30) | 34 |
  | the two | 71 | 84.5% (60) | 65 (91.5%) |
  | the candidates the two left out | 16 | 68.8% (11) | 13 |

  (Files in /work/holdout21/: h28a to h28h, h28x, h29a to h29d, h29x,
  h30a, h30b, h30x. The sets before them kept their figures, one row
  better: 599/656.) What they showed, each written as a general
  alternative with sibling rows in our own words (test/corpus 1966 to
  2080; two new rules, weak.out-of-sequence and reputation.named-source):
  size refusals in French, German, Italian, Portuguese and Dutch (a 552
  alone would say full mailbox); header, 8-bit and empty-message refusals; "does not accept
  mail without ..." is a format refusal, not a null MX; X.400's
  unrecognised O/R name; "too many recipients for this message" is a
  per-message limit; a rate limit whose cause is TLS not being used is the
  TLS requirement; limits named for the receiving user (full-mailbox);
  the sender's own message cap; Node's resolver errors, sendmail's "host
  map: lookup (x): deferred" and Exim's "all host address lookups failed
  temporarily" (routing-issues); sendmail's local mailer exit codes;
  OpenSSL's SSL_connect errors; logins refused as "username and password
  not accepted" and SASL failures (relaying-issues); protocol refusals,
  and commands out of order as a last, weak rule (they most often echo an
  earlier refusal); virus names written with spaces; DSBL and sendmail's
  "blackhole site"; McAfee's TrustedSource; no-reply addresses and
  unauthorised senders (policy-related); a sending service's suppression
  and unsubscribe notices (other); Mandrill's bad_mailbox and
  mailbox_full; "non-existent address"; "Mailbox deaktiviert"; dormant
  accounts ("no recipient activity since"); "does not have any mail
  exchanger", "Domain not used for mail"; a sender that "has a poor
  reputation on" a named service (Cloudmark's CSI: reputation-issues).
  Cisco AsyncOS's "550 #5.1.0 Address rejected" is now invalid-mailbox
  (its LDAP lookup did not find the recipient; corpus row flt-0044
  relabelled), as is a bare "550 <x> recipient rejected".

  Tried and taken back because the development corpus disagreed: cPanel's
  "The account or domain may not exist, they may be blacklisted, or
  missing the proper dns entries" (it names several causes: other), and
  sendmail's delay warning "message still undelivered after 4 hours" as
  message-expired (the reply it wraps decides).

  Decided against a set's label: Mimecast's "Email rejected due to
  security policies" stays policy-related (two sets labelled it two
  ways);
  Yahoo's "[PH01]" and "[TSS06]/[TSS09]" keep the categories decided
  before; Yandex's "451 4.7.1 ... Please come back later" stays
  greylisting-issues; "sender is blacklisted" stays blocklisting-issues;
  Mimecast's anti-spoofing policy and "not authorized to send from" stay
  dmarc-issues. Left for want of words that say the cause, or of a second
  source: SimpleLogin's and Charter's codes without words, applications'
  own replies to mail they cannot file (GitLab's "We couldn't figure out
  what the email is for"), a bare "Recipient not authorised".

* One more after those: refusals of mail to group, role and restricted
  addresses (Exchange and Exchange Online's recipient restrictions,
  moderation and directory replies, Google Workspace's restricted
  delivery, Stalwart, Mailman), scored once at 98a49ca's rules:
  **67.6% (25/37)** on first run, 30 after (/work/holdout21/h31a.tsv).
  What it showed: Microsoft 365's notice body "x wasn't found at
  domain" without its code (invalid-mailbox); "permissions to send to
  this distribution list" and "permission to submit"; Exchange's
  misconfigured directory objects (recipient-server-error, no longer
  read as RESOLVER.RST's restriction). Left: moderation replies
  (Resolver.MT.*), a tenant's own "Customer Block list" (blocklisting by
  its words; the set said policy-related), journaling set-up replies.

* Fourteen more, in a further session (2026-11-29, the fifteenth), from
  kinds of source not used before, in three rounds, each scored once at
  the rules of its round (61a6bea, e14473f, d9d9234) before rules were
  written for it:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | e-mail to SMS gateways and mobile operators' mail | 11 | 81.8% (9) | 10 |
  | providers of Africa, the Middle East, South Asia and Latin America | 16 | 87.5% (14) | 15 |
  | universities', governments' and hospitals' IT help pages | 36 | 77.8% (28) | 32 |
  | mail clients' reports of send failures (Thunderbird, Outlook, Roundcube, K-9, mutt, ...) | 37 | 89.2% (33) | 35 |
  | refusals for what a message links to or how it scores | 29 | 86.2% (25) | 29 |
  | throttling, concurrency and volume limits | 40 | 70.0% (28) | 40 |
  | shared hosting and registrars' mail (GoDaddy, IONOS, DreamHost, Bluehost, ...) | 40 | 82.5% (33) | 38 |
  | the seven | 209 | 81.3% (170) | 199 (95.2%) |
  | the candidates the seven left out | 79 | 78.5% (62) | 72 |
  | reject texts administrators write (access maps, Exim ACLs, transport rules) | 40 | 82.5% (33) | 34 |
  | marketing platforms' bounce reasons (Marketo, HubSpot, Braze, MailWizz) | 39 | 89.7% (35) | 35 |
  | authentication refusals of 2004-2022 (SPF, Sender ID, DomainKeys, early DKIM and DMARC) | 39 | 69.2% (27) | 35 |
  | the receiving server's own failures | 32 | 87.5% (28) | 32 |
  | automatic replies and notices that are not bounces | 31 | 93.5% (29) | 31 |
  | the five | 181 | 84.0% (152) | 167 (92.3%) |
  | the candidates the five left out | 78 | 75.6% (59) | 65 |
  | bounce events in public data (CSV and JSON exports of sending services) | 39 | 92.3% (36) | 37 |
  | Microsoft's and Gmail's notices in other languages | 14 | 78.6% (11) | 14 |
  | the two | 53 | 88.7% (47) | 51 |
  | the candidates the two left out | 48 | 89.6% (43) | 44 |

  (Files in /work/holdout21/: h32a to h32g, h32x, h33a to h33e, h33x,
  h34a, h34b, h34x. All fourteen: 443 rows, 83.3% (369) on first run,
  417 (94.1%) after; the three sets of left-out candidates: 205 rows,
  80.0% (164), 181 after. Every earlier set kept its figures.) What they
  showed, each written as a general alternative with sibling rows in our
  own words (test/corpus 2080 to 2155): limits that name the sending side
  before "for user" ("Daily SMTP relay limit", "Sender Domain Hourly
  Quota", PolicyD's "Policy Rejection- Quota Exceeded", "Sender
  throttled", "per-10 minute limit", a sending quota in French, Spanish,
  Portuguese and Italian); rates in other words ("try again slower",
  "too many same size mails", a message count per session, "heavy
  usage", a high null-sender rate); Microsoft's 4.7.500 "Server busy"
  with no address after it and AOL's DYN:T1 (reputation-issues; corpus
  row prov-aol-003 relabelled); HELO forms ("No HELO before mail
  transaction", "real hostname when saying HELO", "syntactically
  invalid"); POP-before-SMTP, "relaying blocked", logins refused where
  none are taken and QQ's "Login fail"; a DNS list that refused the
  query (recipient-server-error); challenge-response holds; SMS gateways
  refusing a sender; suspicious files; Sender ID and DomainKeys, SPF's
  first explanation pages, "no DNS reverse", "Sender IP must resolve",
  DKIM signatures that cannot be verified; the receiver's own DKIM
  milter, internal timeouts, local delivery set-up errors and a lookup
  that cannot be made now (recipient-server-error); sizes stated in the
  words; Mailman's holds; Gmail's address-not-found notice in five
  languages and Microsoft 365's notice body in German; send-as refusals;
  a sending platform's labels for X.1.0 and X.3.0 around the reply they
  wrap. Taken back because the development corpus disagreed: a message
  without a "purported responsible address" as a Sender ID failure (its
  headers: policy-related). Decided against a set's label (listed in
  docs/categories.md): maddy's "Use Submission for outgoing SMTP",
  Microsoft's refusals of external forwarding (routing-issues),
  "Recipient address no longer exists" (inactive-mailbox), Outlook.com's
  SC-004 and AOL's CON:B1 (reputation-issues), "you are blacklisted on
  this server" (blocklisting-issues), an anti-spoofing rule
  (dmarc-issues), Facebook's "Domain ... no longer available"
  (invalid-domain), "Unrouteable address" (invalid-domain). Left for want
  of words that say the cause: Verizon's and Charter's AUP codes,
  Bluehost's GL/GL and GL/BL, Apple's [CS01], Yandex's "Policy rejection
  on the target address", a bare "Permission denied", administrators'
  one-off texts ("Take a hike!", "link fake, hidden and insecure"), and
  texts cut short in exports.

* Eighteen more, in a further session (2026-11-29, the sixteenth), on
  kinds of reply the sets had held few of, in four rounds, each scored
  once at the rules of its round (14426ae, 29cee24, 9ae0d70, 6c5ec97)
  before rules were written for it:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | protocol refusals: bare LF, extensions, command syntax, header syntax | 40 | 50.0% (20) | 40 |
  | address syntax and internationalised addresses | 40 | 60.0% (24) | 34 |
  | DNS block lists' own reject texts and how servers quote them | 40 | 92.5% (37) | 39 |
  | greylisting and other deliberate deferrals | 40 | 80.0% (32) | 37 |
  | IPv6 sending and forwarded mail | 21 | 81.0% (17) | 19 |
  | high-volume sending MTAs' records (PowerMTA, Momentum, KumoMTA, GreenArrow, Postal) | 40 | 80.0% (32) | 37 |
  | the six | 221 | 73.3% (162) | 206 (93.2%) |
  | the candidates the six left out | 111 | 66.7% (74) | 96 |
  | refusals by the sender's country, network or kind of address | 24 | 54.2% (13) | 18 |
  | backscatter checks, no-reply addresses and sender callouts | 41 | 61.0% (25) | 38 |
  | notices in other languages (not Microsoft's or Gmail's) | 12 | 83.3% (10) | 12 |
  | the sending side's own network, as MTAs and applications log it | 38 | 63.2% (24) | 31 |
  | forwarding and alias addresses (relay services, SRS, moved users) | 19 | 63.2% (12) | 19 |
  | languages covered thinly before (Vietnamese, Hungarian, Swedish, Danish; Korean and Indian hosts) | 24 | 66.7% (16) | 23 |
  | the six | 158 | 63.3% (100) | 141 (89.2%) |
  | the candidates the six left out | 31 | 74.2% (23) | 30 |
  | certified mail services and government gateways | 16 | 68.8% (11) | 13 |
  | DSN fields as tables store them (X-Postfix, X-Unix, X-Notes, local delivery agents) | 40 | 90.0% (36) | 38 |
  | relaying refusals | 37 | 86.5% (32) | 35 |
  | expiry and delay notices | 15 | 93.3% (14) | 15 |
  | the four | 108 | 86.1% (93) | 101 (93.5%) |
  | the candidates the four left out | 7 | 85.7% (6) | 7 |
  | replies and notices in Cyrillic (mostly a Russian sending service's statuses) | 26 | 26.9% (7) | 18 |
  | replies and notices in Chinese, Japanese and Korean script (mostly providers' code tables) | 38 | 84.2% (32) | 34 |
  | the two | 64 | 60.9% (39) | 52 (81.3%) |
  | the candidates the two left out | 48 | 72.9% (35) | 37 |

  (Files in /work/holdout21/: h35a to h35f, h35x, h36a to h36f, h36x,
  h37a to h37d, h37x, h38a, h38b, h38x. All eighteen: 551 rows, 71.5%
  (394) on first run, 500 (90.7%) after; the four sets of left-out
  candidates: 197 rows, 70.1% (138), 170 after. The earlier sets kept
  their figures but three: h27a gained a row ("550 Route does not accept
  incoming messages", a no-reply refusal), h26x gained one (hMailServer's
  "Delivery is not allowed to this address", which it too labelled
  relaying-issues), and h29c lost one: Snipe-IT's "500 #5.5.1
  command not recognized", which that set labelled other, is now a
  protocol refusal (policy-related), as two of this session's sets
  labelled the same kind of reply. The dedupe script kept only Latin
  letters until the h36 round, so a text in another script always looked
  known; the h38 sets were gathered after it was mended.) What they showed,
  each written as a general alternative with sibling rows in our own
  words (test/corpus 2155 to 2257): extensions used without being offered
  ("BDAT command used when CHUNKING not advertised"), unknown commands,
  usage replies ("Syntax: RCPT TO:<address>"), bad parameters, RFC 5321's
  "503 Bad sequence of commands", "Send hello first", bare CR and LF
  written "<LF>", header syntax ("syntax error in rfc822 header", Exim's
  "failing address in "Reply-To:" header"); the sender's and the
  recipient's address syntax in more words (Postmark's "Error parsing
  'To'", "MAIL FROM syntax error"); greylisting daemons whose deferral says
  "policy rejection" (iRedAPD, PolicyD) or "Temporary rejected" (Apache
  James); Invaluement's and Abusix's names, a closed list answering every
  query (recipient-server-error); too many connections in French,
  Spanish, German and Italian; a receiver that takes no mail over IPv6;
  country and GeoIP rules; AOL's RTR:BG and RTR:RD; BATV checks and
  no-reply addresses; sender callouts that could not finish; RFC 5321's
  "551 User not local; please try" (a moved user: inactive-mailbox);
  SRS hashes and secrets; applications' own connection and resolver
  failures (Node, PHPMailer, Python, Go, Ruby); MailScanner's virus
  notices in Hungarian, Swedish and Danish; Zing's Vietnamese replies;
  Postfix's translated delay warning; Aruba PEC's expiry in words,
  Exchange Online's mail flow rule, local delivery agents failing
  (maildir, maildrop, procmail), relay refusals in more words
  (hMailServer's "Delivery is not allowed to this address"); Russian
  statuses (a deleted or disabled mailbox, "блеклист", "спам", a message
  over the size, retries run out, wrong addresses, a domain that does not
  exist), Japanese "not registered", Gmail's receive rate in Chinese.
  Taken back for its cost: a Russian "no SMTP server" whose only literal
  the scan could index was "smtp" (Cyrillic letters give it none that
  both cases share), so the branch ran its regex on most texts: +1,176
  instructions a row on the fixed 5,000-row sample; and Zing's Vietnamese
  "Mất kết nối" (lost the connection), whose only such literal was "t k".
  `make lint-rules` now lists the branches that only frequent words
  index.
  Taken back because the development
  corpus disagreed: a bare "Protocol violation" and Gmail's "remote
  server did not offer SMTPUTF8" as policy-related (both other there).
  Decided against a set's label (docs/categories.md): dynamic-address
  refusals that name no list stay policy-related (six rows a set labelled
  blocklisting-issues); a greylisted sender probe stays the sender check
  (policy-related); "unverified address: Address lookup failure" stays
  invalid-mailbox (the contract's own example); a relay's name that does
  not resolve ("getaddrinfo ENOTFOUND smtp.example.com", Java's
  UnknownHostException) stays other, not invalid-domain; sendmail's
  "8-bit character in mailbox address" stays a format refusal;
  Mimecast's "Internal resource temporarily unavailable" stays
  greylisting-issues; a gateway "Unable to contact destination SMTP
  demon" stays recipient-server-error (as Postini's "Can't connect").
  Two sets gave two labels each to Yahoo's "553 Mail from x not allowed",
  Proofpoint's ipcheck link and Gmail's "421 4.7.0 Try again later,
  closing connection": left as they were. Left for want of words that say
  the cause: address parse errors that do not say whose address ("553
  Unbalanced '<'", "Missing final '@domain'", "513 Syntax error."),
  sendmail's "Transient parse error", "Exceeded allowable connection
  time", a sending MTA's own internal errors, Google's internal tokens
  ("ReceivingRatePerm", "OverQuotaPerm"), NetEase's and Coremail's codes
  explained only in Chinese, a sending service's statuses that name
  several causes at once, "blocked using RedIRIS Reputation Service"
  (blocklisting by "blocked using"; the set said reputation-issues).

* Twenty-one more, in a further session (2026-11-30, the seventeenth), in
  four rounds, each set scored once at the rules of its round (5b80ad8,
  dc28129, 4f9973c, badb6e9) before rules were written for it. The first
  round took kinds of source not used before; the later ones took one
  category at a time in its rarer wordings, where the first runs showed
  the gaps still were:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | administrators' threads and postmasters' pages of 2009-2017 | 36 | 77.8% (28) | 33 |
  | developers' and admins' Q&A and blogs not in English (Chinese, Korean, Polish, Vietnamese, German, Japanese) | 40 | 72.5% (29) | 34 |
  | devices, appliances and enterprise applications that send mail (NAS, printers, monitoring, SAP, Jira) | 30 | 83.3% (25) | 29 |
  | providers' own reference pages of their replies (Gmail, Microsoft, Yahoo, Apple, Comcast, Yandex, ...) | 40 | 95.0% (38) | 39 |
  | replies seen during outages and incidents | 36 | 77.8% (28) | 33 |
  | the five | 182 | 81.3% (148) | 168 (92.3%) |
  | the candidates the five left out | 91 | 87.9% (80) | 88 |
  | unknown recipients in the rarer wordings | 40 | 65.0% (26) | 38 |
  | shops' and online services' transactional mail | 26 | 88.5% (23) | 25 |
  | privacy alias, masking and forwarding relays | 27 | 66.7% (18) | 22 |
  | recipient domains set up wrongly at the receiving side | 35 | 71.4% (25) | 30 |
  | the four | 128 | 71.9% (92) | 115 (89.8%) |
  | the candidates the four left out | 42 | 76.2% (32) | 41 |
  | unknown recipients in languages other than English | 10 | 100% (10) | 10 |
  | full mailboxes and quotas in the rarer wordings | 40 | 87.5% (35) | 39 |
  | disabled, suspended and deleted accounts in the rarer wordings | 16 | 75.0% (12) | 16 |
  | spam verdicts and reputation refusals in the rarer wordings | 16 | 93.8% (15) | 15 |
  | the four | 82 | 87.8% (72) | 80 (97.6%) |
  | the candidates the four left out | 16 | 87.5% (14) | 16 |
  | DNS failures and domains that take no mail, in the rarer wordings | 33 | 69.7% (23) | 31 |
  | connection failures, in the rarer wordings | 25 | 76.0% (19) | 25 |
  | the recipient's own rules, in the rarer wordings | 10 | 90.0% (9) | 10 |
  | temporary refusals and deferrals, in the rarer wordings | 10 | 70.0% (7) | 7 |
  | the four | 78 | 74.4% (58) | 73 (93.6%) |
  | the candidates the four left out | 4 | 50.0% (2) | 3 |

  (Files in /work/holdout21/: h39a to h39e, h39x, h40a to h40d, h40x,
  h41a to h41d, h41x, h42a to h42d, h42x. All seventeen: 470 rows, 78.7%
  (370) on first run, 436 (92.8%) after; the four sets of left-out
  candidates: 153 rows, 83.7% (128), 148 after. The last round is small:
  the session's search budget ran out while it was gathered, and its
  gatherers took what they had, or strings from MTA packages. Several
  gatherers found their themes close to used up: the dedupe script took
  40 to 70% of what they found, as earlier sets already held it. The
  earlier sets kept their figures but three, each up a row: h29x
  (Postfix's "Bad NOTIFY parameter syntax" inside a mailer-daemon notice),
  h35x (a Postini "not currently accepting mail from your ip") and h38b (a
  Chinese server's "too much fail authentication"). A pass over the rows
  every set still missed then gave seventeen more, in twelve earlier sets: h22g
  two (21cn's "is now disabled with SMTP service", au's "account is
  temporarily limited": inactive-mailbox), h23b, h27a, h30a, h31a and h32g
  one each ("The domain is not in service", hMailServer's "Domain has
  been disabled", Stalwart's "This account is not authorized to receive
  email", "Email address - x - is not available here"), h22c and h25x one
  each ("Bulk Policy Violation", "Rejected - bulk email":
  reputation-issues), then three more, h32c, h37c and h38x, and one of
  this session's, h39b ("maillist x is null": routing-issues; qmail's
  "allowed list of rcpthosts"; "auth error limit exceed"), and two more
  when a mailbox or account "deleted" became inactive-mailbox (h30a, and
  this session's h41c: "Account deleted by user", which two sets labelled
  so; docs/categories.md), and four more (h25x, h33b, and h38x two: a
  "Temporary resolver error", MessageWall's "MIME/REJECT: Invalid
  structure", Gmail's relay limit and app password in Chinese); the
  README's list has the figures as they are now.
  The same pass looked again at the rows where sets said
  recipient-server-error and the rules greylisting-issues: six rows in
  five sets say the service is unavailable and to try later ("451 4.7.1
  Service unavailable - try again later", "Service temporarily
  unavailable, please try later", Yandex's "the service is currently
  unavailable. Please come back later"). The first two are the
  greylisting replies of Plesk and of postfix-gld by their own
  documentation (corpus rows mta-0207 to mta-0210), so the bare try-later
  rule stays as the contract words it; three more ("Replicating, please
  try again later", "Your data is verifying, ...", "Cannot validate the
  message now. Try again later") are left as they were.) What they showed,
  each written as a general alternative with sibling rows in our own
  words (test/corpus 2279 to 2380, with the pass below): Gmail's SPF and DKIM texts with the
  verb first ("didn't pass SPF authentication") and its alignment text
  ("isn't aligned with either the authenticated SPF or DKIM organizational
  domain", dmarc-issues over "rate limited"); Postfix's RBL reply cut
  before its list ("Client host [x] blocked"); Cox's CDRBL and block-list
  lookup links; forged host names; temporary resolver failures in more
  words (Windows' "DNS server returned general failure", "Temporary
  failure of hostname lookup", Gmail's "Could not contact DNS servers"),
  and NODATA ("answer with no data", "No Mail Exchange (MX) servers were
  found"); DSN parameters and commands refused ("Bad NOTIFY parameter
  syntax", "VRFY disallowed"); SMTP AUTH failures by Gmail's help link and
  in Chinese ("请使用授权码登录"); TLS sessions that fail (Exchange
  Online's "Failed to establish appropriate TLS channel", OpenSSL's
  "unable to verify the first certificate") and a sending MTA's stated
  TLS requirement; unknown recipients in rarer words ("receiver not
  found", "The user's email name is not found", "not known to us",
  "Unknown destination address", French and German directory texts,
  misspellings: "unkown user", "does no exists", "no vaild recipients");
  German "nicht mehr gültig" and "deactivated due to abuse"
  (inactive-mailbox), Facebook's RCP-T4; Chinese and Korean spam words,
  Chinese "domain does not exist" and "mailbox full" without 已; a
  recipient's rate limit with its address between; Exchange's
  RESOLVER.CON codes (a mail contact's broken forwarding: routing-issues);
  cPanel's "No such user here. Relaying is not supported." (relaying
  decides); mail libraries' socket closes. Decided against a set's label
  (docs/categories.md): Postfix's milter reply "451 4.7.1 Service
  unavailable - try again later" stays greylisting-issues (the contract's
  bare try-later; two rows); Naver's "Your IP is filtered" stays reputation-issues
  and Comcast's BL000000 blocklisting-issues (both sets said the other);
  Exchange Online's "Failed to establish appropriate TLS channel: Access
  Denied" is connection-error (one set said policy-related, another
  connection-error); "No such domain at this location" stays
  relaying-issues; "451 4.5.0 SMTP protocol violation." with no more text
  keeps the 451 (recipient-server-error). Left for want of words that say
  the cause: Forpsi's Polish "Naruszenie zasad" (documented as a sending
  limit), DirectMail's "551 Main account unavailable", a campaign that
  "does not exist" under 5.1.1, Exchange's "wrong Office 365 region"
  (ATTR35: routing-issues by its 4.4.62, relaying-issues for the set),
  sendmail's bare "Local configuration error", SpaceLee's "register your
  IP", a Chinese server's "Black mail address", Yandex's "Invalid
  arguments - possible version mismatch", replies that name no cause
  ("550 Message denied (id)").

* Ten more, in a further session (2026-11-30, the eighteenth), in two
  rounds, each set scored once at the rules of its round (46b4906,
  8c50985) before rules were written for it; the first round took one
  category at a time in its rarer wordings (those not done before), the
  second kinds of source:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | sender authentication (SPF, DKIM, PTR, HELO) in the rarer wordings | 38 | 52.6% (20) | 33 |
  | block lists and malware verdicts in the rarer wordings | 33 | 90.9% (30) | 30 |
  | the recipient's own policy (size, sender, TLS, internal-only) in the rarer wordings | 29 | 75.9% (22) | 27 |
  | relaying refusals and loops in the rarer wordings | 26 | 84.6% (22) | 25 |
  | the recipient server's own failures in the rarer wordings | 39 | 89.7% (35) | 39 |
  | replies that say too little, or look like a category and are not | 40 | 75.0% (30) | 34 |
  | the six | 205 | 77.6% (159) | 188 (91.7%) |
  | the candidates the six left out | 51 | 72.5% (37) | 49 |
  | modern servers' and libraries' own replies (mox, maddy, Stalwart, chasquid, Haraka, KumoMTA, ForwardEmail, ...) | 40 | 72.5% (29) | 38 |
  | Exchange's and Exchange Online's less common responses | 40 | 87.5% (35) | 37 |
  | replies whose code and words point to different causes | 31 | 87.1% (27) | 28 |
  | refusals for a message's format, headers or encoding | 38 | 71.1% (27) | 38 |
  | the four | 149 | 79.2% (118) | 141 (94.6%) |
  | the candidates the four left out (most of them SMTP protocol replies and Exchange's internal ones) | 205 | 57.6% (118) | 165 |

  (Files in /work/holdout21/: h43a to h43f, h43x, h44a to h44d, h44x.
  All ten: 354 rows, 78.2% (277) on first run, 329 (92.9%) after; the
  two sets of left-out candidates: 256 rows, 60.5% (155), 214 after.
  Three earlier sets changed: h23b and h28c gained (spamdyke's "Mail is
  not being accepted at this address", ForwardEmail's missing MX records,
  a Node server's "Promise timed out"), h39d lost one ("Authentication
  unsuccessful, SmtpClientAuthentication is disabled for the Tenant" is
  now relaying-issues, as two other sets labelled the same reply).) What
  they showed, each written as a general alternative with sibling rows in
  our own words (test/corpus 2380 to 2482): SPF in other words (a host
  "not listed ... in the SPF records", broken or several SPF records,
  "SPF returns deny", an SPF record that "does not permit", "Permitted
  Sender Hosts"); qmail-dkim's verifier errors; HELO names that do not
  exist, need a dot or a TLD, address literals refused or not matching;
  residential connections; a faked local sender; checks of the sender
  domain's MX; commands out of order or malformed in many servers' words;
  SMTP AUTH failures in more words; header and format rules (a header a
  message must or must not have, headers too long or unterminated, RFC
  compliance, a Date header too old); recipients per batch and attachment
  counts; spamdyke's and Exchange's recipient rules, also in Czech;
  "Relay Deny", certificates for relaying, an MX that is the sending host
  or names another service; the recipient's forwarding limits; a folder's
  item limit; internal timeouts, Exchange's proxy, store throttling and
  store failures; mox's volume refusal under 4.2.2; Gmail's Message-ID
  quota; the sender's own Exchange mailbox over its quota (other).
  Decided against a set's label (docs/categories.md): docomo's "552 Too
  much mail data" and the 552 "exceeded storage allocation" under 5.3.4
  stay full-mailbox; HELO DNS checks stay policy-related; qpsmtpd's "I do
  not believe you are x" is dmarc-issues like "You are not who you say
  you are"; a bare "blacklisted" stays blocklisting-issues; "Organization
  queue quota exceeded" stays recipient-server-error; RFC 5321's bare
  "Syntax error in parameters or arguments" stays other. Left for want of
  words that say the cause: Haraka's "534 5.7.9 Asmodeus demands 534
  zorkmids for safe passage" (an SMTP AUTH demand by its code only; the
  contract maps X.7.x codes to policy-related), "554 Unwelcome connection
  rejected (2)", Exchange's 5.7.711 "bad inbound connector", "Forged IPs
  not accepted here", Exchange's internal SMTPSEND and RESOLVER.PF codes.

  Then a pass over the rows every set still missed gave fifteen more, in
  nine earlier sets (h25x two, h28x, h33x two, h35b, h35x four, h38b two,
  h38x two, h39x): NetEase's WM:BLI, WM:BLU, MI:ANL and RP:RPB codes
  (policy-related, as its published list says), "Rejected for Security
  Reasons", "weird address syntax", "suspicious header", addresses that
  do not parse (sendmail's "Unbalanced '<'", "Missing final '@domain'",
  "Illegal semicolon", "Invalid characters in local_part":
  invalid-mailbox, the sender's after MAIL FROM), "We dont accept mail
  from spammers", "spamtext" (test/corpus 2482 to 2502 with the two sets
  below). And two more sets, scored at the rules of
  f4ca1f1 (the same as d2c2931's):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | failures on the sending side (its relay, its account, its libraries) | 37 | 75.7% (28) | 32 |
  | the large providers' replies of 2024-2026 | 38 | 97.4% (37) | 37 |
  | the candidates the two left out | 20 | 80.0% (16) | 18 |

  (Files: /work/holdout21/h45a, h45b, h45x.) What they showed: mail
  libraries' login failures (Nodemailer's "Invalid login:", "Missing
  credentials for"), TLS failures in Node's and Java's words
  (ERR_TLS_CERT_ALTNAME_INVALID, "Could not convert socket to TLS",
  "PKIX path building failed"), "Recipient-User must exist". Left: iCloud's
  "503 5.5.1 Error: need MAIL command - MAIL FROM error: 451 4.7.1 Service
  unavailable - try again later" (greylisting for the set; the bare
  try-later is greylisting only when 450/451/4.7.1 are its only codes),
  sending services' API errors in JSON, an account "disabled for sending
  spam" (reputation-issues by its words; the set said policy-related).

  One more, scored at the rules of 76a2892: refusals of the sender as
  mail servers' sources, patches and default configurations word them
  (qmail's chkuser, qregex, rejectnullsenders and SPF patches, Haraka,
  qpsmtpd, mox, maddy, Stalwart, James, spamdyke, Exim's wiki): 39 rows,
  **74.4% (29/39)** on first run, 36 after; the 29 candidates it left out
  (minus those with unfilled placeholders or doubt), 79.3% (23), 28 after
  (/work/holdout21/h46a.tsv, h46x.tsv; test/corpus 2502 to 2515). What it
  showed: null senders refused, a sender that is not the user who logged
  in ("from and auth not the same"), HELO checks in more words ("not
  equal reverse of", "HELO/EHLO needed", "host name invalid", "did not
  resolve", "not fully qualified", "Helo is ADSL or DIAL"), qpsmtpd's "You
  are not localhost" (dmarc-issues, like "I do not believe you are x"),
  SPF lookup problems (dmarc-issues), "DNS timeout resolving"
  (routing-issues), one recipient with a null sender. Kept against the
  set: a HELO name compared with the address's reverse DNS stays
  policy-related (the set said dmarc-issues), as every HELO check; left:
  "451 4.4.0 cannot verify mx records for mailfrom domain" (the 451
  decides: recipient-server-error; the set said routing-issues), spamdyke's
  "Mail for your sender domain is not hosted here" (relaying-issues by its
  words; the set said policy-related).

- A further session (2026-11-30) gathered seventeen more sets in four
  rounds, each set scored once at the commit its round started from
  (h47 at ca3cfb4, h48 at 6d90a99, h49 at 76f5318, h50 at 9a0c6eb), then
  the candidates their gatherers left out (minus those marked doubtful,
  off theme, translated or filled in, or holding unfilled placeholders):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | servers' changelogs and release notes | 29 | 89.7% (26) | 28 |
  | translated message catalogues (Kopano, MailScanner, GNU Mailutils, Sympa) | 30 | 26.7% (8) | 19 |
  | filter rules (Sieve, procmail, transport rules) | 31 | 54.8% (17) | 23 |
  | less known security gateways | 40 | 67.5% (27) | 35 |
  | the last hop: local delivery agents and mail stores | 34 | 82.4% (28) | 30 |
  | recipient checks (callouts, address verification, lookups) | 30 | 80.0% (24) | 24 |
  | the candidates those six left out | 37 | 59.5% (22) | 32 |
  | log summary reports (pflogsumm, logwatch, eximstats) | 40 | 82.5% (33) | 37 |
  | hosters' error pages in other languages | 28 | 75.0% (21) | 23 |
  | CMS and shop mail plugins | 28 | 82.1% (23) | 25 |
  | hosts' outbound limits | 23 | 73.9% (17) | 22 |
  | sending APIs' errors (Graph, Gmail API, JMAP, SES, ...) | 40 | 37.5% (15) | 26 |
  | the candidates those five left out | 62 | 69.4% (43) | 49 |
  | papers and studies | 38 | 81.6% (31) | 35 |
  | administrators' lists not in English | 33 | 75.8% (25) | 30 |
  | distributions' default configurations | 22 | 59.1% (13) | 17 |
  | the candidates those three left out | 30 | 56.7% (17) | 19 |
  | sending services' failure reasons | 37 | 59.5% (22) | 29 |
  | the candidates it left out | 14 | 71.4% (10) | 10 |
  | the fifteen sets | 483 | 68.3% (330) | 403 (83.4%) |
  | the four sets of candidates left out | 143 | 64.3% (92) | 110 (76.9%) |

  (Files: /work/holdout21/h47a-f, h47x, h48a-e, h48x, h49a-c, h49x,
  h50a, h50x; test/corpus 2515 to 2606.) What they showed, each written
  as a general alternative with sibling rows in our own words: relaying
  to a named domain, servers that require a login, Gmail's browser-login
  refusal, wrong credentials; Received counts with a colon, mailer loops,
  a host greeting with our own name, Postfix's alias expansions that
  never end; any RFC named as not complied with, a stray newline, a
  message without a subject; unsigned bounces and bad BATV signatures;
  Sieve and filter-rule refusals, a recipient who refuses mail by rule;
  the alias database, Sieve scripts and table lookups failing;
  recipients and file types on a site's lists; size in bytes; SMTP
  commands out of sequence in more words (DATA without RCPT, LMTP's LHLO
  first, OpenSMTPD's "Invisible customers are not welcome"); sending APIs
  refusing the sender; Node's socket errors; Amazon SES's subtypes and
  delay types; quotas, loops, lists for members only, moderators, virus
  verdicts and server errors in German, Russian, Vietnamese, Polish,
  French, Italian, Dutch, Chinese and Japanese. docs/categories.md has
  the decisions, and what was kept against the sets.

- A further session (the second of 2026-11-30) gathered fifteen more sets
  in five rounds, each set scored once at the commit its round started
  from (h51 at 6c293b0, h52 at 99b2af6, h53 at 6b3b63b, h54 at 2b57c1e,
  h55 at 6a73133), then the candidates their gatherers left out:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | application code's exceptions (Jakarta Mail, .NET, smtplib, nodemailer, ...) | 38 | 84.2% (32) | 37 |
  | helpdesk, ticketing and community software | 28 | 85.7% (24) | 28 |
  | providers outside the US and western Europe | 27 | 85.2% (23) | 26 |
  | mail to robots: lists, trackers, gateways, SMS servers | 25 | 52.0% (13) | 18 |
  | the candidates those four left out | 19 | 89.5% (17) | 18 |
  | self-hosted newsletter tools' bounce records | 37 | 89.2% (33) | 34 |
  | mail clients' send failures | 27 | 74.1% (20) | 24 |
  | bounces in public mailing-list archives | 21 | 85.7% (18) | 18 |
  | institutions' IT help pages | 29 | 86.2% (25) | 27 |
  | the candidates those four left out | 82 | 86.6% (71) | 74 |
  | servers' and filters' test suites | 27 | 81.5% (22) | 26 |
  | legacy and proprietary servers | 26 | 80.8% (21) | 23 |
  | providers of Europe's smaller countries | 4 | 100% (4) | 4 |
  | bounce parsers' fixtures (other than Sisimai's) | 18 | 100% (18) | 18 |
  | the candidates those four left out | 6 | 100% (6) | 6 |
  | forums in Turkish, Vietnamese, Indonesian, Thai and Greek | 18 | 88.9% (16) | 17 |
  | self-hosted servers' failures to send | 26 | 76.9% (20) | 25 |
  | the candidates those two left out | 5 | 80.0% (4) | 4 |
  | message-trace tools | 36 | 88.9% (32) | 33 |
  | the candidates it left out | 14 | 78.6% (11) | 12 |
  | the fifteen sets | 387 | 82.9% (321) | 358 (92.5%) |
  | the five sets of candidates left out | 126 | 86.5% (109) | 114 (90.5%) |

  (Files: /work/holdout21/h51a-d, h51x, h52a-d, h52x, h53a-d, h53x,
  h54a-b, h54x, h55a, h55x; test/corpus 2606 to 2664.) What they showed,
  each written as a general alternative with sibling rows in our own
  words: an address without its local part, a subscriber's or contact's
  address "is invalid", no inbox, no such list, a name not in a
  directory, Exchange's "not found in the recipient's e-mail system" and
  "The format of the email address isn't correct"; "dominio non valido"
  and its Spanish and Portuguese kin; qmail's rcpthosts in any language,
  "authentication not enabled", clients' "failed to authenticate to the
  SMTP server", sendmail's "...authentication rejected"; a header or a
  plain-text part required, auto-generated mail, invitation-only groups,
  Postfix's "message file too big", session and per-region limits, a
  mail transaction already in progress, RFC 5321's "parameters not
  recognized"; Postfix's "Server configuration error" after a check;
  "cannot find a mail exchanger"; an IP "administratively disabled"; a
  virus verdict after the refusal; quota limits of a mailbox; Go's and
  maddy's client errors; Exchange's transport rules and
  RESOLVER.FWD.Blocked. docs/categories.md has the decisions, and what
  was kept against the sets.

- A further session (the third of 2026-11-30) gathered twenty-two more
  sets in six rounds, with the last of the search budget, each scored
  once at the commit its round started from (h56 at e374951, h57 at
  4da717e, h58 at 8b82b6d, h59 at d7a8bcb, h60 at 1f7f4d2, h61 at
  2e9ae52), then the candidates their gatherers left out. Most themes of
  the kinds used before were spent (the dedupe removed 60 to 95% of what
  the gatherers found); texts that administrators and servers configure
  were not, and scored lowest:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | SMTP extensions and TLS failures (STARTTLS, SMTPUTF8, BDAT, SIZE) | 24 | 83.3% (20) | 24 |
  | Japanese, Korean and Chinese providers (NetEase's codes, QQ, au) | 29 | 96.6% (28) | 29 |
  | the large providers' sender requirements of 2024-2026 | 20 | 85.0% (17) | 18 |
  | queue expiry and repeated deferrals | 21 | 90.5% (19) | 20 |
  | the candidates those four left out | 25 | 68.0% (17) | 18 |
  | privacy-minded and independent providers | 15 | 66.7% (10) | 13 |
  | forwarding and alias services | 4 | 100% (4) | 4 |
  | localised NDRs of Microsoft and Google | 2 | 100% (2) | 2 |
  | devices that send mail (scanners, NAS, monitoring) | 7 | 28.6% (2) | 6 |
  | the candidates those four left out | 2 | 50.0% (1) | 1 |
  | reply strings in less covered servers' source (hMailServer, Citadel, Cyrus, Zimbra, Postal, Node's smtp-server, aiosmtpd, Mailpit) | 38 | 76.3% (29) | 34 |
  | administrators' Exim ACL texts in public configurations | 35 | 65.7% (23) | 30 |
  | Postfix and sendmail reject texts in public configurations | 34 | 52.9% (18) | 26 |
  | the candidates those three left out | 41 | 63.4% (26) | 35 |
  | anti-spam filters' configured replies (MIMEDefang, rspamd, amavis, fuglu) | 40 | 60.0% (24) | 30 |
  | qmail, OpenSMTPD, Haraka, hMailServer and Exchange transport-rule texts | 37 | 70.3% (26) | 33 |
  | policy services and milters | 40 | 67.5% (27) | 31 |
  | the candidates those three left out | 44 | 72.7% (32) | 37 |
  | administrators' custom rejection notices (transport rules, custom NDRs) | 39 | 79.5% (31) | 34 |
  | reject texts in other languages in configurations | 7 | 0% (0) | 6 |
  | filter appliances' defaults (Proxmox, MailCleaner, Baruwa, smtpf) | 24 | 62.5% (15) | 20 |
  | hosting panels' templates (cPanel, VestaCP, Stalwart) | 13 | 69.2% (9) | 11 |
  | the candidates those four left out | 37 | 86.5% (32) | 32 |
  | block lists' configured texts | 33 | 78.8% (26) | 26 |
  | SPF, DKIM and DMARC software | 22 | 86.4% (19) | 19 |
  | throttling and rate limits | 16 | 87.5% (14) | 16 |
  | greylisting | 2 | 100% (2) | 2 |
  | the candidates those four left out | 8 | 87.5% (7) | 7 |
  | the twenty-two sets | 502 | 72.7% (365) | 434 (86.5%) |
  | the six sets of candidates left out | 157 | 73.2% (115) | 130 (82.8%) |

  (Files: /work/holdout21/h56a-d, h56x, h57a-d, h57x, h58a-c, h58x,
  h59a-c, h59x, h60a-d, h60x, h61a-d, h61x; test/corpus 2664 to 2745.)
  What they showed, each written as a general alternative with sibling
  rows in our own words: SMTP protocol refusals in more words (commands
  out of order, parameters malformed or repeated, extensions not
  implemented, a second AUTH); logins that cannot happen (unsupported
  mechanisms, an unknown login name, "need EHLO and AUTH first"); the
  sender's own side (a sender domain without MX, "not authorized to send
  on behalf of", a compromised account); authentication checks that
  failed or could not finish; rates in administrators' words (Exim's
  ratelimit texts, "max N emails per user per hour", Portuguese and
  Spanish caps); forwarding out refused by the organisation; attachments
  blocked in five languages; header checks; a mailbox "you tried to send
  to" disabled; reply lines joined without their reply codes, which the
  unwrapping now reads through (an enhanced code alone, seen before).
  Texts with unfilled template variables and one administrator's jokes
  stay misses. docs/categories.md has the decisions, and what was kept
  against the sets.

- A further session (the fourth of 2026-11-30) gathered twenty-four more
  sets in six rounds, each scored once at the commit its round started
  from (h62 at 09983f9, h63 at b5b9dd6, h64 at f8e7b3c, h65 at 3c9e056,
  h66 at a0af950, h67 at 07ce5ed), then the candidates their gatherers
  left out. The search budget ran out during the last round. The dedupe
  removed half or more of what most gatherers found:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | providers outside Europe and the US (Yandex's server, UOL, mail.ru) | 19 | 78.9% (15) | 19 |
  | mail loops, hop counts, forwarding and domain lookups | 26 | 69.2% (18) | 23 |
  | mailbox states (Cyrus, Gromox, Lavabit's Magma, WildDuck) | 34 | 70.6% (24) | 31 |
  | the receiving server's own failures (Exchange, qmail, Momentum) | 33 | 81.8% (27) | 31 |
  | the candidates those four left out | 40 | 72.5% (29) | 37 |
  | German, Dutch, Nordic, Polish and Czech texts | 8 | 37.5% (3) | 8 |
  | French, Italian, Spanish and Portuguese texts (PEC, MailScanner) | 12 | 41.7% (5) | 12 |
  | Exchange's less quoted replies | 21 | 81.0% (17) | 19 |
  | inbound-processing endpoints (helpdesks, inbound parse, lists) | 25 | 52.0% (13) | 21 |
  | the candidates those four left out | 10 | 40.0% (4) | 7 |
  | log-analysis tools' test data (fail2ban, crowdsec, logwatch) | 40 | 87.5% (35) | 40 |
  | mailing-list servers (vger, ezmlm, Mailman, Sympa) | 22 | 54.5% (12) | 20 |
  | security rule sets and log pipelines (Wazuh, Elastic) | 23 | 65.2% (15) | 21 |
  | deliverability blogs and vendors' guides | 31 | 90.3% (28) | 29 |
  | the candidates those four left out | 12 | 75.0% (9) | 10 |
  | Russian-speaking providers and hosters | 12 | 66.7% (8) | 10 |
  | self-hosted web applications' issue threads | 5 | 80.0% (4) | 5 |
  | Q&A sites (Server Fault, Stack Overflow) and admins' pages | 30 | 90.0% (27) | 29 |
  | cloud email services (SES, Oracle, ZeptoMail, DirectMail, Tencent) | 34 | 70.6% (24) | 30 |
  | the candidates those four left out | 21 | 52.4% (11) | 16 |
  | regional ISPs of the US, Canada, Australia and New Zealand | 11 | 72.7% (8) | 9 |
  | SMTP conversation transcripts | 25 | 96.0% (24) | 25 |
  | notices that are not final failures (delays, receipts, auto-replies) | 34 | 88.2% (30) | 32 |
  | format and header refusals | 27 | 74.1% (20) | 25 |
  | the candidates those four left out | 19 | 89.5% (17) | 18 |
  | languages barely covered | 1 | 100% (1) | 1 |
  | modern servers' source (chasquid, mox, go-smtp, aiosmtpd, Haraka) | 40 | 85.0% (34) | 38 |
  | regulated-sector and encryption gateways | 12 | 91.7% (11) | 12 |
  | SaaS senders' bounce reasons (HubSpot, Constant Contact, Buttondown) | 40 | 70.0% (28) | 38 |
  | the candidates those four left out | 128 | 64.8% (83) | 101 |
  | the twenty-four sets | 565 | 76.3% (431) | 528 (93.5%) |
  | the six sets of candidates left out | 230 | 66.5% (153) | 189 (82.2%) |

  (Files: /work/holdout21/h62a-d, h62x, h63a-d, h63x, h64a-d, h64x,
  h65a-d, h65x, h66a-d, h66x, h67a-d, h67x; test/corpus 2745 to 2867.)
  What they showed, each written as a general alternative with sibling
  rows in our own words: an address that does not parse under X.1.7 is
  the sender's; servers' own protocol words (commands out of order,
  parameters they cannot parse, extensions not implemented, talking
  before the greeting); resolver trouble and MTA-STS policies in more
  words; a recipient's own cap against a sender's outbound quota; named
  server states over a bare try-later; allow-lists, content rules and
  MailScanner's reasons in several languages; list servers' refusals;
  sending services' own brakes and reasons; header and MIME refusals;
  the bare word "spam" no longer counts inside an address, a host name
  or a page's name. Jokes in servers' source, texts that say nothing and
  one provider's codes stay misses. docs/categories.md has the
  decisions, and what was kept against the sets.

- A further session (the fifth of 2026-11-30) gathered seventeen more
  sets in five rounds, each scored once at the commit its round started
  from (h68 at dfff5c9, h69 at 7e6d575, h70 at 1e41ee9, h71 at 56d47c8,
  h72 at 8a05cf4), then the candidates their gatherers left out. Most
  gatherers said their themes were nearly spent (the dedupe removed from
  half to four fifths of what they found); several sets hold texts from
  translation files and help pages, which the rules were not made for
  (docs/categories.md says why):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | languages barely covered (Roundcube, Mailman and Discourse catalogues, Gmail's headings) | 26 | 15.4% (4) | 6 |
  | Turkish, Arabic, Hebrew, Persian, Greek, Vietnamese, Thai, Indonesian, Malay | 14 | 7.1% (1) | 8 |
  | email-verification services' recorded replies | 33 | 100% (33) | 33 |
  | community boards (Reddit and the like; the theme was dry) | 7 | 100% (7) | 7 |
  | the candidates those four left out | 8 | 25.0% (2) | 5 |
  | the big providers' notices in their users' languages | 31 | 48.4% (15) | 17 |
  | providers of Africa, South Asia and the Middle East | 4 | 75.0% (3) | 4 |
  | ERP, CRM and e-commerce software's issue threads | 7 | 100% (7) | 7 |
  | outbound MTAs' documented examples (KumoMTA, Momentum, MailerQ) | 12 | 75.0% (9) | 9 |
  | the candidates those four left out | 26 | 65.4% (17) | 18 |
  | rare and newer enhanced status codes | 27 | 81.5% (22) | 24 |
  | non-English Q&A sites and forums | 34 | 82.4% (28) | 29 |
  | the candidates those two left out | 12 | 41.7% (5) | 8 |
  | mail-sending libraries' issue threads | 6 | 83.3% (5) | 6 |
  | Microsoft 365's newer and rarer codes | 10 | 80.0% (8) | 8 |
  | the sending host's identity (PTR, HELO) | 19 | 73.7% (14) | 16 |
  | the candidates those three left out | 6 | 100% (6) | 6 |
  | less common mail servers and gateways | 16 | 75.0% (12) | 14 |
  | relays and smarthosts | 16 | 75.0% (12) | 14 |
  | failures inside the receiving system (store, LMTP, directory) | 35 | 65.7% (23) | 23 |
  | texts that are not a remote refusal (platforms' own reasons, API errors) | 37 | 64.9% (24) | 26 |
  | the candidates those four left out | 17 | 58.8% (10) | 10 |
  | the seventeen sets | 334 | 68.0% (227) | 251 (75.1%) |
  | the five sets of candidates left out | 69 | 58.0% (40) | 47 (68.1%) |

  (Files: /work/holdout21/h68a-d, h68x, h69a-d, h69x, h70a-b, h70x,
  h71a-c, h71x, h72a-d, h72x; test/corpus 2867 to 2916.)
  The session also rewrote every labelled row the way tables receive it
  (quoted in the report of the MTA that gave up, stored still escaped as
  JSON or HTML, with other addresses and host names): 22 rows failed the
  report forms, 1,862 and 89 the escaped ones, 280 turned
  reputation-issues under an address holding "spam". Those are rules and
  unwrapping now, and `corpus_test -w` checks every row in those forms.
  What the sets showed, each written as a general alternative with
  sibling rows in our own words: Gmail's account sending limit in six
  languages, its cannot-connect and no-such-address headings; "mail ID";
  SMTP extensions and command arguments refused by name; reverse-DNS
  wording ("missing reverse PTR", "requires PTR"); recipient addresses
  refused by APIs ("Invalid 'To' address", "recipient isn't valid");
  OAuth and AUTH-exchange refusals; DKIM2. Help pages' translations of
  replies that servers send in English only, client software's own
  strings, and decompiled Exchange store-driver texts stay misses.

- A further session (the sixth of 2026-11-30) gathered sixteen more sets
  in four rounds, each scored once at the commit its round started from
  (h73 at 3a36d3f, h74 at ccf9e3d, h75 at 42f0928, h76 at 5a0575f); the
  session's search budget ran out during the last round. Gatherers again
  found their themes largely spent (a quarter to four fifths of what they
  found was in the corpus already):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | national providers outside the US (Korea, China, Japan, Europe, Australia) | 32 | 87.5% (28) | 29 |
  | security gateways and hosted filters | 35 | 65.7% (23) | 30 |
  | sending services' bounce events (SendGrid, Mailjet, Postmark, SES, ...) | 29 | 75.9% (22) | 25 |
  | mail servers' log lines and NDRs | 34 | 91.2% (31) | 34 |
  | shared hosting and small providers | 29 | 75.9% (22) | 22 |
  | organisations' own mail systems (Domino, Zimbra, IceWarp, Kerio, ...) | 35 | 80.0% (28) | 32 |
  | the 2024-25 authentication requirements, DANE, TLS versions | 29 | 79.3% (23) | 26 |
  | carriers' gateways and ticketing systems | 25 | 48.0% (12) | 18 |
  | marketing platforms' bounce reasons | 33 | 75.8% (25) | 27 |
  | classic and legacy servers | 35 | 88.6% (31) | 31 |
  | refusals of a message's content | 29 | 75.9% (22) | 28 |
  | deferrals and delay notices | 32 | 90.6% (29) | 30 |
  | Latin American and Iberian providers | 23 | 82.6% (19) | 22 |
  | open-source spam and policy filters | 24 | 83.3% (20) | 23 |
  | messages that are not delivery failures | 32 | 93.8% (30) | 32 |
  | failures on the sending side | 21 | 81.0% (17) | 20 |
  | the sixteen sets | 477 | 80.1% (382) | 429 (89.9%) |

  (Files: /work/holdout22/h73a-d, h74a-d, h75a-d, h76a-d; test/corpus
  2916 to 2980.)
  The session also rewrote every labelled row once more the way tables
  receive it: with addresses and host names made of words that name a
  cause ("dmarc@", "greylist@", "unknown@", "mx1.greylist.example.net"):
  4,289 of 29,264 answers changed, 30 now, all of one row resting on its
  noreply address; host names alone: 355 of 13,240, now 240, all rows
  whose host is the cause (a block list's zone); the text written twice:
  7 of 2,916, now 1; wrapped in Gmail's "Address not found": 161 of 2,916
  changed, now 37 (replies that say nothing); Exchange's report in five
  other languages: 17, now 0; upper and lower case: 1 of 5,864 (an
  upper-case Turkish dotless i); status columns written eleven ways: none.
  What the sets showed, each written as a general alternative with
  sibling rows in our own words: AUTH data refused; mail sent where it is
  not served; Trend Micro's codes; DANE in Postfix's words; Domino's
  router texts; ticketing and issue trackers' inbound refusals; archives
  and MIME named as the attachment problem; challenge-response systems;
  DMARC report mails; client libraries' TLS and socket errors. Texts that
  name no cause in their words stay misses.

- A further session (the seventh of 2026-11-30) gathered twelve more sets
  in three rounds, each scored once at the commit its round started from
  (h77 at f081918, h78 at a8dda2b, h79 at 327b565). Every gatherer found its theme
  heavily spent (a fifth to a half of what they found was in the corpus
  already; new texts came mostly from servers' and filters' sources):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | European ISPs and webmail providers (h77, at f081918) | 22 | 77.3% (17) | 17 |
  | texts in languages other than English | 20 | 90.0% (18) | 19 |
  | groupware and self-hosted servers | 31 | 80.6% (25) | 30 |
  | mailing lists, forwarding and aliases | 35 | 65.7% (23) | 30 |
  | receivers' rate limits and reputation refusals (h78, at a8dda2b) | 25 | 84.0% (21) | 23 |
  | mailbox states (disabled, suspended, full) | 35 | 97.1% (34) | 34 |
  | smaller security gateways | 29 | 79.3% (23) | 26 |
  | DNS, routing and transport failures | 33 | 72.7% (24) | 27 |
  | connection failures in rarer words (h79, at 327b565) | 30 | 93.3% (28) | 29 |
  | unknown recipients and domains in thinly covered languages | 21 | 57.1% (12) | 18 |
  | recipients' own rules and relay refusals in rarer words | 22 | 86.4% (19) | 20 |
  | spam verdicts, block lists, sender authentication in rarer words | 32 | 90.6% (29) | 31 |
  | the twelve sets | 335 | 81.5% (273) | 304 (90.7%) |

  (Files: /work/holdout22/h77a-d, h78a-d, h79a-d; test/corpus 2980 to
  3015. The search budget ran out during h79.)
  The session also rewrote the corpus's texts the other ways servers
  spell the same words (`make perturb`): "is not" contracted changed 153
  of 478 answers, now 21 of 542 (with "cannot" and "will not"); written
  out 5 of 87, now 0; "mail box" 36 of 196, now 1; "time-out" and "time
  out" 38 of 118, now 2; "host name" and "hostname" 8 of 34, now 2;
  "mailserver" 3 of 110, now 1; "black list" 6 of 36, now 2; "mail
  address" 12 of 45, now 8; addresses without angle brackets 5 of 473,
  now 2, with them 2 of 343, now 0; curly double quotes 6 of 41, now 0;
  "mail-box" 46 of 196, now 3; "log-in" 7 of 14, now 2; "not available"
  for "unavailable" 11 of 101, now 2. Word order ("unknown user" for
  "user unknown", "full mailbox" for "mailbox full", "invalid address"
  for "address invalid") changed 1 of 144, 0 of 46 and 1 of 36 already.
  Fragments @{not}, @{can-not} and @{address}, the compounds' joint made
  optional ("unavailable" also "not available"), and the unwrapping reading typographic double quotes did it;
  test/tools/spellings.py keeps the spellings so.
  What the sets showed, each written as a general alternative with
  sibling rows in our own words: MDaemon's notice that opens refusals and
  expiries alike; a mailbox moving between stores; the receiving
  server's own directory, database and resolver; connection caps; Go's
  x509 errors; MTA-STS's "authentication"; list and group posting
  refusals; aliases piping to programs; reply keys and closed topics;
  certified mail's virus notices; a policy daemon's sender quotas;
  Turkish in capitals. Rules that read Orange's numbered codes by their
  documented meanings were taken back: the development set reads them by
  their words on purpose (docs/categories.md).

- The eighth session of 2026-11-30 gathered four more sets in one round,
  scored once at df6ab25, with a fresh search budget. Every gatherer found
  its theme heavily or quite spent (12 to about 40 candidates a set were
  in the corpus already):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | Microsoft 365 and Gmail NDRs beyond the common ones | 35 | 85.7% (30) | 34 |
  | protocol and message-format refusals | 32 | 90.6% (29) | 31 |
  | providers in thinly covered regions (Russia, Australia, Vietnam, ...) | 23 | 87.0% (20) | 23 |
  | application libraries' and help desks' wrappers | 33 | 87.9% (29) | 31 |
  | the four sets | 123 | 87.8% (108) | 119 (96.7%) |

  (Files: /work/holdout22/h80a-d; test/corpus 3015 to 3040.)
  What the sets showed: Microsoft's 5.7.504 for its unknown-recipient
  "Access denied" (a code condition, dbebcode); "naked LF"; header counts
  and header lengths; busy agents and a receiver's failed lookups; AUTH
  exchanges given up; Vietnamese connection, address and domain texts;
  "domain does not exist" in French and German. The same session made
  the rules read "isn't" where an auxiliary is optional (@{negation}):
  contractions now change 0 of 545 answers in `make perturb`.
  A second round, scored once at ff385a3 (after the first round's rules):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | localized NDR texts (server templates in Chinese, Japanese, German, French, ...) | 22 | 59.1% (13) | 20 |
  | expiry and give-up texts | 18 | 83.3% (15) | 17 |
  | Chinese, Taiwanese and Hong Kong providers | 34 | 64.7% (22) | 29 |
  | compliance, DLP and forced-TLS refusals | 27 | 92.6% (25) | 27 |
  | the four sets | 101 | 74.3% (75) | 93 (92.1%) |

  (Files: /work/holdout22/h81a-d; test/corpus 3043 to 3066 with the
  session's spelling rows.) The gatherers found every theme heavily
  spent; what was left came mostly from servers' own localized
  templates and one MTA vendor's rules file of Chinese providers'
  replies, several of them provider codes with vague words that were
  not made rules (docs/categories.md). The same session finished the
  spellings `make perturb` counts: every family changes 0 answers now
  but "time-out" (maildrop's "Time-out quota", 1) and addresses without
  angle brackets (2).

- The ninth session (2026-12-01 by the clock) gathered four more sets,
  scored once at 7743cd9, with a fresh search budget (75 to 95 look-ups a
  gatherer). Every gatherer found its theme heavily spent: 8 to 18
  candidates a set were in the corpus already, and more in earlier sets:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | newer open-source MTAs, SMTP servers and policy daemons (mox, chasquid, Haraka, OpenSMTPD, postfwd, ...) | 35 | 74.3% (26) | 28 |
  | forwarding and alias services (SimpleLogin, Forward Email, addy.io, Cloudflare, Firefox Relay, ...) | 31 | 77.4% (24) | 26 |
  | privacy-focused and independent providers (Fastmail, Proton, Tuta, Zoho, Yandex, ...) | 31 | 71.0% (22) | 24 |
  | public-sector, health and education gateways (NHSmail, universities, Direct, Zix) | 25 | 76.0% (19) | 21 |
  | the four sets | 122 | 74.6% (91) | 99 (81.1%) |

  (Files: /work/holdout22/h82a-d; test/corpus 3074 to 3081.) What the
  sets showed, each written as a general alternative with a sibling row
  in our own words: "max recipient count is N"; refusing to send DSNs to
  non-local addresses; a minimum TLS requirement not met, content that
  must be encrypted; an outside server that "couldn't relay your
  message"; momentary (and plural) issues with the mail server; an
  "Invalidated From address". Most of what is left is one service's
  numbered codes (SimpleLogin's "SL E5xx", which two gatherers labelled
  differently), texts that name no cause, and labels our decisions read
  otherwise (docs/categories.md, "Ninth").
  A second round, scored once at 88e94c8 (after the first round's rules):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | SMTP replies recorded by email-verification tools (Reacher, AfterShip's verifier, mailsherpa) | 35 | 82.9% (29) | 30 |
  | bounce-handling software's fixtures (PHP bounce handlers, EmailEngine, crisp, ...) | 32 | 78.1% (25) | 31 |
  | South and Southeast Asian providers (Vietnam, Singapore, Malaysia, Thailand, Indonesia) | 19 | 89.5% (17) | 17 |
  | hosting control panels and filtering add-ons (Plesk, HestiaCP, DirectAdmin, cPanel, ISPConfig, MagicSpam) | 31 | 74.2% (23) | 29 |
  | the four sets | 117 | 80.3% (94) | 107 (91.5%) |

  (Files: /work/holdout22/h83a-d; test/corpus 3081 to 3093.) What the
  sets showed: a backscatter check's "We didn't send the message";
  "denied authentication"; "cannot be accepted right now"; Exchange 5.5's
  "unavailable to take delivery"; "too many bounces" and "userid
  unknowns" from a sender; MagicSpam's "identifier (HELO)"; "default
  assigned hostnames"; "does not accept mail from your address"; "User no
  found"; Spamhaus's lists by name and a list zone's own "Listed by"; and
  the wrapper "The following recipient(s) could not be reached:", which
  now defers to the reply it quotes. The gatherers found the themes very
  spent: the commercial verification tools publish only their own status
  words, and most fixtures were mined in earlier rounds.
  A third round, scored once at 6024cbe:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | transactional email APIs' reasons (Azure ACS, Scaleway, Elastic Email, Mailjet, Postmark, Resend, ...) | 34 | 55.9% (19) | 23 |
  | local delivery failures (Dovecot LMTP and Sieve, Cyrus, qmail-local, ZMailer, Postfix pipe, Exim transports) | 35 | 68.6% (24) | 32 |
  | devices and applications that send notifications (NAS units, monitoring, dev tools, WordPress plugins) | 33 | 87.9% (29) | 29 |
  | special recipients (Microsoft 365 groups and public folders, Google Groups, Email-to-Case, Zulip, ...) | 34 | 73.5% (25) | 26 |
  | the four sets | 136 | 71.3% (97) | 110 (80.9%) |

  (Files: /work/holdout22/h84a-d; test/corpus 3093 to 3106.) Most of the
  first set is the services' own descriptions of their categories, not
  replies ("Refers to a non critical error received while sending"),
  often listing several causes; what generalised: the domain part of an
  address, a proper or stable connection, network troubles, greylisting
  "triplets". The second: input/output and stat() errors, Exim's
  never_users, Postfix pipe's time limit, "not answering", soft-deleted
  mailboxes, a Sieve folder that is missing (not the address), a broken
  forward or filter file (routing-issues). The fourth: a Microsoft 365
  group "isn't set up to receive messages from" the sender. `make
  perturb` caught two of these alternatives spelled one way; the
  spellings check now catches that kind.
  A fourth round, scored once at f441aa4; the session's search budget ran
  out after 6 to 14 look-ups a gatherer, so the sets are small and the
  second is mostly help pages' summaries:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | phishing-simulation campaigns' SMTP failures (GoPhish) | 13 | 76.9% (10) | 12 |
  | cold-outreach tools and hosts' help pages | 28 | 53.6% (15) | 17 |
  | mail clients' error dialogs and logs | 15 | 86.7% (13) | 13 |
  | lightweight relays and submission tools (msmtp, mailcow, OpenSMTPD) | 17 | 88.2% (15) | 16 |
  | the four sets | 73 | 72.6% (53) | 58 (79.5%) |

  (Files: /work/holdout22/h85a-d; test/corpus 3106 to 3111.) What
  generalised: "address is not valid" and "not in a valid format" (the
  word orders of "invalid address"), "Bad command sequence", an account
  locked after a failed login (the sender's), an account's storage limit.
  (The "after" columns of the first two rounds count one row more each
  since the tenth session: a notice's sentence listing possible causes
  is now read past, below.)

- The tenth session (also 2026-12-01 by the clock) had a fresh search
  budget. It first made the rules read past a sentence that lists
  possible causes (core/rules/00-hedges.rules, an "aside" rule; three
  earlier sets had such notices), then gathered four sets, scored once
  at 7ae591b (the ninth session's close):

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | North American and Oceanian ISPs (Comcast, AT&T, Spectrum, Cox, Optimum, EarthLink, Shaw, Telstra, ...) | 27 | 66.7% (18) | 21 |
  | bounces posted to public list archives and forums (kernel lists, Ubuntu forums, Mailman's test bounces) | 29 | 86.2% (25) | 27 |
  | university help-desk and postmaster pages | 35 | 82.9% (29) | 33 |
  | cloud and provider submission relays (Microsoft 365 SMTP AUTH, SES, Oracle, Brevo, SMTP2GO, ...) | 26 | 73.1% (19) | 19 |
  | the four sets | 117 | 77.8% (91) | 100 (85.5%) |

  (Files: /work/holdout22/h86a-d; test/corpus 3157 to 3169.) What
  generalised: "stop flooding us"; the Cloudmark filter's rate and
  connection codes without Cox's prefix (AUP#MXRT, AUP#CNCT); a host
  "sending too quickly"; a group or list "disabled"; "must start with
  EHLO/HELO"; "bounced by administrator"; the domain name (or part) of an
  address "is not valid"; "does not support SMTP Authenticated Relay".
  Most of the fourth set is SMTP AUTH and relay refusals that our
  decisions read as relaying-issues where the gatherer read the cause
  behind them (docs/categories.md, "Tenth").
  A second round, scored once at 89972ea:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | sending services in non-English markets (Tencent Cloud, Aliyun, UniSender, Stibee, CleverReach, ...) | 35 | 37.1% (13) | 19 |
  | administrators' reject texts in MTA configurations (Exim ACLs, Sendmail rules, milters, Postfix checks) | 35 | 65.7% (23) | 24 |
  | applications that receive mail (Discourse, Request Tracker, Redmine, Zendesk, Kindle, OTRS, ...) | 35 | 31.4% (11) | 13 |
  | webmail and groupware front-ends (Roundcube, SOGo, Horde, Nextcloud Mail, Gmail send-as) | 32 | 68.8% (22) | 27 |
  | the four sets | 137 | 50.4% (69) | 83 (60.6%) |

  (Files: /work/holdout22/h87a-d; test/corpus 3169 to 3189. The fourth
  set's "after" counts two rows more: one since the eleventh session, whose
  first round had Nextcloud Mail's summary again, one since the twelfth,
  whose fourth round had Vade's threat list again.) The lowest
  first runs of any round: the first set is mostly a sending service's
  descriptions of its own status codes (in Chinese and Russian), the
  third applications' notices about replies by mail (trust levels,
  queues, closed tickets, document types), which name no SMTP cause and
  were not made rules. What generalised: Chinese "blacklist", timeouts
  and complaint or rejection rates; a Japanese retry period's end; French
  malware verdicts; relays for registered users only and servers without
  AUTH; session limits; unencrypted mail refused; "originator not
  accepted"; "not accepting SMTP connections"; "possible causes are:"
  without "or".
  A third round, scored once at e955624:

  | set | rows | first run | after |
  |---|---:|---:|---:|
  | bounces other than unknown recipients in thinly covered languages (Polish, Czech, Dutch, Romanian, Turkish, ...) | 23 | 60.9% (14) | 19 |
  | mail-log lines kept as fixtures by log tools (fail2ban, log reporters, SIEM samples) | 35 | 85.7% (30) | 31 |
  | replies quoted by deliverability practitioners (smtp-field-manual, knowledge bases, blogs) | 28 | 89.3% (25) | 25 |
  | open-source newsletter software (MailWizz's and Mautic's bounce samples, Postal, listmonk) | 35 | 62.9% (22) | 23 |
  | the four sets | 121 | 75.2% (91) | 98 (81.0%) |

  (Files: /work/holdout22/h88a-d; test/corpus 3189 to 3198.) What
  generalised: Polish sending, size and connection limits and "rejected
  by SPF"; "the maximum number of sent emails"; an invalid name "given in
  HELO". The first gatherer found nothing in Greek, Hebrew, Arabic,
  Persian, Thai, Vietnamese, Indonesian, Ukrainian or the Nordic
  languages: servers there mostly answer in English.
  A small fourth round with the last of the search budget, scored once
  at 04a377a: recent questions and issue threads (20 rows, 95.0%, 19)
  and hosting companies' help pages in five languages (26 rows, 53.8%,
  14; mostly providers' own codes explained by their pages); no rules
  were written from it (docs/categories.md, "Tenth").

- The eleventh session (2026-12-01 again) had a fresh search budget and
  spent it on five rounds, each scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h90 (5b9d6dc) | consumer help communities and ISP help pages (26/31); self-hosted mail suites, mostly Stalwart's and iRedAPD's sources (29/34); the recipient's domain and the address's form (17/22); helpdesk and CRM platforms (20/26) | 113 | 82.3% (93) | 96 |
  | h91 (726f04e) | enterprise servers of the 2000s (Domino, GroupWise, Kerio; 15/26); cloud vendors' email services (SES, Azure, NAVER, Tencent; 15/30); headers and the sender's domain (26/30); CMS mail plugins (25/26) | 112 | 72.3% (81) | 90 |
  | h92 (94d1be6) | debug transcripts of failed sessions (20/23); services in Microsoft 365 and Google tenants' mail flow (16/23); front-ends' and proxies' connection refusals (27/34); greylisting and deliberate deferrals (23/25) | 105 | 81.9% (86) | 96 |
  | h93 (f59664c) | Delta Chat and chatmail relays (19/29); postmasters' lists (21/26); mail libraries outside PHP (20/29); mobile mail apps (27/31) | 115 | 75.7% (87) | 101 |
  | h94 (e1c727f) | Gmail's and Outlook's notices in other languages (3/4); creator and newsletter platforms (15/20) | 24 | 75.0% (18) | 20 |
  | all | 18 sets | 469 | 77.8% (365) | 403 (85.9%) |

  (Files: /work/holdout22/h90a-h94b; test/corpus 3209 to 3253.) What
  generalised: a server's 220 greeting that warns against unsolicited
  mail, and swaks's closing line, read past like the lists of causes
  (core/rules/02-banners.rules); client libraries' reports of a hang-up
  (EOFError, errno names, gen_smtp's network_failure); Postfix's and
  sendmail's session timeouts in their logs' words; an address's form
  named part by part; Cisco's SBRS; relay refusals in Spanish and
  Portuguese. Every gatherer found its theme fairly to very spent: new
  texts came mostly from servers' sources and vendors' reply tables, and
  what was missed is mostly one product's own labels (Domino's router,
  NAVER's and Tencent's status names, Buttondown's reasons), not made
  rules (docs/categories.md, "Eleventh").

- The twelfth session (2026-12-01, the fourth that day) had a fresh
  search budget again; each round was scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h95 (c1bf786) | older bounce parsers' fixtures, mostly BounceParser's spam refusals (25/25); inbound-email services and mail-in addresses (6/22); Exchange on-premises and older Windows servers (22/27); self-hosted web applications and fediverse software (25/29) | 103 | 75.7% (78) | 90 |
  | h96 (c1bf786) | bounces quoted on non-English Q&A sites and hosts' pages (30/35); high-volume sending MTAs' logs (25/26); mail testing tools and simulators (25/33); the recipient's message store (18/25) | 119 | 82.4% (98) | 104 |
  | h97 (907f2b4) | bounces in Usenet-era archives (11/14); list managers' and webmail's translated catalogues (8/25); hosted business suites (24/27); challenge-response systems (8/22) | 88 | 58.0% (51) | 63 |
  | h98 (907f2b4) | X.400 and legacy gateways (13/26); mailbox providers' sending APIs (18/31); telco-grade mail platforms (21/26); no-reply and role addresses (8/15) | 98 | 61.2% (60) | 75 |
  | h99 (b8498b3) | public-sector and school notification platforms (14/28); self-hosted mail stacks' threads (24/26); warm-up and deliverability tools (21/21) | 75 | 78.7% (59) | 66 |
  | all | 19 sets | 483 | 71.6% (346) | 398 (82.4%) |

  (Files: /work/holdout22/h95a-h99c; test/corpus 3257 to 3318.) What
  generalised: inbound endpoints' HTTP 5xx and a store's lock wait;
  SMTP AUTH with no usable mechanism; an empty reply; "policy" in five
  more languages; addresses that take only mail with an attachment;
  Japanese size and loop wordings; RFC 5321's "mailbox name not
  allowed"; Coremail's "User hangup"; challenge-response holds in their
  own words; SPF's neutral result in libspf2's words; size and
  recipient limits in list managers' German and French notices;
  X.400's expiry and hop limits; sending APIs' and platforms' limits. The lowest first
  runs are sets of notices that name no SMTP cause (inbound services'
  and e-invoicing platforms' notices about the documents they process,
  list managers' translated rejections, reply-by-mail notices, public
  notification platforms' status labels), most of
  which were not made rules (docs/categories.md, "Twelfth"). One row of
  the eleventh session's sets now differs from its label: the Gmail
  API's "Recipient address required" (h90d-17, labelled other), which
  this project reads as "Recipient address may not be empty",
  invalid-mailbox.

- The thirteenth session (2026-12-01, the fifth that day) had a fresh
  search budget again and spent it on themes of a new kind: programs'
  own words (source code, message catalogues, test suites, logs) more
  than pasted bounces; each round was scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h100 (aab0d31) | TLS on the SMTP hop (11/23); business and commerce applications (15/17); the largest providers' texts of 2024-2026 (29/29); Asian and Middle Eastern languages, not unknown recipients (19/20) | 89 | 83.1% (74) | 88 |
  | h101 (724de36) | virus and malware verdicts (18/21); IPv6 and resolver failures (17/23); dynamic and badly named sending IPs (29/31); backup and administration software's mail (17/27) | 102 | 79.4% (81) | 97 |
  | h102 (025173d) | sender authentication in verifiers' own words (15/20); rate limits in servers' own words (20/23); address parsing and aliases in classic MTAs' words (22/35); mainframe and legacy platforms (9/28) | 106 | 62.3% (66) | 91 |
  | h103 (16547d7) | message stores' and delivery agents' catalogues (28/35); Windows small-business servers (19/31); SMTP server libraries' defaults (25/34); Russian and Ukrainian (14/17) | 117 | 73.5% (86) | 105 |
  | h104 (e125ec2) | open-source mail gateways (17/22); mail proxies and front-ends (15/21); certified e-mail (5/6); telephony systems' mail (8/17) | 66 | 68.2% (45) | 55 |
  | h105 (50ef2b5) | mail servers' test suites (16/19); the qmail patch and fork ecosystem (28/32); third-party Exchange agents and Windows add-ons (14/15) | 66 | 87.9% (58) | 64 |
  | all | 23 sets | 546 | 75.1% (410) | 500 (91.6%) |

  (Files: /work/holdout22/h100a-h105c; test/corpus 3318 to 3405.) What
  generalised: TLS failures and requirements in more words (DANE,
  certificate checks, "requires enforcement", REQUIRETLS, AUTH only over
  TLS); virus verdicts in Portuguese and Spanish; wrappers that quote the
  cause (SQL Server Database Mail's); resolver and CNAME failures; a
  scanner or a block-list lookup that failed (the server's trouble, not
  a verdict); SMTP protocol refusals in servers' own words; sendmail's
  and Exim's log lines for load, throttles and DKIM; broken alias and
  forward files before the address errors they quote; a mail proxy's
  own back end failing. The lowest first runs are sets of one product's
  catalogue (MX for OpenVMS, X.411's code names, a PBX's SMS gateway),
  most of which were not made rules (docs/categories.md, "Thirteenth").
  One row of an earlier set changed, to its label: sendmail's "553 5.1.2
  Invalid route address" (h90c-08, invalid-mailbox).

- The fourteenth session (2026-12-01, the sixth that day) had a fresh
  search budget again and spent it on corners the earlier themes had not
  touched; each round was scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h106 (82c7a39) | Japanese hosting companies' help pages (20/22); providers' incidents and outages (25/25); constrained and store-and-forward networks (8/28); MTAs' release notes and advisories (14/22) | 97 | 69.1% (67) | 76 |
  | h107 (82c7a39) | research datasets' bounces (15/20); measurement research (28/35); secure health messaging (8/20); the authentication changes of 2025-2026 (15/21) | 96 | 68.8% (66) | 75 |
  | h108 (c51cf98) | historical Unix MTAs' source (16/34); Unix mail user agents' send errors (19/33); Baltic, Balkan and smaller European languages (3/20); newer cloud e-mail security vendors (13/15) | 102 | 50.0% (51) | 60 |
  | h109 (c51cf98) | Microsoft 365's sending limits of 2024-2026 (18/19); mail retrieval and re-injection tools (19/35); errors after server upgrades (26/28); message-trace consoles (22/23) | 105 | 81.0% (85) | 89 |
  | h110 (18abbba) | older MTAs' source continued (14/34); submission APIs other than SMTP (15/28); Microsoft server products' mail (12/18); enterprise SaaS platforms (15/21); mailing-list managers (26/34); Chinese commercial mail servers (25/35) | 170 | 62.9% (107) | 121 |
  | all | 22 sets | 570 | 66.0% (376) | 421 (73.9%) |

  (Files: /work/holdout22/h106a-h110f; test/corpus 3405 to 3447.) What
  generalised: message encryption impossible for want of the
  recipient's key; a login refused for the account's state after
  "Authentication unsuccessful"; SMTP AUTH in German and Exchange
  Online's refusal of Basic authentication; repeated and RFC 4865
  parameters; Exim's taint refusals and a delivery program that could
  not be started; JMAP's SetError types (RFC 8621); sending as another
  mailbox without the right; a list's own bans and signing rules; an
  envelope sender refused inside .NET's wrapper; MMDF's and ZMailer's
  words for a name server timeout, a mail store's write failure, an
  unknown parameter and an MX that names the sending host. The lowest first runs are catalogues of one
  product or network (FidoNet gateways, Inmarsat-C's delivery codes,
  ZMailer's DNS self-checks, imapsync's and Gmail's fetch errors,
  PHPMailer's and Roundcube's translations into Welsh, Catalan, Latvian
  and others, Salesforce's API status names), most of which were not
  made rules (docs/categories.md, "Fourteenth"). Two rows of earlier
  sets changed, both to their labels (h74b-13, Domino's "SMIME
  Encryption key not available for recipient"; h98a-06, Exchange's "do
  not have create permissions on this folder"); all 3,973 holdout rows:
  83.3% at the session's start, 84.5% at its end.

- The fifteenth session (2026-12-01, the seventh that day) had a fresh
  search budget and spent it on kinds of source still untouched (the
  largest MTAs' own source, standards' texts, devices, filters,
  platforms); each round was scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h111 (84a48e1) | Postfix's own source (27/29); Exim's own source (22/35); sendmail's source and m4 configuration (25/35); standards' and registries' texts (30/35) | 134 | 77.6% (104) | 124 |
  | h112 (84a48e1) | hypervisors', firewalls' and appliances' alert mail (16/19); recipients' own filters and Sieve (16/25); tools that probe mail servers (21/27); UK, Irish, Benelux and Nordic ISPs (13/19) | 90 | 73.3% (66) | 82 |
  | h113 (5b43971) | maker and home-automation mailers (19/25); Microsoft 365 hybrid connectors (24/27); content filters' and policy daemons' source (26/31); journaling and archives (14/21) | 104 | 79.8% (83) | 91 |
  | h114 (5b43971) | automation platforms (12/17); identity platforms (17/27); backscatter in public spam archives (22/27); SMTP middleboxes (25/28) | 99 | 76.8% (76) | 87 |
  | h115 (a439ec3) | database and ERP mail (15/20); legacy Windows mail components and command-line mailers (18/23); developer mail workflows (25/32); forum software (9/10) | 85 | 78.8% (67) | 77 |
  | h116 (a439ec3) | send-to-device addresses (0/11); restricted delivery for students (12/12); Africa and the Middle East (6/7); moderation and group restrictions (13/15) | 45 | 68.9% (31) | 39 |
  | all | 24 sets | 557 | 76.7% (427) | 500 (89.8%) |

  (Files: /work/holdout22/h111a-h116d; test/corpus 3447 to 3517.) What
  generalised: protocol states and parameters in Exim's and Postfix's
  words; milters, pipes and transport filters that fail, and a Sieve
  script aborted, ahead of the words their names would wake; DANE
  checks; named AUTH mechanisms, "Credentials Rejected", qmail's
  "authorization failed" and OAuth's invalid_grant; sender domains that
  cannot be validated; "not an open relay"; socket read errors,
  SMTPServerDisconnected, EPIPE; daily and per-period sending caps;
  retries used up; DKIM ADSP; virus notices in Portuguese and Italian;
  send-to-device refusals; sizes, HTML parts and one-domain senders on
  lists; and, from the earlier sets' misses without new searches, too
  many recipients in eleven languages. The lowest first run is a set of
  send-to-device notices (Kindle's E-codes, 0/11 before, 7/11 after);
  what was not made rules is in docs/categories.md ("Fifteenth"). Of
  the earlier sets, 10 rows changed, all to their labels but one
  (h98c-26, the spam verdict "blocked from sending. Probably due to
  sending spam messages", now reputation-issues, which that set labelled
  blocklisting-issues and two other sets reputation-issues); all 4,530
  holdout rows (h73 to h116): 83.6% at the session's start build, 85.4%
  at its end.

- The sixteenth session (2026-12-01, the eighth that day) ran on a new
  machine: the earlier sessions' holdout files (/work/holdout22, h73 to
  h116) did not survive to it, so its figures cover its own sets only
  (/work/holdout23). It had a fresh search budget and spent it on three
  rounds of eight sets, mostly on the sending side's own software, where
  the first runs were lowest; each round was scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h117 (3e74ff5) | lesser-known servers' own texts (22/25); Perl, Python and Ruby SMTP daemons (28/35); mail clients' send errors and translations (22/35); outbound port 25 and cloud hosts (24/25); encryption and directory lookups (14/29); German-speaking providers (19/20); greylisting and policy servers' source (26/35); mail libraries in Erlang, Elixir, Rust, Go, Swift and Haskell (24/35) | 239 | 74.9% (179) | 211 |
  | h118 (23816b7) | qpsmtpd's less used plugins and Perl daemons (24/36); Java servers and libraries (19/28); .NET and PowerShell (28/35); webmail and its translations (15/32); Korean and Japanese business mail (21/22); the Indian subcontinent (15/17); proxies, VPNs and Tor (23/35); Delta Chat and chatmail (26/34) | 239 | 71.5% (171) | 212 |
  | h119 (9e36f84) | PHP libraries and frameworks (28/34); Python libraries and frameworks (27/34); JavaScript and TypeScript senders (33/34); Ruby applications (31/35); lightweight relays (25/32); monitoring and alerting tools (27/33); mobile mail apps (12/20); self-hosted collaboration apps (28/35) | 257 | 82.1% (211) | 234 |
  | all | 24 sets | 735 | 76.3% (561) | 657 (89.4%) |

  (Files: /work/holdout23/h117a-h119h; test/corpus mta-2412 to mta-2499.)
  What generalised: the sender's own software in its own words (SOCKS
  and proxy failures, TLS alerts and socket timeouts in Erlang, Haskell,
  Elixir, Java, Go and Python, iOS Mail's and Delta Chat's alerts, logins
  refused and AUTH mechanisms missing, named, quoted or misspelt);
  wrappers that defer to the reply they carry (.NET's "Exceeded storage
  allocation", Python's SMTPSenderRefused, nodemailer's "Mail command
  failed"); a server's own processing and backend failures ahead of a
  bare retry; signing and encryption requirements of lists and relays;
  sizes and invalid recipients in German, French and Japanese; and
  client translations that name their cause (docs/categories.md,
  "Sixteenth", has the decision that changed). Of the shared corpora and
  the 200,000 bench rows, none changed against the session's start.
  The search budget ran out during the third round.

- The seventeenth session (2026-12-01, the ninth that day) had a fresh
  search budget and spent it on three rounds of eight sets, on corners
  no earlier theme had reached (applications that send or receive mail
  for their users, local submission, client translations, stored
  forms of a bounce); each round was scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h120 (4ca5ca3) | forum software (20/21); learning platforms (16/33); mail-merge tools (16/28); local submission and cron mail (23/35); bug trackers and code review (15/36); form backends (18/23); Spanish- and Portuguese-language hosts (13/16); Nordic and Baltic providers (23/30) | 222 | 64.9% (144) | 185 |
  | h121 (c1a428a) | marketplaces' relay addresses (3/11); calendar invitations (15/29); mainframe, midrange and VMS mail (8/13); event and nonprofit platforms (19/22); recruiting and HR platforms (10/15); Android OEM mail apps (10/27); file-sharing and e-signature services (20/20); billing and invoicing platforms (14/21) | 158 | 62.7% (99) | 132 |
  | h122 (a0e3c05) | C and C++ mail libraries (17/28); HTML bodies of NDRs (15/16); transfer encodings left in (12/13); protective-marking refusals (5/5); shell mailers (24/38); desktop clients in Spanish, Portuguese, Italian and Dutch (14/30); practice software (13/17); PHP's mail() on shared hosting (22/34) | 181 | 67.4% (122) | 168 |
  | all | 24 sets | 561 | 65.1% (365) | 485 (86.5%) |

  (Files: /work/holdout23/h120a-h122h; test/corpus mta-2500 to
  mta-2598.) The first runs were the lowest of any session's because the
  themes were chosen where the rules had not been: most misses were the
  sending side's own words (the local mail system that cannot run,
  mail libraries' and shell mailers' errors, Thunderbird's and phone
  apps' texts in Catalan, Slovak, Czech, Spanish, Portuguese, Italian
  and Dutch) and applications' own notices. What generalised: those
  words, each a general alternative; sending APIs' quoted `to` and
  `from` field checks; opt-outs as the recipient's choice; mailbox rules
  over a 4.3.2; list-of-causes notices in Italian, German and French
  read past like the English; retries used up in billing platforms'
  words. docs/categories.md ("Seventeenth") has the decisions and what
  was left (one product's notices: Phabricator, Gerrit, Moodle, Sakai,
  Mailmeteor, Amazon's German). Against the session's start build, on
  about 206,400 rows, only the new sets' rows, the new corpus rows and
  one row of an earlier set (h117h-23, to its label) changed: none of
  the 200,000 bench rows and none of the shared corpora. The search
  budget ran out during the third round.

- The eighteenth session (2026-12-01, the tenth that day) had a fresh
  search budget and spent it on three rounds in corners no earlier theme
  had reached, mostly thin ones (five of the seventeen sets came back
  with ten rows or fewer, one with none); each round was scored once
  at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h123 (4a72dc0) | batch schedulers' mail (15/30); telephony, voicemail and fax gateways (11/21); satellite, maritime and packet-radio mail (10/18); wikis and scholarly publishing (14/20); regional languages: Catalan, Basque, Galician, Occitan, Welsh, Breton, Frisian, Luxembourgish (16/35); hotel and booking systems (10/15); customer-engagement platforms (9/9); Mac and retro platforms (13/22) | 170 | 57.6% (98) | 126 |
  | h124 (ab441f8) | terminal mail clients of the 2020s (15/22); Quebec and Canadian French (5/5); conference and peer-review systems (10/10); replies quoted in 2025-2026 issue threads (16/19); providers' newest wordings of 2025-2026 (29/31) | 87 | 86.2% (75) | 78 |
  | h125 (4a55de5) | Stack Exchange sites beyond Server Fault (none stored); Microsoft Q&A threads (10/12); Japanese and Korean sending services (13/21); French-speaking hosts (6/6) | 39 | 74.4% (29) | 32 |
  | all | 17 sets | 296 | 68.2% (202) | 236 (79.7%) |

  (Files: /work/holdout23/h123a-h125d; test/corpus mta-2601 to
  mta-2630.) The lowest first run was again where the themes were
  farthest from delivery: schedulers' logs, fax gateways and client
  catalogues in small languages. Providers' newest wordings of
  2025-2026 were 29 of 31 on first run. What generalised: the sending
  host's mail program that cannot run, in batch schedulers' and
  daemons' words; message and temporary files that cannot be written;
  the resolver that fails or does not answer; "internal server error",
  "mailbox unavailable", non-member posts and "authentication
  required" in the Romance languages; msmtp's and sending APIs' checks
  of the sender and the recipient. One fix removed a false hard bounce:
  an account missing from the sending client's configuration file
  ("account default not found in ~/.msmtprc") had been read as an
  unknown recipient. docs/categories.md ("Eighteenth") has the
  decisions and what was left. Against the session's start build, on
  about 206,700 rows, only the new sets' rows and the new corpus rows
  changed: none of the 200,000 bench rows, none of the shared corpora
  and no earlier set's row.

- The nineteenth session (2026-12-02) had a fresh search budget and
  changed how the sets were gathered: instead of searching for pasted
  bounces, helpers read whole message catalogues end to end (servers',
  clients', libraries' and sending services' string files and code
  tables), filling format strings as the programs do. Five rounds, each
  scored once at its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h126 (9d14499) | a server's own resource failures (17/20); mailboxes being moved or migrated (17/20); XMail's, E-MailRelay's and dma's catalogues (18/25); client texts in twelve languages no set had covered (9/35); SMTP client libraries in C, C++, Delphi, Lua, Perl, Dart, R and Julia (19/24) | 124 | 64.5% (80) | 86 |
  | h127 (7a143cc) | Thunderbird's English catalogue (24/33); Evolution, KMail, Geary, Mailspring, Claws, FairEmail (26/32); go-guerrilla's, DBMail's, Axigen's catalogues (13/23); Outlook's numbered errors and Apple Mail (17/22); webmail catalogues (22/30) | 140 | 72.9% (102) | 125 |
  | h128 (86bff3a) | mail libraries' catalogues (15/25); MTAs' own delivery texts from source (25/29); anti-spam gateways' and policy daemons' defaults (18/21); mobile mail apps' string files (12/26); sending services' code tables (24/35) | 136 | 69.1% (94) | 114 |
  | h129 (486fe19) | hMailServer's source (33/37); printers' scan-to-email errors (9/12); ERP and CRM mail failures (16/24); command-line mailers (18/30); Dovecot's strings (18/22) | 125 | 75.2% (94) | 109 |
  | h130 (342aaa2) | Postfix's and Exim's SMTP clients (27/31); Windows mail components, mostly IIS SMTP's queue texts (19/27); Outlook's, Gmail's and Yahoo's own send errors (12/23) | 81 | 71.6% (58) | 75 |
  | all | 23 sets | 606 | 70.6% (428) | 509 (84.0%) |

  (Files: /work/holdout23/h126a-h130c; test/corpus mta-2631 to
  mta-2735.) Reading catalogues found what searching had not: mail
  clients' and libraries' own words for a failed login, a missing
  STARTTLS, a size over the server's limit or a connection gone, and
  two false hard bounces (a refused login read as an invalid address,
  and a refusal at MAIL FROM in hMailServer's report read as the
  recipient's). The lowest first run was client strings in twelve small
  languages (9 of 35), which were not made rules beyond a webmail's
  "SMTP Error (535):" line in any language. docs/categories.md
  ("Nineteenth") has the decisions and what was left. Against each
  round's start build, on about 207,000 rows, only the new sets' rows,
  the new corpus rows and one earlier set's row changed (h123e-32: the
  same rule and category, an earlier match span): none of the 200,000
  bench rows and none of the shared corpora.

- The twentieth session (2026-12-02) had a fresh search budget and read
  catalogues and sources again: four rounds, each scored once at its
  start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h131 (c0a0565) | CommuniGate Pro, Mercury/32, Courier's SMTP client, SmarterMail (15/22); DKIM, DMARC and content milters' source (19/21); protocol refusals read from MTA source (25/35); providers' postmaster and error-code pages (19/22); secure gateways: Cisco Secure Email, FortiMail (19/21) | 121 | 80.2% (97) | 112 |
  | h132 (11c4a3b) | Windows mail servers of the 2000s: IMail, Merak, VisNetic, Mailtraq (14/16); Postfix's postscreen and policy servers (19/23); ISPs' and telecoms' servers (18/23); groupware's strings: gromox, Kopano, Zimbra, Open-Xchange (26/35); sending services' webhook samples (16/17) | 114 | 81.6% (93) | 105 |
  | h133 (a58a042) | internationalised addresses and domains (16/27); hosting panels' Exim and Postfix configurations (19/23); bounce parsers' own samples (34/35); Chinese, Japanese and Korean providers (15/21); replies quoted in MTAs' changelogs (14/20) | 126 | 77.8% (98) | 111 |
  | h134 (30a6113) | Messaging Server and enterprise platforms (12/15); Exchange Server's queue texts (20/27); mail catchers and proxies (22/28); Domino's router and GroupWise (27/33); sending through APIs: Graph, EWS, Gmail API, JMAP (21/32) | 135 | 75.6% (102) | 115 |
  | all | 20 sets | 496 | 78.6% (390) | 443 (89.3%) |

  (Files: /work/holdout23/h131a-h134e; test/corpus mta-2735 to
  mta-2783.) The first runs were higher than the last session's (78.6%
  against 70.6%) and the themes thinner: most sets lost a third to half
  of what the helpers found to the dedupe as already known. New rules: a recipient named as
  what the site's list holds ("RCPT x is in the blacklist") is the
  receiver's rule (policy.recipient-listed), and SMTP AUTH's
  alternatives were sorted by meaning into four rules of one category
  (relay.auth-failed is new); the rest are alternatives and guards.
  docs/categories.md ("Twentieth") has the decisions and what was kept
  against the sets (a domain IDNA refuses is invalid-domain, where a set
  said invalid-mailbox; Orange's numbered codes are still read by their
  words). Against each round's start build, on about 207,800 rows, only
  the new sets' rows, the new corpus rows and a few explain spans of the
  same rule and category changed: none of the 200,000 bench rows and
  none of the shared corpora changed category.

- The twenty-first session (2026-12-02) ran six more rounds on thinner
  themes, most of them read from programs' source, each scored once at
  its start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h135 (63f2025) | ARC, SRS and forwarding chains (15/19); log analysers' fixtures of Postfix, Exim and sendmail lines (18/19); Docker and Kubernetes relay images (16/18); Cyrus's lmtpd, Citadel, maildrop, procmail, fdm (27/30); registrars' and web hosts' outbound relays (7/8) | 94 | 88.3% (83) | 88 |
  | h136 (5db2c89) | Linux small-business servers: NethServer, Univention, SME Server (17/20); anti-spam add-ons for hosts (10/12); Asian mail security appliances (19/23); government gateways outside health (15/20); programs fed mail through a pipe (27/31) | 106 | 83.0% (88) | 94 |
  | h137 (bfbe0fa) | mail servers on NAS units and routers (7/9); lesser-known commercial mail servers, Magic Winmail's pages only (4/4); backup MX and mail-queueing services, mostly milter-ahead (11/22) | 35 | 62.9% (22) | 27 |
  | h138 (9528c9a) | SnertSoft's milters and BarricadeMX (24/33); older sendmail and Postfix milters: smf-*, j-chkmail, milter-regex, sid-milter (27/31); Postfix's rate-limit and quota policy daemons, Exim's ratelimit (10/20) | 84 | 72.6% (61) | 72 |
  | h139 (c4fd961) | courier-pythonfilter and pymilter's bms.py (31/41); OpenSMTPD's filters (16/23); Exim's add-ons: sa-exim, exiscan, DKIM ACLs, greylistd (17/24) | 88 | 72.7% (64) | 73 |
  | h140 (7f30361) | Rust mail servers (0/0: the search budget ran out); Python mail servers: Twisted, smtpd, Mailman's LMTP (19/24); chasquid and go-smtp (22/23) | 47 | 87.2% (41) | 45 |
  | all | 21 sets with rows | 454 | 79.1% (359) | 399 (87.9%) |

  (Files: /work/holdout23/h135a-h140c; test/corpus mta-2785 to
  mta-2817. The last round's first set is empty: the session's search
  budget ran out as it began, and its other two read Debian's
  packages.) The themes were thin: several helpers found the products
  named in their theme absent from the stored sources (NAS mail
  servers, most commercial Windows servers, backup MX services), and
  the dedupe removed from none to two thirds of what they found. The
  lowest first runs came from filters' and policy daemons' own strings
  read from source, terse and often with odd codes (milter-ahead 50%,
  rate-limit daemons 50%). One find was a false hard bounce: a call-back
  to the sender that quotes "550 5.1.1 ... User unknown" ("CBV:") had
  been read as the recipient's unknown address. No new rule was made:
  server.local-error's alternatives were sorted by meaning into four
  rules of one category and mailbox.invalid's into two
  (server.busy, server.store-failure, server.lookup-failure and
  mailbox.malformed are new ids, no category changed), and the rest are
  alternatives and guards. docs/categories.md
  ("Twenty-first") has the decisions and what was kept against the
  sets. Against each round's start build, on about 208,000 rows, only
  the new sets' rows, the new corpus rows and two earlier sets' rule
  ids (the same category) changed: none of the 200,000 bench rows and
  none of the shared corpora changed category.

- The twenty-second session (2026-12-02) ran five more rounds with a
  fresh search budget: two on themes no set had named, then two that
  read the largest providers' and gateways' published reply pages end
  to end, and a last set on Outlook.com's coded replies, each scored
  once at its start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h141 (ed6fcdf) | Rust mail servers: Stalwart, vSMTP, KumoMTA, mailin (30/35); Node.js servers: WildDuck, ZoneMTA, Haraka's plugins (25/31); privacy-focused providers, mostly Proton's bridges (7/10); cloud security add-ons, mostly Hornetsecurity's tables (23/32); Exchange and Microsoft 365 message traces (19/21); Chinese and Japanese business suites (16/18); Polish, Czech and Bulgarian providers, mostly Forpsi (14/19) | 166 | 80.7% (134) | 145 |
  | h142 (f1c44b2) | firewalls' SMTP proxies, mostly FortiGate (5/9); embedded and IoT mail clients (15/20); bulk-mail MTAs: Postal, GreenArrow, Halon, PowerMTA (15/20); marketing platforms' pages, mostly Postmark's SMTP Field Manual (14/17); client translation catalogues in Hindi, Nepali, Malayalam, Telugu, Urdu, Swahili, Amharic, Afrikaans and Filipino (6/35); antivirus vendors' mail products (10/13) | 114 | 57.0% (65) | 70 |
  | h143 (26f0fc1) | African and Middle Eastern providers, South African hosts only (4/5); Gmail's SMTP error page in its 2026 copy (29/29); Exchange Online's NDR pages (26/28); Yahoo/AOL, iCloud, Comcast, GMX/WEB.DE code pages (19/20) | 82 | 95.1% (78) | 79 |
  | h144 (3ea109b) | security gateways' reply pages: Mimecast, Trend Micro, Barracuda, Cisco, Proofpoint (19/21); Russian and Asian providers, mostly Naver and Daum (17/26); US ISPs' pages, mostly AT&T WorldNet and AOL's old codes (14/19); European providers' pages (7/7) | 73 | 78.1% (57) | 60 |
  | h145 (d2f6445) | Outlook.com's and Hotmail's coded replies (SC, DY, OU, S3140, S3150, 4.7.650 to 4.7.652) as bounces and logs quote them (24/24) | 24 | 100% (24) | 24 |
  | all | 22 sets | 459 | 78.0% (358) | 378 (82.4%) |
  | all but the translation catalogues | 21 sets | 424 | 83.0% (352) | 372 (87.7%) |

  (Files: /work/holdout23/h141a-h145a; test/corpus mta-2818 to
  mta-2838.) The translation catalogues are client programs' own words
  (Evolution's, KDE's, Zimbra's and PHPMailer's), in languages no
  server of the corpora writes; no rule was made from them, as from
  PHPMailer's and Roundcube's catalogues before, so they stay at 6 of
  35. The largest providers' pages did best: Gmail's whole 2026 page
  29 of 29, Exchange Online's NDR pages 26 of 28, Yahoo's, Apple's,
  Comcast's and GMX's 19 of 20, Outlook.com's coded replies 24 of 24; the dedupe had removed from a half to
  two thirds of what those helpers found. The themes no set had named
  were thin again: for most of the products named, the stored sources
  hold no reply text at all (Libraesva, SpamTitan, Avanan, Area 1;
  Posteo, Runbox, Mailfence; Sophos UTM, WatchGuard, SonicWall;
  Telkom, Etisalat, Bezeq). No new rule was made; the changes are
  alternatives and guards. docs/categories.md ("Twenty-second") has
  the decisions and what was kept against the sets. Against each
  round's start build, on about 209,000 rows, only the new sets' rows,
  the new corpus rows, one earlier set's row (h134b-04, Exchange's
  "Security status InvalidToken", to its label) and one filter row's
  rule id (flt-0077, FortiGuard's, the same category, with the nine
  bench rows drawn from its shape) changed: none of the 200,000 bench
  rows and none of the shared corpora changed category.

- The twenty-third session (2026-12-02) ran three more rounds with a
  fresh search budget, on themes no set had named (mostly countries'
  providers and hosts, and platforms' bounce reasons), each scored once
  at its start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h146 (30efadf) | SMTP smuggling's fixes and line-ending refusals (19/21); web hosts' mail platforms, mostly Titan's and GoDaddy's codes (19/21); Dutch, Belgian and Swiss providers (10/13); Latin American providers and hosts (15/16); Australian, New Zealand and Canadian ISPs (11/11); the Middle East, Africa and South Asia (7/11); message-structure refusals: headers, MIME, hop counts, recipients per message (22/27) | 120 | 85.8% (103) | 109 |
  | h147 (7aa579b) | Nordic telcos and hosts (2/2); research and education networks, mostly JANET's universities (22/24); Italian, Spanish and Portuguese providers (10/12); Central and Eastern European providers (5/6); Japanese carriers and ISPs (17/18); secure-mail and encryption services (12/15); marketing and CRM platforms' bounce reasons, mostly Salesforce Marketing Cloud's table (14/24); Indian and Southeast Asian providers (17/17) | 118 | 83.9% (99) | 108 |
  | h148 (cd728bf) | marketing platforms' bounce-reason catalogues: Adobe Campaign, Responsys, GetResponse, Constant Contact (9/17); Russian-speaking hosts, mostly RU-CENTER and Yandex 360 (19/20); German-speaking hosts, mostly STRATO (11/15); French-speaking hosts (7/7); Chinese carriers and portals: Aliyun, QQ, WeCom, 21cn, Sina (25/27) | 86 | 82.6% (71) | 73 |
  | all | 20 sets | 324 | 84.3% (273) | 290 (89.5%) |

  (Files: /work/holdout23/h146a-h148e; test/corpus mta-2839 to
  mta-2855.) The themes were thin: for most of the providers named
  (XS4ALL, Ziggo, Telenet, Videotron, TPG, Telia, Elisa, Arsys, SAPO,
  Otenet, Citromail, Hetzner, Mittwald, Beget, Timeweb, 139.com,
  189.cn) the stored sources hold no reply text at all, and the dedupe
  removed from a fifth to three quarters of what the helpers found.
  Most misses left are platforms' own labels ("USER_NOT_FOUND",
  "Address recycled", "Inbox timeout"), one product's names each, which
  were not made rules. No new rule was made; the changes are
  alternatives and guards. docs/categories.md ("Twenty-third") has the
  decisions and what was kept against the sets. Against each round's
  start build, on about 209,000 rows, only the new sets' rows, the new
  corpus rows, two earlier sets' rows (qpsmtpd's "barelf.html", to
  their labels) and some rule ids and match spans of the same category
  changed: none of the 200,000 bench rows and none of the shared
  corpora changed category.

- The twenty-fourth session (2026-12-02) ran three more rounds with a
  fresh search budget, on themes no set had named, each scored once at
  its start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h149 (200e90c) | DNS failures in depth: null MX, NXDOMAIN, SERVFAIL, MX records at IP literals, DNSSEC (16/22); self-hosted newsletter senders' issue threads: Ghost, Keila, listmonk, Mailtrain (17/23); help-desk apps' issue threads: FreeScout, osTicket, Faveo, Chatwoot (20/22); connection-stage refusals: pregreet, banner delays, connection caps, tarpits (16/21); email-verification APIs' raw replies (10/10); SaaS help centres' bounce messages: Intercom, Wix, Freshworks, Zoho (17/26); transport security: DANE, MTA-STS policy fetches, REQUIRETLS (18/24) | 148 | 77.0% (114) | 129 |
  | h150 (5d0ed8e) | European hosting providers: Gandi, IONOS, Infomaniak (4/4); independent mailbox providers, mostly Kolab's policy code (17/18); less-covered security gateways, mostly Symantec's (4/9); the enhanced-status registry's texts as Haraka, qpsmtpd and others echo them (28/32); journaling, archiving and moderation failures, mostly Exchange's (19/21); SMTP client libraries in Elixir, Erlang, Clojure, Perl, Lua, Dart and Nim (18/22); iCloud Mail (9/10) | 116 | 85.3% (99) | 103 |
  | h151 (d2b288d) | localised texts in Greek, Slovenian, Lithuanian, Slovak and Hebrew, mostly Roundcube's send errors (13/26); bulk MTAs' accounting records: Momentum, GreenArrow, PowerMTA, Halon (14/17); 2025-2026 issue threads of self-hosted servers, mostly Stalwart and mox (13/14) | 57 | 70.2% (40) | 50 |
  | all | 17 sets | 321 | 78.8% (253) | 282 (87.9%) |

  (Files: /work/holdout23/h149a-h151c; test/corpus mta-2856 to
  mta-2872 and intl-0403 to intl-0409.) The themes were thin again: for
  most products named (Namecheap, SiteGround, Runbox, StartMail, Riseup,
  Libraesva, SpamTitan, Forcepoint, Sendio, the verification APIs) the
  stored sources hold no reply text, and the dedupe removed from none to
  four fifths of what the helpers found. The first-run figure (78.8%)
  is the lowest since the twenty-second session's (78.0%): two sets
  were languages and products (Roundcube's translations, Stalwart's
  MTA-STS texts) that no rule had read. What generalised became
  alternatives (MTA-STS policy fetches, DANE verdicts, REQUIRETLS
  failures, "connection to the server failed" in seven languages and a
  login's failure in four, "(535):" after any word for the error); no
  new rule was made. docs/categories.md ("Twenty-fourth") has the
  decisions and what was kept against the sets. Against each round's
  start build, on about 209,600 rows, only the new sets' rows, the new
  corpus rows and six earlier rows' match spans (the same rule)
  changed: none of the 200,000 bench rows and none of the shared
  corpora changed category.

- The twenty-fifth session (2026-12-02) ran one more round, on themes no
  set had named, scored once at its start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h152 (f267236) | identity platforms' mail failures: Keycloak, Auth0, Cognito, Supabase, Firebase (12/18); e-commerce platforms' trackers, mostly PrestaShop's and Magento's (17/18); mail forwarding and alias services, mostly Forward Email's code (21/32); marketing platforms' raw replies (0/0: the dedupe removed all 10 rows found) | 68 | 73.5% (50) | 55 |

  (Files: /work/holdout23/h152b, h152d, h152e, h152f; test/corpus
  flt-0183, flt-0184 and mta-2873 to mta-2877.) Two more sets
  (self-hosted applications' notification mail; cloud automation and
  API senders) are not counted: their helpers stopped on an overloaded
  service and left no rows. What generalised became alternatives (TLS required "for
  inbound connections", "not yet allowlisted by", "retried for the
  maximum period", "prevented spoofing of", an API key refused at
  login) and one rule, for Amazon SES's bounce subtype "NoEmail", which
  no set had shown but the SES family the rules already read holds.
  docs/categories.md ("Twenty-fifth") has the decisions and what was
  kept against the sets. Against the round's start build, on about
  209,700 rows, only the new sets' rows and the new corpus rows
  changed: none of the 200,000 bench rows and none of the shared
  corpora changed category.

- The twenty-sixth session (2026-12-03) ran three more rounds, scored
  once at each start. The machine was new: the earlier sets' files
  (/work/holdout23) were not on it; the new ones are in /work/holdout26.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h260 (2bc8884) | Nordic languages, mostly clients' and webmail's catalogues (3/28); Turkish, Ukrainian, Thai and Indonesian providers, in English (12/13); self-hosted applications' notification mail: GitLab, Gitea, Mastodon, Synapse, Nextcloud, Discourse, Odoo, WordPress (28/29); cloud automation and API senders: Azure Communication Services, Apps Script, Mailgun, SparkPost, Postmark, Resend (23/23) | 93 | 71.0% (66) | 80 |
  | h261 (7ed000e) | Croatian, Bosnian, Serbian, Macedonian and Albanian (2/25); Estonian, Latvian, Basque and Galician (6/30), all clients' catalogues but one row | 55 | 14.5% (8) | 33 |
  | h262 (3c4ab3f) | Arabic and Persian (6/28); Bulgarian, Ukrainian, Belarusian and Kazakh (2/30); Thai, Hindi, Bengali, Malay, Indonesian and Filipino (4/30); Turkish, Hungarian, Romanian, Georgian and Armenian (4/28), all clients' catalogues | 116 | 13.8% (16) | 56 |
  | all | 10 sets | 264 | 34.1% (90) | 169 (64.0%) |

  (Test corpus rows: flt-0185, mta-2878 to mta-2880 from a review of
  the twenty-fifth's rules, intl-0410 to intl-0510.) The language sets
  hold no server's reply: the stored sources have none in those
  languages, only the translation files of Thunderbird, Roundcube,
  PHPMailer, Evolution, KSMTP and Mailman. They scored lowest of any
  round because the rules had read a language only where a server had
  been seen writing it. What generalised became alternatives, for five
  causes, in each language's general words: the connection to the
  server, a failed login, the message's size, too many recipients, an
  unknown user or invalid recipient address; and one rule,
  mailbox.intl-nordic. The same five were then filled, in our own words,
  in every language the rules already read (Russian had no failed
  connection or login and no "too many recipients").
  The rest of those catalogues (a wait before sending, STARTTLS and
  CLIENTID errors, the RFC's reply texts as Evolution translates them,
  Mailman's notices) was not read: one product's strings each.
  docs/categories.md ("Twenty-sixth") has the decisions. Against each
  round's start build, on about 204,700 rows (corpora, development
  corpus, 200,000 bench rows) and Sisimai's 839, only the new corpus
  rows changed.

- The twenty-seventh session (2026-12-03 and 2026-12-04) ran five more
  rounds, on themes no set had named, each scored once at its start.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h270 (4dbc2db) | less common mail servers: hMailServer, Exchange on premises, the qmail family, Zimbra (30/32); anti-spam gateways: MailChannels, Mimecast, Vade, Barracuda, Spamhaus (45/53); self-hosted servers' issue threads (38/42); hosting, registrar and mailbox providers' help pages: GoDaddy, Rackspace, Zoho, IONOS, Strato, Yandex, Mail.ru, Seznam, Aruba (42/44) | 171 | 90.6% (155) | 157 |
  | h271 (11e900b) | commercial security gateways: Cisco, Symantec, Trend Micro, Proofpoint, Sophos (32/33); failures at local delivery: Dovecot, Cyrus, Exim, Postfix's pipe, procmail, qmail (44/47); the raw replies sending services pass on in their events (51/51) | 131 | 96.9% (127) | 128 |
  | h272 (19d9053) | Microsoft's non-delivery reports, 2020-2026 (48/52); refusals from the relays and submission servers applications send through: Gmail, Office 365, SES, SendGrid, Mailgun, Zoho, Brevo (39/47); East Asian providers: NetEase, QQ, Sina, Daum, Naver, docomo, au, SoftBank (51/55) | 154 | 89.6% (138) | 140 |
  | h273 (ea83899) | North American providers' codes: Yahoo, AOL, iCloud, Comcast, Cox, Spectrum, AT&T (22/22); Exchange Server on premises (48/52); continental European providers: GMX, WEB.DE, T-Online, Orange, SFR, Libero, Aruba, Seznam, Interia (38/42); open-source MTAs' and filters' anti-abuse refusals: Postfix, postscreen, Exim, Sendmail, Rspamd, amavis, OpenDMARC (47/51) | 167 | 92.8% (155) | 156 |
  | h274 (b742f17) | devices and appliances that send mail: NAS, routers, cameras, Home Assistant (44/55); Exchange's and Gmail's bounces in other languages, mostly help pages (47/57); CRM and help-desk platforms (49/51); monitoring and CI tools (35/47) | 210 | 83.3% (175) | 178 |
  | all | 19 sets | 833 | 90.0% (750) | 759 (91.1%) |

  (Test corpus rows: flt-0186 to flt-0191, mta-2881 to mta-2886, prov-daum-001 to prov-daum-005, mta-2887 to mta-2891, intl-0511 to intl-0522.)
  The first round's files were on the previous machine and are gone
  with it; its figures are from that session's scoring. Most rows the
  rules missed were kept against the sets: the reply names no cause
  (MailChannels' "[S10] Blocked", Barracuda's "(x:blocked)"), or the
  contract's reading differs from the set's label (an authentication
  the relay requires, a DNS block list's own resolver error).
  A set gathered at 11e900b (Microsoft's, Yahoo's, iCloud's and
  Comcast's codes) was lost with that machine before it was scored.
  What generalised: provider codes that alone say why behind shared
  words (Vade's OX codes, Daum's CCRT, CRCP, DXNS1 and DXNS2); SES's BYOIP
  reverse-DNS delay; "not authorized sender" read as SPF's only with the
  domain it is the sender for; a spam verdict in a pipe command's
  output; nodemailer's "Invalid login:" label before a temporary reply;
  OpenSMTPD's refused HELO argument; a timed-out connection in eight
  more languages.
  docs/categories.md ("Twenty-seventh") has the decisions. Against each
  round's start build, on about 204,700 rows, only the new corpus rows
  changed.

- The twenty-eighth session (2026-12-04) ran five more rounds, gathered by
  helpers that did not see the rules, each scored once at its start;
  the fifth is small (the search tools' budget ran out while it was
  gathered).

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h275 (6ca3143) | the 2024-2026 bulk-sender requirements as receivers enforce them (49/49); mailing-list managers and group services: Mailman, Sympa, LISTSERV, ezmlm, mlmmj, Google Groups (41/51); block-list and reputation services as servers quote them (48/48); sending libraries' issue threads: PHPMailer, Symfony, Nodemailer, smtplib, Jakarta Mail, MailKit (41/43) | 191 | 93.7% (179) | 182 |
  | h276 (6ca3143) | restrictions organisations' own administrators impose: Microsoft 365, Exchange, Google Workspace, Zimbra, Zoho (48/51); delay and final-expiry notices (45/47); TLS and certificate failures: STARTTLS, MTA-STS, DANE (38/43); full mailboxes and per-recipient limits in nine languages (42/42) | 183 | 94.5% (173) | 175 |
  | h277 (617079e) | unknown recipients across servers and eight languages (40/42); disabled, suspended and expired accounts (39/41); greylisting's implementations and look-alikes (38/43); bounces written in French, Italian and Spanish by the servers themselves (18/23) | 149 | 90.6% (135) | 139 |
  | h278 (48784cb) | self-hosted mail stacks' issue threads: mailcow, iRedMail, Mailu, docker-mailserver, Modoboa, Mail-in-a-Box, maddy (47/49); size, attachment and format refusals (44/48); content verdicts of filters and providers (33/38); relay denials, DNS pointing at the wrong server, loops (37/38) | 173 | 93.1% (161) | 163 |
  | h279 (595ff89) | independent mailbox providers: GMX, Fastmail, Proton, Yandex, Zoho, WorkMail (24/27); terse replies that carry little besides a code (29/40); refusals of the sender's address or domain (23/24); SPF, DKIM, DMARC and reverse-DNS failures (14/14) | 105 | 85.7% (90) | 91 |
  | all | 20 sets | 801 | 92.1% (738) | 750 (93.6%) |

  (Test corpus rows: prov-gmail-0120, prov-gmail-0121, prov-ms-111, prov-ms-112, mta-2892 to mta-2901, intl-0523 to intl-0526.)
  What generalised: Google's bulk senders page read by its address in any
  language; a Google Group's external-recipients quota as its sending
  limit; a server's failure to write a list archive, disk or spool; a
  group restricted to authenticated senders (Microsoft 365's NDR
  sentence); a client's failed TLS upgrade; IBM i's and z/OS's socket
  errors in their own words; Postfix's "Client host rejected" with only a
  retry after it; Alibaba Mail's bounce template, whose quoted reply
  decides; "no such person/user" in Spanish and Italian; Exchange's
  sentence that names both a size limit and a full mailbox, set aside;
  go-smtp's "too long a line"; "No MX for envelope sender domain" as the
  sender's. Most rows still missed were kept against the sets, as decided
  before: a refused login stays relaying-issues, a delay warning without
  a wrapped reason other, "mailbox unavailable" invalid-mailbox, a
  greylisting word greylisting-issues whatever else the reply says.
  docs/categories.md ("Twenty-eighth") has the decisions. Against each
  round's start build, on about 205,000 rows, only the new corpus rows
  and rows of the rounds' own sets changed.

- The twenty-ninth session (2026-12-04, a new machine) ran three more
  rounds, gathered by helpers that did not see the rules (the search
  tools' budget ran out while the last set was gathered). The first
  round was scored at ecf5614, the two after at 4f80bab, the first
  round's rule worked in.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h280 (ecf5614) | privacy-focused and small mailbox providers: Tuta, Posteo, mailbox.org, Riseup, Purelymail, addy.io, Infomaniak (24/28); enhanced status codes with the real replies that send them: Postfix, Stalwart, maddy, mox (36/37); providers and hosts of Brazil, Switzerland, the Netherlands and Belgium (32/34); replies quoted on Server Fault mirrors (4/4) | 103 | 93.2% (96) | 97 |
  | h281 (4f80bab) | German hosting and providers: IONOS, Strato, all-inkl, GMX, WEB.DE, T-Online (26/28); Postfix, Exim and Sendmail log lines in tutorials and threads (34/37); Japanese hosts and providers (34/34); Russian-speaking hosts and providers (28/29) | 128 | 95.3% (122) | 122 |
  | h282 (4f80bab) | spam filters of small businesses and hosts: Spambrella, VIPRE, MailCleaner, Baruwa, ESET, Spamhaus DQS (35/38); Exchange Online's message trace and Google Workspace's reasons (36/38); providers and hosts of India and Pakistan, mostly Zoho (31/32); learning platforms (1/1) | 109 | 94.5% (103) | 103 |
  | all | 12 sets | 340 | 94.4% (321) | 322 (94.7%) |

  (Test corpus rows: mta-2903 to mta-2909. Files in /work/holdout28/,
  each with the texts already in the project's corpus, the development
  corpus or an earlier set of the session dropped: 72 of 412.)
  What generalised: a bare "Service unavailable" (without
  "temporarily") is the generic head of a permanent refusal (Postfix's
  "554 5.7.1 Service unavailable; ...", Sendmail's "dsn=5.7.1,
  stat=Service unavailable", its exit code's text for any 5xx), so it
  now defers, on a reply that is not temporary, to an enhanced code that
  decides by itself (new rules weak.service-unavailable and, for 4xx
  replies, weak.service-unavailable-temp). The other 18 rows missed were kept against
  the sets, as decided before: a DNS block list's query error ("Error:
  open resolver", "No IP queries") is the recipient's resolver,
  recipient-server-error; Mimecast's "451 Internal resource temporarily
  unavailable" greylisting-issues; 5.7.520 (external forwarding)
  routing-issues; T-Online's "(DIAL)" policy-related; a refused login
  whose reason is the account's rights policy-related; a "helo host
  not found" policy-related; texts that name no cause ("550 tutanota is
  blocked", Orange's "ofr_506", "You cannot say you are me"). Zoho's
  "541 5.4.1 Mail rejected by destination domain" was not made a rule:
  the development corpus, labelled by the contract, says other for the
  same text (it names no cause). docs/categories.md ("Twenty-ninth") has
  the decision. Against each round's start build, on about 205,000 rows,
  only the new corpus rows and one row of the first set changed.

- The thirtieth session (2026-12-04) ran three more rounds, gathered by
  helpers that did not see the rules (the search tools' budget ran out
  while the third was gathered: one of its sets got no rows). The first
  two rounds were scored at c75c2f6, the third at ffc72f5, the second
  round's rules worked in.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h290 (c75c2f6) | providers and hosts of Spain, Portugal and Latin America (35/38); of Canada, Australia, New Zealand, Israel and Singapore (28/29); US cable and telecom ISPs and carriers' e-mail-to-SMS gateways (37/40); help-desk, CRM and ticketing systems (33/35) | 142 | 93.7% (133) | 133 |
  | h291 (c75c2f6) | devices and appliances that send mail: NAS boxes, monitoring, firewalls, cameras (30/37); web applications and CMS plugins (47/53); universities, schools and public bodies (39/41); older mail server software: qmail and its patches, Domino, GroupWise, Kerio, IceWarp, Courier (21/23) | 154 | 89.0% (137) | 139 |
  | h292 (ffc72f5) | marketing-automation platforms' bounce reasons (40/46); replies quoted in help questions and issue threads (38/40); providers and hosts of Central and South-East Europe (15/15); forwarding and alias services (no rows: the budget was spent) | 101 | 92.1% (93) | 94 |
  | all | 11 sets | 397 | 91.4% (363) | 366 (92.2%) |

  (Test corpus rows: mta-2910 to mta-2917. Files in /work/holdout28/,
  each with the texts already in the project's corpus, the development
  corpus or an earlier set dropped: 53 of 450.)
  What generalised: opening a connection that failed, in those words
  ("Cannot open a connection to the mailserver"), is connection-error,
  and the same words about a database recipient-server-error; "transaction
  timeout" as "Transaction timed out"; an OAuth grant that ran out
  ("Reauthorize the account", "refresh token has expired") is the sending
  account's login, relaying-issues; "Message lacks required
  authentication" dmarc-issues. Charter / Spectrum's AUP# filter codes
  were tried as reputation-issues and reverted: the development corpus
  lets the words decide over them. The other rows missed were kept
  against the sets, as decided before (docs/categories.md, "Thirtieth").
  Against each round's start build, on about 205,000 rows, only the new
  corpus rows changed category.

- The thirty-first session (2026-12-04) ran two more rounds, gathered by
  helpers that did not see the rules. h293 was scored at fa9c7c6 (its
  third set at the same rules, its others at 44cec17, which changed no
  answer), h294 at e66326a, the greeting rule worked in.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h293 (fa9c7c6) | forwarding and alias services: Cloudflare Email Routing, ImprovMX, ForwardEmail, SimpleLogin, Hide My Email, Firefox Relay (39/43); providers of Turkey, the Middle East and Africa, mostly Yandex (12/13); Chinese enterprise and carrier mail: Tencent Exmail, Alibaba Mail, Coremail, 263, 139 Mail (32/35); reply strings in mail servers' and filters' source code (35/37) | 128 | 92.2% (118) | 120 |
  | h294 (e66326a) | e-mail verification tools and the replies their probes quote (39/44); outbound mail from cloud and VPS providers (28/32); providers and hosts of South-East Asia (28/28) | 104 | 91.3% (95) | 98 |
  | all | 7 sets | 232 | 91.8% (213) | 218 (94.0%) |

  (Test corpus rows: mta-2918 to mta-2927, prov-sophos-001 to
  prov-sophos-008. Files in /work/holdout28/, each with the texts already
  in the project's corpus, the development corpus or an earlier set
  dropped: 39 of 271.)
  What generalised: a greeting that was not one, quoting no reply, is
  connection-error (qmail-remote's "Connected to x but greeting failed.",
  nodemailer's "Invalid greeting. response=HTTP/1.1 400 Bad Request");
  Sophos Email's XGEMAIL_0001 to _0015 codes decide by its documented
  table (seven provider-code rules); "SPF match mandatory", "SPF pass
  required" and QQ's "SPF_REJECT" are dmarc-issues; "available only with
  SSL or TLS" policy-related. Tried and taken back: Postfix's "SMTPUTF8
  is required, but was not offered" as policy-related (the corpus keeps
  it other, as decided before). The other rows missed were kept against
  the sets (docs/categories.md, "Thirty-first"), and five are the
  sources' placeholders ("<Mailserver-ip-address>", "%s") or a reply
  that needs its context (a null MX behind "could not resolve address
  (".", 25)"). Against each round's start build, on about 205,000 rows,
  only the new corpus rows changed category.

- The thirty-second session (2026-12-04) ran four more rounds, gathered by
  helpers that did not see the rules, on a new machine (the earlier sets'
  files did not survive it: each set was checked for texts already in the
  project's corpus, the development corpus or another set of the session).
  The search tools' budget ran out while the fourth round was gathered, so
  its sets are thinner than their themes asked for.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h295 (029a709) | self-hosted newsletter senders: Mautic, listmonk, Mailcoach, phpList (39/44); CMS mail plugins' support threads: WordPress SMTP plugins, Joomla, Drupal, Magento (26/31); providers and hosts of Italy and Greece (26/27); regulated sectors' gateways: NHSmail, Proofpoint, Cisco, Mimecast, Symantec (30/30) | 132 | 91.7% (121) | 121 |
  | h296 (029a709) | the sender's own host or relay refusing outbound mail: cPanel/Exim limits, MailChannels, OVH, IONOS (35/38); auto-replies and the non-delivery reports that look like them (34/38); 2025-2026 forum threads and providers' newest wordings (32/33) | 109 | 92.7% (101) | 103 |
  | h297 (0916d96) | less-quoted security gateways: Hornetsecurity, Kerio, Zimbra, SpamExperts (35/38); SaaS products' mail failures, mostly Jira and Confluence (15/19); parked, expired and misconfigured domains (28/32); bounces in mailing-list archives, mostly Mailman's test bounces (36/41) | 130 | 87.7% (114) | 119 |
  | h298 (c86e97a) | Exchange's NDRs in European languages, mostly English server lines (24/31); Gmail's notices and texts in other languages, mostly Google's translated tables (28/37); Asian-language NDRs: Japanese, Chinese, Korean, Vietnamese (34/35); hosting control panels: Plesk, HestiaCP, Virtualmin, CyberPanel (37/37) | 140 | 87.9% (123) | 131 |
  | all | 15 sets | 511 | 89.8% (459) | 474 (92.8%) |

  (Test corpus rows: mta-2928 to mta-2946, prov-ms-113 to prov-ms-115,
  prov-gmail-115 to prov-gmail-118. Files in /work/holdout28/, each with
  the texts already seen dropped: 80 of 591.)
  What generalised: POP before SMTP in a host's words ("have not logged
  into the pop/imap server", "do not have SMTP Authentication turned on")
  is relaying-issues; a first-person absence ("I'm not here, please try
  again later") an auto-reply, other; a challenge in its own words ("I'm
  protecting myself from receiving junk mail ... complete the
  verification") policy-related, as challenge-response holds were; a fatal
  TLS alert in Java's and OpenSSL's words connection-error; mlmmj's "not a
  list subscriber" policy-related; X.400's "Unable to transfer, Message
  timed out" message-expired; Exchange's 5.4.310 in Spanish ("el dominio
  del destinatario no existe") invalid-domain; "RESOLVER.ADR.RecipLimit"
  policy-related; usa.net's "encountered an error while being processed"
  recipient-server-error, as "error while processing"; Gmail's texts in
  Portuguese, German, Swedish, Italian and Japanese where Google words
  them so. The other rows missed were kept
  against the sets, as decided before (docs/categories.md,
  "Thirty-second"): mostly refused logins (relaying-issues) and protocol
  refusals (policy-related), which the sets called policy-related and
  other. Against each round's start build, on about 205,000 rows, only the
  new corpus rows changed category.

- The thirty-third session (2026-12-04) ran two more rounds, gathered by
  helpers that did not see the rules, with the search tools' budget
  renewed. h299 was scored at e142d23, h300 at 5ec4d5b (h299's rules
  worked in); one set of h300 (Japanese and Korean enterprise mail-security
  gateways) had not come back when the session closed.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h299 (e142d23) | custom reject texts administrators write themselves: Postfix access maps, Exim ACLs, Sendmail's access database (40/41); providers and hosts of Taiwan, Hong Kong and Macau (34/37); legacy and regional US ISPs: EarthLink, Juno, CompuServe, Verizon, Charter, BellSouth (23/29); workflow-automation tools' issue threads, mostly n8n and Home Assistant (14/22) | 129 | 86.0% (111) | 116 |
  | h300 (5ec4d5b) | open-source projects' mailing-list hosts, mostly vger.kernel.org (29/33); anti-spam services sold through managed-service providers: Mailprotector, SpamExperts, Proxmox Mail Gateway, MailRoute (16/19); mail queues' listings: Postfix's mailq, Exim's retry states, Exchange's queue viewer (30/34) | 86 | 87.2% (75) | 78 |
  | all | 7 sets | 215 | 86.5% (186) | 194 (90.2%) |

  (Test corpus rows: mta-2947 to mta-2958, prov-att-005 to prov-att-007.
  Files in /work/holdout28/, each with the texts already in the project's
  corpus, the development corpus or another set dropped: 40 of 255.)
  What generalised: AT&T's and BellSouth's "421-failure in DNS look-up."
  is the sending IP's reverse DNS by their table, dmarc-issues, and their
  "unauthorized interface for <ip>" policy-related; a malformed recipient
  in Postfix's ("Illegal address syntax ... in RCPT command") and Exim's
  ("501 <x>: malformed address: ... may not follow") words
  invalid-mailbox; "Invalid <word> Recipient" and "Invalid <word> Sender"
  with a filter's word between as without it; a policy service the
  server could not reach (ZMailer's "policy analysis reported: zpostgrey:
  connect: Connection refused", Postfix's "problem talking to server")
  recipient-server-error; "Server terminates connection" connection-error.
  The other rows missed were kept against the sets, as decided before
  (docs/categories.md, "Thirty-third"): most are refused logins
  (relaying-issues), which the workflow tools' set called policy-related
  or other, vger's HTML refusal that calls the message spam
  (reputation-issues) and Spectrum's AUP# codes. Against each round's
  start build, on about 205,000 rows, only the new corpus rows changed
  category.

- The thirty-fourth and thirty-fifth sessions (2026-12-05) ran three more
  rounds, gathered by helpers that did not see the rules. h301's first two
  sets were scored at caca099 (its rules as at c334a26, where the round
  began), its last two and h302 at a75779d, h303's first three at 165698c
  and its fourth (German-speaking providers, which came back last) at
  2fcba53.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h301 (caca099, a75779d) | modern and self-hosted MTAs: OpenSMTPD, chasquid, Stalwart, Mailcow, Postal, Maddy, Mailu (34/35); mobile carriers and e-mail-to-SMS gateways, with telecom ISPs (25/26); Latin American providers, mostly SPFBL's replies (26/27); Central and Eastern European providers (33/34) | 122 | 96.7% (118) | 120 |
  | h302 (a75779d) | encrypted and secure-email gateways and TLS enforcement (23/28); journaling, DLP and transport-rule refusals (30/31) | 59 | 89.8% (53) | 57 |
  | h303 (165698c, 2fcba53) | Nordic providers and universities (15/16); universities and research networks (39/42); South and South-East Asia, mostly Zoho (33/36); German-speaking providers: GMX, WEB.DE, IONOS, T-Online, freenet, Posteo (31/32) | 126 | 93.7% (118) | 119 |
  | all | 10 sets | 307 | 94.1% (289) | 296 (96.4%) |

  (Test corpus rows: prov-aaisp-001 to prov-aaisp-003, mta-2959 to
  mta-2966 and mta-2969, prov-ms-tls-002, prov-ms-allow-001 to
  prov-ms-allow-003, prov-ms-038b; prov-ms-045 relabelled. Files in
  /work/holdout28/, each with the texts already in the project's corpus,
  the development corpus or another set dropped: 63 of 370.)
  What generalised: a block with its reason in a hedged sentence of its
  own ("is blocked from sending. Probably due to sending spam messages")
  blocklisting-issues; an SPF record that "could not be interpreted" or
  "could not be parsed" dmarc-issues; TLS that "failed to negotiate"
  connection-error, a server that "must support TLS" policy-related (a
  requirement stated); Microsoft's "blocked using Customer Allow list"
  and a domain refused as "unmanaged" or "external" policy-related, not
  listings; Exim's sender-verification head "Verification failed for <x>"
  policy-related. The other rows missed were kept against the sets, as
  decided before (docs/categories.md, "Of 2026-12-05"): a certificate
  that "is not trusted" connection-error, refused logins relaying-issues,
  "sender is blacklisted" blocklisting-issues, the generic "mailbox
  unavailable" and Cisco's "#5.1.0 Address rejected" invalid-mailbox, and
  "541 5.4.1 Mail rejected by destination domain" other (as the
  development corpus labels it). Against a75779d, on 207,000 rows (the
  corpora, the sets and 200,000 generated rows), only rows built from the
  new corpus rows and prov-ms-045 changed category.

- The thirty-seventh session (later on 2026-12-05) ran one more round at
  4779065, gathered by helpers that did not see the rules.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h304 (4779065) | French-speaking providers: Orange, La Poste, Free, SFR, OVHcloud, Gandi, Proximus (22/26); Russian-speaking providers: Yandex, Mail.ru, Ukr.net, RU-CENTER (34/36); sending services' event payloads: SES, SendGrid, Mailgun, SparkPost, Mandrill, Brevo (26/30); groupware and legacy servers: Domino, CommuniGate Pro, Sun/Oracle Messaging Server, IceWarp (22/23) | 115 | 90.4% (104) | 108 |

  (Test corpus rows: mta-2970 to mta-2974, prov-gandi-001 to
  prov-gandi-004, prov-proximus-001, prov-yandex-010; prov-yandex-003
  relabelled. Files in /work/holdout28/, each with the texts already in
  the project's corpus, the development corpus or another set dropped:
  37 of 152.)
  What generalised: a provider's published meaning of its own code over
  the word "policy" around it (Gandi's "Reject for policy reason
  RULEn_m" by its postmaster page, Yandex's "Policy rejection on the
  target address" a blocked account, inactive-mailbox), Proximus's
  "Under investigation for spam abuse" its own block list, and
  "transient error" as "temporary error" (Domino's router). The other
  rows missed were kept against the sets (docs/categories.md, "Later on
  2026-12-05"): Orange's bare "Mail rejected ... ofr_506" other,
  La Poste's "Service refuse. Veuillez essayer plus tard"
  recipient-server-error, SparkPost's own suppression and template
  errors other, "551 not our customer" and the generic "mailbox
  unavailable" invalid-mailbox, and Yandex's "Host not found, try again"
  routing-issues. Against 4779065, on 207,000 rows, only the relabelled
  row, an older set's Gandi row (h296a-035, which its gatherer had
  labelled policy-related) and rows built from the new corpus rows
  changed category.

  A second round, h305, was scored at dc97fa2 (the rules as after h304):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h305 (dc97fa2) | mainland Chinese providers: QQ and Tencent Exmail, NetEase, Sina, Sohu, Alibaba, 139.com (32/33); Dutch and Flemish providers and universities: Ziggo, Proximus, TransIP, UGent (26/32); reply strings in servers' and filters' sources: Postfix, Exim, Sendmail, qmail, Courier, OpenSMTPD, Haraka, rspamd, amavis, postgrey (20/22); mail clients' and webmail's send failures: Outlook, Thunderbird, K-9, FairEmail, Roundcube, SOGo (40/41) | 128 | 92.2% (118) | 121 |

  (Test corpus rows: mta-2975 to mta-2978. Files in /work/holdout28/,
  each with the texts already in the project's corpus, the development
  corpus or another set dropped: 49 of 177.)
  What generalised: a check of the message the server cannot run now
  ("Cannot validate the message now. Try again later")
  recipient-server-error rather than greylisting; a size limit stated
  with its figure policy-related; an IP block followed only by what it
  means and whom to ask blocklisting-issues. Kept against the sets
  (docs/categories.md): "5.1.0 Recipient rejected" invalid-mailbox,
  "SC-004" reputation-issues, protocol refusals policy-related,
  Tencent's "Quota exceeded or service disabled" full-mailbox and GMX's
  "invalid DNS MX or A/AAAA resource record" policy-related. Against
  dc97fa2, on 207,000 rows, only rows built from the new corpus rows
  changed category.

  A third round, h306, was scored at 029a12c (the rules as after h305):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h306 (029a12c) | providers and public bodies of Spain and Portugal (14/17); what reaches bounce addresses besides bounces: ARF complaints, DMARC failure and aggregate reports, TLS-RPT, unsubscribe notices, with the bounces that resemble them (30/39); bounce templates administrators localised or customised, mostly Orange's and La Poste's (11/11); registrars' and forwarding services' failures: OVH, GoDaddy, Cloudflare Email Routing, IONOS, Gandi, SRS (25/28) | 95 | 84.2% (80) | 91 |

  (Test corpus rows: mta-2979 to mta-2984, intl-0528, intl-0529. Files
  in /work/holdout28/, each with the texts already in the project's
  corpus, the development corpus or another set dropped: 54 of 149.)
  What generalised: reports about mail that was delivered (ARF feedback
  reports, DMARC failure reports, abuse complaints, SpamCop's reports)
  other, before any rule reads their SPF, DMARC or spam-trap words;
  postsrsd's "SRS hash is invalid" invalid-mailbox; Outlook's pt-PT
  relay refusal and qmail's rcpthosts in European Portuguese
  relaying-issues. Kept against the sets (docs/categories.md): Yahoo's
  "554 5.7.9 Message not accepted for policy reasons" policy-related (as
  the development corpus labels it), its "[PH01]" blocklisting-issues,
  Outlook.com's "451 4.7.500 Server busy ... (AS843)" reputation-issues
  and sendmail's delay warning by the reply it quotes. Against 029a12c,
  on 207,000 rows, only rows built from the new corpus rows changed
  category.

  A fourth round, h307, was scored at a047416 (the rules as after h306);
  the session's search budget ran out while its helpers searched, so its
  sets are small and one (Arabic-speaking countries) holds mostly French
  list-manager notices taken from Debian packages instead:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h307 (a047416) | government mail systems, mostly NHSmail and a UK council (9/10); French notices of Sympa and Mailman, with a few French server replies (3/11); Canadian providers and universities, short quotes from help pages (6/8); Microsoft 365 hybrid and connector failures (12/15) | 44 | 68.2% (30) | 40 |

  (Test corpus rows: mta-2985 to mta-2987, intl-0530 to intl-0534.)
  What generalised: Sympa's French "Ceci est une réponse automatique du
  robot de listes Sympa" is a list manager's notice whose reason
  decides, not an auto-reply (it had made seven rows other); unknown
  lists in Sympa's words invalid-mailbox; Mailman's "membre modéré" and
  a gateway's "Rule imposed ... refused" policy-related; Microsoft's
  ATTR35 alone routing-issues; "Domain look up failed" as "lookup".
  Kept: the ATTR35 rows (the set said relaying-issues; routing-issues
  was decided before) and "is not allowed to send mail from
  example.com" policy-related.

- The thirty-eighth session (2026-12-05) ran four more rounds, gathered by
  helpers that did not see the rules; the search budget ran out during
  the fourth, so its sets are small. h308 was scored at 7b2f42c, h309 at
  d43ddff, h310 at d0eb2f1 and h311 at 77eb81d (each with the rules of
  the rounds before):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h308 (7b2f42c) | the Middle East, mostly Yandex's Turkish service and an Israeli filter (19/19); South Africa, with a Nigerian and a Kenyan host (16/18); Australia and New Zealand: BigPond, Optus, iiNet, Xtra (24/25); privacy-focused providers: Proton, Tuta, Fastmail, Zoho, Hey, Infomaniak (28/30) | 92 | 94.6% (87) | 89 |
  | h309 (d43ddff) | Japanese and Korean carriers and providers: docomo, au, SoftBank, OCN, BIGLOBE, Naver, Daum (25/25); the 2024-2026 bulk-sender requirements: Gmail, Yahoo, Outlook.com's 5.7.515 (30/30); Windows mail servers: hMailServer, MailEnable, SmarterMail, Kerio, Exchange on premises (23/23); sending relays' and submission services' own refusals: SES, SendGrid, Mailgun, Postmark, Brevo, Microsoft 365 (34/38) | 116 | 96.6% (112) | 114 |
  | h310 (d0eb2f1) | the US public sector (8/9); IPv6 and transport security: STARTTLS, DANE, MTA-STS (28/31); cloud and VPS senders: EC2, Azure, DigitalOcean, Hetzner, OVH (34/36); the Balkans and the Baltics: abv.bg, mail.bg, inbox.lv, Zone.eu (25/25) | 101 | 94.1% (95) | 96 |
  | h311 (77eb81d) | helpdesks' inbound mail: Zendesk, Jira Service Management, ServiceNow (15/18); Apple's iCloud (16/17); privacy relays and alias forwarders: SimpleLogin, addy.io, ImprovMX, Forward Email (35/42); the UK, mostly BT (5/6) | 83 | 85.5% (71) | 76 |
  | all | 16 sets | 392 | 93.1% (365) | 375 (95.7%) |

  (Test corpus rows: intl-0538 to intl-0541, mta-2988 to mta-2998,
  prov-ms-116, prov-other-015, prov-other-016. Files in /work/holdout28/,
  each with the texts already in the project's corpus, the development
  corpus or another set dropped: 129 of 521.)
  What generalised: the error named before the word SPF in other
  languages ("BLAD SPF", "erreur SPF", "SPF-Fehler") dmarc-issues; an IP
  not allowed to send mail "for ..." cut short SPF's answer; "You've
  exceeded your messaging limits" the sender's own limit; "the sender you
  used x is not valid. Validate your sender" policy-related; a server's
  own "TLS not available due to local problem" recipient-server-error
  over a client's STARTTLS wrapper; "Sender domain not on whitelist"
  policy-related; "email processing failed" recipient-server-error when
  nothing else names a cause; Forward Email's forwarding-record errors
  routing-issues before the address words inside them, and its "x is
  not configured to use https://forwardemail.net" relaying-issues. Kept
  against the sets (docs/categories.md, "the thirty-eighth session"):
  "#5.1.0 address rejected" invalid-mailbox, "tutanota is blocked" other, failed SMTP
  logins relaying-issues, SES's "Sending paused for this account" and
  Zoho's "Relaying disallowed as x" policy-related, Yahoo's TSS06
  reputation-issues, Spamhaus's "open resolver" recipient-server-error,
  MTA-STS's unmatched MX hosts routing-issues, Apple's CS01
  policy-related, SimpleLogin's SL codes other. Against 7b2f42c, on
  207,077 rows, no row changed category besides the new corpus rows.

- The thirty-ninth session (2026-12-05, a new machine: the earlier sets
  were not on it, so each set was checked against the project's corpus,
  the development corpus and this session's other sets only) ran four
  more rounds, gathered by helpers that did not see the rules; the search
  budget ran out during the fourth. h312 was scored at 8a5fb06, h313 at
  0303b28, h314 at c19bf38 and h315 at 7b69d15 (each with the rules of
  the rounds before):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h312 (8a5fb06) | rate limits and throttling: Gmail, Microsoft, Yahoo, Comcast, Apple (31/33); SMTP protocol refusals: HELO checks, pipelining, bare LF, SMTPUTF8, too many recipients (30/38); recipients at shared web hosts: GoDaddy, HostGator, cPanel/Exim (32/36); cloud mail-security add-ons, mostly Microsoft 365, Google Workspace and SpamExperts (35/37) | 144 | 88.9% (128) | 130 |
  | h313 (0303b28) | other bounce parsers' test fixtures: PHP, Python, Java, .NET, JavaScript, Perl (35/37); European telecom ISPs, mostly T-Online and Swisscom (13/16); Africa and the Caribbean (4/4); deliverability blogs' and sending services' error lists: Mailgun, SparkPost, CloudMailin (38/39) | 96 | 93.8% (90) | 91 |
  | h314 (c19bf38) | DNS failures as servers and sending services report them (31/32); Node.js, Go and Rust MTAs: Haraka, ZoneMTA, WildDuck, Postal, maddy, mox, Stalwart (34/38); business mail hosts: Titan, Rackspace, Zoho, Yandex 360, Proton (30/32); app and auth platforms' mail: Supabase, Keycloak, Strapi, Ghost, Cognito (27/28) | 130 | 93.8% (122) | 123 |
  | h315 (7b69d15) | cold-email tools' bounce reports, mostly provider replies from nearby sources (28/32); sendmail milters: milter-greylist, rspamd, OpenDKIM, OpenDMARC, smf-spf (16/18); Exchange's transport agents and signature add-ons (17/20); marketing platforms' bounce events, mostly Marketo (23/24) | 94 | 89.4% (84) | 85 |
  | all | 16 sets | 464 | 91.4% (424) | 429 (92.5%) |

  (Test corpus rows: mta-2999 to mta-3002, prov-tonline-003. Files in
  /work/holdout29/, each with the texts already in the project's corpus,
  the development corpus or another set dropped: 83 of 547.)
  What generalised: a sender "has no A, AAAA, or MX DNS records" and
  qmail's "your domain does not exist(s)" are the sender's domain,
  policy-related; T-Online's "IP=x - A problem occurred" its IP block
  list also without the (BL) marker; an ACL or check named for a block
  list ("ACL dns_rbl", check_rbl) blocklisting-issues; qmail-remote's
  "Connected to x but my name was rejected" a HELO refusal,
  policy-related, whatever the reply says of a domain. Kept against the
  sets (docs/categories.md, "the thirty-ninth session"): protocol faults
  (synchronization errors, pipelining, unrecognised commands, "HELO
  first", "no valid recipients") policy-related or by their codes;
  per-recipient volume limits (Apple's "deferred due to excessive
  volume", Comcast's "too many recent messages") full-mailbox;
  Microsoft's "4.7.500 Server busy" reputation-issues; Gmail's
  "potential security issue" policy-related; Cloudmark's "poor
  reputation" reputation-issues; T-Online's DIAL policy-related; Apple's
  CS01 policy-related (a second set said reputation-issues; the search
  budget was spent before it could be checked again); Yahoo's TSS09 and
  PH01 as before; a bare "4.7.1 ... try again later" greylisting-issues.
  Against 8a5fb06, on 204,880 rows (the test corpus, the development
  corpus and 200,000 generated rows), no row changed category besides the
  new corpus rows.

- The fortieth session (2026-12-06) ran four more rounds, gathered by
  helpers that did not see the rules, each set checked against the
  project's corpus, the development corpus and the other sets of
  /work/holdout29. h316 was scored at be09c7e, h317 at d354a81, h318 at
  2ff9084 and h319 at 972f865 (each with the rules of the rounds before):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h316 (be09c7e) | Java, .NET and Ruby mail libraries' exceptions: JavaMail, MailKit, System.Net.Mail, Net::SMTP (32/36); helpdesk, ticketing and CRM systems: Zammad, FreeScout, osTicket, Zendesk, HubSpot (28/31); mailbox storage and account state: over quota, disabled, suspended (35/35); content and size refusals: amavis, rspamd, Mimecast, Proofpoint, Microsoft (27/29) | 131 | 93.1% (122) | 123 |
  | h317 (d354a81) | monitoring, alerting and CI tools' notifications: Grafana, Alertmanager, Jenkins, GitLab, Uptime Kuma, Sentry (31/36); e-commerce and CMS platforms: Magento, PrestaShop, Ghost, Joomla, WordPress (27/33); devices and appliances: NAS boxes, printers, routers, cameras (23/30); forwarding and alias services: SimpleLogin, Forward Email, Cloudflare Email Routing, addy.io (33/36) | 135 | 84.4% (114) | 115 |
  | h318 (2ff9084) | Python's smtplib and frameworks: Django, Flask, Celery, Odoo (36/36); Node.js and PHP mail libraries: nodemailer, Symfony Mailer, SwiftMailer, CakePHP (34/37); administrators' list archives and operator forums: mailop, postfix-users, Mailman-Users (30/32); hosting control panels: Plesk, HestiaCP, CyberPanel, DirectAdmin (34/36) | 141 | 95.0% (134) | 135 |
  | h319 (972f865) | Rust, Go, Elixir and Java client libraries: lettre, gomail, go-mail, Bamboo, Simple Java Mail (33/38); Perl modules and applications: Net::SMTP, Email::Sender, MIME::Lite, Sympa, RT (29/34); provider APIs: Microsoft Graph, EWS, the Gmail API, Apps Script (23/36); fediverse and community platforms: Mastodon, Mattermost, Discourse, Rocket.Chat (27/36) | 144 | 77.8% (112) | 118 |
  | all | 16 sets | 551 | 87.5% (482) | 491 (89.1%) |

  (Test corpus rows: mta-3003 to mta-3007, intl-0542 to intl-0546,
  prov-ms-117; prov-apple-007 and -008 relabelled. Files in
  /work/holdout29/, each with the texts already in the project's corpus,
  the development corpus or another set dropped: 66 of 617.)
  What generalised: a sending cap in Portuguese or Spanish with the verb
  first reputation-issues; Apple's "[CSnn] Message rejected due to local
  policy" reputation-issues (its spam filter's verdicts; this reverses
  the decision kept in the two sessions before, and lifts h313 to 92);
  Postfix's "SASL authentication failed; server x said: ..." decided by
  the reply it quotes (SendGrid's "Maximum credits exceeded"
  reputation-issues); a daily or hourly "delivery limit" the sender's
  cap; an IMAP or POP3 greeting on an SMTP session connection-error;
  "Username used for auth is not valid" relaying-issues; Apps Script's
  MailApp limits, Outlook.com's RefuseQuota verdict, a Japanese policy
  refusal. Kept against the sets (docs/categories.md, "the fortieth
  session"): protocol faults policy-related (the largest share of the
  misses: devices and client libraries meet them most); Microsoft's
  "4.7.500 Server busy" reputation-issues (two more sets read
  recipient-server-error); Exim's delay warning other (two sets read
  message-expired); submission log-in failures relaying-issues; the
  sender's domain set up wrongly policy-related; API request errors
  other. Against be09c7e, on 204,880 rows (the test corpus, the
  development corpus and 200,000 generated rows), the only rows that
  changed category are the seven that quote Apple's CS01 (two corpus
  rows, relabelled, and five generated from them).

- The forty-first session (2026-12-06) ran four more rounds, gathered by
  helpers that did not see the rules, each set checked against the
  project's corpus, the development corpus and the other sets of
  /work/holdout29. h321 was scored at e64ebfa, h322 and h323 at 55d4c9c,
  h324 at 88f225c (each with the rules of the rounds before); the search
  budget ran out during h324, which left its first set four rows:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h321 (e64ebfa) | e-mail verification tools' SMTP probes: Reacher, AfterShip's email-verifier, truemail (35/38); containerised relays: docker-mailserver, Mailu, boky/postfix, bytemark/smtp (31/34); ERP and business systems: SAP, Oracle, NetSuite, Salesforce, Business Central (21/27); spam-filter software's own reject texts: ASSP, Rspamd, spamass-milter, Proxmox Mail Gateway, MIMEDefang (25/31) | 130 | 86.2% (112) | 117 |
  | h322 (55d4c9c) | marketing automation platforms: ActiveCampaign's field manual, Mandrill, Marketing Cloud, Mautic (38/39); Brazil, Portugal and Latin America: UOL, Locaweb, SPFBL (25/27); the Nordic and Baltic countries: Zone.ee, Telia, one.com (23/23); older groupware: Domino, GroupWise, Exchange 2003 to 2010, Messaging Server, InterMail (28/29) | 118 | 96.6% (114) | 114 |
  | h323 (55d4c9c) | South and Southeast Asia: Zoho, ZeptoMail, NIC, Zing Mail (30/34); North American ISPs: AT&T, Spectrum, Verizon, Cox (18/21); universities and research networks: Oxford, Newcastle, Ghent, Tufts (28/31); government gateways: NHSmail, pitc.gov, councils (30/32) | 118 | 89.8% (106) | 108 |
  | h324 (88f225c) | Hungarian, Romanian, Bulgarian, Ukrainian and Greek providers (4/4); newer transactional sending services: SMTP2GO, Mailtrap, Resend, Postmark (28/30); mail clients' error dialogs: K-9, Thunderbird, Outlook, iOS Mail (31/35); inbound security gateways: Mimecast, Barracuda, Proofpoint, Trend Micro, Hornetsecurity (30/31) | 100 | 93.0% (93) | 94 |
  | all | 16 sets | 466 | 91.2% (425) | 433 (92.9%) |

  (Test corpus rows: mta-3008 to mta-3016. Files in /work/holdout29/,
  each with the texts already in the project's corpus, the development
  corpus or another set dropped: 67 of 533.) What generalised: a milter
  that cannot run its scanner or reach its backend server
  recipient-server-error; the recipient side's internal-only and
  contributor-group restrictions policy-related; a reply that calls the
  "sender or receiver address" invalid set aside for its codes; a loop in
  the past tense routing-issues; "too many failures for the recipient"
  decided by its code, not message-expired; a weekly or monthly
  "messages limit" (the plural) the sender's cap. Kept against the sets
  (docs/categories.md, "the forty-first session"): FSF's greylisting of
  hosts without reverse DNS greylisting-issues; Microsoft's
  per-transaction recipient limits policy-related; sending services' own
  suppression notices other; delay warnings other (a third set read
  message-expired); Zoho's "Mail rejected by destination domain" other
  (the development corpus's label); Spectrum's "sender rejected
  AUP#I-1310" policy-related; submission log-ins relaying-issues;
  Microsoft's "4.7.500 Server busy" reputation-issues, checked again.
  Against 9e1ec40, on 204,880 rows (the test corpus, the development
  corpus and 200,000 generated rows), no row changed category besides
  the new corpus rows.

- The forty-second session (2026-12-06) ran four more rounds the same
  way, each set scored with the rules of the sets before it (h325 at
  abd3ee9, h326 at 8806834, h327 at 1e0a0ef, its second set at da9e33a,
  h328 at 08b2f10); the search budget ran out during h328, whose sets
  are shorter:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h325 (abd3ee9) | lesser-known inbound filters: Proxmox Mail Gateway, MailCleaner, Hornetsecurity, Scrollout F1 (20/23); sending services' bounce reasons: Mailjet, Mandrill, Brevo, Sweego, SMTP2GO (24/26); East Asian providers: Naver, Daum, QQ, NetEase, Docomo, au (24/30); mailing list managers: Mailman, Sympa, LISTSERV, Google Groups, ezmlm (33/37) | 116 | 87.1% (101) | 104 |
  | h326 (8806834) | consumer ISPs of Australia, New Zealand and Canada: BigPond, iiNet, Xtra, Rogers (20/20); carriers' e-mail-to-SMS gateways (15/16); WordPress and CMS SMTP plugins' logs: FluentSMTP, WP Mail SMTP, Joomla, Ghost (26/37); French, Italian and Spanish providers: Orange, La Poste, SFR, Libero, Aruba (22/26) | 99 | 83.8% (83) | 85 |
  | h327 (1e0a0ef) | privacy-focused providers: iCloud, Fastmail, Proton, Tuta, Runbox (28/31); texts in Arabic, Hebrew, Turkish and Persian, mostly mail clients' and list managers' translations (10/29); self-hosted mail suites: Stalwart, Mox, Maddy, Haraka, mailcow (29/29); cloud platforms' sending services: Oracle, Yandex Cloud Postbox, Alibaba DirectMail, Azure Communication Services (25/30) | 119 | 77.3% (92) | 95 |
  | h328 (08b2f10) | self-hosted newsletter tools: Mautic, Postal, listmonk, Keila (24/26); Japanese ISPs and hosts: Sakura, Yahoo! JAPAN, KAGOYA (27/29); Exchange Server's anti-spam agents (6/6); commercial mail servers: hMailServer, Zimbra, SmarterMail (25/26) | 87 | 94.3% (82) | 83 |
  | all | 16 sets | 421 | 85.0% (358) | 367 (87.2%) |

  (Test corpus rows: mta-3017 to mta-3023, intl-0547 and intl-0548.
  Files in /work/holdout29/, each with the texts already in the
  project's corpus, the development corpus or another set dropped: 121
  of 542.) What generalised: a host that "has sent too many mails" the
  sender's volume; a recipient who denied or refused your message
  policy-related; "virus/suspect content found" a virus verdict; a mail
  library that could not open its socket connection-error; an identity
  not verified the sender's (policy-related); Microsoft 365's Hebrew
  notices of a missing domain and an address not found; an invalid MX
  of the recipient's domain invalid-domain; Gmail's "Illegal envelope
  To: address" invalid-mailbox. Kept against the sets
  (docs/categories.md, "the forty-second session"): hMailServer's
  "Domain has been disabled" invalid-domain; Yahoo's TSS09
  reputation-issues; a name server timeout routing-issues; per-message
  recipient limits and protocol faults policy-related; gen_smtp's
  retries_exceeded decided by the cause it wraps; translated client and
  list-manager messages other. Against abd3ee9, on 204,880 rows (the
  test corpus, the development corpus and 200,000 generated rows), no
  row changed category besides the new corpus rows.

- The forty-third session (2026-12-06) ran four more rounds the same
  way (h329 with the rules of 7eeffce, h330 at cbdcb0a, h331 at
  5cb8ff9, h332 at d24b2a8); the search budget ran out during h332:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h329 (7eeffce) | commercial mail servers: Axigen, Kerio Connect, IceWarp, MDaemon, CommuniGate Pro, SmarterMail (21/26); security gateways: Cisco, Trend Micro, Sophos (20/23); Russian, CIS and Central European providers: Yandex, Mail.ru, WP.pl, Onet, Seznam, Abv.bg (25/26); self-hosted applications' issue threads: Nextcloud, GitLab, Mastodon, Discourse, Keycloak (26/29) | 104 | 88.5% (92) | 96 |
  | h330 (cbdcb0a) | Postfix policy servers and milters (23/23); German- and Dutch-speaking providers: GMX, WEB.DE, T-Online, Strato, IONOS, Proximus (20/24); Microsoft 365's less common NDR codes (24/27); older Unix MTAs: OpenSMTPD, qmail and its patches, Courier, OpenBSD spamd (23/27) | 101 | 89.1% (90) | 93 |
  | h331 (5cb8ff9) | Yahoo's, AOL's and iCloud's less common codes (16/18); DNS block list operators (37/39); outbound mail from cloud and VPS hosts (33/34); cold-email and mail-merge tools (19/21) | 112 | 93.8% (105) | 105 |
  | h332 (d24b2a8) | TLS in delivery (29/30); SPF, DKIM, DMARC and reverse-DNS refusals by other receivers (22/24); temporary failures of many servers (32/35); webmail clients' SMTP errors: Roundcube, RainLoop, SnappyMail, SOGo (23/25) | 114 | 93.0% (106) | 108 |
  | all | 16 sets | 431 | 91.2% (393) | 402 (93.3%) |

  (Test corpus rows: mta-3024 to mta-3034; cfl-0058 relabelled. Files
  in /work/holdout29/, each with the texts already in the project's
  corpus, the development corpus or another set dropped: 166 of 597.)
  What generalised: a client's "terminates connection" note before the
  reply it quotes lets the reply decide; sender-filter refusals
  policy-related; Axigen's "Error sending ... package" the server's own
  failure; "server error:" before a quoted reply with its codes a
  client's label; Courier's "Domain does not receive mail" a null MX;
  "reached maximum number of recipients" a recipient limit; a forbidden
  domain in the envelope-from the sender's; "Use Submission for
  outgoing SMTP" relaying-issues (four sets, against the earlier
  policy-related); "Unable to authenticate at present" a temporary
  failure. Kept against the sets (docs/categories.md, "the forty-third
  session"): "sender is blacklisted" blocklisting-issues; protocol
  refusals policy-related; refused log-ins relaying-issues; Microsoft's
  5.7.520 routing-issues; AOL's "521 5.2.1 ... will not accept delivery
  of this message" invalid-domain (the contract's 521 rule); Yahoo's
  TSS06 and Hotmail's DY-001 as decided before; "Relaying denied. No
  reverse DNS configured" relaying-issues; the documented greylisting
  replies of Mimecast and iRedAPD. Against 7eeffce, on 204,880 rows (the
  test corpus, the development corpus and 200,000 generated rows), no
  row changed category besides the new corpus rows and maddy's
  submission refusal (cfl-0058 and five generated rows with its text).

- The forty-fourth session (2026-12-06) ran four more rounds the same
  way (h333 with the rules of 894229d, h334 at f2f8245, h335 at dd5616b,
  h336 at feeb52a); the search budget ran out during h336:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h333 (894229d) | Benelux, Swiss and Austrian ISPs and hosts: Bluewin, Infomaniak, Proximus (20/22); reply-by-email and no-reply addresses: Discourse, Zulip, GitLab, Phabricator (25/36); encrypted and regulated mail: Direct secure messaging, Exchange's TLS replies, Zix (20/31); qmail's add-ons: chkuser, spamcontrol, simscan, vpopmail (22/22) | 111 | 78.4% (87) | 94 |
  | h334 (f2f8245) | Vietnamese, Thai, Indonesian and Malaysian hosts (16/17); South African, Kenyan and Gulf ISPs (11/12); archiving, journaling and compliance systems: Exchange journaling, Mimecast, Barracuda, piler (23/25); sendmail's access database, milters and rulesets (22/25) | 79 | 91.1% (72) | 73 |
  | h335 (dd5616b) | Chinese enterprise mail: Tencent Exmail, Coremail, NetEase, Alibaba (29/32); Korean providers: Naver, Daum, Dooray, Hanafos (29/33); Exchange Server's on-premises transport errors (23/24); list managers' posting rejections: Google Groups, Groups.io, Mailman 3, Sympa, LISTSERV (22/28) | 117 | 88.0% (103) | 109 |
  | h336 (feeb52a) | older Windows mail servers: XMail, MailEnable (14/17); DLP and content-compliance refusals (13/15); calendar and notification bounces (6/9); fax, voicemail and PBX mail: Cisco Unity, eFax (11/17) | 58 | 75.9% (44) | 47 |
  | all | 16 sets | 365 | 83.8% (306) | 323 (88.5%) |

  (Test corpus rows: mta-3035 to mta-3052, intl-0549, intl-0550. Files
  in /work/holdout29/, each with the texts already in the project's
  corpus, the development corpus or another set dropped: 130 of 495.)
  What generalised: a reply "sent from a blocked/unknown address" the
  sender's; notification-only, send-only and replies-collection
  addresses refuse as no-reply ones do; joined names (UnknownRecipient)
  and "address is not correct" invalid-mailbox; RFC-Ignorant and NJABL
  block lists by name; a virus notice's "many viruses fake the sender"
  a virus verdict; Korean
  "수신을 제한" and "denied by (or from) the receiver" the recipient's
  refusal; a locked group takes no posts; a list's confirmation
  challenge the sender's; an outside From in the receiver's own domain
  forged; a dismounted store the server's; a transport rule's loop
  count exceeded a loop; a sender that differs from the logged-in
  account the sender's; "your account ... is marked as inactive, so
  your email has been ignored" the sender's. Kept against the sets (docs/categories.md, "the
  forty-fourth session"): "550 5.1.0 Recipient rejected." and Exchange's
  5.1.4 ambiguous address invalid-mailbox; a bare "550 SPF" other; TLS
  handshake and cipher refusals connection-error; Postini's "Can't
  connect to x - psmtp" recipient-server-error; Mimecast's documented
  greylisting reply; sendmail's PTR refusal dmarc-issues; protocol
  refusals policy-related; translated reply-by-email and fax-service
  notices other. Against 894229d, on 204,880 rows (the test corpus, the
  development corpus and 200,000 generated rows), no row changed
  category.

- The forty-fifth session (2026-12-06) ran four more rounds the same
  way (h337 with the rules of 52f278e, h338 at 5f47706, h339 at
  3908c14, h340 at 5382a93); the search budget ran out during h340:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h337 (52f278e) | filtering gateways and appliances: Hornetsecurity, Baruwa, Barricade MX, Symantec (31/36); Windows mail servers: IMail, MDaemon, hMailServer, Mercury (17/18); Polish and Czech providers: WP, Interia, Onet, Allegro, Seznam, Forpsi (16/18); mailbox-full texts in many languages (15/15) | 87 | 90.8% (79) | 84 |
  | h338 (5f47706) | local delivery agents: procmail, maildrop, dovecot-lda, Cyrus lmtpd (23/26); Sieve rejects and mailbox filters (22/25); school and course platforms: Canvas, Moodle, Sakai (20/26); Google Groups and Workspace (24/26) | 103 | 86.4% (89) | 94 |
  | h339 (3908c14) | Japanese mobile carriers: docomo, au, SoftBank, Rakuten (14/16); greylisting daemons and appliances (15/16); queue-expiry notices of many MTAs (24/27); cloud inbound services: WorkMail, SES receipt rules, SimpleLogin, Forward Email (16/18) | 77 | 89.6% (69) | 70 |
  | h340 (5382a93) | Rediffmail (18/20); Spanish- and Portuguese-language hosts' help pages (6/8); a helpdesk's routing address (2/2); deliverability help pages (11/13) | 43 | 86.0% (37) | 38 |
  | all | 16 sets | 310 | 88.4% (274) | 286 (92.3%) |

  (Test corpus rows: mta-3053 to mta-3071, intl-0551. Files in
  /work/holdout29/, each with the texts already in the project's
  corpus, the development corpus or another set dropped: 189 of 499.)
  What generalised: an IP called a banned or blacklisted sender a
  listing, and access forbidden by the client's IP; a banned sender
  address the sender's; a rate the sender may send throttling; a
  refusal by a named rule and header or body checks the receiver's
  rules; "is forbidden" as "is prohibited"; a sending address not on the
  account's list, not the profile's or not confirmed the sender's; a
  recipient whose mail function is off inactive; a request not to send
  large attachments a size policy; a qmail-send log line's short reply
  read with its underscores as spaces; "several attempts to deliver ...
  were unsuccessful" expiry; "cannot send mails from this domain" the
  sender's. Kept against the sets (docs/categories.md, "the
  forty-fifth session"): a bare 5.2.2 with "Sender/Recipient rejected"
  full-mailbox; HELO checks policy-related; protocol and pipe
  "Service unavailable" replies as decided before; Microsoft's S77714
  by its documented code; MDaemon's queue-removal notice expiry; "Message
  content rejected" a content filter's verdict; RFC 5321's "mailbox
  unavailable" invalid-mailbox (soft under 4xx); QQ's documented
  receive-rate limit. Against 894229d, on 204,880 rows (the test corpus,
  the development corpus and 200,000 generated rows), no row changed
  category.

- The forty-sixth session (2026-12-06) ran four more rounds the same
  way (h341 with the rules of dd4fa4b, h342 at c18e6b5, h343 at
  d3497e1, h344 at 0971170); the search budget ran out during h344:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h341 (dd4fa4b) | helpdesk and ticketing systems' inbound mail: OTRS, Request Tracker, Zammad, ServiceNow (14/20); Latin American providers, mostly Brazil's and Uruguay's (16/19); South Asian providers and hosts (12/12); Linux anti-spam add-ons and policy daemons (14/15) | 66 | 84.8% (56) | 61 |
  | h342 (c18e6b5) | bounces quoted in Stack Exchange questions and their copies (19/19); Hungarian, Romanian, Bulgarian, Greek and Serbian providers (19/21); lesser-known filtering gateways: MailChannels, MailScanner, VIPRE, Spambrella (16/18); Nordic and Baltic providers (14/16) | 74 | 91.9% (68) | 72 |
  | h343 (d3497e1) | HCL Domino and GroupWise (27/28); North and West African providers, mostly Orange's French replies (9/9); MTA-STS, DANE and DNSSEC failures (11/21); government and university gateways (18/21) | 79 | 82.3% (65) | 68 |
  | h344 (0971170) | Haraka, Exim and Sendmail TLS texts (2/2); Dutch, Austrian and Swiss telecom ISPs (1/1); web forms and SaaS products that send mail (12/15); South Asian institutions (4/4) | 22 | 86.4% (19) | 20 |
  | all | 16 sets | 241 | 86.3% (208) | 221 (91.7%) |

  (Test corpus rows: mta-3072 to mta-3082, intl-0552 and intl-0553.
  Files in /work/holdout29/, each with the texts already in the
  project's corpus, the development corpus or another set dropped: 135
  of 376.) What generalised: a virus verdict with a word for how bad
  before it, and a virus scanner named as what refused, a virus
  verdict; a scanner named without a verdict a content filter's; a
  helpdesk refusing a follow-up to a closed ticket or an unknown sender
  the queue's rule; Exim's header over a failing delivery program's
  output the recipient server's; a sending cap with its hours as a
  number the sender's quota; Exchange's expiry notice in Finnish;
  "bad or missing RCPT domain" the recipient's domain; Outlook's
  connection error numbers in any language; DANE's failures in Maddy's
  words and a server that takes no TLS connection-error; Exchange's
  "wasn't found at the destination domain" invalid-mailbox. Kept against
  the sets (docs/categories.md, "the forty-sixth session"): rspamd's
  limit on mail to one recipient full-mailbox; a login locked out
  relaying-issues; a greeting's bare "550 Error" other; a bare
  "Blocked" and "address blocked" other (or the code's); RFC 5321's
  "mailbox unavailable" invalid-mailbox; a TLS requirement unmet
  policy-related whichever side requires it. Against 894229d, on 204,880
  rows, no row changed category.

- The forty-seventh session (2026-12-06) ran six more rounds the same
  way (h345 and h346 with the rules of c2cf41e, h347 at c2cf41e, h348
  at 54b90f9, h349 at 5e1200c, h350 at c0774cd); the search budget ran
  out at the start of h350, whose one blind set is below (a second,
  drawn by its helper from the PHPMailer language files this session's
  rules were written from, is not blind and is left out):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h345 (c2cf41e) | Latin American telecoms outside Brazil (4/4); lesser-discussed security appliances: MailCleaner, Proxmox Mail Gateway, Halon, Baruwa (4/7); US government gateways (7/7); phone-system mail and archiving (14/21) | 39 | 74.4% (29) | 29 |
  | h346 (c2cf41e) | scan-to-email printers and copiers (10/11); monitoring and CI tools' notification mail (13/15); NAS and backup appliances (6/10); Italian certified mail (PEC) and providers (19/22) | 58 | 82.8% (48) | 48 |
  | h347 (c2cf41e) | Exchange's reports in Western European languages (7/8); in Eastern European and Asian languages (8/15); localized Gmail, Yahoo and Outlook.com notices (19/24); mail servers' localized bounce templates (23/26) | 73 | 78.1% (57) | 59 |
  | h348 (54b90f9) | Java senders in non-English settings (12/13); PHP senders (20/25); command-line and system mailers (20/23); .NET senders (10/17) | 78 | 79.5% (62) | 69 |
  | h349 (5e1200c) | Python senders in non-English threads (29/36); Node, Go and Rust senders (15/19); desktop clients' localized dialogs (9/10); business software (15/29) | 94 | 72.3% (68) | 83 |
  | h350 (c0774cd) | Chinese cloud and enterprise mail services (22/24) | 24 | 91.7% (22) | 22 |
  | all | 21 sets | 366 | 78.1% (286) | 310 (84.7%) |

  (Test corpus rows: mta-3083 to mta-3088, intl-0554 to intl-0591.
  Files in /work/holdout29/, each with the texts already in the
  project's corpus, the development corpus or another set dropped: 202
  of 568.) What generalised: a sending library's own error strings in
  the languages it ships, read as their English (Windows' socket
  errors 10054, 10060 and 10061 in ten languages and Winsock's numbers
  after the word socket; PHPMailer's "Could not connect to SMTP host",
  "SMTP connect() failed" and "Could not authenticate" in forty; .NET's
  unauthenticated-client and "mailbox unavailable" texts in German,
  French and Russian); a login exception named by its class
  (SMTPAuthenticationError, AuthenticationFailedException) the SMTP
  login's; "not permitted by the SPF record" SPF's; a fully-qualified
  name "for HELO/EHLO" the HELO rule; a sending API's test mode the
  sender's; NetEase's Chinese code descriptions; Japanese "the domain
  cannot be found" and "a system error occurred". Kept against the sets
  (docs/categories.md, "the forty-seventh session"): a sender or domain
  on a gateway's own black list or banned list blocklisting-issues, as
  decided; Exchange's UM "Unrecognized command" and "Unrouteable
  address" as decided; "Insufficient system storage (throttled)"
  reputation-issues by its word; a login locked by the organisation's
  policy policy-related; PEC's 24-hour notice other (a delay warning);
  "452 4.7.1 Try again later" recipient-server-error (the greylisting
  reading wants a 450 or 451 reply); help-page translations of Gmail's
  replies, which Gmail sends in English, not made rules. Against
  894229d, on 204,880 rows, no row changed category.

- The forty-eighth session (2026-12-06) ran three more rounds the same
  way (h351 with the rules of 60cae39, h352 and h353 with those of
  d46b6a6). Most of what the helpers found was already in the corpus or
  an earlier set: 203 of 366 rows were dropped as seen.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h351 (60cae39) | Windows' and .NET's errors in Czech, Turkish, Korean, Swedish and Hungarian (10/32); Russian-speaking providers (18/18); South Asian ISPs (3/3); European consumer ISPs (3/3) | 56 | 60.7% (34) | 50 |
  | h352 (d46b6a6) | helpdesk and ticketing systems' outbound failures (12/14); Korean portals and telecoms (1/1); mailing-list managers' bounce logs (14/16); security gateways (13/13) | 44 | 90.9% (40) | 40 |
  | h353 (d46b6a6) | Spanish hosts and companies (20/21); mail apps' dialogs in other languages (13/17); marketing automation platforms (3/3); self-hosted mail suites (22/22) | 63 | 92.1% (58) | 59 |
  | all | 12 sets | 163 | 81.0% (132) | 149 (91.4%) |

  (Test corpus rows: intl-0595 to intl-0608, mta-3091.) What
  generalised: Windows' socket errors (10051, 10053, 10054, 10060, 10061,
  10065) in Czech, Turkish, Hungarian, Swedish and Korean, and .NET's
  "client was not authenticated" and "Unable to connect to the remote
  server" in those languages, each checked in real logs; Cyren's
  "rejected by Recurrent Pattern Detection System" a spam verdict. Kept
  against the sets (docs/categories.md, "the forty-eighth session"):
  .NET's "Mailbox unavailable" wrapper around a server reply that
  Microsoft's translated documentation had translated too (servers
  reply in their own language, which the rules read); an SMTP login
  refused or locked out relaying-issues; "Sender address rejected: not
  logged in" policy-related; "SMTP protocol violation" policy-related;
  a sending platform's own suppression list other. Against 894229d, on
  204,880 rows, no row changed category.

- The forty-ninth session (2026-12-06) ran four more rounds the same
  way, and three more (h354 with the rules of 6b90183, h355 with
  c380bf4's, h356 with 71b0f0b's, h357 with 65bb7ae's, h358 with
  bf03e8e's, h359 with dafd8d3's, h360 with 2fa58a6's; the search budget
  ran out during h360). 413 of 928 rows were dropped as seen.

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h354 (6b90183) | Ruby and Rails senders (22/25); Perl and shell senders (18/25); curl and C programs' relays (24/28); Erlang, Elixir, JVM and Swift senders (8/15) | 93 | 77.4% (72) | 77 |
  | h355 (c380bf4) | a general set (20/22); home-automation and device senders (8/13); mail servers written in Go or Rust (21/22); non-English DSN wrappers (9/10) | 67 | 86.6% (58) | 59 |
  | h356 (71b0f0b) | e-mail verification tools' probes (12/12); forwarding and alias services (18/22); Japanese and Chinese blogs and help pages (22/23); Portuguese, Spanish and Russian help pages (19/20) | 77 | 92.2% (71) | 73 |
  | h357 (65bb7ae) | Microsoft's flows and connectors (16/18); e-commerce platforms' store mail (13/14); other desktop clients (11/14); terminal and editor clients, Apps Script (13/16) | 62 | 85.5% (53) | 54 |
  | h358 (bf03e8e) | Japanese and Korean mail-security products (14/18); German-speaking ones (5/8); X.400 and legacy gateways (21/31); sending services' reason texts (25/37) | 94 | 69.1% (65) | 74 |
  | h359 (dafd8d3) | antivirus mail scanners (23/24); hosting providers' outbound limits (20/24); hosted newsletter platforms (18/21); Ukrainian providers (11/11) | 80 | 90.0% (72) | 72 |
  | h360 (2fa58a6) | older Unix MTAs (9/11); IBM's z/OS and z/VM SMTP (3/5); ISPs' anti-spam services (13/14); UK and Dutch universities (11/12) | 42 | 85.7% (36) | 37 |
  | all | 28 sets | 515 | 82.9% (427) | 446 (86.6%) |

  (Test corpus rows: mta-3092 to mta-3117.) What generalised: libcurl's
  and GLib's "Timeout was reached" and curl's "Server returned nothing",
  Erlang's tls_alert tuples and Dada Mail's "Problems with connecting to
  the SMTP Server" connection-error; ASSP's "Relay Service denied"
  relaying-issues; msmtp's refused envelope-from with a display name and
  Postfix's "need fully-qualified hostname" alone policy-related; "because
  of IP Block" blocklisting-issues; "SPF, DKIM" as a list and a server
  "not authorized to send mail" for your domain dmarc-issues; sending
  services' reason texts ("The email is too large", "has blocked your
  server", "does not appear to exist") and X.400's diagnostic names
  (loop-detected, content-too-long, transfer-attempts-limit-reached) in
  their families; a sender blocked for its volume reputation-issues; a
  sending service's "not allowed to send: Account Terminated" the
  sender's own account, policy-related (no longer inactive-mailbox);
  "550 Host 'x' Unknown" invalid-domain. Kept
  against the sets (docs/categories.md, "the forty-ninth session"):
  gen_smtp's "retries_exceeded" keeps the reason it wraps; SMTP logins
  refused relaying-issues; protocol refusals policy-related; a sending
  platform's own suppression other; and others as decided before.
  Against 894229d, on 204,880 rows, no row changed category.

- The fiftieth session (2026-12-06, on a new machine: the earlier
  sessions' blind files were gone, so rows were dropped as seen only
  against test/corpus and the development corpus, 108 of 499) ran five
  rounds (h361 with the rules of 5d1253f, h362 with ec2140f's and
  836b263's, h363 with cb8553b's and a0727fb's, h364 with a0727fb's,
  h365 with 7c2f787's):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h361 (5d1253f) | Kerio, IceWarp, SmarterMail and Zimbra replies (17/19); hosting companies' mail (23/25); smaller paid mailbox providers (20/23); cloud providers' mail services (24/25) | 92 | 91.3% (84) | 86 |
  | h362 (ec2140f) | CommuniGate Pro, Axigen and Sun's Messaging Server (19/22); outbound relays and smaller sending services (16/20); European marketing platforms (23/25); US marketing automation (9/10) | 77 | 87.0% (67) | 71 |
  | h363 (cb8553b) | commercial servers' translated templates, Zimbra's only (6/16); issue threads opened in 2026 (19/20) | 36 | 69.4% (25) | 29 |
  | h364 (a0727fb) | Brazilian and Portuguese hosts (21/25); German-speaking hosts (23/25); Polish, Czech and Slovak hosts (23/25); Japanese rental servers and Korean hosts (25/28) | 103 | 89.3% (92) | 92 |
  | h365 (7c2f787) | texts in Spanish or Portuguese (12/13); French, Italian, German or Dutch (15/16); Slavic languages (20/21); Asian, Arabic and Hebrew scripts (28/33) | 83 | 90.4% (75) | 83 |
  | all | 18 sets | 391 | 87.7% (343) | 361 (92.3%) |

  Between h364 and h365 the session probed each category's everyday
  sentence in the languages the rules read and filled the gaps (a
  domain or the sender's domain that does not exist, expiry "after 5
  days", SPF, DKIM and PTR failures, relays refused, full mailboxes,
  junk verdicts, TLS required, the bare retry); h365, gathered after,
  scored the same with the rules of the session's start: the probed
  sentences were not what its sources quoted. (Test corpus rows:
  mta-3118 to mta-3132, intl-0621 to intl-0733.) What the sets showed
  and what was kept: docs/categories.md, "the fiftieth session". Against
  a build of 5d1253f, on 200,587 rows, no row changed category.

- The fifty-first session (2026-12-07; rows dropped as seen against
  test/corpus, the development corpus and the sets gathered
  before on this machine, 50 of 241) ran two rounds (h366 with the rules of 1cbfcb9,
  the session's start; h367 with 81141c7's, after the session's probes):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h366 (1cbfcb9) | Nordic and Baltic providers, mostly ZoneMTA's source strings (17/23); South-East Asian hosts (26/28); universities' and government gateways (26/27); 2025-2026 deliverability blogs and vendors' help centres (22/22) | 100 | 91.0% (91) | 93 |
  | h367 (81141c7) | Microsoft's NDRs in other languages, mostly its machine-translated help pages (14/27); Gmail's and Yahoo's notices in other languages (26/28); transactional APIs' issue threads (12/14); Balkan and South-East European hosts (18/22) | 91 | 76.9% (70) | 74 |
  | all | 8 sets | 191 | 84.3% (161) | 167 (87.4%) |

  Before h367 the session probed the categories the last session had
  not (the grey list named, the bare retry, a mail loop and too many
  hops, in the languages the rules read). (Test corpus rows: mta-3133
  to mta-3139, intl-0734 to intl-0800.) What the sets showed and what
  was kept: docs/categories.md, "the fifty-first session". Against a
  build of 5d1253f, on 200,587 rows, no row changed category.
- The fifty-second session (2026-12-07; rows dropped as seen against
  test/corpus, the development corpus and the sets gathered before on
  this machine, 241 of 787) ran seven rounds, each scored with the rules
  of its start:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h368 (2c9e313) | Russian-speaking and CIS hosts, mostly Yandex and Mail.ru (19/20); Spanish-speaking hosts (23/25); anti-spam appliances and filtering gateways (30/30); forwarding, alias and mailing-list services (30/30) | 105 | 97.1% (102) | 103 |
  | h369 (594be7c, 71e9915) | Domino, GroupWise and older corporate systems (22/24); ISP and telco mail (22/24); mailer libraries' exceptions (32/32); Turkish, Indian and Middle-Eastern hosts (17/18) | 98 | 94.9% (93) | 95 |
  | h370 (df2de04) | translated templates of open-source and Windows servers (5/5); Chinese providers (27/28); Japanese carriers and ISPs (14/15); cloud e-mail security services (27/29) | 77 | 94.8% (73) | 76 |
  | h371 (d400d56) | Outlook's and Exchange's NDRs in non-English pages (14/19); webmail and client wrappers in other languages (25/25); replies quoted in non-English admin pages (9/9); sending services' localised help pages (8/8) | 61 | 91.8% (56) | 60 |
  | h372 (28cd0e9) | Korean, Taiwanese and Hong Kong providers (16/17); Italian providers and PEC (14/17); hosting control panels' own texts (27/28); GitHub threads of 2025-2026 (13/14) | 76 | 92.1% (70) | 70 |
  | h373 (48ea895) | Greek and Cypriot hosts (3/3); CRM, helpdesk and marketing tools (23/24); African hosts and ISPs (7/8); Gmail's and Yahoo's bulk-sender rejections (27/27) | 62 | 96.8% (60) | 60 |
  | h374 (25a17a0) | Exchange's on-premises transport agents (3/3); admins' custom reject texts, from Debian packages' examples (28/34); Australian and New Zealand hosts (2/2); secure e-mail gateways (25/28); the search budget had run out | 67 | 86.6% (58) | 65 |
  | all | 28 sets | 546 | 93.8% (512) | 529 (96.9%) |

  (Test corpus rows: mta-3140 to mta-3158, intl-0802 to intl-0814.)
  What the sets showed and what was kept: docs/categories.md, "the
  fifty-second session". Against a build of 5d1253f, on 200,587 rows, no
  row changed category.
- The fifty-third session (2026-12-07; rows dropped as seen against
  test/corpus, the development corpus and the sets gathered before on
  this machine, 246 of 781) ran seven rounds, each scored with the rules
  of its start, until the search budget ran out:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h375 (84ddce6) | Exchange's transport agents and Exchange Online Protection (28/31); Australian, New Zealand and Canadian ISPs (13/15); policy daemons and milters (25/27); small open-source MTAs and delivery agents (26/26) | 99 | 92.9% (92) | 98 |
  | h376 (e2309eb) | French, Belgian and Swiss providers (8/10); delay and expiry notices (11/15); sending services' bounce events (23/25); consumer providers besides the three largest (19/20) | 70 | 87.1% (61) | 61 |
  | h377 (e2309eb) | PHP mail code's quoted replies (21/23); replies in Q&A sites' copies, forums and help pages (24/24); disabled and deleted mailboxes (23/25); enterprise gateways (18/19) | 91 | 94.5% (86) | 86 |
  | h378 (e2309eb) | connection failures in senders' logs (19/21); loops, hop limits and relay refusals (22/23); recipient-side server failures (22/23); Eastern European and Baltic hosts (1/1) | 68 | 94.1% (64) | 67 |
  | h379 (fb79686) | self-hosted applications' issue threads (14/21); customer-engagement platforms' bounce reasons (18/22); size, attachment and format refusals (25/25); spamtraps, complaints and suppressions (17/23) | 91 | 81.3% (74) | 78 |
  | h380 (8e4d857) | legacy mail systems (21/26); bounce parsers' fixtures other than Sisimai's (17/18); South Asian providers, mostly Zoho (10/10); the largest providers' 2025-2026 texts (17/17) | 71 | 91.5% (65) | 67 |
  | h381 (f36443a) | after the search budget ran out, from Debian packages: replies refusing hosting networks (19/19); universities' bounces (25/26) | 45 | 97.8% (44) | 44 |
  | all | 26 sets | 535 | 90.8% (486) | 501 (93.6%) |

  Most of what stayed wrong is a label the project decided before and
  kept (SMTP log-in failures, delay warnings, suppressions). (Test corpus
  rows: mta-3159 to mta-3171, intl-0815 to intl-0822.) What the sets
  showed and what was kept: docs/categories.md, "the fifty-third
  session". Against a build of 5d1253f, on 200,587 rows, the only rows
  that moved were 13 generated from the shape of corpus row flt-0093,
  relabelled on purpose.
- The fifty-fourth session (2026-12-07; rows dropped as seen against
  test/corpus, the development corpus and the sets gathered before on
  this machine, 258 of 713) ran six rounds, each scored with the rules
  of its start, until the search budget ran out:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h382 (ed4d69b) | platforms that send for applications (SES, Azure Communication Services, Auth0) (12/14); mail clients' dialogs and logs (21/23); block-list refusals (21/22); SPF, DKIM, DMARC, PTR and HELO failures (27/29) | 88 | 92.0% (81) | 82 |
  | h383 (ed4d69b) | full mailboxes and quotas (22/23); recipient domains that fail: NXDOMAIN, null MX, SERVFAIL (16/20); unknown recipients on less common servers (11/12); e-mail-to-SMS gateways and carriers (12/12) | 67 | 91.0% (61) | 63 |
  | h384 (af33ff9) | virus, malware and phishing verdicts (19/22); spam verdicts (26/26); greylisting and deferrals in the wild (17/17); Dutch, Belgian and Luxembourg providers (13/13) | 78 | 96.2% (75) | 75 |
  | h385 (af33ff9) | sending services' own refusals (20/26); self-hosted mail stacks' threads (12/13); Ukrainian, Romanian, Hungarian and Bulgarian hosts (3/4); Scandinavian providers (5/5) | 48 | 83.3% (40) | 41 |
  | h386 (e3caae0) | self-hosted web applications' threads (20/22); texts that are not failures: auto-replies, challenges, delay warnings (20/31); cloud and VPS providers' outbound blocks (17/21); routing failures (5/5) | 79 | 78.5% (62) | 65 |
  | h387 (c690bf8) | Microsoft 365's NDR codes (18/19); TLS, DANE and MTA-STS failures (20/25); e-commerce and CMS platforms' threads (16/21); mailing-list managers' refusals (27/30) | 95 | 85.3% (81) | 83 |
  | all | 24 sets | 455 | 87.9% (400) | 409 (89.9%) |

  Most of what stayed wrong is a label the project decided before and
  kept (delay warnings, suppression notices and challenge-response
  requests, SMTP log-in failures, HELO checks). (Test corpus rows:
  mta-3172 to mta-3185, intl-0823 to intl-0868.) What the sets showed
  and what was kept: docs/categories.md, "the fifty-fourth session".
  Against a build of 5d1253f, on 200,587 rows, the rows that moved were
  242 generated from the shape of corpus row prov-ms-101 and 13 from
  flt-0093's, both relabelled on purpose.
- The fifty-fifth session (2026-12-07; rows dropped as seen against
  test/corpus, the development corpus and the sets gathered before on
  this machine, 402 of 902) gathered thirty-two sets, eight at a time,
  all scored with the rules of the session's start (2d75ffa); the search
  budget ran out during the fourth eight:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h388 (2d75ffa) | rate limits and throttling (23/25); Postfix's restriction texts (22/23); firewall and UTM mail filters (9/10); privacy and paid consumer providers (18/21) | 79 | 91.1% (72) | 72 |
  | h389 (2d75ffa) | Node, Go, Rust, Java and .NET mail libraries' threads (17/17); monitoring, CI and DevOps tools (20/25); helpdesk and ticketing systems (6/6); Exim's ACL, router and verify texts (18/19) | 67 | 91.0% (61) | 61 |
  | h390 (2d75ffa) | Google Workspace and Groups (24/25); Rspamd, SpamAssassin, amavis, MIMEDefang (13/13); replies in French, Italian, Spanish (3/5); sender verification callouts (16/16) | 59 | 94.9% (56) | 57 |
  | h391 (2d75ffa) | modern open-source servers (18/19); the qmail family (21/24); US ISPs' and portals' codes (16/17); Latin American and Iberian hosts (18/19) | 79 | 92.4% (73) | 74 |
  | h392 (2d75ffa) | Arabic, Hebrew, Persian, Turkish hosts (6/7); SaaS products' bounce notices (14/15); South-East Asian hosts (6/6); printers', NAS boxes' and devices' relays (18/24) | 52 | 84.6% (44) | 44 |
  | h393 (2d75ffa) | Stack Exchange questions (1/1); forwarding services (13/15); German, Austrian, Swiss providers (10/11); Exchange NDRs in forums (16/18) | 45 | 88.9% (40) | 41 |
  | h394 (2d75ffa) | message expiry texts (14/17); outbound MTAs' threads (12/13); community software (4/4); ERP and CRM platforms (10/14) | 48 | 83.3% (40) | 42 |
  | h395 (2d75ffa) | Windows mail servers (20/23); web frameworks' threads (11/12); TLS- and encryption-required refusals (16/16); DMARC, ARC, SPF failures of forwarding and lists (20/20) | 71 | 94.4% (67) | 68 |
  | all | 32 sets | 500 | 90.6% (453) | 459 (91.8%) |

  Most of what stayed wrong is a label the project decided before and
  kept (SMTP log-in failures, protocol errors, "mailbox unavailable",
  delay warnings, "open resolver", 4.7.500). (Test corpus rows: mta-3186
  to mta-3197, intl-0869 to intl-0929.) What the sets showed and what was kept:
  docs/categories.md, "the fifty-fifth session". Against a build of
  3f214b5, on 200,587 rows, no row changed category.
- The fifty-sixth session (2026-12-07; the sets here are gathered again
  on a new machine, rows dropped as seen against test/corpus, the
  development corpus and the session's own earlier sets, 351 of 1,608)
  gathered twenty-four sets, eight at a time, all scored with the rules
  of the session's start (472e132); the search budget ran out early in
  the third eight, whose helpers then took texts from Debian and npm
  packages' own strings:

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h396 (472e132) | delivery agents and mailbox stores (56/58); cloud providers' mail services (54/55); Japanese, Korean, Chinese portals (57/61); DSNs in list archives and threads (62/64) | 238 | 96.2% (229) | 229 |
  | h397 (472e132) | university and government help desks (65/69); Nordic and Baltic hosts (48/51); South and South-East Asian hosts (34/34); hosting control panels (65/67) | 221 | 95.9% (212) | 217 |
  | h398 (472e132) | registrars' and forwarding services (58/60); Russian and Ukrainian providers (47/50); marketing-automation platforms (113/116); Exchange Online connector and tenant NDRs (29/34) | 260 | 95.0% (247) | 253 |
  | h399 (472e132) | MTA log lines in threads (52/53); French, Italian, Spanish providers (55/56); deliverability blogs 2023-2026 (49/51); greylisting and deferrals (47/53) | 213 | 95.3% (203) | 206 |
  | h400 (472e132) | Japanese hosts' help pages (16/16); German hosts' FAQ pages (19/21); security vendors' reject codes (32/35); mail loops and routing failures (39/44) | 116 | 91.4% (106) | 111 |
  | h401 (472e132) | connection and TLS failures (54/69); disabled and suspended mailboxes (12/13); recipient domains that fail (38/40); bounce handlers' fixtures (84/87) | 209 | 90.0% (188) | 204 |
  | all | 24 sets | 1257 | 94.3% (1185) | 1220 (97.1%) |

  Most of what stayed wrong is a label the project decided before and
  kept (delay warnings, "open resolver", Mimecast's 451, 4.7.500, "Policy
  rejection on the target address", "Syntax error in parameters or
  arguments", a bare "Protocol violation"). (Test corpus rows: mta-3198
  to mta-3220, intl-0930 to intl-0985.) What the sets showed and what
  was kept: docs/categories.md, "the fifty-sixth session". Against a
  build of 472e132, on 201,426 rows (200,000 generated, the development
  corpus and Sisimai's), no row changed category.

- The fifty-seventh session (2026-12-07; the sets gathered again on a new
  machine, rows dropped as seen against test/corpus and the development
  corpus, 41 of 588) gathered eight sets, all scored with the rules of the
  session's start (a49b5b1):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h402a-d (a49b5b1) | mail servers' and SMTP libraries' source (69/74); marketing and CRM platforms' bounce documentation (89/94); Nordic and Baltic providers (45/47); university and school help pages (56/61) | 276 | 93.8% (259) | 263 |
  | h402e-h (a49b5b1) | hosting control panels' mail stacks (60/63); mail clients' send errors (78/78); Japanese, Korean and South-East Asian providers (61/64); replies new in 2025-2026 (66/66) | 271 | 97.8% (265) | 266 |
  | all | 8 sets | 547 | 95.8% (524) | 529 (96.7%) |

  Most of what stayed wrong is a label decided before and kept ("no
  longer exists" inactive-mailbox, Yandex's "Policy rejection on the
  target address", Mimecast's 451, Naver's "Your IP is filtered", KDDI's
  relay-error wrapper, "sender is blacklisted"). (Test corpus rows:
  mta-3221 to mta-3231.) What the sets showed and what was kept:
  docs/categories.md, "the fifty-seventh session". Against a build of
  a49b5b1, on 206,946 rows (200,000 generated, the development corpus,
  Sisimai's, test/corpus), no row but the session's own changed category.

- The fifty-eighth session (2026-12-07; on a new machine again, rows
  dropped as seen against test/corpus, the development corpus and
  Sisimai's, 29 of 495) gathered eight sets, all scored with the rules of
  the session's start (1d45f55):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h410a-d (1d45f55) | Java and groupware mail servers (54/60); remote replies in high-volume senders' logs (30/30); bounces in CMS and e-commerce tools' threads (34/36); Turkish, Ukrainian, Vietnamese, Hebrew and Greek texts (13/40) | 166 | 78.9% (131) | 164 |
  | h410e-h (1d45f55) | mailing-list managers' notices in other languages (32/120); translated server and webmail strings (15/20); Arabic, Persian, Urdu, Hindi and Bengali texts (32/59); Chinese, Japanese and Korean providers (97/101) | 300 | 58.7% (176) | 269 |
  | all | 8 sets | 466 | 65.9% (307) | 433 (92.9%) |

  The low first runs are one family: a list manager's refusals (who may
  post, restricted lists, sizes, hidden destinations, filters, content
  types) as Mailman 2 and Sympa word them in sixteen languages; the rules
  read them in English and a few other languages only. What stayed wrong:
  the Arabic, Persian, Urdu, Hindi, Bengali, Punjabi and Nepali sets' mail
  clients' own dialogs (Thunderbird, Evolution, PHPMailer; 27 rows, left
  for want of room in the memory budget and of real server texts in those
  languages), and labels decided before and kept ("no valid recipients"
  invalid-mailbox, Hostnet's "recipient is known to bounce" a sending
  relay's own list, NetEase's "User in blacklist" and per-connection
  recipient limit). (Test corpus rows: intl-0986 to intl-1009, mta-3232 to
  mta-3239.) What the sets showed and what was kept: docs/categories.md,
  "the fifty-eighth session". Against a build of 1d45f55, on 206,431 rows
  (200,000 generated, the development corpus, Sisimai's, test/corpus), no
  row but the session's own changed category.

- The fifty-ninth session (2026-12-07; a new machine again, rows dropped
  as seen against test/corpus and the development corpus, 140 of 536)
  gathered eight sets, scored with the rules of the session's start
  (5741237; its README commit 7d1c303 changed no rule):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h59a-d (5741237) | bounces in self-hosted apps' and mail stacks' issue threads (33/38); admins' pasted rejection lines (63/69); Microsoft 365 and Outlook.com NDRs (46/50); less-covered mail servers' source (49/52) | 209 | 91.4% (191) | 194 |
  | h59e-h (5741237) | Italian, Dutch, Spanish and Brazilian ISPs and hosters (35/37); big providers' 4xx deferrals (40/43); security gateways (51/53); transactional services' bounce reasons (52/54) | 187 | 95.2% (178) | 178 |
  | all | 8 sets | 396 | 93.2% (369) | 372 (93.9%) |

  Three rules came of them: a session dropped in Yahoo's words ("421
  Connection went away") connection-error, qmail-local's deferrals over
  the recipient's own .qmail setup recipient-server-error (not 4.7.0's
  policy), Haraka's "MX without A records" for the sender's domain
  policy-related. What stayed wrong is labels decided before and kept
  (Spamhaus's "open resolver" answer recipient-server-error, Mimecast's
  451 greylisting, Microsoft's 4.7.500 throttling reputation-issues, a
  recipient's excessive volume full-mailbox, Gandi's and Symantec's
  policy codes, "bad outbound sender" reputation-issues, external
  forwarding refused routing-issues). (Test corpus rows: mta-3240 to
  mta-3244.) What the sets showed and what was kept: docs/categories.md,
  "the fifty-ninth session". Against a build of 5741237's rules, on
  113,629 distinct rows (200,000 generated, the development corpus,
  test/corpus, the sets), no row moved but the session's own corpus rows
  and three set rows, all to their labels.

- The sixtieth session (2026-12-07; rows dropped as seen against
  test/corpus, the development corpus and the earlier sets, 246 of 892;
  named h600a-p, as an older session had used h60a-d) gathered sixteen
  sets, each round scored with the rules before it (the first eight
  with the session's start, 1b8e03e):

  | round (start) | sets | rows | first run | after |
  |---|---|---:|---:|---:|
  | h600a-d (1b8e03e) | hosting control panels' and shared hosters' mail (48/52); East Asian providers (49/53); Russian, Czech, Polish and German-speaking providers (26/27); email service providers' bounce reasons (34/38) | 170 | 92.4% (157) | 159 |
  | h600e-h (1b8e03e) | forwarding services' and list managers' refusals (57/60); delay and give-up notices (33/36); Exchange and Microsoft 365 NDRs in other languages, mostly machine-translated help pages (35/43); Latin American, Spanish and Portuguese ISPs (29/30) | 169 | 91.1% (154) | 158 |
  | h600i-l (1d9d6ec) | Exchange on-premises and hybrid NDRs as admins pasted them (37/42); Gmail's and Google Workspace's replies of 2023-2026 (55/56); less common self-hosted servers and local delivery (39/42); TLS, certificate, DANE and MTA-STS failures (30/39) | 179 | 89.9% (161) | 162 |
  | h600m-p (fc11b94) | French-speaking providers, mostly Orange and La Poste (9/12); Italian providers and certified mail (23/26); providers in India, the Middle East and Africa, mostly Zoho (23/27); block-list refusals (59/63) | 128 | 89.1% (114) | 115 |
  | all | 16 sets | 646 | 90.7% (586) | 594 (92.0%) |

  What came of them: a cap on the bounces a sender may cause ("Sender
  Domain Daily Bounce Limit Exceeded") reputation-issues, not 5.4.6's
  routing; Sohu's misspelt "CONTENT REJCT" as content rejected; a relay
  refusal followed by a spam verdict on the sender ("Relaying denied -
  Your IP identified as spammer") decided by the verdict; Mailman's
  "list address was not found in either the To: or CC: header"
  policy-related, not an unknown address; RFC 5321's own 450 text
  "Requested mail action not taken: mailbox unavailable" other (the
  code's description, not a cause); Polish "Odmowa połączenia"
  connection-error; German "Relayzugriff verweigert" relaying-issues;
  Apache James's "unauthenticated e-mail from <IP> is restricted"
  policy-related (an address, not a domain's authentication); "mailbox
  unavailable" in the plural ("The following mailboxes are unavailable")
  and in Italian ("caselle di posta ... non sono disponibili")
  invalid-mailbox.
  What stayed wrong is labels decided before and kept (QQ's "Mailbox
  unavailable or access denied" full-mailbox, NetEase's RP:DRC
  policy-related, "sender is blacklisted" blocklisting-issues, delay
  warnings other, sending services' suppressions other, a required TLS
  policy-related whichever side requires it, Exchange's "Cannot achieve
  Exchange Server authentication" relaying-issues, a DNS SERVFAIL and
  MxLoopback routing-issues, Spamhaus's "open resolver" answers and
  Mimecast's "Poor Reputation Sender" as before, La Poste's "Service
  refusé, veuillez essayer plus tard" recipient-server-error, Zoho's
  "Relaying disallowed as <sender>" policy-related) and
  machine-translated Microsoft texts no server sends. (Test corpus rows:
  mta-3245 to mta-3252, intl-1010 to intl-1012.) What the sets showed and
  what was kept: docs/categories.md, "the sixtieth session". Against a
  build of 1b8e03e's rules, on 114,257 distinct rows (200,000 generated,
  the development corpus, test/corpus, the sets), no row moved but the
  session's own corpus rows and six set rows, all to their labels; each
  later round's rules against the rules before it (114,455 and 114,613
  rows), only their own corpus rows and one set row each.

  With the search budget spent, the session then probed the singulars'
  siblings: many families read a cause only in the singular. The plural
  (and "(s)" forms) now counts in the mailbox, domain, quota, inactive,
  expiry, connection, size and loop families and in the Spanish,
  French, Italian, Portuguese, German and Polish invalid-mailbox and
  full-mailbox phrases ("Recipients unknown", "unknown users",
  "Mailboxes not found", "These accounts have been suspended",
  "Recipient domains do not exist", "messages have expired",
  "connections refused", "utenti sconosciuti", "Los buzones están
  llenos"), with a few other siblings ("The mailbox you tried to reach is
  full", "no user by that name", "The domain you tried to reach does not
  exist", "refused to relay", "The sending domain x failed
  authentication"). None of the 114,639 sweep rows moved but the new
  corpus rows (mta-3253 to mta-3273, intl-1013 to intl-1017): the
  corpora hold no such plural, which is why the gap went unseen.

Expect something between those figures on mail from sources the rules have
never met; `bounce_explain` shows, row by row, what decided.
"""


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    corpus_test, out_path = sys.argv[1], sys.argv[2]
    body = []
    for spec in sys.argv[3:]:
        name, _, paths = spec.partition("=")
        files = [p for p in paths.split(",") if p]
        if not files or not all(os.path.exists(p) for p in files):
            continue
        body += section(name, files, corpus_test)
    head = ["# Accuracy", "",
            "Generated by `make accuracy` (test/tools/accuracy.py) on %s." %
            datetime.date.today().isoformat(),
            "Each row of a labelled file is classified by the core and compared with",
            "the label its author gave under the contract (docs/categories.md).", ""]
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(head + body) + UNSEEN)
    print("wrote %s" % out_path)


if __name__ == "__main__":
    main()
