extension Dataset {
    /// Account transactions over date, branch, transaction type and a type-2 customer.
    public static let financeStar = Dataset(
        name: "finance_star", domain: "finance", kind: .star,
        summary: "banking transactions: fact_transaction over dim_date, dim_branch, dim_transaction_type and a type-2 dim_customer",
        tables: [
            DatasetParts.dateTable(),
            .init(name: "dim_transaction_type", small: 8, large: 8, fixed: true),
            .init(name: "dim_branch", small: 30, large: 300, fixed: false),
            .init(name: "dim_customer", small: 5_000, large: 500_000, fixed: false),
            .init(name: "fact_transaction", small: 100_000, large: 10_000_000, fixed: false),
        ],
        config: """
            seed: 42
            tables:
            \(DatasetParts.dateDimensionConfig)  dim_transaction_type:
                rows: 8
                columns:
                  transaction_type_key: { type: sequential_id }
                  type_name: { type: cycle, values: [card_payment, atm_withdrawal, transfer_in, transfer_out, direct_debit, salary, fee, interest] }
                  direction: { type: cycle, values: [debit, debit, credit, debit, debit, credit, debit, credit] }
              dim_branch:
                rows: 30
                columns:
                  branch_type: { type: weighted_choice, values: { full_service: 0.6, express: 0.3, digital_hub: 0.1 } }
            \(DatasetParts.customerDimensionConfig)  fact_transaction:
                rows: 100000
                columns:
                  transaction_date: \(DatasetParts.seasonalDay)
                  transaction_type_key: { type: zipf, over: dim_transaction_type, s: 1.4 }
                  amount: { type: log_normal, median: 42, sigma: 1.3, max: 250000 }
                  channel: { type: weighted_choice, values: { card: 0.5, online: 0.3, branch: 0.08, atm: 0.12 } }
                  merchant: { type: optional, prob: 0.55, inner: { type: company } }

            """,
        ddl: DatasetParts.dateDimensionDDL + """
            CREATE TABLE dim_transaction_type (
                transaction_type_key INTEGER PRIMARY KEY,
                type_name TEXT NOT NULL UNIQUE,
                direction TEXT NOT NULL CHECK (direction IN ('debit', 'credit'))
            );
            CREATE TABLE dim_branch (
                branch_key INTEGER PRIMARY KEY,
                branch_name TEXT NOT NULL,
                branch_type TEXT NOT NULL CHECK (branch_type IN ('full_service', 'express', 'digital_hub')),
                city TEXT NOT NULL,
                country TEXT NOT NULL
            );
            \(DatasetParts.customerDimensionDDL)CREATE TABLE fact_transaction (
                transaction_id BIGINT PRIMARY KEY,
                transaction_date DATE NOT NULL REFERENCES dim_date (date_key),
                customer_sk INTEGER NOT NULL REFERENCES dim_customer (customer_sk),
                branch_key INTEGER NOT NULL REFERENCES dim_branch (branch_key),
                transaction_type_key INTEGER NOT NULL REFERENCES dim_transaction_type (transaction_type_key),
                amount INTEGER NOT NULL CHECK (amount >= 0),
                channel TEXT NOT NULL CHECK (channel IN ('card', 'online', 'branch', 'atm')),
                merchant TEXT
            );
            CREATE INDEX fact_transaction_date ON fact_transaction (transaction_date);
            CREATE INDEX fact_transaction_customer ON fact_transaction (customer_sk);

            """,
        partitionColumns: ["fact_transaction": "transaction_date"]
    )
}
