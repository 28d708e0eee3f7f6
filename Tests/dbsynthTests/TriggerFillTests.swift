import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// Rules enforced by triggers, end to end on SQLite: foreign keys and an
/// equality read from trigger bodies, a polymorphic reference to a UNION ALL
/// view, keys disjoint across tables, rows triggers insert themselves, and
/// `--disable-triggers` with the rejection message.
@Suite struct SQLiteTriggerFillTests {
    static let schema = """
        CREATE TABLE tenant (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE project (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenant(id), name TEXT NOT NULL);
        CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, tenant_id INTEGER NOT NULL, title TEXT NOT NULL);
        CREATE TRIGGER task_project BEFORE INSERT ON task FOR EACH ROW BEGIN
          SELECT RAISE(ABORT, 'task refers to a missing project') WHERE (SELECT id FROM project WHERE id = NEW.project_id) IS NULL;
          SELECT RAISE(ABORT, 'task tenant differs from its project') WHERE NEW.tenant_id != (SELECT tenant_id FROM project WHERE id = NEW.project_id);
        END;
        CREATE TABLE unit (auth TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (auth, code));
        CREATE TABLE measure (id INTEGER PRIMARY KEY, unit_auth TEXT NOT NULL, unit_code TEXT NOT NULL);
        CREATE TRIGGER measure_unit BEFORE INSERT ON measure BEGIN
          SELECT RAISE(ABORT, 'unknown unit') WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.auth = NEW.unit_auth AND u.code = NEW.unit_code);
        END;
        CREATE TABLE book (auth TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (auth, code));
        CREATE TABLE film (auth TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (auth, code));
        CREATE VIEW work AS SELECT CAST('book' AS TEXT) AS kind, auth, code FROM book UNION ALL SELECT 'film', auth, code FROM film;
        CREATE TRIGGER book_new BEFORE INSERT ON book BEGIN
          SELECT RAISE(ABORT, 'book key taken') WHERE EXISTS (SELECT 1 FROM work WHERE work.auth = NEW.auth AND work.code = NEW.code);
        END;
        CREATE TRIGGER film_new BEFORE INSERT ON film BEGIN
          SELECT RAISE(ABORT, 'film key taken') WHERE EXISTS (SELECT 1 FROM work WHERE work.auth = NEW.auth AND work.code = NEW.code);
        END;
        CREATE TABLE alias (kind TEXT NOT NULL, auth TEXT NOT NULL, code TEXT NOT NULL, alt TEXT NOT NULL);
        CREATE TRIGGER alias_ref BEFORE INSERT ON alias BEGIN
          SELECT RAISE(ABORT, 'alias refers to a missing work') WHERE NOT EXISTS (SELECT 1 FROM work w WHERE w.kind = NEW.kind AND w.auth = NEW.auth AND w.code = NEW.code);
        END;
        CREATE TABLE uom (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('length', 'angle', 'time')));
        CREATE TABLE ruler (id INTEGER PRIMARY KEY, uom_id INTEGER NOT NULL REFERENCES uom(id));
        CREATE TRIGGER ruler_uom BEFORE INSERT ON ruler BEGIN
          SELECT RAISE(ABORT, 'uom should be of kind ''length''') WHERE (SELECT kind FROM uom WHERE id = NEW.uom_id) != 'length';
        END;
        CREATE TABLE "group" (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE item_by_group (item_id INTEGER NOT NULL REFERENCES item(id), group_id INTEGER NOT NULL REFERENCES "group"(id), PRIMARY KEY (item_id, group_id));
        CREATE TRIGGER item_add AFTER INSERT ON item BEGIN INSERT INTO item_by_group (item_id, group_id) VALUES (NEW.id, 0); END;
        CREATE TABLE item_secret (item_id INTEGER PRIMARY KEY REFERENCES item(id), token TEXT);
        CREATE TRIGGER item_secret_add AFTER INSERT ON item BEGIN INSERT INTO item_secret (item_id) VALUES (NEW.id); END;
        """

