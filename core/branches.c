/*
 * branches.c: a rule's pattern split into the alternatives at its top level,
 * each searched and indexed on its own. Plain string work, no pcre2: the
 * library and the build tool that analyses the built-in rules (factorgen.c)
 * both split with it, so both see the same branches.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Split a pattern at its top-level '|' into *n branch copies (malloc'd).
 * A pattern that sets options at top level ("(?i)...") stays whole, since
 * the setting would not reach the later branches once they are split.
 * Returns NULL when out of memory.
 */
char	  **
bounce_split_branches(const char *pattern, size_t *n)
{
	size_t		len = strlen(pattern),
				count = 1,
				i,
				start = 0,
				k = 0;
	int			depth = 0;
	bool		in_class = false,
				quoted = false,
				whole = false;
	size_t	   *cuts;
	char	  **out;

	/* first pass: find the top-level bars */
	cuts = malloc(sizeof(size_t) * (len + 2));
	if (cuts == NULL)
		return NULL;
	for (i = 0; i < len; i++)
	{
		char		c = pattern[i];

		if (quoted)
		{
			if (c == '\\' && pattern[i + 1] == 'E')
				quoted = false, i++;
			continue;
		}
		if (c == '\\')
		{
			if (pattern[i + 1] == 'Q')
				quoted = true;
			i++;
			continue;
		}
		if (in_class)
		{
			if (c == '[' && pattern[i + 1] == ':')
			{
				const char *end = strstr(pattern + i + 2, ":]");

				if (end != NULL)
					i = (size_t) (end - pattern) + 1;
			}
			else if (c == ']')
				in_class = false;
			continue;
		}
		if (c == '[')
		{
			in_class = true;
			if (pattern[i + 1] == '^')
				i++;
			if (pattern[i + 1] == ']')
				i++;
		}
		else if (c == '(')
		{
			if (depth == 0 && pattern[i + 1] == '?' &&
				strchr("iJmnsxU-^", pattern[i + 2]) != NULL && pattern[i + 2])
				whole = true;	/* a top-level option setting */
			depth++;
		}
		else if (c == ')')
			depth--;
		else if (c == '|' && depth == 0)
			cuts[k++] = i;
	}
	/* a leading (*VERB) such as (*UCP) applies to the whole pattern, and
	 * \K moves a match's start, so the leftmost branch is no longer the
	 * one the alternation picks: keep such patterns whole */
	if (strncmp(pattern, "(*", 2) == 0 || strstr(pattern, "\\K") != NULL)
		whole = true;
	/* a comment ends at its first ')', which the count above ignores */
	if (strstr(pattern, "(?#") != NULL)
		whole = true;
	if (whole || depth != 0)
		k = 0;
	count = k + 1;
	out = calloc(count, sizeof(char *));
	if (out == NULL)
	{
		free(cuts);
		return NULL;
	}
	cuts[k] = len;
	for (i = 0; i < count; i++)
	{
		size_t		end = cuts[i];

		out[i] = malloc(end - start + 1);
		if (out[i] == NULL)
		{
			while (i > 0)
				free(out[--i]);
			free(out);
			free(cuts);
			return NULL;
		}
		memcpy(out[i], pattern + start, end - start);
		out[i][end - start] = '\0';
		start = end + 1;
	}
	free(cuts);
	*n = count;
	return out;
}

uint64_t
bounce_branch_hash(const char *src, size_t len)
{
	uint64_t	h = 14695981039346656037ULL;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char) src[i]) * 1099511628211ULL;
	return h;
}
