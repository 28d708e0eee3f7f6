/// Rules read from trigger bodies, in terms the planner already honours.
/// Each names the trigger it came from, so `inspect` can say "(from trigger T)".
/// Plain foreign keys recognised in triggers become `ForeignKey`s with an
/// `origin`; the shapes below have no declarative equivalent.

/// A column that must equal a column of the parent row its foreign key
/// points at (`WHERE NEW.a != (SELECT a FROM parent WHERE id = NEW.parent_id)`).
public struct ParentEquality: Sendable, Hashable {
    /// The child column that copies the parent's value.
    public var column: String
    /// The child's FK columns that pick the parent row.
    public var viaColumns: [String]
    public var parent: QualifiedName
    /// The parent's key columns matched by `viaColumns`.
    public var parentKey: [String]
    /// The parent column whose value is copied.
    public var parentColumn: String
    public var trigger: String

    public init(column: String, viaColumns: [String], parent: QualifiedName, parentKey: [String], parentColumn: String, trigger: String) {
        self.column = column
        self.viaColumns = viaColumns
        self.parent = parent
        self.parentKey = parentKey
        self.parentColumn = parentColumn
        self.trigger = trigger
    }
}

/// A value the parent row a foreign key points at must have
/// (`WHERE (SELECT type FROM unit WHERE id = NEW.unit_id) != 'length'`).
public struct ParentCondition: Sendable, Hashable {
    public var viaColumns: [String]
    public var parent: QualifiedName
    public var parentKey: [String]
    public var column: String
    /// `column IN values` when true, `column NOT IN values` when false.
    public var equals: Bool
    /// The literals as SQL text without quotes.
    public var values: [String]
    /// The rejection also depends on the new row's own values: honoured when
    /// some parent rows satisfy it together with the unconditional ones.
    public var conditional: Bool
    public var trigger: String

    public init(viaColumns: [String], parent: QualifiedName, parentKey: [String], column: String, equals: Bool, values: [String], conditional: Bool, trigger: String) {
        self.viaColumns = viaColumns
        self.parent = parent
        self.parentKey = parentKey
        self.column = column
        self.equals = equals
        self.values = values
        self.conditional = conditional
        self.trigger = trigger
    }
}

/// A reference to a view that is a `UNION ALL` of tables: each row points at
/// a row of one of the tables, and the child's discriminator column (if any)
/// holds that table's literal (`'ellipsoid'`).
public struct PolymorphicReference: Sendable, Hashable {
    public struct Branch: Sendable, Hashable {
        public var table: QualifiedName
        /// The literal the view gives this branch's rows in the discriminator column.
        public var literal: String?
        /// The table's columns matched to `PolymorphicReference.columns`, in order.
        public var columns: [String]

        public init(table: QualifiedName, literal: String?, columns: [String]) {
            self.table = table
            self.literal = literal
            self.columns = columns
        }
    }

    public var view: QualifiedName
    /// Child columns that take the picked parent row's values.
    public var columns: [String]
    /// The child column matched to the view's discriminator, if the rule names it.
    public var discriminator: String?
    public var branches: [Branch]
    public var trigger: String

    public init(view: QualifiedName, columns: [String], discriminator: String?, branches: [Branch], trigger: String) {
        self.view = view
        self.columns = columns
        self.discriminator = discriminator
        self.branches = branches
        self.trigger = trigger
    }

    /// Every child column the reference writes.
    public var allColumns: [String] { (discriminator.map { [$0] } ?? []) + columns }
}

/// Key columns that must be unique across several tables (a trigger refusing
/// a row whose key already exists in a view over all of them).
public struct DisjointKeys: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var table: QualifiedName
        public var columns: [String]
        public init(table: QualifiedName, columns: [String]) {
            self.table = table
            self.columns = columns
        }
    }

    /// The view (or table) the rule checks against.
    public var relation: QualifiedName
    public var members: [Member]
    /// Every trigger that states the rule.
    public var triggers: [String]

    public init(relation: QualifiedName, members: [Member], triggers: [String]) {
        self.relation = relation
        self.members = members
        self.triggers = triggers
    }
}

/// A row a trigger inserts into another table for every row inserted into
/// `source` (`INSERT INTO a_by_group (a_id, group_id) VALUES (NEW.id, 0)`).
public struct TriggerWrite: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// `NEW.column` of the source row.
        case newColumn(String)
        /// A literal, as SQL text without quotes (`0`, `Default`).
        case constant(String)
        /// Anything else (a function call, a variable).
        case other
    }

    public var trigger: String
    public var source: QualifiedName
    public var target: QualifiedName
    /// Target column → what the trigger writes into it.
    public var values: [String: Value]

    public init(trigger: String, source: QualifiedName, target: QualifiedName, values: [String: Value]) {
        self.trigger = trigger
        self.source = source
        self.target = target
        self.values = values
    }
}

/// A condition under which a trigger rejects a new row that reads other
/// rows (a subquery), so dbsynth cannot decide it alone: the database
/// evaluates it for every generated row before the load, and the rows it
/// would reject are redrawn (`ServerCheck` with a `trigger`). Advisory: the
/// trigger itself still runs and has the last word, so a row no redraw
/// saves is loaded as drawn and the trigger's own message reports it.
///
/// Conditions that read only the new row become CHECKs instead
/// (`CheckConstraint.origin`), which the engine honours by construction.
public struct TriggerCondition: Sendable, Hashable {
    /// How `sql` names the new row: the alias of the candidate row the
    /// evaluators select from.
    public static let rowAlias = "dbsynth_new"

    public var trigger: String
    /// The condition as the trigger writes it, for messages and `inspect`.
    public var text: String
    /// The condition as SQL over the candidate row: `NEW.x` is `dbsynth_new."x"`.
    public var sql: String
    /// The new row's columns it reads, as the table spells them.
    public var columns: [String]

    public init(trigger: String, text: String, sql: String, columns: [String]) {
        self.trigger = trigger
        self.text = text
        self.sql = sql
        self.columns = columns
    }
}
