import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// Rejection conditions of triggers that no key or reference expresses,
/// filled with the triggers on: conditions over the row alone become
/// CHECKs, the others are evaluated by the database for every generated row
/// and the rows it would reject are redrawn.
@Suite struct SQLiteTriggerConditionFillTests {
    static let schema = """
        CREATE TABLE warehouse (id INTEGER PRIMARY KEY, capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10));
        CREATE TABLE shelf (
          id INTEGER PRIMARY KEY, warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
          slot INTEGER NOT NULL CHECK (slot BETWEEN 1 AND 10), label TEXT, note TEXT);
        CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
          SELECT RAISE(ABORT, 'slot beyond the warehouse capacity') WHERE NEW.slot > (SELECT capacity FROM warehouse WHERE id = NEW.warehouse_id);
          SELECT RAISE(ABORT, 'label and note are mutually exclusive') WHERE NEW.label IS NOT NULL AND NEW.note IS NOT NULL;
          SELECT RAISE(ABORT, 'one of label or note must be set') WHERE NEW.label IS NULL AND NEW.note IS NULL;
        END;
        CREATE TABLE cat (code TEXT PRIMARY KEY, name TEXT NOT NULL CHECK (name IN ('Tom', 'Rex', 'Max', 'Bo')), retired BOOLEAN NOT NULL CHECK (retired IN (0, 1)));
        CREATE TABLE dog (code TEXT PRIMARY KEY, name TEXT NOT NULL CHECK (name IN ('Tom', 'Rex', 'Max', 'Bo')), retired BOOLEAN NOT NULL CHECK (retired IN (0, 1)));
        CREATE VIEW pet AS SELECT 'cat' AS kind, 'feline' AS family, code, name, retired FROM cat
          UNION ALL SELECT 'dog', 'canine', code, name, retired FROM dog;
        CREATE TRIGGER dog_name BEFORE INSERT ON dog BEGIN
          SELECT RAISE(ABORT, 'name taken by an active pet') WHERE EXISTS (SELECT 1 FROM pet WHERE pet.name = NEW.name AND pet.retired = 0 AND NEW.retired = 0);
        END;
        CREATE TABLE leash (id INTEGER PRIMARY KEY, pet_code TEXT NOT NULL);
        CREATE TRIGGER leash_pet BEFORE INSERT ON leash BEGIN
          SELECT RAISE(ABORT, 'leashes are for dogs') WHERE NOT EXISTS (SELECT 1 FROM pet WHERE pet.code = NEW.pet_code AND pet.family IN ('canine'));
        END;
        CREATE TABLE swap (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, old_code TEXT NOT NULL, new_code TEXT NOT NULL);
        CREATE TRIGGER swap_ref BEFORE INSERT ON swap BEGIN
          SELECT RAISE(ABORT, 'old pet missing') WHERE NOT EXISTS (SELECT 1 FROM pet p WHERE p.kind = NEW.kind AND p.code = NEW.old_code);
          SELECT RAISE(ABORT, 'new pet missing') WHERE NOT EXISTS (SELECT 1 FROM pet p WHERE p.kind = NEW.kind AND p.code = NEW.new_code);
        END;
        CREATE TABLE step (op TEXT NOT NULL, n INTEGER NOT NULL CHECK (n BETWEEN 1 AND 50), PRIMARY KEY (op, n));
        CREATE TRIGGER step_first BEFORE INSERT ON step BEGIN
          SELECT RAISE(ABORT, 'step 1 needs a known operation') WHERE NEW.n = 1 AND NOT EXISTS (SELECT 1 FROM cat WHERE cat.code = NEW.op || '-1');
        END;
        """

