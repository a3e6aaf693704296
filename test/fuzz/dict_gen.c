/*
 * dict_gen.c: a libFuzzer dictionary from the built-in rules.
 *
 * usage: dict_gen > build/fuzz/rules.dict
 *
 * Prints, once each, the literals the core's prefilter extracts from every
 * built-in rule (bounce_pattern_factors: the words a match must contain,
 * folded to lower case), and the status-code shapes the parsers look for.
 * With them the fuzzer reaches rule matches and their near misses quickly
 * instead of having to guess words like "mailbox" byte by byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"

#define MAX_WORDS 8192

static char *seen[MAX_WORDS];
static size_t nseen;

static void
emit(const unsigned char *s, size_t n)
{
	char		buf[BOUNCE_FACTOR_LEN * 4 + 3];
	size_t		i,
				o = 0;

	if (n == 0)
		return;
	buf[o++] = '"';
	for (i = 0; i < n; i++)
	{
		unsigned char c = s[i];

		if (c == '"' || c == '\\')
		{
			buf[o++] = '\\';
			buf[o++] = (char) c;
		}
		else if (c < 0x20 || c >= 0x7f)
			o += (size_t) sprintf(buf + o, "\\x%02X", c);
		else
			buf[o++] = (char) c;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	for (i = 0; i < nseen; i++)
		if (strcmp(seen[i], buf) == 0)
			return;
	if (nseen == MAX_WORDS)
		return;
	if ((seen[nseen] = strdup(buf)) == NULL)
		exit(2);
	nseen++;
	puts(buf);
}

int
main(void)
{
	static const char *const codes[] = {
		"550", "552", "421", "450", "451", "521", "554", "556", "5.1.1",
		"5.1.2", "4.2.2", "4.7.1", "5.7.1", "5.4.1", "4.4.7", "5.7.26",
		"smtp;", "Status:", "Diagnostic-Code:", "said:", "X-Postfix;",
		"550-5.1.1 ", "#5.1.1", "\t",
	};
	size_t		i;
	int			k;
	bounce_factors *f = malloc(sizeof(*f));

	if (f == NULL)
		return 2;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		emit((const unsigned char *) codes[i], strlen(codes[i]));
	for (i = 0; i < bounce_builtin_spec_count; i++)
	{
		memset(f, 0, sizeof(*f));
		bounce_pattern_factors(bounce_builtin_specs[i].pattern, f);
		for (k = 0; k < f->count; k++)
			emit(f->text[k], (size_t) f->len[k]);
		for (k = 0; k < f->count2; k++)
			emit(f->text2[k], (size_t) f->len2[k]);
	}
	fprintf(stderr, "dict_gen: %zu entries from %zu rules\n", nseen,
			bounce_builtin_spec_count);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(f);
	return 0;
}
