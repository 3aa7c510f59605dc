/* ag_rt_dhat.h - the per-site counts as a DHAT file (dhat=PATH).
 *
 * At exit the runtime writes every registered site's calls and bytes in
 * the JSON format of valgrind's DHAT (dhatFileVersion 2), which its viewer
 * dh_view.html opens:
 *   ALLOCGUARD_OPTIONS=mode=count:dhat=out.json ./app
 */
#ifndef ALLOCGUARD_AG_RT_DHAT_H
#define ALLOCGUARD_AG_RT_DHAT_H

/* Write the file named by the dhat option, if set. Called once, from the
 * runtime's exit destructor. Never allocates; a file that cannot be written
 * costs one line on stderr and nothing else. */
void ag_rt_dhat_write_at_exit(void);

#endif /* ALLOCGUARD_AG_RT_DHAT_H */
