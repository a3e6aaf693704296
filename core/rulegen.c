/*
 * rulegen.c: turn the rules files (core/rules/NN-name.rules) into the C table
 * core/rules_builtin.c. A build tool, not part of the library.
 *
 * usage: rulegen [-n NAME] FILE.rules... > out.c
 *
 * The table is NAME_specs[] with NAME_spec_count entries (default NAME:
 * bounce_builtin).
 *
 * File format, one rule per line, in precedence order (files are given in
 * name order, which is the order between files):
 *
 *   # Which real message this rule is for (one or more comment lines,
 *   # required; they stay in the rules files, not in the library).
 *   id   category   when   pattern
 *
 * id: stable name, [a-z0-9][a-z0-9._-]*, unique; category: one of the 15
 * names; when: a code condition (any, transient, ...; see internal.h), or
 * "aside" for a rule whose match the rules read the text without (its
 * category is other);
 * pattern: the rest of the line, a pcre2 regex matched caseless.
 * A line starting with "##" is a section heading; a blank line ends a comment.
 *
 * A fragment that several rules share is written once, as a line
 *
 *   # What the fragment matches (comment required, as for a rule).
 *   @name   pattern
 *
 * and a later pattern (a rule's or a fragment's) writes @{name} where the
 * fragment's pattern goes; the table holds the patterns expanded.
 * Errors name the file and line and make the build fail.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const struct
{
	const char *name;
	const char *symbol;
}			categories[] = {
#define CATEGORY(id, name, hard, description) {name, "BOUNCE_" #id},
#include "categories.def"
};

static const struct
{
	const char *name;
	const char *symbol;
}			conditions[] = {
#define WHEN(id, name) {name, "BOUNCE_WHEN_" #id},
	BOUNCE_WHEN_LIST
#undef WHEN
};

#define MAX_RULES 8192
#define MAX_FRAGMENTS 64

static char *ids[MAX_RULES];
static int	nrules;
static int	errors;

static struct
{
	char	   *name;
	char	   *pattern;		/* expanded */
}			fragments[MAX_FRAGMENTS];
static int	nfragments;

static void
fail(const char *file, int line, const char *what, const char *detail)
{
	fprintf(stderr, "%s:%d: %s%s%s\n", file, line, what,
			detail ? ": " : "", detail ? detail : "");
	errors++;
}

/* Print s as a C string literal (octal escapes: they never run on). */
static void
emit_string(const char *s)
{
	putchar('"');
	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c == '\\' || c == '"')
			printf("\\%c", c);
		else if (c == '?')
			printf("\\?");		/* no trigraphs */
		else if (c < 0x20 || c == 0x7F)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

static char *
next_field(char **p)
{
	char	   *start;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	start = *p;
	while (**p && **p != ' ' && **p != '\t')
		(*p)++;
	if (**p)
		*(*p)++ = '\0';
	return start;
}

/*
 * pattern with each @{name} replaced by the fragment's pattern (malloc'd);
 * an unknown name is an error, left as written.
 */
static char *
expand_fragments(const char *file, int lineno, const char *pattern)
{
	size_t		cap = strlen(pattern) + 1,
				n = 0;
	char	   *out = malloc(cap);
	const char *p = pattern;

	if (out == NULL)
	{
		fail(file, lineno, "out of memory", NULL);
		return NULL;
	}
	while (*p)
	{
		const char *piece = p,
				   *end;
		size_t		len = 1;
		int			k;

		if (p[0] == '@' && p[1] == '{' && (end = strchr(p + 2, '}')) != NULL)
		{
			for (k = 0; k < nfragments; k++)
				if (strlen(fragments[k].name) == (size_t) (end - p - 2) &&
					strncmp(fragments[k].name, p + 2, (size_t) (end - p - 2)) == 0)
					break;
			if (k < nfragments)
			{
				piece = fragments[k].pattern;
				len = strlen(piece);
			}
			else
			{
				fail(file, lineno, "unknown fragment", p);
				len = (size_t) (end - p + 1);
			}
			p = end + 1;
		}
		else
			p++;
		if (n + len + 1 > cap)
		{
			char	   *grown;

			cap = (n + len + 1) * 2;
			if ((grown = realloc(out, cap)) == NULL)
			{
				free(out);
				fail(file, lineno, "out of memory", NULL);
				return NULL;
			}
			out = grown;
		}
		memcpy(out + n, piece, len);
		n += len;
	}
	out[n] = '\0';
	return out;
}

