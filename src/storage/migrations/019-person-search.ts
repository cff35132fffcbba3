import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A name search through one full-text index of the people: `person_search` holds a row per live
 * record (not merged into another) with every one of its names and aliases as `normalizeName`
 * keeps them (lower case, accents folded), kept in step by triggers on `persons` and
 * `person_aliases` in the writer's own transaction.
 *
 * Before, a name was looked up alias by alias (`person_aliases_fts`, one row per alias) and the
 * people bearing it ranked by their news afterwards: the newest 10,000 aliases read, the people
 * of 5,000 of them looked up by id and sorted, to keep 1,000. At a million reports a family name
 * is borne by thousands, and every search read to those caps.
 *
 * SQLite: the row's key (its rowid, the full-text index's rowid through `content_rowid`) is the
 * person's place in the news: the second of `last_news_at` (from 2000-01-01; none: the lowest
 * block) times 2^32, plus a number that makes it unique in its second. Newest in the news first is
 * then the index's own order (`ORDER BY rowid DESC`), and a search reads as many matches as it
 * keeps. The key moves when `last_news_at` does. PostgreSQL: a tsvector with a GIN index, and the
 * time in the news beside it (`news`), which the search sorts the matches by.
 */
export function personSearch(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const run = (statements: string[]) => statements.reduce((p, s) => p.then(() => sql.raw(s).execute(db)).then(() => undefined), Promise.resolve());
      if (engine === 'sqlite') {
        await run([
          `CREATE TABLE person_search (key INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE, names TEXT NOT NULL)`,
          `CREATE VIRTUAL TABLE person_search_fts USING fts5(names, content = 'person_search', content_rowid = 'key', tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`,
          // Every live record, in news order; within a second, in the order the records were added.
          `INSERT INTO person_search (key, person_id, names)
             SELECT b + row_number() OVER (PARTITION BY b ORDER BY rowid) - 1, id, coalesce((SELECT group_concat(normalized, ' ') FROM person_aliases WHERE person_aliases.person_id = p.id), '')
             FROM (SELECT rowid, id, ${newsBlock('last_news_at')} AS b FROM persons WHERE merged_into IS NULL) AS p`,
          `INSERT INTO person_search_fts (person_search_fts) VALUES ('rebuild')`,
          // The full-text index follows its content table.
          `CREATE TRIGGER person_search_fts_insert AFTER INSERT ON person_search BEGIN INSERT INTO person_search_fts (rowid, names) VALUES (NEW.key, NEW.names); END`,
          `CREATE TRIGGER person_search_fts_delete AFTER DELETE ON person_search BEGIN INSERT INTO person_search_fts (person_search_fts, rowid, names) VALUES ('delete', OLD.key, OLD.names); END`,
          `CREATE TRIGGER person_search_fts_update AFTER UPDATE ON person_search BEGIN
             INSERT INTO person_search_fts (person_search_fts, rowid, names) VALUES ('delete', OLD.key, OLD.names);
             INSERT INTO person_search_fts (rowid, names) VALUES (NEW.key, NEW.names);
           END`,
          // The content table follows the people and their names.
          `CREATE TRIGGER person_search_person_insert AFTER INSERT ON persons WHEN NEW.merged_into IS NULL BEGIN ${insertRow('NEW')} END`,
          `CREATE TRIGGER person_search_person_update AFTER UPDATE OF last_news_at, merged_into ON persons BEGIN
             DELETE FROM person_search WHERE person_id = OLD.id AND NEW.merged_into IS NOT NULL;
             UPDATE person_search SET key = ${nextKey(newsBlock('NEW.last_news_at'))} WHERE person_id = NEW.id AND NEW.merged_into IS NULL AND NEW.last_news_at IS NOT OLD.last_news_at;
             ${insertRow('NEW', 'AND NOT EXISTS (SELECT 1 FROM person_search WHERE person_id = NEW.id)')}
           END`,
          `CREATE TRIGGER person_search_person_delete AFTER DELETE ON persons BEGIN DELETE FROM person_search WHERE person_id = OLD.id; END`,
          `CREATE TRIGGER person_search_alias_insert AFTER INSERT ON person_aliases BEGIN
             UPDATE person_search SET names = CASE WHEN names = '' THEN NEW.normalized ELSE names || ' ' || NEW.normalized END WHERE person_id = NEW.person_id;
           END`,
          `CREATE TRIGGER person_search_alias_delete AFTER DELETE ON person_aliases BEGIN ${namesAgain('OLD')} END`,
          `CREATE TRIGGER person_search_alias_update AFTER UPDATE ON person_aliases BEGIN ${namesAgain('OLD')} ${namesAgain('NEW')} END`,
        ]);
        return;
      }
      await run([
        `CREATE TABLE person_search (person_id text PRIMARY KEY, news text, search tsvector NOT NULL)`,
        `CREATE FUNCTION person_search_names(p text) RETURNS tsvector LANGUAGE sql STABLE AS $$ SELECT to_tsvector('simple', coalesce(string_agg(normalized, ' '), '')) FROM person_aliases WHERE person_id = p $$`,
        `INSERT INTO person_search (person_id, news, search)
           SELECT persons.id, persons.last_news_at, to_tsvector('simple', coalesce(a.names, ''))
           FROM persons LEFT JOIN (SELECT person_id, string_agg(normalized, ' ') AS names FROM person_aliases GROUP BY person_id) AS a ON a.person_id = persons.id
           WHERE persons.merged_into IS NULL`,
        `CREATE INDEX person_search_names ON person_search USING gin (search)`,
        // Statistics now (where autovacuum is off, nothing else takes them): how common a word of the names is.
        `ANALYZE person_search`,
        `CREATE FUNCTION person_search_person() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP = 'DELETE' THEN
               DELETE FROM person_search WHERE person_id = OLD.id;
             ELSIF NEW.merged_into IS NOT NULL THEN
               DELETE FROM person_search WHERE person_id = NEW.id;
             ELSIF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM person_search WHERE person_id = NEW.id) THEN
               UPDATE person_search SET news = NEW.last_news_at WHERE person_id = NEW.id;
             ELSE
               INSERT INTO person_search (person_id, news, search) VALUES (NEW.id, NEW.last_news_at, person_search_names(NEW.id));
             END IF;
             RETURN NULL;
           END $$`,
        `CREATE FUNCTION person_search_alias() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP <> 'INSERT' THEN UPDATE person_search SET search = person_search_names(OLD.person_id) WHERE person_id = OLD.person_id; END IF;
             IF TG_OP <> 'DELETE' THEN UPDATE person_search SET search = person_search_names(NEW.person_id) WHERE person_id = NEW.person_id; END IF;
             RETURN NULL;
           END $$`,
        `CREATE TRIGGER person_search_person_insert AFTER INSERT ON persons FOR EACH ROW WHEN (NEW.merged_into IS NULL) EXECUTE FUNCTION person_search_person()`,
        `CREATE TRIGGER person_search_person_update AFTER UPDATE ON persons FOR EACH ROW WHEN (NEW.last_news_at IS DISTINCT FROM OLD.last_news_at OR NEW.merged_into IS DISTINCT FROM OLD.merged_into) EXECUTE FUNCTION person_search_person()`,
        `CREATE TRIGGER person_search_person_delete AFTER DELETE ON persons FOR EACH ROW EXECUTE FUNCTION person_search_person()`,
        `CREATE TRIGGER person_search_alias AFTER INSERT OR UPDATE OR DELETE ON person_aliases FOR EACH ROW EXECUTE FUNCTION person_search_alias()`,
      ]);
    },
  };
}

