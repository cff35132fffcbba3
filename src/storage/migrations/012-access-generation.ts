import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A counter that moves whenever what `deniedFor` reads could change: a case restricted or opened
 * up, renamed or given a code name while restricted, a record merged or unmerged, an alias of a
 * restricted (or merged) record added or removed, a member added or removed, a lockdown set or
 * lifted. Working the denied list out again on every request read every restricted case and its
 * aliases (thousands of rows in a large archive) before the request's own queries; now a request
 * reads this one row and reuses the list while the counter stands. Triggers, not the writers,
 * move it: a writer added later cannot forget to.
 */
export function accessGeneration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE TABLE access_generation (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)`.execute(db);
      await sql`INSERT INTO access_generation (id, value) VALUES (1, 0)`.execute(db);
      const personChanged = (n: string, o: string) =>
        `${n}.restricted IS DISTINCT FROM ${o}.restricted OR ${n}.merged_into IS DISTINCT FROM ${o}.merged_into OR ((${n}.restricted = 1 OR ${n}.merged_into IS NOT NULL) AND (${n}.name IS DISTINCT FROM ${o}.name OR ${n}.code_name IS DISTINCT FROM ${o}.code_name))`;
      if (engine === 'sqlite') {
        // SQLite spells IS DISTINCT FROM as IS NOT.
        const changed = personChanged('NEW', 'OLD').replace(/IS DISTINCT FROM/g, 'IS NOT');
        const bump = 'BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END';
        const aliasOf = (r: string) => `EXISTS (SELECT 1 FROM persons WHERE persons.id = ${r}.person_id AND (persons.restricted = 1 OR persons.merged_into IS NOT NULL))`;
        for (const t of [
          `CREATE TRIGGER access_persons_insert AFTER INSERT ON persons WHEN NEW.restricted = 1 OR NEW.merged_into IS NOT NULL ${bump}`,
          `CREATE TRIGGER access_persons_update AFTER UPDATE ON persons WHEN ${changed} ${bump}`,
          `CREATE TRIGGER access_persons_delete AFTER DELETE ON persons WHEN OLD.restricted = 1 OR OLD.merged_into IS NOT NULL ${bump}`,
          `CREATE TRIGGER access_aliases_insert AFTER INSERT ON person_aliases WHEN ${aliasOf('NEW')} ${bump}`,
          `CREATE TRIGGER access_aliases_update AFTER UPDATE ON person_aliases WHEN ${aliasOf('NEW')} OR ${aliasOf('OLD')} ${bump}`,
          `CREATE TRIGGER access_aliases_delete AFTER DELETE ON person_aliases WHEN ${aliasOf('OLD')} ${bump}`,
          `CREATE TRIGGER access_members_insert AFTER INSERT ON case_members ${bump}`,
          `CREATE TRIGGER access_members_update AFTER UPDATE ON case_members ${bump}`,
          `CREATE TRIGGER access_members_delete AFTER DELETE ON case_members ${bump}`,
          `CREATE TRIGGER access_settings_insert AFTER INSERT ON settings WHEN NEW.key = 'lockdown' ${bump}`,
          `CREATE TRIGGER access_settings_update AFTER UPDATE ON settings WHEN NEW.key = 'lockdown' OR OLD.key = 'lockdown' ${bump}`,
          `CREATE TRIGGER access_settings_delete AFTER DELETE ON settings WHEN OLD.key = 'lockdown' ${bump}`,
        ])
          await sql.raw(t).execute(db);
        return;
      }
      await sql`CREATE FUNCTION access_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END $$`.execute(db);
      // A row trigger's WHEN cannot read another table: the alias's person is looked up in the function.
      await sql`CREATE FUNCTION access_bump_alias() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM persons WHERE persons.id = NEW.person_id AND (persons.restricted = 1 OR persons.merged_into IS NOT NULL)))
            OR (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM persons WHERE persons.id = OLD.person_id AND (persons.restricted = 1 OR persons.merged_into IS NOT NULL))) THEN
            UPDATE access_generation SET value = value + 1 WHERE id = 1;
          END IF;
          RETURN NULL;
        END $$`.execute(db);
      for (const t of [
        `CREATE TRIGGER access_persons_insert AFTER INSERT ON persons FOR EACH ROW WHEN (NEW.restricted = 1 OR NEW.merged_into IS NOT NULL) EXECUTE FUNCTION access_bump()`,
        `CREATE TRIGGER access_persons_update AFTER UPDATE ON persons FOR EACH ROW WHEN (${personChanged('NEW', 'OLD')}) EXECUTE FUNCTION access_bump()`,
        `CREATE TRIGGER access_persons_delete AFTER DELETE ON persons FOR EACH ROW WHEN (OLD.restricted = 1 OR OLD.merged_into IS NOT NULL) EXECUTE FUNCTION access_bump()`,
        `CREATE TRIGGER access_aliases AFTER INSERT OR UPDATE OR DELETE ON person_aliases FOR EACH ROW EXECUTE FUNCTION access_bump_alias()`,
        `CREATE TRIGGER access_members AFTER INSERT OR UPDATE OR DELETE ON case_members FOR EACH STATEMENT EXECUTE FUNCTION access_bump()`,
        `CREATE TRIGGER access_settings_write AFTER INSERT OR UPDATE ON settings FOR EACH ROW WHEN (NEW.key = 'lockdown') EXECUTE FUNCTION access_bump()`,
        `CREATE TRIGGER access_settings_delete AFTER DELETE ON settings FOR EACH ROW WHEN (OLD.key = 'lockdown') EXECUTE FUNCTION access_bump()`,
      ])
        await sql.raw(t).execute(db);
    },
  };
}
