/* ag_rep_gzsize.c - how large a report would be gzip-compressed, without
 * writing the compressed bytes anywhere: the SARIF writer stops adding
 * results before the file passes code scanning's 10 MB upload limit
 * (ag_rep_sarif.h). zlib at level 6 is what `gzip` and GitHub's upload
 * action use. */
#include "ag_rep_sarif.h"

#include <stdlib.h>

#include <zlib.h>

struct ag_rep_gzsize {
  z_stream strm;
  unsigned char out[1 << 16]; /* compressed bytes, counted and dropped */
};

struct ag_rep_gzsize *ag_rep_gzsize_new(void) {
  struct ag_rep_gzsize *z = ag_xcalloc(1, sizeof(*z));
  /* windowBits 15 + 16: a gzip header and trailer, as gzip writes. */
  if (deflateInit2(&z->strm, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)) {
    free(z);
    return NULL;
  }
  return z;
}

void ag_rep_gzsize_add(struct ag_rep_gzsize *z, const char *data, size_t len) {
  while (len) {
    uInt chunk = len > (1u << 30) ? 1u << 30 : (uInt)len;
    z->strm.next_in = (Bytef *)data;
    z->strm.avail_in = chunk;
    do {
      z->strm.next_out = z->out;
      z->strm.avail_out = sizeof(z->out);
      deflate(&z->strm, Z_NO_FLUSH);
    } while (z->strm.avail_in || !z->strm.avail_out);
    data += chunk;
    len -= chunk;
  }
}

/* What deflate may hold back (memLevel 8): a block of up to 16,384
 * symbols of at most 48 bits each, its Huffman trees, the lookahead, and
 * the 8-byte trailer. */
#define AG_REP_GZ_HELD (16384 * 6 + 2048 + 8)

uint64_t ag_rep_gzsize_bound(const struct ag_rep_gzsize *z) {
  return z->strm.total_out + AG_REP_GZ_HELD;
}

void ag_rep_gzsize_free(struct ag_rep_gzsize *z) {
  if (!z)
    return;
  deflateEnd(&z->strm);
  free(z);
}
