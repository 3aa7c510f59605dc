/* ag_rep_input.c - files to summary records (ag_rep_input.h). */
#include "ag_rep_input.h"

#include "ag_rep_archive.h"
#include "ag_rep_object.h"
#include "ag_rep_summary.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Archives may hold archives, and thin members name other files: a bound
 * on nesting keeps a self-referencing thin archive from looping. */
enum { AG_REP_MAX_NESTING = 8 };

struct ag_rep_mapping {
  void *addr;
  size_t size;
};

/* Reading one container: where its records come from. */
struct ag_rep_reading {
  struct ag_rep_inputs *in;
  const char *name;  /* "lib.a(x.o)" */
  const char *dir;   /* directory thin members are relative to */
  int depth;
  long found;
  const struct ag_rep_reading *outer; /* the archive holding this one */
  dev_t dev;         /* the file being read, to catch thin archives */
  ino_t ino;         /* that name themselves */
};

static int ag_rep_read_bytes(struct ag_rep_reading *r, const uint8_t *data,
                             size_t size, struct ag_rep_error *err);

static uint32_t ag_rep_add_origin(struct ag_rep_inputs *in, const char *name,
                                  int in_section) {
  struct ag_rep_origin o = {ag_xstrdup(name), in_section};
  AG_PUSH(in->origins, in->origin_count, in->origin_cap, o);
  return (uint32_t)(in->origin_count - 1);
}

/* Splits a section or side file into records (headers checked here, the
 * payload when the program is built). */
static int ag_rep_add_records(struct ag_rep_reading *r, const uint8_t *data,
                              size_t size, int in_section,
                              struct ag_rep_error *err) {
  uint32_t origin = ag_rep_add_origin(r->in, r->name, in_section);
  char *context = ag_rep_inputs_context(r->in, origin);
  size_t pos = 0;
  int status;
  const uint8_t *rec;
  size_t rec_size;
  while ((status = ag_rep_sum_next_record(data, size, &pos, &rec, &rec_size,
                                          context, err)) == 1) {
    struct ag_rep_record record = {rec, rec_size, origin,
                                   (size_t)(rec - data)};
    AG_PUSH(r->in->records, r->in->count, r->in->cap, record);
    r->found++;
  }
  free(context);
  return status;
}

static int ag_rep_section_found(void *ctx, const uint8_t *data, size_t size,
                                uint8_t *owned, struct ag_rep_error *err) {
  struct ag_rep_reading *r = ctx;
  if (owned)
    AG_PUSH(r->in->owned, r->in->owned_count, r->in->owned_cap, owned);
  return ag_rep_add_records(r, data, size, 1, err);
}

static int ag_rep_map_file(struct ag_rep_inputs *in, const char *path,
                           const uint8_t **data, size_t *size,
                           struct stat *st_out, struct ag_rep_error *err) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return ag_rep_fail(err, "%s: cannot open: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return ag_rep_fail(err, "%s: cannot stat: %s", path, strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return ag_rep_fail(err, "%s: not a regular file%s", path,
                       S_ISDIR(st.st_mode) ? " (a directory)" : "");
  }
  if (st.st_size == 0) {
    close(fd);
    return ag_rep_fail(err, "%s: empty file", path);
  }
  /* Every byte is read: fault the pages in at once. */
  void *addr = mmap(NULL, (size_t)st.st_size, PROT_READ,
                    MAP_PRIVATE | MAP_POPULATE, fd, 0);
  close(fd);
  if (addr == MAP_FAILED)
    return ag_rep_fail(err, "%s: cannot map: %s", path, strerror(errno));
  struct ag_rep_mapping m = {addr, (size_t)st.st_size};
  AG_PUSH(in->maps, in->map_count, in->map_cap, m);
  *st_out = st;
  *data = addr;
  *size = m.size;
  return 0;
}

static char *ag_rep_dirname(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? ag_xstrndup(path, (size_t)(slash - path) + 1)
               : ag_xstrdup("");
}

static int ag_rep_member(void *ctx, const struct ag_rep_ar_member *m,
                         struct ag_rep_error *err) {
  struct ag_rep_reading *outer = ctx;
  char *name = ag_xasprintf("%s(%s)", outer->name, m->name);
  struct ag_rep_reading r = {outer->in, name,     outer->dir, outer->depth + 1,
                             0,         outer,    outer->dev, outer->ino};
  int status;
  if (r.depth > AG_REP_MAX_NESTING) {
    status = ag_rep_fail(err, "%s: archives nested too deeply", name);
  } else if (m->data) {
    status = ag_rep_read_bytes(&r, m->data, m->size, err);
  } else {
    /* A thin member: the file beside the archive. */
    char *path = m->name[0] == '/'
                     ? ag_xstrdup(m->name)
                     : ag_xasprintf("%s%s", outer->dir, m->name);
    const uint8_t *data;
    size_t size;
    struct stat st;
    status = ag_rep_map_file(outer->in, path, &data, &size, &st, err);
    for (const struct ag_rep_reading *o = outer; !status && o; o = o->outer)
      if (o->dev == st.st_dev && o->ino == st.st_ino)
        status = ag_rep_fail(err, "%s: a thin archive that includes itself",
                             name);
    if (!status) {
      r.dev = st.st_dev;
      r.ino = st.st_ino;
      char *dir = ag_rep_dirname(path);
      r.dir = dir;
      status = ag_rep_read_bytes(&r, data, size, err);
      free(dir);
    } else if (!strstr(err->text, "includes itself")) {
      char *why = ag_xstrdup(err->text);
      ag_rep_fail(err, "%s: member of a thin archive: %s", name, why);
      free(why);
    }
    free(path);
  }
  outer->found += r.found;
  free(name);
  return status;
}

static int ag_rep_read_bytes(struct ag_rep_reading *r, const uint8_t *data,
                             size_t size, struct ag_rep_error *err) {
  if (size >= AG_SUMMARY_MAGIC_SIZE &&
      memcmp(data, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE) == 0)
    return ag_rep_add_records(r, data, size, 0, err);
  if (ag_rep_ar_kind(data, size) != AG_REP_AR_NONE)
    return ag_rep_ar_walk(data, size, r->name, ag_rep_member, r, err);
  return ag_rep_object_read(r->name, data, size, ag_rep_section_found, r, err);
}

long ag_rep_inputs_add(struct ag_rep_inputs *in, const char *path,
                       struct ag_rep_error *err) {
  const uint8_t *data;
  size_t size;
  struct stat st;
  if (ag_rep_map_file(in, path, &data, &size, &st, err))
    return -1;
  char *dir = ag_rep_dirname(path);
  struct ag_rep_reading r = {in, path, dir, 0, 0, NULL, st.st_dev, st.st_ino};
  int status = ag_rep_read_bytes(&r, data, size, err);
  free(dir);
  return status ? -1 : r.found;
}

void ag_rep_inputs_free(struct ag_rep_inputs *in) {
  for (size_t i = 0; i < in->map_count; ++i)
    munmap(in->maps[i].addr, in->maps[i].size);
  for (size_t i = 0; i < in->owned_count; ++i)
    free(in->owned[i]);
  for (size_t i = 0; i < in->origin_count; ++i)
    free(in->origins[i].name);
  free(in->maps);
  free(in->owned);
  free(in->origins);
  free(in->records);
  memset(in, 0, sizeof(*in));
}
