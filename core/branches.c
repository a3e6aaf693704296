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
		char		c;

		/* outside a class and a quote only these five bytes matter */
		if (!quoted && !in_class)
		{
			i += strcspn(pattern + i, "\\[()|");
			if (i >= len)
				break;
		}
		c = pattern[i];
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

/*
 * Eight bytes a step (a multiply and a shift each), not one: bounce_init
 * hashes every built-in branch and literal, and a byte at a time that was
 * a fifth of its instructions. An identity check, not a defence against
 * chosen inputs: the lengths and counts are compared as well.
 */
uint64_t
bounce_hash_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t	w;

	for (; len >= 8; p += 8, len -= 8)
	{
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, p, len);
	h = (h ^ w ^ (uint64_t) len << 56) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

uint64_t
bounce_branch_hash(const char *src, size_t len)
{
	return bounce_hash_bytes(14695981039346656037ULL, src, len);
}
