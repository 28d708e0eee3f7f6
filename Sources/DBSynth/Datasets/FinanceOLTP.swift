extension Dataset {
    /// A bank's operational schema: branches, customers, accounts, transactions, loans.
    public static let financeOLTP = Dataset(
        name: "finance_oltp", domain: "finance", kind: .oltp,
        summary: "bank operations: branch, customer, account, transaction, loan",
        tables: [
            .init(name: "branch", small: 25, large: 250, fixed: false),
            .init(name: "customer", small: 5_000, large: 500_000, fixed: false),
            .init(name: "account", small: 8_000, large: 800_000, fixed: false),
            .init(name: "account_transaction", small: 100_000, large: 10_000_000, fixed: false),
            .init(name: "loan", small: 1_500, large: 150_000, fixed: false),
        ],
        config: """
            seed: 42
            tables:
              customer:
                rows: 5000
                columns:
                  age: { type: normal, mean: 47, stddev: 17, min: 18, max: 95, decimals: 0 }
                  phone: { type: optional, prob: 0.8, inner: { type: phone } }
                  annual_income: { type: log_normal, median: 52000, sigma: 0.6, max: 5000000 }
                  credit_score: { type: normal, mean: 690, stddev: 70, min: 300, max: 850, decimals: 0 }
              account:
                rows: 8000
                columns:
                  account_type: { type: weighted_choice, values: { checking: 0.55, savings: 0.3, credit_card: 0.12, brokerage: 0.03 } }
                  opened_on: { type: date, start: "2010-01-01", end: "\(DatasetParts.endDay)" }
                  closed_on: { type: optional, prob: 0.07, inner: { type: date, start: "\(DatasetParts.firstDay)", end: "\(DatasetParts.endDay)" } }
              account_transaction:
                rows: 100000
                columns:
                  booked_on: \(DatasetParts.seasonalDay)
                  amount: { type: log_normal, median: 42, sigma: 1.3, max: 250000 }
                  direction: { type: weighted_choice, values: { debit: 0.78, credit: 0.22 } }
                  counterparty: { type: optional, prob: 0.6, inner: { type: company } }
              loan:
                rows: 1500
                columns:
                  principal: { type: log_normal, median: 18000, sigma: 0.9, max: 2000000 }
                  interest_rate: { type: normal, mean: 6.2, stddev: 1.8, min: 0.5, max: 24, decimals: 2 }
                  status: { type: weighted_choice, values: { current: 0.86, late: 0.06, defaulted: 0.02, paid_off: 0.06 } }

            """,
        ddl: """
            CREATE TABLE branch (
                branch_id INTEGER PRIMARY KEY,
                branch_name TEXT NOT NULL,
                city TEXT NOT NULL,
                country TEXT NOT NULL
            );
            \(DatasetParts.customerDDL(["annual_income INTEGER NOT NULL CHECK (annual_income >= 0)", "credit_score INTEGER NOT NULL CHECK (credit_score BETWEEN 300 AND 850)", "home_branch_id INTEGER NOT NULL REFERENCES branch (branch_id)"]))
            CREATE TABLE account (
                account_id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
                branch_id INTEGER NOT NULL REFERENCES branch (branch_id),
                iban TEXT NOT NULL UNIQUE,
                account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings', 'credit_card', 'brokerage')),
                opened_on DATE NOT NULL,
                closed_on DATE
            );
            CREATE INDEX account_customer ON account (customer_id);
            CREATE TABLE account_transaction (
                transaction_id BIGINT PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES account (account_id),
                booked_on DATE NOT NULL,
                amount INTEGER NOT NULL CHECK (amount >= 0),
                direction TEXT NOT NULL CHECK (direction IN ('debit', 'credit')),
                counterparty TEXT
            );
            CREATE INDEX account_transaction_account ON account_transaction (account_id, booked_on);
            CREATE TABLE loan (
                loan_id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
                principal INTEGER NOT NULL CHECK (principal > 0),
                interest_rate NUMERIC(5,2) NOT NULL CHECK (interest_rate > 0),
                status TEXT NOT NULL CHECK (status IN ('current', 'late', 'defaulted', 'paid_off'))
            );

            """,
        partitionColumns: ["account_transaction": "booked_on"]
    )
}
