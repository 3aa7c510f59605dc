-- schema.sql: tables, indexes, a view, a trigger, recursive CTEs, joins,
-- aggregates, window functions, JSON and printf through the sqlite3 shell.
.headers on
.mode list
CREATE TABLE artist(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE track(id INTEGER PRIMARY KEY, artist INTEGER REFERENCES artist,
                   title TEXT, seconds INTEGER, bpm REAL);
CREATE INDEX track_artist ON track(artist, seconds);
CREATE TABLE log(msg TEXT);
CREATE TRIGGER track_log AFTER INSERT ON track WHEN new.seconds > 590
BEGIN INSERT INTO log VALUES ('long track ' || new.id); END;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
INSERT INTO artist(name) SELECT printf('artist-%03d', i) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO track(artist, title, seconds, bpm)
SELECT 1 + (i * 7) % 40, 'track ' || hex(i * 2654435761 % 65536),
       60 + (i * 37) % 541, 60.0 + (i % 97) * 1.25 FROM n;
CREATE VIEW per_artist AS
SELECT a.name, count(*) AS n, sum(t.seconds) AS total, avg(t.bpm) AS bpm
FROM artist a JOIN track t ON t.artist = a.id GROUP BY a.id;
SELECT * FROM per_artist ORDER BY total DESC LIMIT 5;
SELECT count(*) FROM log;
SELECT name, n, rank() OVER (ORDER BY n DESC, name) AS r,
       sum(n) OVER (ORDER BY name ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS w
FROM per_artist ORDER BY name LIMIT 8;
SELECT json_object('artist', name, 'tracks', n) FROM per_artist WHERE n > 75 ORDER BY name;
SELECT json_group_array(seconds) FROM (SELECT seconds FROM track WHERE artist = 3 ORDER BY seconds LIMIT 6);
SELECT upper(substr(title, 1, 9)), length(title), instr(title, 'A') FROM track ORDER BY id LIMIT 4;
UPDATE track SET bpm = bpm * 2 WHERE seconds < 70;
DELETE FROM track WHERE id % 5 = 0;
SELECT count(*), min(seconds), max(seconds), printf('%.4f', avg(bpm)) FROM track;
EXPLAIN QUERY PLAN SELECT * FROM track WHERE artist = 4 AND seconds > 300;
PRAGMA integrity_check;