static bool
valid_id(const char *id)
{
	const char *p;

	if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9')))
		return false;
	for (p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			  *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

static void
read_file(const char *file)
{
	FILE	   *f = fopen(file, "r");
	char	   *line = NULL;	/* getline's: a rule's line has no length cap */
	size_t		line_cap = 0;
	bool		commented = false;	/* a comment says what the next rule or
									 * fragment is for (required; the
									 * comments stay in the rules files) */
	int			lineno = 0;

	if (f == NULL)
	{
		fail(file, 0, "cannot open", NULL);
		return;
	}
	while (getline(&line, &line_cap, f) != -1)
	{
		char	   *p = line,
				   *id,
				   *category,
				   *when,
				   *pattern;
		size_t		n = strlen(line);
		int			i,
					cat = -1,
					cond = -1;
		char		origin[512];
		char	   *expanded;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
						 line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || (p[0] == '#' && p[1] == '#'))
		{
			commented = false;
			continue;
		}
		if (*p == '#')
		{
			commented = true;
			continue;
		}
		if (*p == '@')
		{
			char	   *name = next_field(&p);

			while (*p == ' ' || *p == '\t')
				p++;
			if (!valid_id(name + 1) || *p == '\0')
				fail(file, lineno, "bad fragment (@name pattern)", name);
			else if (!commented)
				fail(file, lineno, "fragment without a comment saying what it is for",
					 name);
			else if (nfragments == MAX_FRAGMENTS)
				fail(file, lineno, "too many fragments", name);
			else
			{
				for (i = 0; i < nfragments; i++)
					if (strcmp(fragments[i].name, name + 1) == 0)
						break;
				if (i < nfragments)
				{
					fail(file, lineno, "duplicate fragment", name);
					commented = false;
					continue;
				}
				fragments[nfragments].name = strdup(name + 1);
				fragments[nfragments].pattern = expand_fragments(file, lineno, p);
				if (fragments[nfragments].name && fragments[nfragments].pattern)
					nfragments++;
			}
			commented = false;
			continue;
		}
		id = next_field(&p);
		category = next_field(&p);
		when = next_field(&p);
		while (*p == ' ' || *p == '\t')
			p++;
		pattern = p;
		if (!valid_id(id))
			fail(file, lineno, "bad rule id", id);
		for (i = 0; i < nrules; i++)
			if (strcmp(ids[i], id) == 0)
				fail(file, lineno, "duplicate rule id", id);
		for (i = 0; i < (int) (sizeof(categories) / sizeof(categories[0])); i++)
			if (strcmp(categories[i].name, category) == 0)
				cat = i;
		if (cat < 0)
			fail(file, lineno, "unknown category", category);
		for (i = 0; i < (int) (sizeof(conditions) / sizeof(conditions[0])); i++)
			if (strcmp(conditions[i].name, when) == 0)
				cond = i;
		if (cond < 0)
			fail(file, lineno, "unknown condition", when);
		else if (strcmp(conditions[cond].symbol, "BOUNCE_WHEN_ASIDE") == 0 &&
				 strcmp(category, "other") != 0)
			fail(file, lineno, "an aside rule decides nothing: its category "
				 "is other", id);
		if (*pattern == '\0')
			fail(file, lineno, "empty pattern", id);
		if (!commented)
			fail(file, lineno, "rule without a comment saying what it is for",
				 id);
		if (nrules == MAX_RULES)
		{
			fail(file, lineno, "too many rules", NULL);
			break;
		}
		if (cat < 0 || cond < 0)
			continue;
		ids[nrules++] = strdup(id);
		snprintf(origin, sizeof(origin), "%s:%d", file, lineno);
		printf("\t{");
		emit_string(id);
		printf(", %s, %s,\n\t\t", categories[cat].symbol,
			   conditions[cond].symbol);
		expanded = expand_fragments(file, lineno, pattern);
		emit_string(expanded ? expanded : pattern);
		free(expanded);
		printf(",\n\t\t");
		emit_string(origin);
		printf("},\n");
		commented = false;
	}
	free(line);
	fclose(f);
}

int
main(int argc, char **argv)
{
	int			i = 1;
	const char *name = "bounce_builtin";

	if (argc > 2 && strcmp(argv[1], "-n") == 0)
	{
		name = argv[2];
		i = 3;
	}
	if (i >= argc)
	{
		fprintf(stderr, "usage: rulegen [-n NAME] FILE.rules... > out.c\n");
		return 2;
	}
	printf("/* Generated by build/rulegen from rules files: do not edit. */\n");
	printf("#include \"internal.h\"\n\n");
	printf("const bounce_rule_spec %s_specs[] = {\n", name);
	for (; i < argc; i++)
		read_file(argv[i]);
	printf("\t{NULL, BOUNCE_OTHER, BOUNCE_WHEN_ANY, NULL, NULL}\n};\n\n");
	printf("const size_t %s_spec_count = %d;\n", name, nrules);
	if (errors)
		fprintf(stderr, "rulegen: %d error(s)\n", errors);
	return errors ? 1 : 0;
}
