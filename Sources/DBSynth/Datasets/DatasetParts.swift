/// Config and DDL fragments more than one dataset uses: the date
/// dimension, the type-2 customer dimension, the category hierarchy.
enum DatasetParts {
    /// Every dataset's history: two full years, 731 days.
    static let firstDay = "2023-01-01"
    static let endDay = "2025-01-01"
    static let days: Int64 = 731

    static let dateDimensionDDL = """
        CREATE TABLE dim_date (
            date_key DATE PRIMARY KEY,
            date_id INTEGER NOT NULL UNIQUE,
            day_of_week INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
            day_name TEXT NOT NULL,
            day_of_month INTEGER NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
            week_of_year INTEGER NOT NULL CHECK (week_of_year BETWEEN 1 AND 53),
            month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
            month_name TEXT NOT NULL,
            quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
            year INTEGER NOT NULL,
            fiscal_period INTEGER NOT NULL CHECK (fiscal_period BETWEEN 1 AND 12),
            fiscal_quarter INTEGER NOT NULL CHECK (fiscal_quarter BETWEEN 1 AND 4),
            fiscal_year INTEGER NOT NULL,
            is_weekend BOOLEAN NOT NULL,
            is_holiday BOOLEAN NOT NULL,
            holiday_name TEXT
        );

        """

    /// The date dimension's columns: row i is day `firstDay + i`; fiscal years start in July.
    static let dateDimensionConfig: String = {
        let fields = ["date_key": "date", "date_id": "key", "day_of_week": "day_of_week", "day_name": "day_name",
                      "day_of_month": "day_of_month", "week_of_year": "week_of_year", "month": "month", "month_name": "month_name",
                      "quarter": "quarter", "year": "year", "fiscal_period": "fiscal_period", "fiscal_quarter": "fiscal_quarter",
                      "fiscal_year": "fiscal_year", "is_weekend": "is_weekend", "is_holiday": "is_holiday", "holiday_name": "holiday_name"]
        var text = "  dim_date:\n    rows: \(days)\n    columns:\n"
        for (column, field) in fields.sorted(by: { $0.key < $1.key }) {
            text += "      \(column): { type: calendar, start: \"\(firstDay)\", field: \(field), fiscal_start_month: 7 }\n"
        }
        return text
    }()

    static let customerDimensionDDL = """
        CREATE TABLE dim_customer (
            customer_sk INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            email TEXT NOT NULL,
            age INTEGER NOT NULL CHECK (age BETWEEN 18 AND 95),
            gender TEXT,
            city TEXT NOT NULL,
            state TEXT,
            country TEXT NOT NULL,
            segment TEXT NOT NULL CHECK (segment IN ('consumer', 'small_business', 'corporate')),
            loyalty_tier TEXT CHECK (loyalty_tier IN ('bronze', 'silver', 'gold', 'platinum')),
            valid_from DATE NOT NULL,
            valid_to DATE,
            is_current BOOLEAN NOT NULL
        );
        CREATE INDEX dim_customer_versions ON dim_customer (customer_id, version);

        """

    /// Type 2: each customer's versions on consecutive rows; name, email,
    /// age and gender are the customer's (drawn at the first version), the
    /// place changes with every version (the customer moved).
    static let customerDimensionConfig = """
          dim_customer:
            rows: 5000
            columns:
              customer_sk: { type: sequential_id }
              customer_id: { type: scd2, field: key }
              version: { type: scd2, field: version }
              first_name: { type: scd2, field: stable }
              last_name: { type: scd2, field: stable }
              email: { type: scd2, field: stable }
              age: { type: scd2, field: stable, inner: { type: normal, mean: 46, stddev: 17, min: 18, max: 95, decimals: 0 } }
              gender: { type: scd2, field: stable, inner: { type: optional, prob: 0.92, inner: { type: gender } } }
              state: { type: optional, prob: 0.85, inner: { type: state } }
              segment: { type: weighted_choice, values: { consumer: 0.72, small_business: 0.2, corporate: 0.08 } }
              loyalty_tier: { type: optional, prob: 0.4, inner: { type: weighted_choice, values: { bronze: 0.5, silver: 0.3, gold: 0.15, platinum: 0.05 } } }
              valid_from: { type: scd2, field: valid_from, start: "2021-01-01", end: "\(endDay)" }
              valid_to: { type: scd2, field: valid_to, start: "2021-01-01", end: "\(endDay)" }
              is_current: { type: scd2, field: is_current }

        """

    /// Departments and their categories, one row each.
    static let categories: [(department: String, category: String)] = [
        ("Grocery", "Produce"), ("Grocery", "Dairy"), ("Grocery", "Bakery"), ("Grocery", "Beverages"), ("Grocery", "Snacks"),
        ("Home", "Kitchen"), ("Home", "Furniture"), ("Home", "Bedding"), ("Home", "Lighting"),
        ("Apparel", "Men"), ("Apparel", "Women"), ("Apparel", "Kids"), ("Apparel", "Shoes"),
        ("Electronics", "Phones"), ("Electronics", "Computers"), ("Electronics", "Audio"), ("Electronics", "TV & Video"),
        ("Sports", "Fitness"), ("Sports", "Outdoor"), ("Sports", "Cycling"),
        ("Beauty", "Skin Care"), ("Beauty", "Makeup"), ("Beauty", "Fragrance"), ("Beauty", "Hair Care"),
    ]

    /// A category table `name` whose rows are `categories` in order.
    static func categoryConfig(_ name: String, key: String) -> String {
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        return """
              \(name):
                rows: \(categories.count)
                columns:
                  \(key): { type: sequential_id }
                  department: { type: cycle, values: \(list(categories.map(\.department))) }
                  category: { type: cycle, values: \(list(categories.map(\.category))) }

            """
    }

    static func categoryDDL(_ name: String, key: String) -> String {
        """
        CREATE TABLE \(name) (
            \(key) INTEGER PRIMARY KEY,
            department TEXT NOT NULL,
            category TEXT NOT NULL
        );

        """
    }

    /// An OLTP `customer` table: a person with an adult's age, then `columns`.
    static func customerDDL(_ columns: [String]) -> String {
        let person = ["customer_id INTEGER PRIMARY KEY", "first_name TEXT NOT NULL", "last_name TEXT NOT NULL",
                      "email TEXT NOT NULL UNIQUE", "phone TEXT", "age INTEGER NOT NULL CHECK (age BETWEEN 18 AND 95)"]
        return "CREATE TABLE customer (\n" + (person + columns).map { "    " + $0 }.joined(separator: ",\n") + "\n);\n"
    }

    /// A fact table's seasonal day: weekly rhythm, December and holiday peaks, 12 % growth a year.
    static let seasonalDay = "{ type: seasonal_date, start: \"\(firstDay)\", end: \"\(endDay)\", growth: 0.12 }"

    static func dateTable() -> Dataset.TableSize {
        .init(name: "dim_date", small: days, large: days, fixed: true)
    }

    static func categoryTable(_ name: String) -> Dataset.TableSize {
        .init(name: name, small: Int64(categories.count), large: Int64(categories.count), fixed: true)
    }
}
