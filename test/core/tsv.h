/*
 * tsv.h: the corpus files' format for the test programs: tab-separated
 * rows under a header line that names the columns.
 */
#ifndef BOUNCE_TEST_TSV_H
#define BOUNCE_TEST_TSV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOLS 16

/* Cut line at its tabs in place; cols gets at most MAXCOLS fields. */
static inline int
split(char *line, char **cols)
{
	int			n = 0;
	char	   *p = line;

	cols[n++] = p;
	while ((p = strchr(p, '\t')) != NULL && n < MAXCOLS)
	{
		*p++ = '\0';
		cols[n++] = p;
	}
	return n;
}

/* Index of the header column called want, or -1. */
static inline int
column(char **names, int n, const char *want)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], want) == 0)
			return i;
	return -1;
}

/*
 * Read f's header line into header (size bytes) and cut it into names;
 * returns the number of columns, or -1 (said on stderr) for an empty file.
 */
static inline int
read_header(FILE *f, const char *path, char *header, size_t size,
			char **names)
{
	char	   *line = NULL;
	size_t		cap = 0;
	int			n = -1;

	if (getline(&line, &cap, f) <= 0)
		fprintf(stderr, "%s: empty file\n", path);
	else
	{
		line[strcspn(line, "\r\n")] = '\0';
		snprintf(header, size, "%s", line);
		n = split(header, names);
	}
	free(line);
	return n;
}

#endif							/* BOUNCE_TEST_TSV_H */
