/*
 * oom_alloc.h: an allocator that refuses one chosen allocation, and
 * check.h's harness, for the out-of-memory tests (test/core/oom_test.c,
 * test/sqlite/oom_sqlite.c). Include it once, in the test's only source
 * file: it defines malloc, calloc, realloc and free, forwarding to glibc's
 * (__libc_malloc and its kin), which interposition makes every library in
 * the process call. Not for valgrind or the sanitizers, which bring their
 * own malloc.
 */
#ifndef OOM_ALLOC_H
#define OOM_ALLOC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

/* ================================================================ */
/* The allocator: glibc's, with one allocation made to fail.        */
/* ================================================================ */

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *block, size_t size);
extern void __libc_free(void *block);

static bool armed;				/* count allocations, fail the chosen one */
static long allocations;		/* made since armed */
static long fail_at = -1;		/* which one fails (from 0); -1: none */
static long failed;				/* how many were refused since armed */
static long live_blocks;		/* blocks allocated minus blocks freed */

/* A place for a debugger's breakpoint: the chosen allocation fails. */
__attribute__((noinline)) static void
refused_here(void)
{
	__asm__ volatile("");
}

static bool
refuse(void)
{
	if (!armed)
		return false;
	if (allocations++ != fail_at)
		return false;
	failed++;
	refused_here();
	return true;
}

void *
malloc(size_t size)
{
	void	   *block = refuse() ? NULL : __libc_malloc(size);

	if (block != NULL)
		__atomic_fetch_add(&live_blocks, 1, __ATOMIC_RELAXED);
	return block;
}

void *
calloc(size_t count, size_t size)
{
	void	   *block = refuse() ? NULL : __libc_calloc(count, size);

	if (block != NULL)
		__atomic_fetch_add(&live_blocks, 1, __ATOMIC_RELAXED);
	return block;
}

void *
realloc(void *block, size_t size)
{
	void	   *grown;

	if (block != NULL && size == 0)
	{
		free(block);
		return NULL;
	}
	if (refuse())
		return NULL;			/* the old block stays the caller's */
	grown = __libc_realloc(block, size);
	if (grown != NULL && block == NULL)
		__atomic_fetch_add(&live_blocks, 1, __ATOMIC_RELAXED);
	return grown;
}

void
free(void *block)
{
	if (block != NULL)
		__atomic_fetch_sub(&live_blocks, 1, __ATOMIC_RELAXED);
	__libc_free(block);
}

/* Fail allocation n (from now, counting from 0) of what follows; -1: none. */
static void
arm(long n)
{
	allocations = 0;
	failed = 0;
	fail_at = n;
	armed = true;
}

static void
disarm(void)
{
	armed = false;
}

/* The harness: check.h's, with a message for every check. */
#define CHECK(ok, ...) report((ok), __FILE__, __LINE__, __VA_ARGS__)

#endif							/* OOM_ALLOC_H */
