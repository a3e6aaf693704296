/*
 * unwrap.c: the text the rules read.
 *
 * A diagnostic often reaches the database wrapped: a multi-line SMTP reply
 * whose lines each start with the reply code ("550-5.1.1 The email account
 * that you tried to\r\n550-5.1.1 reach does not exist."), the same lines
 * joined with spaces as Postfix and Exim write them ("... Please try
 * 550-5.1.1 double-checking ..."), a header folded across lines ("...does
 * not\r\n\texist"), or runs of spaces. A rule written for the phrase must
 * match it in all of these, so the rules read the text with:
 *
 * - continuation prefixes removed: a reply code that already occurred in
 *   the text (as "550-" or "550 ", with the enhanced code after it, if of
 *   the same class), again at the start of a line or word (but "553 "
 *   after a colon on the same line is a reply being quoted, and a second
 *   "550 " on the same line as one already met is another reply: a reply
 *   has one last line); and an
 *   enhanced code alone that already occurred, again after white space
 *   that does not follow a number, as a reply whose lines lost their
 *   reply codes has it ("5.7.1 this message does not meet IPv6 sending
 *   guidelines regarding PTR 5.7.1 records");
 * - each run of white space that precedes a prefix, that is a fold (a
 *   line break followed by a space or tab), that has two or more
 *   characters or that holds a no-break space (U+00A0, which pcre2's \s
 *   does not match; it comes with texts taken from HTML reports) made one
 *   space; a line break not followed by indentation stays as it is, since
 *   rules may stop at one ("[^;\n]").
 * - a typographic apostrophe (U+2019, also U+2018 and U+02BC, which word
 *   processors and web forms put in "doesn’t") made "'", so that rules
 *   spell "doesn't" once, and a typographic double quote (U+201C, U+201D,
 *   U+201E: Required header “Message-ID” missing) made '"';
 * - in a text that writes its spaces as underscores, as qmail-send's log
 *   does with the remote reply ("Remote_host_said:_550_No_such_user/"),
 *   every underscore made a space (byte for byte, so offsets keep);
 * - a text stored still escaped, as a JSON string or an HTML page holds
 *   it: the escapes "\n", "\r" and "\t" read as white space (so a reply's
 *   lines joined by them unwrap as real ones do), "\"", "\/", "\'" and
 *   "\\" as the character; the HTML entities "&lt;", "&gt;", "&amp;", "&quot;",
 *   "&apos;", "&#39;", "&#x27;" as theirs and "&nbsp;", "&#160;" as a space.
 *
 * Everything else is copied, in stretches. A list of where each stretch
 * starts in both texts maps a match back to the caller's text.
 */
#include <string.h>

#include "internal.h"

static inline bool
is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * The length of the white space at i: pcre2's \s, U+00A0, or an escape
 * standing for one.
 */
static inline size_t
space_at(const unsigned char *t, size_t n, size_t i)
{
	if (is_space(t[i]))
		return 1;
	return bounce_nbsp_at(t, n, i) || bounce_space_escape_at(t, n, i) ? 2 : 0;
}

/*
 * An escaped character at i: a JSON escape of a quote, slash or backslash,
 * or one of the HTML entities that a reply's punctuation and spaces become.
 * Its length, and the byte it stands for in *c; or 0.
 */
static size_t
escaped_char_at(const unsigned char *t, size_t n, size_t i, unsigned char *c)
{
#define ENTITY(name, c) {name, sizeof(name) - 1, c}
	static const struct
	{
		const char *name;
		size_t		len;
		unsigned char c;
	}			entities[] = {
		ENTITY("&lt;", '<'), ENTITY("&gt;", '>'), ENTITY("&amp;", '&'),
		ENTITY("&quot;", '"'), ENTITY("&apos;", '\''), ENTITY("&#39;", '\''),
		ENTITY("&#x27;", '\''), ENTITY("&nbsp;", ' '), ENTITY("&#160;", ' '),
	};
#undef ENTITY
	size_t		k;

	if (t[i] == '\\')
	{
		if (i + 1 < n && (t[i + 1] == '"' || t[i + 1] == '/' ||
						  t[i + 1] == '\'' || t[i + 1] == '\\'))
		{
			*c = t[i + 1];
			return 2;
		}
		return 0;
	}
	if (t[i] != '&')
		return 0;
	for (k = 0; k < sizeof(entities) / sizeof(entities[0]); k++)
	{
		size_t		len = entities[k].len;

		if (i + len <= n && memcmp(t + i, entities[k].name, len) == 0)
		{
			*c = entities[k].c;
			return len;
		}
	}
	return 0;
}

