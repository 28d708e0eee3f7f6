import Testing
@testable import Introspect

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

    @Test func extraPredicatesInsideAReferenceAreNotAForeignKey() {
        let body = """
            CREATE TRIGGER t BEFORE INSERT ON child BEGIN
              SELECT RAISE(ABORT, 'x') WHERE NOT EXISTS (SELECT 1 FROM parent WHERE parent.code = NEW.code AND parent.kind = 'a');
            END
            """
        #expect(findings(body).isEmpty)
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