    @Test func rejectedRowsAreAvoidedWithTheTriggersOn() throws {
        let db = try ScratchSQLite(schema: Self.schema)
        defer { db.remove() }
        // Enough dogs that their four names collide within one batch: the check sees the rows before it.
        let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM shelf") == 300)
        #expect(try c.scalarInt("SELECT count(*) FROM shelf s JOIN warehouse w ON w.id = s.warehouse_id WHERE s.slot > w.capacity") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM shelf WHERE (label IS NULL) = (note IS NULL)") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM shelf WHERE label IS NULL") ?? 0 > 0, "both branches appear")
        #expect(try c.scalarInt("SELECT count(*) FROM shelf WHERE note IS NULL") ?? 0 > 0)
        // Four names, 300 dogs: at most one active dog per name, though they meet within one batch.
        #expect(try c.scalarInt("SELECT count(*) FROM dog") == 300)
        #expect(try c.scalarInt("SELECT count(*) FROM (SELECT name FROM dog WHERE retired = 0 GROUP BY name HAVING count(*) > 1)") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM dog d JOIN cat c ON c.name = d.name WHERE d.retired = 0 AND c.retired = 0") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM leash l JOIN dog d ON d.code = l.pet_code") == 300)
        // Both references of a swap name the same table through its one kind column.
        #expect(try c.scalarInt("SELECT count(*) FROM swap s WHERE EXISTS (SELECT 1 FROM pet p WHERE p.kind = s.kind AND p.code = s.old_code) AND EXISTS (SELECT 1 FROM pet p WHERE p.kind = s.kind AND p.code = s.new_code)") == 300)
        #expect(try c.scalarInt("SELECT count(DISTINCT kind) FROM swap") == 2)
        // No operation is known, so no first steps: the key avoids the condition.
        #expect(try c.scalarInt("SELECT count(*) FROM step") == 300)
        #expect(try c.scalarInt("SELECT count(*) FROM step WHERE n = 1") == 0)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)

        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains(#"check NOT ("label" IS NOT NULL AND "note" IS NOT NULL)  (from trigger shelf_rules)"#), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("rejected when NEW.slot > (SELECT capacity FROM warehouse WHERE id = NEW.warehouse_id): evaluated by the server on every row, redraws warehouse_id, slot  (from trigger shelf_rules)"))
        #expect(inspect.stdout.contains("foreign key (pet_code) → dog (code)  (from trigger leash_pet)"))
        #expect(inspect.stdout.contains(#"check NOT (("n" = 1))  (from trigger step_first)"#))
        let json = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let shelf = (document?["tables"] as? [[String: Any]])?.first { $0["name"] as? String == "shelf" }
        let conditions = shelf?["trigger_conditions"] as? [[String: Any]]
        #expect(conditions?.count == 1)
        #expect(conditions?.first?["from_trigger"] as? String == "shelf_rules")
        #expect(conditions?.first?["redraws"] as? [String] == ["warehouse_id", "slot"])
        let checks = shelf?["checks"] as? [[String: Any]]
        #expect(checks?.filter { $0["from_trigger"] as? String == "shelf_rules" }.count == 2)
    }

    @Test func sameSeedSameRowsWithRedraws() throws {
        var dumps: [String] = []
        for _ in 0..<2 {
            let db = try ScratchSQLite(schema: Self.schema)
            defer { db.remove() }
            let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "120", "--quiet", "--seed", "9"])
            #expect(result.status == 0, "\(result.stderr)")
            let c = try db.open()
            dumps.append(try ["shelf", "dog", "swap"].map { try c.query("SELECT * FROM \($0) ORDER BY 1").description }.joined())
        }
        #expect(dumps[0] == dumps[1])
    }
}

@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresTriggerConditionFillTests {
    static let schema = """
        CREATE TABLE warehouse (id serial PRIMARY KEY, capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 10));
        CREATE TABLE shelf (
          id serial PRIMARY KEY, warehouse_id int NOT NULL REFERENCES warehouse(id),
          slot int NOT NULL CHECK (slot BETWEEN 1 AND 10), label text, note text);
        CREATE FUNCTION shelf_rules() RETURNS trigger LANGUAGE plpgsql AS $$
        declare room int;
        begin
          if NEW.slot > (select capacity from warehouse where id = NEW.warehouse_id) then
            raise exception 'slot % beyond the capacity of warehouse %', NEW.slot, NEW.warehouse_id;
          end if;
          if NEW.label is not null and NEW.note is not null then raise exception 'label and note are mutually exclusive'; end if;
          if NEW.label is null and NEW.note is null then raise exception 'one of label or note must be set'; end if;
          select capacity into room from warehouse where id = NEW.warehouse_id;
          if room < 0 then raise exception 'negative room'; end if;
          return NEW;
        end $$;
        CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf FOR EACH ROW EXECUTE FUNCTION shelf_rules();
        """

    @Test func rejectedRowsAreAvoidedWithTheTriggersOn() throws {
        let db = try ScratchPostgres(schema: Self.schema)
        defer { db.drop() }
        let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "400", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT count(*) FROM shelf").first?.first == "400")
        #expect(try c.query("SELECT count(*) FROM shelf s JOIN warehouse w ON w.id = s.warehouse_id WHERE s.slot > w.capacity").first?.first == "0")
        #expect(try c.query("SELECT count(*) FROM shelf WHERE (label IS NULL) = (note IS NULL)").first?.first == "0")
        // The condition on a PL/pgSQL variable is left to the trigger; the one over other rows is shown.
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("rejected when NEW.slot > (select capacity from warehouse where id = NEW.warehouse_id): evaluated by the server on every row"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains(#"check NOT ("label" is not null and "note" is not null)  (from trigger shelf_rules)"#))
    }
}