/*
 * A typographic quotation mark at i: its length, and in *c the ASCII mark
 * it reads as ("'" for U+2018, U+2019, U+02BC; '"' for U+201C, U+201D,
 * U+201E); or 0.
 */
static inline size_t
quote_mark_at(const unsigned char *t, size_t n, size_t i, unsigned char *c)
{
	if (t[i] == 0xE2 && i + 2 < n && t[i + 1] == 0x80 &&
		t[i + 2] >= 0x98 && t[i + 2] <= 0x9E && t[i + 2] != 0x9A &&
		t[i + 2] != 0x9B)
	{
		*c = t[i + 2] <= 0x99 ? '\'' : '"';
		return 3;
	}
	*c = '\'';
	return t[i] == 0xCA && i + 1 < n && t[i + 1] == 0xBC ? 2 : 0;
}

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* A reply code token at i: "[2-5]dd" then '-' or ' ' (354 wraps too). */
static inline bool
reply_code_at(const unsigned char *t, size_t n, size_t i)
{
	return i + 4 <= n && t[i] >= '2' && t[i] <= '5' && is_digit(t[i + 1]) &&
		is_digit(t[i + 2]) && (t[i + 3] == '-' || t[i + 3] == ' ');
}

#define ENH_SEEN_MAX	32		/* different enhanced codes kept per text */

/*
 * The reply codes met so far as tokens of their own, so that "seen
 * before?" costs one pass over the text however many candidates it holds.
 */
typedef struct code_memory
{
	int			quick_left;		/* searches before falling back to seen */
	/*
	 * The enhanced codes met so far as tokens, as numbers (enhanced_value),
	 * read once up to enh_scanned; a text of more different ones than
	 * ENH_SEEN_MAX has no enhanced code alone read as a prefix after that.
	 */
	uint32_t	enh_seen[ENH_SEEN_MAX];
	int			n_enh_seen;
	bool		enh_full;
	size_t		enh_scanned;
	uint64_t	seen[7];		/* bit code - 200, for codes 200..599 */
	uint64_t	seen_last[7];	/* ... of those, the ones met as a last line
								 * ("550 ", not "550-") */
	size_t		scanned;		/* the tokens starting before it are in seen */
} code_memory;

#define QUICK_SEARCHES	8		/* most texts have one or two candidates */
#define QUICK_HITS		64		/* ... and few digits before them */

/* Is there a reply code token at i (not glued to a word or number)? */
static inline bool
code_token_at(const unsigned char *t, size_t n, size_t i)
{
	unsigned char before = i > 0 ? t[i - 1] : ' ';

	return reply_code_at(t, n, i) && !is_digit(before) &&
		!((before | 0x20) >= 'a' && (before | 0x20) <= 'z') &&
		before != '.' && before != '-';
}

static inline int
code_value(const unsigned char *t, size_t i)
{
	return (t[i] - '0') * 100 + (t[i + 1] - '0') * 10 + (t[i + 2] - '0');
}

/*
 * Does the reply code at i occur before it, as a token of its own? And
 * (*last, asked for when want_last) did it occur as a reply's last line
 * ("550 ")? The first few candidates of a text search for their own
 * digits, which is quick where digits are few; after that the codes met
 * so far are kept, so that a text of many candidates is still read only
 * once more.
 */
