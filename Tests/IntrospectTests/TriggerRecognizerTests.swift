import Testing
@testable import Introspect
@testable import SchemaModel

/// The recogniser on trigger bodies written here, no database.
@Suite struct TriggerRecognizerTests {
    func findings(_ body: String, table: String = "child") -> [String] {
        TriggerRecognizer.findings(in: Trigger(name: "t", table: QualifiedName(table), timing: "BEFORE", events: ["INSERT"], body: body)).map(\.description)
    }

    @Test func sqliteScalarSubqueryIsNullIsAReference() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child FOR EACH ROW BEGIN
              SELECT RAISE(ABORT, 'no parent') WHERE (SELECT id FROM parent WHERE id = NEW.parent_id) IS NULL;
            END
            """
        #expect(findings(body) == ["reference parent id=NEW.parent_id"])
    }

    @Test func sqliteCompositeNotExistsIsAReference() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NEW.a IS NOT NULL AND NOT EXISTS (SELECT 1 FROM parent p WHERE p.a = NEW.a AND parent.b = NEW.b);
            END
            """
        #expect(findings(body) == ["reference parent a=NEW.a,b=NEW.b"])
    }

    @Test func sqliteWhenClauseJoinsTheCondition() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child WHEN NOT EXISTS (SELECT 1 FROM parent WHERE code = NEW.code)
            BEGIN SELECT RAISE(FAIL, 'missing'); END
            """
        #expect(findings(body) == ["reference parent code=NEW.code"])
    }

    @Test func equalityWithTheParentsColumn() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'tenant differs') WHERE NEW.tenant_id != (SELECT tenant_id FROM parent WHERE id = NEW.parent_id);
            END
            """
        #expect(findings(body) == ["equality tenant_id=parent.tenant_id id=NEW.parent_id"])
    }

    @Test func mustNotExistElsewhere() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'exists') WHERE EXISTS (SELECT 1 FROM all_keys WHERE all_keys.auth = NEW.auth AND all_keys.code = NEW.code);
            END
            """
        #expect(findings(body) == ["absent all_keys auth=NEW.auth,code=NEW.code"])
    }

    @Test func extraPredicatesInsideAReferenceNarrowTheParent() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NOT EXISTS (SELECT 1 FROM parent WHERE parent.code = NEW.code AND parent.kind IN ('a', 'b'));
            END
            """
        // A parent row with that code and one of those kinds.
        #expect(findings(body) == ["reference parent code=NEW.code", "parent parent.kind in a|b code=NEW.code"])
        // Only when the rule holds for every row: under another term it is left to the database.
        let conditional = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NEW.flag = 1 AND NOT EXISTS (SELECT 1 FROM parent WHERE parent.code = NEW.code AND parent.kind = 'a');
            END
            """
        #expect(findings(conditional).isEmpty)
    }

    /// "Must not exist" with a parent's key (a rule about the parent's values) is no key rule;
    /// with the row's own key in its own table it is a uniqueness.
    @Test func mustNotExistOnlyForTheRowsOwnKey() {
        let col = { (n: String) in Column(name: n, type: .text(maxLength: nil), declaredType: "TEXT") }
        var schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("parent"), columns: [col("code"), col("deprecated")], primaryKey: ["code"]),
            Table(name: QualifiedName("child"), columns: [col("id"), col("parent_code"), col("email")], primaryKey: ["id"]),
        ])
        schema.triggers = [Trigger(name: "rules", table: QualifiedName("child"), timing: "BEFORE", events: ["INSERT"], body: """
            CREATE TRIGGER rules BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'deprecated') WHERE EXISTS (SELECT 1 FROM parent WHERE parent.code = NEW.parent_code AND parent.deprecated != 0);
              SELECT RAISE(ABORT, 'taken') WHERE EXISTS (SELECT 1 FROM child c WHERE c.email = NEW.email AND c.id IS NOT NULL);
            END
            """)]
        TriggerRuleReader.apply(to: &schema)
        #expect(schema.disjointKeys.isEmpty)
        let child = schema.table(named: QualifiedName("child"))!
        #expect(child.uniques.map(\.columns) == [["email"]])
        #expect(child.uniques.first?.origin == "rules")
        // The parent's key rule is a condition on the parent row the (added) FK picks.
        #expect(child.foreignKeys.map { "\($0.columns)>\($0.referencedTable)" } == ["[\"parent_code\"]>parent"])
        #expect(child.parentConditions.map { "\($0.column) \($0.equals) \($0.values)" } == ["deprecated true [\"0\"]"])
    }

    @Test func orAtTheTopIsNotRecognised() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NEW.kind = 1 OR NOT EXISTS (SELECT 1 FROM parent WHERE id = NEW.pid);
            END
            """
        #expect(findings(body).isEmpty)
    }

    @Test func plpgsqlIfNotExistsThenRaise() {
        let body = """
            begin
              if not exists (select 1 from app.accounts a where a.id = NEW.account_id) then
                raise exception 'account % does not exist', NEW.account_id;
              end if;
              if NEW.region <> (select region from app.accounts where accounts.id = NEW.account_id) then
                raise 'region mismatch';
              end if;
              if exists (select 1 from app.accounts where id = NEW.account_id) then
                raise notice 'fine';
              end if;
              return NEW;
            end;
            """
        #expect(findings(body) == ["reference app.accounts id=NEW.account_id", "equality region=app.accounts.region id=NEW.account_id"])
    }

    @Test func plpgsqlPerformThenNotFound() {
        let body = """
            declare v_owner int;
            begin
              perform 1 from teams t where t.id = NEW.team_id and t.org_id = NEW.org_id;
              if not found then
                raise exception 'team % is not in org %', NEW.team_id, NEW.org_id;
              end if;
              select id into v_owner from users where users.id = NEW.owner_id;
              if not found then raise exception 'no owner'; end if;
              return NEW;
            end;
            """
        #expect(findings(body) == ["reference teams id=NEW.team_id,org_id=NEW.org_id", "reference users id=NEW.owner_id"])
    }

    @Test func parentValueRules() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON ellipsoid FOR EACH ROW BEGIN
              SELECT RAISE(ABORT, 'uom should be of type ''length''')
                WHERE (SELECT type FROM unit_of_measure WHERE auth_name = NEW.uom_auth_name AND code = NEW.uom_code) != 'length';
              SELECT RAISE(ABORT, 'datum must not be deprecated')
                WHERE EXISTS (SELECT 1 FROM datum d WHERE d.code = NEW.datum_code AND d.deprecated != 0) AND NEW.deprecated = 0;
              SELECT RAISE(ABORT, 'dimension') WHERE (SELECT dimension FROM coordinate_system WHERE auth_name = NEW.cs_auth_name AND code = NEW.cs_code) IN (2, 3);
            END
            """
        #expect(findings(body, table: "ellipsoid") == [
            "parent unit_of_measure.type in length auth_name=NEW.uom_auth_name,code=NEW.uom_code",
            "parent datum.deprecated in 0 code=NEW.datum_code (conditional)",
            "parent coordinate_system.dimension not in 2|3 auth_name=NEW.cs_auth_name,code=NEW.cs_code",
        ])
    }

    @Test func insertedRows() {
        let sqlite = "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO a_by_group (a_id, group_id) VALUES (NEW.id, 0); END"
        #expect(findings(sqlite, table: "a") == ["insert a_by_group a_id=NEW.id,group_id=0"])
        let plpgsql = """
            declare v text; begin
              insert into app_private.user_secrets(user_id) values(NEW.id);
              insert into app_private.tokens values (NEW.id, encode(gen_random_bytes(7), 'hex'));
              return NEW;
            end;
            """
        #expect(findings(plpgsql, table: "users") == ["insert app_private.user_secrets user_id=NEW.id", "insert app_private.tokens #0=NEW.id,#1=?"])
    }

    @Test func viewOfTablesWithADiscriminator() {
        let views = [
            ViewDefinition(name: QualifiedName("objects"), query: """
                CREATE VIEW objects AS
                  SELECT CAST('book' AS TEXT) AS kind, auth, code FROM book
                  UNION ALL SELECT 'film', f.auth, f.code FROM film f LEFT JOIN studio s ON s.id = f.studio_id
                  UNION ALL SELECT kind, auth, code FROM more_objects
                  UNION ALL SELECT 'hidden', auth, code FROM secret WHERE visible = 0
                """),
            ViewDefinition(name: QualifiedName("more_objects"), query: "SELECT ('song'::character varying)::text AS kind, song.auth, song.code FROM song"),
        ]
        let branches = ViewBranches(views[0], views: views)
        #expect(branches?.columns == ["kind", "auth", "code"])
        #expect(branches?.branches.map(\.table.name) == ["book", "film", "song"])
        #expect(branches?.branches.map { $0.items[0] } == [.literal("book"), .literal("film"), .literal("song")])
        #expect(branches?.branches.allSatisfy { $0.items[1] == .column("auth") && $0.items[2] == .column("code") } == true)
    }

    @Test func schemaRulesFromTriggers() {
        let col = { (n: String) in Column(name: n, type: .text(maxLength: nil), declaredType: "TEXT") }
        var schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("book"), columns: [col("auth"), col("code")], primaryKey: ["auth", "code"]),
            Table(name: QualifiedName("film"), columns: [col("auth"), col("code")], primaryKey: ["auth", "code"]),
            Table(name: QualifiedName("alias"), columns: [col("kind"), col("auth"), col("code"), col("name")]),
        ])
        schema.views = [ViewDefinition(name: QualifiedName("objects"), query: "SELECT 'book' AS kind, auth, code FROM book UNION ALL SELECT 'film', auth, code FROM film")]
        schema.triggers = [
            Trigger(name: "alias_ref", table: QualifiedName("alias"), timing: "BEFORE", events: ["INSERT"], body: """
                CREATE TRIGGER alias_ref BEFORE INSERT ON alias BEGIN
                SELECT RAISE(ABORT, 'x') WHERE NOT EXISTS (SELECT 1 FROM objects o WHERE o.kind = NEW.kind AND o.auth = NEW.auth AND o.code = NEW.code); END
                """),
            Trigger(name: "book_unique", table: QualifiedName("book"), timing: "BEFORE", events: ["INSERT"], body: """
                CREATE TRIGGER book_unique BEFORE INSERT ON book BEGIN
                SELECT RAISE(ABORT, 'x') WHERE EXISTS (SELECT 1 FROM objects WHERE objects.auth = NEW.auth AND objects.code = NEW.code); END
                """),
        ]
        TriggerRuleReader.apply(to: &schema)
        let alias = schema.table(named: QualifiedName("alias"))!
        #expect(alias.polymorphicReferences.count == 1)
        #expect(alias.polymorphicReferences.first?.discriminator == "kind")
        #expect(alias.polymorphicReferences.first?.columns == ["auth", "code"])
        #expect(alias.polymorphicReferences.first?.branches.map { "\($0.table):\($0.literal ?? "-")" } == ["book:book", "film:film"])
        #expect(schema.disjointKeys.count == 1)
        #expect(schema.disjointKeys.first?.members.map(\.table.name) == ["book", "film"])
    }

    /// The schema one trigger on `shelf` gives: its checks and server-evaluated conditions.
    func shelfRules(_ body: String, timing: String = "BEFORE") -> Table {
        let int = { (n: String) in Column(name: n, type: .integer(bytes: 8), declaredType: "INTEGER") }
        let text = { (n: String) in Column(name: n, type: .text(maxLength: nil), declaredType: "TEXT", isNullable: true) }
        var schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("warehouse"), columns: [int("id"), int("capacity")], primaryKey: ["id"]),
            Table(name: QualifiedName("shelf"), columns: [int("id"), int("warehouse_id"), int("slot"), text("label"), text("note"), int("n")],
                  primaryKey: ["id"], uniques: [UniqueConstraint(name: nil, columns: ["warehouse_id", "n"])]),
        ])
        schema.triggers = [Trigger(name: "shelf_rules", table: QualifiedName("shelf"), timing: timing, events: ["INSERT"], body: body)]
        TriggerRuleReader.apply(to: &schema)
        return schema.table(named: QualifiedName("shelf"))!
    }

    @Test func conditionsOverTheRowAloneBecomeChecks() {
        let shelf = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'exclusive') WHERE NEW.label IS NOT NULL AND NEW.note IS NOT NULL;
              SELECT RAISE(ABORT, 'one of them') WHERE NEW.label IS NULL AND NEW.note IS NULL;
              SELECT RAISE(ABORT, 'short') WHERE length(NEW.label) < 3 AND NEW.slot::text = '1';
            END
            """)
        #expect(shelf.checks.map(\.expression) == [
            #"NOT ("label" IS NOT NULL AND "note" IS NOT NULL)"#,
            #"NOT ("label" IS NULL AND "note" IS NULL)"#,
            #"NOT (length("label") < 3 AND "slot"::text = '1')"#,
        ])
        #expect(shelf.checks.allSatisfy { $0.origin == "shelf_rules" })
        #expect(shelf.triggerConditions.isEmpty)
    }

    @Test func conditionsReadingOtherRowsAreKeptForTheServer() {
        let shelf = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'beyond capacity') WHERE NEW.slot > (SELECT capacity FROM warehouse WHERE id = NEW.warehouse_id);
            END
            """)
        #expect(shelf.checks.isEmpty)
        #expect(shelf.triggerConditions.count == 1)
        let c = shelf.triggerConditions.first
        #expect(c?.trigger == "shelf_rules")
        #expect(c?.columns == ["slot", "warehouse_id"])
        #expect(c?.text == "NEW.slot > (SELECT capacity FROM warehouse WHERE id = NEW.warehouse_id)")
        #expect(c?.sql == #"dbsynth_new."slot" > (SELECT capacity FROM warehouse WHERE id = dbsynth_new."warehouse_id")"#)
        // After the insert the row is visible to its own trigger's subqueries: not evaluated beforehand.
        #expect(shelfRules("CREATE TRIGGER shelf_rules AFTER INSERT ON shelf BEGIN SELECT RAISE(ABORT, 'x') WHERE NEW.slot > (SELECT capacity FROM warehouse WHERE id = NEW.warehouse_id); END",
                           timing: "AFTER").triggerConditions.isEmpty)
        // A subquery on the table itself would not see the rows of its own batch.
        #expect(shelfRules("CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN SELECT RAISE(ABORT, 'x') WHERE EXISTS (SELECT 1 FROM shelf s WHERE s.label = NEW.label); END")
            .triggerConditions.isEmpty)
    }

    @Test func aReferenceCheckedByNotExistsRejectsANullKey() {
        let shelf = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'no warehouse') WHERE NOT EXISTS (SELECT 1 FROM warehouse w WHERE w.id = NEW.warehouse_id) AND NEW.label IS NULL;
            END
            """)
        #expect(shelf.foreignKeys.map(\.columns) == [["warehouse_id"]])
        #expect(shelf.checks.map(\.expression) == [#"NOT (("label" IS NULL) AND ("warehouse_id" IS NULL))"#])
        // A guard on the key itself already lets NULL through.
        let guarded = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'no warehouse') WHERE NEW.warehouse_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM warehouse w WHERE w.id = NEW.warehouse_id);
            END
            """)
        #expect(guarded.checks.isEmpty)
    }

    @Test func aConditionNoRedrawCanChangeKeepsTheRowOutByItsOwnTerms() {
        // The subquery reads only the row's key (never redrawn): the row avoids `slot = 1` instead.
        let keyed = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'first slot') WHERE NEW.slot = 1 AND NOT EXISTS (SELECT 1 FROM warehouse WHERE capacity = NEW.id * 2);
            END
            """)
        #expect(keyed.checks.map(\.expression) == [#"NOT (("slot" = 1))"#])
        // The terms over the row read only key columns: same.
        let own = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'first step') WHERE NEW.n = 1 AND NOT EXISTS (SELECT 1 FROM warehouse WHERE capacity = NEW.slot + 1);
            END
            """)
        #expect(own.checks.map(\.expression) == [#"NOT (("n" = 1))"#])
        // Otherwise a redraw of `slot` may satisfy the database: nothing stricter.
        let free = shelfRules("""
            CREATE TRIGGER shelf_rules BEFORE INSERT ON shelf BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NEW.label = 'a' AND NOT EXISTS (SELECT 1 FROM warehouse WHERE capacity = NEW.slot + 1);
            END
            """)
        #expect(free.checks.isEmpty)
        #expect(free.triggerConditions.count == 1)
    }

    @Test func plpgsqlVariablesAreNotTheRow() {
        let t = SQLTokenizer.tokenize("NEW.a > limit_ AND TG_OP = 'INSERT'")
        #expect(!TriggerRecognizer.readsOnlyNewRow(t))
        #expect(TriggerRecognizer.readsOnlyNewRow(SQLTokenizer.tokenize("coalesce(NEW.a, 0)::numeric > 2 AND NEW.b IS DISTINCT FROM 'x' AND CAST(NEW.c AS double precision) < 1")))
        #expect(!TriggerRecognizer.readsOnlyNewRow(SQLTokenizer.tokenize("NEW.a = OLD.a")))
        #expect(!TriggerRecognizer.readsOnlyNewRow(SQLTokenizer.tokenize("NEW.a IN (SELECT id FROM t)")))
    }

    @Test func aViewReferenceNarrowedByTheViewsLiterals() {
        let col = { (n: String) in Column(name: n, type: .text(maxLength: nil), declaredType: "TEXT") }
        var schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("cat"), columns: [col("code")], primaryKey: ["code"]),
            Table(name: QualifiedName("dog"), columns: [col("code")], primaryKey: ["code"]),
            Table(name: QualifiedName("leash"), columns: [col("pet")]),
            Table(name: QualifiedName("swap"), columns: [col("kind"), col("old_code"), col("new_code")]),
        ])
        schema.views = [ViewDefinition(name: QualifiedName("pet"), query: "SELECT 'feline' AS family, code FROM cat UNION ALL SELECT 'canine', code FROM dog")]
        schema.triggers = [
            Trigger(name: "leash_pet", table: QualifiedName("leash"), timing: "BEFORE", events: ["INSERT"], body: """
                CREATE TRIGGER leash_pet BEFORE INSERT ON leash BEGIN
                SELECT RAISE(ABORT, 'x') WHERE NOT EXISTS (SELECT 1 FROM pet WHERE pet.code = NEW.pet AND pet.family IN ('canine')); END
                """),
        ]
        TriggerRuleReader.apply(to: &schema)
        let leash = schema.table(named: QualifiedName("leash"))!
        #expect(leash.polymorphicReferences.count == 0, "one table left: a plain foreign key")
        #expect(leash.foreignKeys.map(\.referencedTable.name) == ["dog"])
    }

    @Test func unionAllAlternativesOfTheNewRowKeepAReference() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NOT EXISTS (SELECT 1 FROM parent WHERE NEW.p IS NOT NULL AND parent.id = NEW.p UNION ALL SELECT 1 WHERE NEW.p IS NULL);
            END
            """
        #expect(findings(body) == ["reference parent id=NEW.p"])
    }

    @Test func rejectionFindsTheTriggerByItsMessage() {
        let sqlite = Trigger(name: "ellipsoid_check", table: QualifiedName("ellipsoid"), timing: "BEFORE", events: ["INSERT"],
                             body: "CREATE TRIGGER ellipsoid_check BEFORE INSERT ON ellipsoid BEGIN SELECT RAISE(ABORT, 'uom should be of type ''length''') WHERE 1; END")
        let plpgsql = Trigger(name: "team_rules", table: QualifiedName(schema: "app", "member"), timing: "BEFORE", events: ["INSERT"],
                              body: "begin if x then raise exception 'team % is not in org %', NEW.team_id, NEW.org_id; end if; return NEW; end;")
        let all = [sqlite, plpgsql]
        #expect(TriggerRejection.trigger(for: "loading ellipsoid failed: uom should be of type 'length'", among: all, preferred: QualifiedName("ellipsoid"))?.name == "ellipsoid_check")
        #expect(TriggerRejection.trigger(for: "loading app.member failed: ERROR:  team 7 is not in org 3", among: all, preferred: nil)?.name == "team_rules")
        #expect(TriggerRejection.trigger(for: "loading x failed: duplicate key value violates unique constraint", among: all, preferred: nil) == nil)
    }
}
