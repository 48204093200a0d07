/*
 * worker.h -- the accept loop of one worker process.
 */
#ifndef DUIJIE_WORKER_H
#define DUIJIE_WORKER_H

#include <fcgiapp.h>

#include "app.h"

/* Serves requests on `sock` until SIGTERM; returns an exit status only
 * when start-up fails (templates, memory) or accept breaks. */
int	worker_main(struct app *, int sock);
/* One request, start to finish (exposed for tests). */
void	worker_handle(struct app *, FCGX_Request *);

#endif
