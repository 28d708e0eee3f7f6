import Foundation

/// Data written here for the tests that learn from a database (`profile`,
/// `fill --profile`): 200 customers over four cities (one customer in a
/// fifth city seen once), scores 0.25–49.25 with one outlier of a million,
/// a note on three customers in four; customers 1–150 have 1–3 orders,
/// 151–200 none, and 10 orders have no customer.
public enum SampleData {
    public static let customersAndOrdersSchema = """
        CREATE TABLE customer (id INTEGER PRIMARY KEY, city TEXT NOT NULL, score NUMERIC(8, 2), joined DATE NOT NULL, note TEXT);
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer(id), total NUMERIC NOT NULL);
        """

    public static var customersAndOrders: String {
        var sql = customersAndOrdersSchema + "\n"
        let cities = ["Lyon", "Oslo", "Quito", "Perth"]
        for i in 1...200 {
            let city = i == 77 ? "Zanzibar" : cities[i % 4]
            let score = i == 13 ? "1000000.00" : String(format: "%.2f", Double(i % 50) + 0.25)
            let day = String(format: "2021-%02d-%02d", 1 + i % 12, 1 + i % 28)
            let note = i % 4 == 0 ? "NULL" : "'note \(i)'"
            sql += "INSERT INTO customer VALUES (\(i), '\(city)', \(score), '\(day)', \(note));\n"
        }
        var id = 0
        for c in 1...150 {
            for _ in 0...(c % 3) { id += 1; sql += "INSERT INTO orders VALUES (\(id), \(c), \(id % 7 + 10));\n" }
        }
        for _ in 0..<10 { id += 1; sql += "INSERT INTO orders VALUES (\(id), NULL, 1);\n" }
        return sql
    }

    /// Columns that move together, for the copula: 600 members whose income
    /// rises with age, whose tier follows income, and who place more
    /// orders the older they are (2–6 each), each order's amount rising
    /// with its member's income (parent context), a UNIQUE joining day, a renewal 300–420 days after it, and
    /// a country fixed by the city. The values are arithmetic on the row
    /// number, so the data is the same on every run.
    public static let correlatedSchema = """
        CREATE TABLE member (id INTEGER PRIMARY KEY, age INTEGER NOT NULL, income REAL NOT NULL, tier TEXT NOT NULL,
                             joined DATE NOT NULL, renewed DATE, city TEXT NOT NULL, country TEXT NOT NULL, UNIQUE (joined));
        CREATE TABLE purchase (id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES member(id), amount REAL NOT NULL);
        """

    public static var correlated: String {
        var sql = correlatedSchema + "\n"
        let places = [("Lyon", "France"), ("Paris", "France"), ("Oslo", "Norway"), ("Bergen", "Norway"), ("Quito", "Ecuador"), ("Perth", "Australia")]
        var order = 0
        for i in 1...600 {
            let age = 20 + (i * 37) % 50
            let income = Double(age) * 1000 + Double((i * 7919) % 9000)
            let tier = income > 55_000 ? "gold" : income > 38_000 ? "silver" : "bronze"
            let day = 18_000 + i * 2
            // Renewed 300–420 days after joining (a fifth never renewed); the
            // country is the city's.
            let renewed = i % 5 == 0 ? "NULL" : "date(\(day + 300 + (i * 53) % 121) * 86400, 'unixepoch')"
            let (city, country) = places[(i * 7) % places.count]
            sql += "INSERT INTO member VALUES (\(i), \(age), \(income), '\(tier)', date(\(day) * 86400, 'unixepoch'), \(renewed), '\(city)', '\(country)');\n"
            for _ in 0..<(age / 10) {
                order += 1
                sql += "INSERT INTO purchase VALUES (\(order), \(i), \(income / 500 + Double((order * 131) % 40) + 0.5));\n"
            }
        }
        return sql
    }

    /// Invoices whose total is the sum of their lines' price × quantity,
    /// over 300 tracks (more parents than the 200 invoices, so the lines
    /// would otherwise be laid out by track).
    public static let invoicesSchema = """
        CREATE TABLE track (id INTEGER PRIMARY KEY, name TEXT NOT NULL, unit_price NUMERIC(4, 2) NOT NULL);
        CREATE TABLE invoice (id INTEGER PRIMARY KEY, billed DATE NOT NULL, total NUMERIC(10, 2) NOT NULL);
        CREATE TABLE invoice_line (id INTEGER PRIMARY KEY, invoice_id INTEGER NOT NULL REFERENCES invoice(id),
                                   track_id INTEGER NOT NULL REFERENCES track(id), unit_price NUMERIC(4, 2) NOT NULL, quantity INTEGER NOT NULL);
        """

    public static var invoices: String {
        var sql = invoicesSchema + "\n"
        let prices = [0.99, 1.99, 0.99, 0.99, 2.49]
        for t in 1...300 { sql += "INSERT INTO track VALUES (\(t), 'track \(t)', \(prices[t % prices.count]));\n" }
        var line = 0
        for i in 1...200 {
            var total = 0.0
            var lines = ""
            for k in 0..<(1 + (i * 7) % 9) {
                line += 1
                let track = 1 + (i * 31 + k * 17) % 300
                let quantity = 1 + (i + k) % 3
                total += prices[track % prices.count] * Double(quantity)
                lines += "INSERT INTO invoice_line VALUES (\(line), \(i), \(track), \(prices[track % prices.count]), \(quantity));\n"
            }
            sql += "INSERT INTO invoice VALUES (\(i), date(\(19_000 + i) * 86400, 'unixepoch'), \(String(format: "%.2f", total)));\n" + lines
        }
        return sql
    }
}