    @Test func triggerRulesAreHonouredAndShown() throws {
        let db = try ScratchSQLite(schema: Self.schema)
        defer { db.remove() }
        let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM task") == 300)
        // Trigger-enforced FK and equality: every task's tenant is its project's.
        #expect(try c.scalarInt("SELECT count(*) FROM task t JOIN project p ON p.id = t.project_id WHERE p.tenant_id = t.tenant_id") == 300)
        #expect(try c.scalarInt("SELECT count(*) FROM measure m JOIN unit u ON u.auth = m.unit_auth AND u.code = m.unit_code") == 300)
        // Polymorphic reference: both tables are pointed at, each row at an existing one.
        #expect(try c.scalarInt("SELECT count(*) FROM alias a JOIN work w ON w.kind = a.kind AND w.auth = a.auth AND w.code = a.code") == 300)
        #expect(try c.scalarInt("SELECT count(DISTINCT kind) FROM alias") == 2)
        // Keys unique across book and film.
        #expect(try c.scalarInt("SELECT count(*) FROM book b JOIN film f ON f.auth = b.auth AND f.code = b.code") == 0)
        // Rows inserted by triggers: the link row to group 0 (which had to be added), and the secrets table left to its trigger.
        #expect(try c.scalarInt("SELECT count(*) FROM \"group\" WHERE id = 0") == 1)
        #expect(try c.scalarInt("SELECT count(*) FROM item_by_group WHERE group_id = 0") == 300)
        #expect(try c.scalarInt("SELECT count(*) FROM item_by_group") == 300, "left to the trigger, which decides the whole key")
        #expect(try c.scalarInt("SELECT count(*) FROM item_secret") == 300)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try c.scalarInt("SELECT count(*) FROM ruler r JOIN uom u ON u.id = r.uom_id WHERE u.kind = 'length'") == 300)

        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("foreign key (project_id) → project (id)  (from trigger task_project)"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("equal tenant_id = project.tenant_id of the row (project_id) points at  (from trigger task_project)"))
        #expect(inspect.stdout.contains("reference (auth, code) → a row of work: kind names the table; one of book 'book', film 'film'  (from trigger alias_ref)"))
        #expect(inspect.stdout.contains("keys unique across tables (work): book (auth, code), film (auth, code)"))
        #expect(inspect.stdout.contains("filled by trigger item_secret_add"))
        #expect(inspect.stdout.contains("filled by trigger item_add"))
        #expect(inspect.stdout.contains("parent of (uom_id) has uom.kind = 'length'  (from trigger ruler_uom)"))
        let json = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
        #expect(json.stdout.contains("\"from_trigger\" : \"task_project\""), "\(json.stdout.prefix(400))")
        #expect(json.stdout.contains("\"filled_by_trigger\" : \"item_secret_add\""))
        #expect(json.stdout.contains("\"disjoint_keys\""))

        // Again over the rows just loaded: the summary says which table the trigger filled.
        let again = try CommandRunner.dbsynth(["fill", db.url, "--rows", "100", "--truncate"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("item_secret: filled by trigger item_secret_add, no rows generated"), "\(again.stdout)")
        #expect(try c.scalarInt("SELECT count(*) FROM item_secret") == 100)
        #expect(try c.scalarInt("SELECT count(*) FROM \"group\" WHERE id = 0") == 1)
    }

    static let picky = """
        CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
        CREATE TRIGGER no_odd BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'odd values are not allowed here') WHERE NEW.id % 2 = 1; END;
        """

    @Test func rejectionNamesTheTriggerAndDisableTriggersLoads() throws {
        let db = try ScratchSQLite(schema: Self.picky)
        defer { db.remove() }
        // The probe names the trigger and the way out before anything is loaded.
        let probed = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--quiet"])
        #expect(probed.status == 2)
        #expect(probed.stderr.contains("t: trigger no_odd") && probed.stderr.contains("odd values are not allowed here"), "\(probed.stderr)")
        #expect(probed.stderr.contains("--disable-triggers"))
        // Without the probe, the load's own error says the same.
        let failed = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--quiet", "--probe-rows", "0"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: loading t failed: trigger no_odd on t rejected a row: odd values are not allowed here"), "\(failed.stderr)")
        #expect(failed.stderr.contains("--disable-triggers"))
        #expect(try db.open().scalarInt("SELECT count(*) FROM t") == 0)

        let loaded = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--quiet", "--disable-triggers"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM t") == 200)
        #expect(try c.scalarInt("SELECT count(*) FROM t WHERE id % 2 = 1") ?? 0 > 0)
        // The trigger is back, with its text, and still rejects.
        #expect(try c.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'no_odd'") == 1)
        #expect(throws: DatabaseError.self) { try c.execute("INSERT INTO t (id, n) VALUES (1001, 3)") }
    }
}