static bool
code_seen_before(const unsigned char *t, size_t n, size_t i,
				 code_memory *mem, bool want_last, bool *last)
{
	size_t		p = mem->scanned;
	int			bit;
	uint64_t	mask;

	*last = false;
	if (mem->quick_left > 0)
	{
		const unsigned char *q = t,
				   *end = t + i;
		int			hits = 0;
		bool		seen = false;

		mem->quick_left--;
		while ((q = memchr(q, t[i], (size_t) (end - q))) != NULL &&
			   ++hits <= QUICK_HITS)
		{
			if (q[1] == t[i + 1] && q[2] == t[i + 2] &&
				code_token_at(t, n, (size_t) (q - t)))
			{
				seen = true;
				*last = q[3] == ' ';
				if (*last || !want_last)
					return true;
			}
			q++;
		}
		if (q == NULL)
			return seen;
		mem->quick_left = 0;	/* a text full of digits: keep count */
		*last = false;
	}
	/* candidates come in text order: only the new stretch is read */
	for (; (p = bounce_next_code_start(t, i, p)) < i; p++)
		if (code_token_at(t, n, p))
		{
			bit = code_value(t, p) - 200;
			mask = (uint64_t) 1 << (bit & 63);
			mem->seen[bit >> 6] |= mask;
			if (t[p + 3] == ' ')
				mem->seen_last[bit >> 6] |= mask;
		}
	if (i > mem->scanned)
		mem->scanned = i;
	bit = code_value(t, i) - 200;
	*last = (mem->seen_last[bit >> 6] >> (bit & 63)) & 1;
	return (mem->seen[bit >> 6] >> (bit & 63)) & 1;
}

/*
 * An enhanced code at i ("5.7.1", "4.7.28"; class 2 to 5, as reply codes),
 * not inside a longer number ("15.7.1", "5.7.10", "5.7.1.2"): its value
 * (class * 10^6 + subject * 10^3 + detail), its length in *len; or 0.
 */
static uint32_t
enhanced_value(const unsigned char *t, size_t n, size_t i, size_t *len)
{
	size_t		k = i + 2;
	uint32_t	value;
	int			part;

	/* the bounds first: i may be the text's end (a run of white space
	 * there) */
	if (i + 5 > n || t[i] < '2' || t[i] > '5' || t[i + 1] != '.' ||
		(i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '.')))
		return 0;
	value = (uint32_t) (t[i] - '0');
	for (part = 0; part < 2; part++)
	{
		size_t		start = k;
		uint32_t	number = 0;

		while (k < n && k - start < 3 && is_digit(t[k]))
			number = number * 10 + (uint32_t) (t[k++] - '0');
		if (k == start || (k < n && is_digit(t[k])))
			return 0;
		value = value * 1000 + number;
		if (part == 0 && (k == n || t[k++] != '.'))
			return 0;
	}
	if (k < n && t[k] == '.' && k + 1 < n && is_digit(t[k + 1]))
		return 0;
	*len = k - i;
	return value;
}

/*
 * Has the enhanced code value occurred before i? The text is read once,
 * from where the last question left it, each code met kept.
 */
static bool
enhanced_seen_before(const unsigned char *t, size_t n, size_t i,
					 uint32_t value, code_memory *mem)
{
	size_t		p,
				len;
	int			k;

	for (p = mem->enh_scanned; p < i && !mem->enh_full; p++)
	{
		uint32_t	v;

		if (t[p] != '.' || p == 0 || (v = enhanced_value(t, n, p - 1, &len)) == 0)
			continue;
		for (k = 0; k < mem->n_enh_seen && mem->enh_seen[k] != v; k++)
			;
		if (k == mem->n_enh_seen)
		{
			if (k == ENH_SEEN_MAX)
				mem->enh_full = true;
			else
				mem->enh_seen[mem->n_enh_seen++] = v;
		}
		p += len - 2;			/* past the code */
	}
	if (i > mem->enh_scanned)
		mem->enh_scanned = i;
	if (mem->enh_full)
		return false;
	for (k = 0; k < mem->n_enh_seen; k++)
		if (mem->enh_seen[k] == value)
			return true;
	return false;
}

/*
 * An enhanced code of a failure (class 4 or 5) at i as a token followed by
 * white space: its length, and its value in *value; or 0.
 */
