/* SPDX-License-Identifier: ISC */
/*
 * The pool of load_pool.h.  Jobs are kept in an array in the order
 * added; a thread takes the oldest not started, runs it without the
 * lock, and marks it done; load_pool_next() waits for the oldest not
 * given back.  The threads never touch what a job does: each job owns
 * its memory until it is given back.
 */
#include <pthread.h>
#include <stdlib.h>

#include "load_pool.h"
#include "xalloc.h"

struct pool_job {
	void	(*fn)(void *, unsigned int);
	void	 *arg;
	int	  done;
};

struct pool_thread {
	struct load_pool *pool;
	unsigned int	  n;
};

struct load_pool {
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job was added, or stop */
	pthread_cond_t	 done;		/* a job is done */
	pthread_t	*threads;
	struct pool_thread *ids;
	unsigned int	 nthreads;
	struct pool_job	*v;
	size_t		 n, cap;
	size_t		 next_run;	/* the oldest not started */
	size_t		 next_back;	/* the oldest not given back */
	int		 stop;
};

static void	*pool_thread(void *);
static void	 run_next(struct load_pool *, unsigned int);

/*
 * Run the oldest job not started as thread n: called with the lock
 * held and a job waiting, it runs the job without the lock.
 */
static void
run_next(struct load_pool *p, unsigned int n)
{
	void	(*fn)(void *, unsigned int);
	void	*arg;
	size_t	 i;

	i = p->next_run++;
	fn = p->v[i].fn;
	arg = p->v[i].arg;
	(void)pthread_mutex_unlock(&p->lock);
	fn(arg, n);
	(void)pthread_mutex_lock(&p->lock);
	p->v[i].done = 1;
	/* Only the oldest not given back is waited for. */
	if (i == p->next_back)
		(void)pthread_cond_signal(&p->done);
}

static void *
pool_thread(void *arg)
{
	struct pool_thread	*t = arg;
	struct load_pool	*p = t->pool;

	(void)pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->next_run == p->n && !p->stop)
			(void)pthread_cond_wait(&p->work, &p->lock);
		if (p->next_run == p->n)
			break;
		run_next(p, t->n);
	}
	(void)pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct load_pool *
load_pool_start(unsigned int n)
{
	struct load_pool	*p;

	if (n < 2)
		return NULL;
	p = xcalloc(1, sizeof(*p));
	if (pthread_mutex_init(&p->lock, NULL) != 0) {
		free(p);
		return NULL;
	}
	if (pthread_cond_init(&p->work, NULL) != 0) {
		(void)pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	if (pthread_cond_init(&p->done, NULL) != 0) {
		(void)pthread_cond_destroy(&p->work);
		(void)pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	/* The caller is the nth: it runs jobs while it waits for them. */
	n--;
	p->threads = xreallocarray(NULL, n, sizeof(*p->threads));
	p->ids = xreallocarray(NULL, n, sizeof(*p->ids));
	for (p->nthreads = 0; p->nthreads < n; p->nthreads++) {
		p->ids[p->nthreads].pool = p;
		p->ids[p->nthreads].n = p->nthreads;
		if (pthread_create(&p->threads[p->nthreads], NULL,
		    pool_thread, &p->ids[p->nthreads]) != 0)
			break;
	}
	if (p->nthreads == 0) {
		load_pool_stop(p);
		return NULL;
	}
	return p;
}

void
load_pool_add(struct load_pool *p, void (*fn)(void *, unsigned int),
    void *arg)
{
	(void)pthread_mutex_lock(&p->lock);
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	p->v[p->n].fn = fn;
	p->v[p->n].arg = arg;
	p->v[p->n].done = 0;
	p->n++;
	(void)pthread_cond_signal(&p->work);
	(void)pthread_mutex_unlock(&p->lock);
}

void *
load_pool_ready(struct load_pool *p)
{
	void	*arg = NULL;

	(void)pthread_mutex_lock(&p->lock);
	if (p->next_back < p->n && p->v[p->next_back].done)
		arg = p->v[p->next_back++].arg;
	(void)pthread_mutex_unlock(&p->lock);
	return arg;
}

/*
 * While the oldest job is not done, the caller runs jobs not started
 * yet itself, as thread nthreads, rather than wait: it is one of the
 * n threads load_pool_start() was asked for.
 */
void *
load_pool_next(struct load_pool *p)
{
	void	*arg = NULL;

	(void)pthread_mutex_lock(&p->lock);
	if (p->next_back < p->n) {
		while (!p->v[p->next_back].done) {
			if (p->next_run == p->n)
				(void)pthread_cond_wait(&p->done, &p->lock);
			else
				run_next(p, p->nthreads);
		}
		arg = p->v[p->next_back++].arg;
	}
	(void)pthread_mutex_unlock(&p->lock);
	return arg;
}

void
load_pool_stop(struct load_pool *p)
{
	unsigned int	 i;

	(void)pthread_mutex_lock(&p->lock);
	p->stop = 1;
	(void)pthread_cond_broadcast(&p->work);
	(void)pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->nthreads; i++)
		(void)pthread_join(p->threads[i], NULL);
	(void)pthread_cond_destroy(&p->done);
	(void)pthread_cond_destroy(&p->work);
	(void)pthread_mutex_destroy(&p->lock);
	free(p->threads);
	free(p->ids);
	free(p->v);
	free(p);
}