@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresTriggerFillTests {
    static let schema = """
        CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE project (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES tenant(id), name text NOT NULL);
        CREATE TABLE task (id serial PRIMARY KEY, project_id int NOT NULL, tenant_id int NOT NULL, title text NOT NULL);
        CREATE FUNCTION task_rules() RETURNS trigger LANGUAGE plpgsql AS $$
        begin
          if not exists (select 1 from project p where p.id = NEW.project_id) then
            raise exception 'task % refers to a missing project', NEW.id;
          end if;
          if NEW.tenant_id <> (select tenant_id from project where project.id = NEW.project_id) then
            raise exception 'task tenant differs from its project';
          end if;
          return NEW;
        end $$;
        CREATE TRIGGER task_rules BEFORE INSERT ON task FOR EACH ROW EXECUTE FUNCTION task_rules();
        CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE user_secrets (user_id int PRIMARY KEY REFERENCES users(id), token text);
        CREATE FUNCTION users_secret() RETURNS trigger LANGUAGE plpgsql AS $$ begin insert into user_secrets(user_id) values (NEW.id); return NEW; end $$;
        CREATE TRIGGER users_secret AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_secret();
        CREATE TABLE "group" (id int PRIMARY KEY, name text NOT NULL UNIQUE);
        CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE item_by_group (item_id int NOT NULL REFERENCES item(id), group_id int NOT NULL REFERENCES "group"(id), PRIMARY KEY (item_id, group_id));
        CREATE FUNCTION item_add() RETURNS trigger LANGUAGE plpgsql AS $$ begin insert into item_by_group (item_id, group_id) values (NEW.id, 0); return NEW; end $$;
        CREATE TRIGGER item_add AFTER INSERT ON item FOR EACH ROW EXECUTE FUNCTION item_add();
        CREATE TABLE book (auth text NOT NULL, code int NOT NULL, PRIMARY KEY (auth, code));
        CREATE TABLE film (auth text NOT NULL, code int NOT NULL, PRIMARY KEY (auth, code));
        CREATE VIEW work AS SELECT 'book'::text AS kind, auth, code FROM book UNION ALL SELECT 'film', auth, code FROM film;
        CREATE FUNCTION work_key_free() RETURNS trigger LANGUAGE plpgsql AS $$ begin
          if exists (select 1 from work where work.auth = NEW.auth and work.code = NEW.code) then raise exception 'work key taken'; end if;
          return NEW; end $$;
        CREATE TRIGGER book_key BEFORE INSERT ON book FOR EACH ROW EXECUTE FUNCTION work_key_free();
        CREATE TRIGGER film_key BEFORE INSERT ON film FOR EACH ROW EXECUTE FUNCTION work_key_free();
        CREATE TABLE alias (id serial PRIMARY KEY, kind text NOT NULL, auth text NOT NULL, code int NOT NULL);
        CREATE FUNCTION alias_ref() RETURNS trigger LANGUAGE plpgsql AS $$ begin
          if not exists (select 1 from work w where w.kind = NEW.kind and w.auth = NEW.auth and w.code = NEW.code) then
            raise exception 'alias refers to a missing work';
          end if;
          return NEW; end $$;
        CREATE TRIGGER alias_ref BEFORE INSERT ON alias FOR EACH ROW EXECUTE FUNCTION alias_ref();
        """

    func scalar(_ db: ScratchPostgres, _ sql: String) throws -> String? {
        try db.open().query(sql).first?.first ?? nil
    }

    @Test func triggerRulesAreHonouredAndShown() throws {
        let db = try ScratchPostgres(schema: Self.schema)
        defer { db.drop() }
        let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM task t JOIN project p ON p.id = t.project_id WHERE p.tenant_id = t.tenant_id") == "300")
        #expect(try scalar(db, "SELECT count(*) FROM user_secrets") == "300")
        #expect(try scalar(db, "SELECT count(*) FROM \"group\" WHERE id = 0") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM item_by_group WHERE group_id = 0") == "300")
        #expect(try scalar(db, "SELECT count(*) FROM item_by_group") == "300")
        #expect(try scalar(db, "SELECT count(*) FROM alias a JOIN work w ON (w.kind, w.auth, w.code) = (a.kind, a.auth, a.code)") == "300")
        #expect(try scalar(db, "SELECT count(DISTINCT kind) FROM alias") == "2")
        #expect(try scalar(db, "SELECT count(*) FROM book b JOIN film f USING (auth, code)") == "0")

        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("foreign key (project_id) → project (id)  (from trigger task_rules)"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("equal tenant_id = project.tenant_id"))
        #expect(inspect.stdout.contains("filled by trigger users_secret"))
        #expect(inspect.stdout.contains("reference (auth, code) → a row of work: kind names the table; one of book 'book', film 'film'  (from trigger alias_ref)"))
        #expect(inspect.stdout.contains("keys unique across tables (work): book (auth, code), film (auth, code)"))
    }

    static let picky = """
        CREATE TABLE t (id serial PRIMARY KEY, n int NOT NULL);
        CREATE FUNCTION no_odd() RETURNS trigger LANGUAGE plpgsql AS $$
        begin
          if NEW.id % 2 = 1 then raise exception 'odd id % is not allowed here', NEW.id; end if;
          return NEW;
        end $$;
        CREATE TRIGGER no_odd BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION no_odd();
        """

    @Test func rejectionNamesTheTriggerAndDisableTriggersLoads() throws {
        let db = try ScratchPostgres(schema: Self.picky)
        defer { db.drop() }
        let probed = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--quiet"])
        #expect(probed.status == 2)
        #expect(probed.stderr.contains("t: trigger no_odd") && probed.stderr.contains("--disable-triggers"), "\(probed.stderr)")
        let failed = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--quiet", "--probe-rows", "0"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: loading t failed: trigger no_odd on t rejected a row: "), "\(failed.stderr)")
        #expect(failed.stderr.contains("is not allowed here"))
        #expect(failed.stderr.contains("--disable-triggers"))
        #expect(try scalar(db, "SELECT count(*) FROM t") == "0")

        let loaded = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--quiet", "--disable-triggers"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM t") == "200")
        #expect(try scalar(db, "SELECT count(*) > 0 FROM t WHERE id % 2 = 1") == "t")
        #expect(try scalar(db, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'no_odd'") == "O")
    }
}