static size_t
enhanced_token_len(const unsigned char *t, size_t n, size_t i,
				   uint32_t *value)
{
	size_t		len;

	*value = enhanced_value(t, n, i, &len);
	return *value >= 4000000 && i + len < n && space_at(t, n, i + len) > 0 ?
		len : 0;
}

/*
 * A continuation prefix at i (just after white space): a reply code seen
 * before, '-' or ' ', then perhaps an enhanced code of the same class
 * ("5.1.1") ending in white space; or, when bare_ok, an enhanced code alone
 * seen before. A reply has one last line: on the same line (new_line
 * false), "550 " after a "550 " already met starts another reply (the
 * same reply written twice, or a second recipient's), which stays, so that
 * the words of two replies do not run together ("... has expired 550
 * Recipient ..."); after a line break it is a line of a reply whose server
 * or log wrote every line so. Returns where the prefix ends, or i.
 */
static size_t
prefix_end(const unsigned char *t, size_t n, size_t i, bool bare_ok,
		   bool new_line, code_memory *mem)
{
	size_t		p,
				k;
	uint32_t	value;
	bool		last_line,
				last;

	if (bare_ok && (k = enhanced_token_len(t, n, i, &value)) > 0)
		return enhanced_seen_before(t, n, i, value, mem) ? i + k : i;
	if (!reply_code_at(t, n, i))
		return i;
	/* "550 " on the line of a "550 " met before: another reply */
	last_line = t[i + 3] == ' ' && !new_line;
	if (!code_seen_before(t, n, i, mem, last_line, &last) ||
		(last_line && last))
		return i;
	p = i + 4;
	/* the enhanced code after it, of the same class, ending the text or
	 * before white space */
	if (enhanced_value(t, n, p, &k) != 0 && t[p] == t[i] &&
		(p + k == n || space_at(t, n, p + k)))
		p += k;
	return p;
}

/*
 * Does a word, t[0..n), end as a qmail-send log line's reply does: two
 * underscores or more, and one slash, after which only closing quotes or
 * brackets ("maildrop:_Timeout_quota_exceeded./", quoted in a report as
 * "...exceeded./'")? An identifier does not end so, nor does a path or
 * URL, which holds more slashes.
 */
static bool
is_log_reply_end(const unsigned char *t, size_t n)
{
	size_t		underscores = 0,
				slashes = 0,
				slash_at = 0,
				i;

	for (i = 0; i < n; i++)
	{
		underscores += t[i] == '_';
		if (t[i] == '/')
			slashes++, slash_at = i;
	}
	if (underscores < 2 || slashes != 1)
		return false;
	for (i = slash_at + 1; i < n; i++)
		if (memchr("'\")]>", t[i], 5) == NULL)
			return false;
	return true;
}

/*
 * Does the text write its spaces as underscores? At least four of them,
 * and more than four for each space: an identifier or two in an ordinary
 * reply ("OFR_417", "reject_rbl_client") does not qualify. Or, shorter,
 * when a word ends as a qmail-send log line's reply does
 * (is_log_reply_end), wherever the line was quoted. Not inlined: in
 * bounce_unwrap's loop it cost that loop 30 instructions a text (callgrind,
 * 20,000 bench rows), though it runs once.
 */
static bool __attribute__((noinline))
spaces_written_as_underscores(const unsigned char *t, size_t n)
{
	size_t		underscores = 0,
				spaces = 0,
				word = 0,		/* where the current word starts */
				i;

	if (memchr(t, '_', n) == NULL)
		return false;
	for (i = 0; i < n; i++)
	{
		underscores += t[i] == '_';
		spaces += t[i] == ' ';
	}
	if (underscores >= 4 && underscores > 4 * spaces)
		return true;
	if (underscores < 2)
		return false;
	/* a slash that ends a word, perhaps before closing marks: its word */
	for (i = 0; i < n; i++)
	{
		const unsigned char *slash = memchr(t + i, '/', n - i);
		size_t		end;

		if (slash == NULL)
			break;
		i = end = (size_t) (slash - t);
		while (++end < n && memchr("'\")]>", t[end], 5) != NULL)
			;
		if (end < n && !is_space(t[end]))
			continue;
		for (word = i; word > 0 && !is_space(t[word - 1]); word--)
			;
		if (is_log_reply_end(t + word, end - word))
			return true;
	}
	return false;
}

