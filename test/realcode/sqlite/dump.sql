-- dump.sql: a database on disk in the working directory, a transaction
-- rolled back, a savepoint, blobs, and the shell's .dump of it all.
.open music.db
CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
BEGIN;
INSERT INTO kv VALUES ('a', x'00ff10'), ('b', zeroblob(16)), ('c', 'text');
SAVEPOINT s1;
INSERT INTO kv VALUES ('d', 4);
ROLLBACK TO s1;
COMMIT;
BEGIN;
DELETE FROM kv;
ROLLBACK;
SELECT k, typeof(v), length(v), quote(v) FROM kv ORDER BY k;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO kv SELECT 'key' || i, printf('%08d', i * i) FROM n;
SELECT count(*), sum(length(v)) FROM kv;
VACUUM;
.dump kv