/**
 * SQLite: the first key of the block of the second a time falls in (seconds from 2000-01-01,
 * held to ±2^31 - 1, times 2^32); a time that is not one (none) takes the lowest block.
 */
export function newsBlock(column: string): string {
  const seconds = `CAST(strftime('%s', ${column}) AS INTEGER)`;
  return `(CASE WHEN strftime('%s', ${column}) IS NULL THEN -2147483648 ELSE max(-2147483647, min(2147483647, ${seconds} - 946684800)) END * 4294967296)`;
}

/** SQLite: the next free key of a block (`block` an expression of its first key). */
const nextKey = (block: string) => `(SELECT b + coalesce((SELECT max(key) FROM person_search WHERE key >= b AND key < b + 4294967296) - b + 1, 0) FROM (SELECT ${block} AS b))`;

/** SQLite: a live record's row, with its names as they are now (`extra`: a further condition). */
const insertRow = (r: string, extra = '') =>
  `INSERT INTO person_search (key, person_id, names) SELECT ${nextKey(newsBlock(`${r}.last_news_at`))}, ${r}.id, coalesce((SELECT group_concat(normalized, ' ') FROM person_aliases WHERE person_id = ${r}.id), '') WHERE ${r}.merged_into IS NULL ${extra};`;

/** SQLite: a record's names read again from its aliases. */
const namesAgain = (r: string) => `UPDATE person_search SET names = coalesce((SELECT group_concat(normalized, ' ') FROM person_aliases WHERE person_id = ${r}.person_id), '') WHERE person_id = ${r}.person_id;`;