/*
 * Where to look: a white-space byte other than a space (U+00A0 too), two
 * spaces in a row, a space before a reply code, a space not after a digit
 * before an enhanced code (after one, as in "550 5.1.1", the code is the
 * reply's own), a quotation mark's first two bytes, or the '\\' or '&' that
 * may start an escape. Sixteen bytes at a time, since most texts hold none
 * but the one code after "said:".
 */
static inline bool
worth_a_look(const unsigned char *t, size_t n, size_t i)
{
	uint32_t	value;
	unsigned char mark;

	return t[i] < ' ' ||
		bounce_nbsp_at(t, n, i) ||
		quote_mark_at(t, n, i, &mark) > 0 ||
		t[i] == '\\' || t[i] == '&' ||
		(t[i] == ' ' && i + 1 < n &&
		 (t[i + 1] == ' ' || reply_code_at(t, n, i + 1) ||
		  (!(i > 0 && is_digit(t[i - 1])) &&
		   enhanced_token_len(t, n, i + 1, &value) > 0)));
}

/* The next place worth a look at or after i, or n. */
static size_t
next_look(const unsigned char *t, size_t n, size_t i)
{
	for (; i + 20 <= n; i += 16)
	{
		bounce_bytes16 v,
					v1,
					v2,
					v4,
					hit;
		uint64_t	half[2];

		memcpy(&v, t + i, 16);
		memcpy(&v1, t + i + 1, 16);
		memcpy(&v2, t + i + 2, 16);
		memcpy(&v4, t + i + 4, 16);
		/* below ' ', the first byte of U+00A0 or of a quotation mark (the rest
		 * checked one by one, as the digits of a code), an escape's '\\' or
		 * '&', or ' ' before ' ' or before '2'..'5' and then '.' or, 3 bytes
		 * on, '-' or ' ' */
		hit = (bounce_bytes16) (((v & 0xE0) == 0) |
						 (v == 0xC2) | (v == 0xCA) | (v == 0xE2) |
						 (v == '\\') | (v == '&') |
						 ((v == ' ') &
						  ((v1 == ' ') |
						   ((((bounce_bytes16) (v1 - '2') & 0xFC) == 0) &
							((v4 == '-') | (v4 == ' ') | (v2 == '.'))))));
		memcpy(half, &hit, 16);
		if ((half[0] | half[1]) != 0)
		{
			unsigned char flags[16];
			size_t		j = 0;

			/* byte by byte: the same on either endianness */
			memcpy(flags, &hit, 16);
			while (flags[j] == 0)
				j++;
			return i + j;
		}
	}
	for (; i < n; i++)
		if (worth_a_look(t, n, i))
			return i;
	return n;
}

/*
 * The run of white space around i, [*start, *end), and where the rewrite
 * of it ends (past the prefixes after it), or 0 when it stays as it is.
 * The run starts at floor at the earliest: the bytes before it were
 * rewritten already (in "\\n  x" the second '\\' belongs to the escaped
 * backslash before it, not to a "\n" after it).
 */
