/* SPDX-License-Identifier: ISC */
/*
 * A small pool of threads that runs jobs and gives them back in the
 * order they were added, so that what they load merges into the model
 * as one thread would have loaded it (load.c, irsalint -j).
 */
#ifndef LOAD_POOL_H
#define LOAD_POOL_H

struct load_pool;

/*
 * A pool of n threads, the caller's one of them: n - 1 are started,
 * and the caller runs jobs in load_pool_next() while it waits.  NULL
 * when n < 2 or no thread can be started: then the caller runs its
 * jobs itself.  Fewer may start.
 */
struct load_pool *load_pool_start(unsigned int n);
/*
 * Run fn(arg, t) on a thread of the pool, t being the thread's number,
 * 0 to n - 1 (the caller's is the last one started plus one): what a
 * thread keeps across its jobs is the caller's.
 */
void		  load_pool_add(struct load_pool *,
		    void (*fn)(void *, unsigned int), void *arg);
/*
 * The arg of the oldest job not yet given back, once it has run (by a
 * thread, or meanwhile by the caller); NULL when every job added has
 * been given back.
 */
void		 *load_pool_next(struct load_pool *);
/* The same, but NULL at once when the oldest job has not run yet. */
void		 *load_pool_ready(struct load_pool *);
/* Wait for the jobs to run, end the threads and free the pool. */
void		  load_pool_stop(struct load_pool *);

#endif /* LOAD_POOL_H */