static size_t
rewrite_end(const unsigned char *t, size_t n, size_t i, size_t floor,
			size_t *start, size_t *end, code_memory *mem)
{
	size_t		s = i,
				e = i,
				k,
				last_break = SIZE_MAX,
				j;

	*start = *end = i;
	if (!space_at(t, n, i))
		return 0;				/* a control byte that is no white space */
	for (;;)
	{
		if (s > floor && is_space(t[s - 1]))
			s--;
		else if (s >= floor + 2 && (bounce_nbsp_at(t, n, s - 2) ||
									bounce_space_escape_at(t, n, s - 2)))
			s -= 2;
		else
			break;
	}
	while (e < n && (k = space_at(t, n, e)) > 0)
		e += k;
	*start = s;
	*end = e;
	for (j = s; j < e; j++)
		if (t[j] == '\n' || t[j] == '\r')
			last_break = j;
	/*
	 * Prefixes after the run, each with the white space after it. On the
	 * same line after a colon or semicolon, "553 " (not "553-") is a reply
	 * being quoted ("...after end of data: 553 example.com does not
	 * exist"), not the last line of a reply.
	 */
	k = e;
	for (;;)
	{
		size_t		p,
					w;

		if (k == e && s > 0 && (t[s - 1] == ':' || t[s - 1] == ';') &&
			last_break == SIZE_MAX && k + 3 < n && t[k + 3] == ' ')
			break;
		/* an enhanced code alone, not after a number ("550 5.7.1") */
		if ((p = prefix_end(t, n, k, k == e && !(s > 0 && is_digit(t[s - 1])),
							last_break != SIZE_MAX, mem)) == k)
			break;
		while (p < n && (w = space_at(t, n, p)) > 0)
			p += w;
		k = p;
	}
	if (k > e)
		return k;
	if (e - s < 2)
		return 0;
	/* no line break, or indentation after the last one (a fold) */
	if (last_break == SIZE_MAX ||
		(last_break + 1 < e && t[last_break + 1] != '\n' &&
		 t[last_break + 1] != '\r'))
		return e;
	return 0;
}

size_t
bounce_unwrap(const unsigned char *t, size_t n, unsigned char *out,
			  bounce_stretch *stretches, size_t *nstretches)
{
	size_t		copied = 0,		/* text bytes up to here are in out */
				m = 0,
				i = 0,
				ns = 1;
	bool		underscores = spaces_written_as_underscores(t, n);
	code_memory mem;

	memset(&mem, 0, sizeof(mem));
	mem.quick_left = QUICK_SEARCHES;
	stretches[0].view = stretches[0].text = 0;
	while ((i = next_look(t, n, i)) < n)
	{
		unsigned char written;
		size_t		start = i,
					end = i,
					to,
					k = quote_mark_at(t, n, i, &written);

		if (k == 0 && !bounce_space_escape_at(t, n, i))
			k = escaped_char_at(t, n, i, &written);
		if (k > 0)
			to = i + k;
		else if ((to = rewrite_end(t, n, i, copied, &start, &end, &mem)) == 0)
		{
			i = end > i ? end : i + 1;
			continue;
		}
		else
			written = ' ';
		memcpy(out + m, t + copied, start - copied);
		m += start - copied;
		out[m++] = written;
		/* the byte written stands at the start of what it replaces; the
		 * next stretch is after */
		stretches[ns].view = (uint32_t) m;
		stretches[ns++].text = (uint32_t) to;
		copied = i = to;
	}
	if (ns == 1 && !underscores)
		return SIZE_MAX;		/* nothing was rewritten */
	memcpy(out + m, t + copied, n - copied);
	m += n - copied;
	if (underscores)
	{
		size_t		k;

		for (k = 0; k < m; k++)
			if (out[k] == '_')
				out[k] = ' ';
	}
	*nstretches = ns;
	return m;
}

size_t
bounce_unwrap_offset(const bounce_stretch *stretches, size_t nstretches,
					 size_t at)
{
	size_t		lo = 0,
				hi = nstretches;

	/* the last stretch starting at or before at (the first starts at 0) */
	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;

		if (stretches[mid].view <= at)
			lo = mid;
		else
			hi = mid;
	}
	return stretches[lo].text + (at - stretches[lo].view);
}

void
bounce_unwrap_span(const bounce_stretch *stretches, size_t nstretches,
				   size_t *start, size_t *len)
{
	size_t		end;

	if (nstretches == 0)
		return;
	end = *len > 0 ?
		bounce_unwrap_offset(stretches, nstretches, *start + *len - 1) + 1 :
		bounce_unwrap_offset(stretches, nstretches, *start);
	*start = bounce_unwrap_offset(stretches, nstretches, *start);
	*len = end - *start;
}
